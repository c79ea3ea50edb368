import { COMMON_WORDS } from './common-words.js';
import type { PhraseIndex, PhraseTarget } from './phrase-index.js';
import type { SpellingCorrector } from './spelling.js';
import { stem } from './stem.js';

/** A phrase found in a question, with what it may name. */
export interface Mention {
  /** Position of the first word and number of words. */
  start: number;
  words: number;
  targets: PhraseTarget[];
  /** True when a word in it was spelling-corrected. */
  corrected: boolean;
}

/**
 * Finds the knowledge base's phrases in a question: longest match first, left to right, so
 * "kubernetes control plane" wins over "kubernetes". Unknown words are spelling-corrected first.
 */
export function findMentions(words: string[], index: PhraseIndex, correct: SpellingCorrector): Mention[] {
  const stems: string[] = [];
  const corrected: boolean[] = [];
  for (const word of words) {
    const s = stem(word);
    if (index.vocabulary.has(s) || COMMON_WORDS.has(word)) {
      stems.push(s);
      corrected.push(false);
      continue;
    }
    const fix = correct(s);
    stems.push(fix ?? s);
    corrected.push(fix !== undefined);
  }

  const mentions: Mention[] = [];
  for (let i = 0; i < stems.length; ) {
    let found: Mention | undefined;
    for (let n = Math.min(index.maxWords, stems.length - i); n >= 1; n--) {
      const targets = index.phrases.get(stems.slice(i, i + n).join(' '));
      if (targets) {
        found = { start: i, words: n, targets, corrected: corrected.slice(i, i + n).some(Boolean) };
        break;
      }
    }
    if (found) {
      mentions.push(found);
      i += found.words;
    } else {
      i += 1;
    }
  }
  return mentions;
}
