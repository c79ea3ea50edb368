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
 * Finds the knowledge base's phrases in a question. Unknown words are spelling-corrected first.
 * Every phrase is found, overlapping ones too ("s3 bucket" and "bucket access"), except those
 * inside a longer one ("kubernetes" inside "kubernetes control plane").
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

  const found: Mention[] = [];
  for (let i = 0; i < stems.length; i++) {
    for (let n = Math.min(index.maxWords, stems.length - i); n >= 1; n--) {
      const targets = index.phrases.get(stems.slice(i, i + n).join(' '));
      if (targets) {
        found.push({ start: i, words: n, targets, corrected: corrected.slice(i, i + n).some(Boolean) });
        break; // shorter phrases starting here are inside this one
      }
    }
  }
  return found.filter((m) => !found.some((o) => o !== m && contains(o, m)));
}

function contains(outer: Mention, inner: Mention): boolean {
  return (
    outer.start <= inner.start &&
    outer.start + outer.words >= inner.start + inner.words &&
    outer.words > inner.words
  );
}
