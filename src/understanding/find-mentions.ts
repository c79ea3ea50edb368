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
  /** The stemmed phrase that matched. */
  key: string;
  /** True when a word in it was spelling-corrected. */
  corrected: boolean;
  /** Part of a longer phrase ("snapshots" in "EBS snapshots"): a weaker concern reading. */
  nested?: boolean;
  /** Nested only in these services' duty words: a weaker reading only when the question is about one of them. */
  nestedBy?: ReadonlySet<string>;
}

/**
 * Finds the knowledge base's phrases in a question, and returns them with the question's stemmed
 * words. Unknown words are spelling-corrected first, except those in `keepAsTyped`.
 * Every phrase is found, overlapping ones too ("s3 bucket" and "bucket access"), except those
 * inside a longer one ("kubernetes" inside "kubernetes control plane").
 */
export function findMentions(
  words: string[],
  index: PhraseIndex,
  correct: SpellingCorrector,
  keepAsTyped: ReadonlySet<string> = new Set(),
): { mentions: Mention[]; stems: string[] } {
  const stems: string[] = [];
  const corrected: boolean[] = [];
  for (const word of words) {
    const s = stem(word);
    // Acronyms and product names as typed ("MSK", "Kafka") are never bent into another name.
    if (index.vocabulary.has(s) || COMMON_WORDS.has(word) || keepAsTyped.has(word)) {
      stems.push(s);
      corrected.push(false);
      continue;
    }
    const fix = correct(s);
    stems.push(fix?.word ?? s);
    corrected.push(fix !== undefined);
  }

  const found: Mention[] = [];
  for (let i = 0; i < stems.length; i++) {
    for (let n = Math.min(index.maxWords, stems.length - i); n >= 1; n--) {
      const key = stems.slice(i, i + n).join(' ');
      const targets = index.phrases.get(key);
      if (targets) {
        found.push({ start: i, words: n, targets, key, corrected: corrected.slice(i, i + n).some(Boolean) });
      }
    }
  }
  const kept: Mention[] = [];
  for (const m of found) {
    const outers = found.filter((o) => o !== m && contains(o, m));
    if (outers.some((o) => hides(o, m))) continue;
    // Inside only some services' duty words ("security group rules" on Cloud9): nested only if the question is about one.
    const dutyOnly = outers.every((o) => o.targets.every((t) => t.kind === 'duty' && t.serviceId !== undefined));
    const nestedBy = dutyOnly ? new Set(outers.flatMap((o) => o.targets.flatMap((t) => (t.kind === 'duty' && t.serviceId ? [t.serviceId] : [])))) : undefined;
    kept.push(outers.length > 0 ? { ...m, nested: true, ...(nestedBy ? { nestedBy } : {}) } : m);
  }
  return { mentions: kept, stems };
}

function contains(outer: Mention, inner: Mention): boolean {
  return (
    outer.start <= inner.start &&
    outer.start + outer.words >= inner.start + inner.words &&
    outer.words > inner.words
  );
}

/**
 * Whether a longer phrase hides a shorter one inside it. A leading word is hidden unless it is a
 * service heading a concern ("S3" in "S3 versioning"; but "route" in "Route 53" goes). A later word
 * survives when it names something of another kind ("snapshots" in "EBS snapshots"), as a weaker reading.
 */
function hides(outer: Mention, inner: Mention): boolean {
  // A phrase that is only some service's duty words ("scaling nodes") hides nothing: it may not apply here.
  if (outer.targets.every((t) => t.kind === 'duty')) return false;
  const outerKinds = new Set(outer.targets.map(kindOf));
  const innerIsService = inner.targets.every((t) => t.kind === 'service');
  if (inner.start === outer.start) return !(innerIsService && !outerKinds.has('service'));
  return inner.targets.every((t) => outerKinds.has(kindOf(t)));
}

function kindOf(t: PhraseTarget): string {
  return t.kind === 'context' ? 'concern' : t.kind;
}
