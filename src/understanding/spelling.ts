import Fuse from 'fuse.js';
import { COMMON_WORDS } from './common-words.js';

/** A correction and how many edits it took. */
export interface Correction {
  word: string;
  distance: number;
}

/** Corrects a word to the knowledge base's vocabulary when it is a plausible typo of one. */
export type SpellingCorrector = (word: string) => Correction | undefined;

const CACHE_LIMIT = 20_000;

/**
 * Builds a corrector over the vocabulary (once, at load). A deletion-neighbourhood index (every word
 * with each one of its letters left out, the SymSpell idea) finds the few words a typo can be, in time
 * that does not grow with the vocabulary; Fuse.js ranks those candidates and a Damerau–Levenshtein
 * check keeps only close ones (1 edit up to 6 letters, 2 beyond), so an everyday word is never bent
 * into an AWS name. Short words only match as anagrams of short names ("rsd" → "rds"). Results are
 * cached: the hot path sees each new word once.
 */
export function createSpellingCorrector(vocabulary: Iterable<string>): SpellingCorrector {
  const words = [...new Set(vocabulary)].filter((w) => w.length >= 3 && !/^\d+$/.test(w));
  const short = new Map<string, string>();
  for (const w of words) if (w.length === 3) short.set(sorted(w), w);
  // Built on the first unknown word, not at start-up: most messages need no correction at all.
  let index: Map<string, string[]> | undefined;
  const neighbourIndex = (): Map<string, string[]> => {
    if (index) return index;
    index = new Map();
    for (const w of words) {
      if (w.length < 4) continue;
      for (const key of [w, ...deletes(w)]) {
        const list = index.get(key);
        if (!list) index.set(key, [w]);
        else if (list[list.length - 1] !== w) list.push(w);
      }
    }
    return index;
  };
  const cache = new Map<string, Correction | undefined>();

  return (word) => {
    if (cache.has(word)) return cache.get(word);
    const found = correct(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, found);
    return found;
  };

  /** Words within one deletion of the typo on each side: insertions, deletions, substitutions, swaps, and two of most. */
  function candidates(word: string): string[] {
    const keys = new Set([word, ...deletes(word)]);
    if (word.length > 6) for (const d of deletes(word)) for (const dd of deletes(d)) keys.add(dd);
    const found = new Set<string>();
    const neighbours = neighbourIndex();
    for (const key of keys) for (const w of neighbours.get(key) ?? []) found.add(w);
    return [...found];
  }

  function correct(word: string): Correction | undefined {
    if (COMMON_WORDS.has(word) || /\d/.test(word)) return undefined;
    if (word.length === 3) {
      const anagram = short.get(sorted(word));
      return anagram ? { word: anagram, distance: 1 } : undefined;
    }
    if (word.length < 4) return undefined;
    const allowed = word.length <= 6 ? 1 : 2;
    const near = candidates(word);
    if (near.length === 0) return undefined;
    let best: Correction | undefined;
    for (const hit of new Fuse(near, FUSE_OPTIONS).search(word, { limit: 8 })) {
      const distance = editDistance(word, hit.item);
      // "environment" is not a typo of "environmental": a word is not corrected into a longer form of itself.
      if (distance >= 2 && (hit.item.startsWith(word) || word.startsWith(hit.item))) continue;
      if (distance <= allowed && (!best || distance < best.distance)) best = { word: hit.item, distance };
    }
    return best;
  }
}

const FUSE_OPTIONS = { includeScore: true, threshold: 0.4, ignoreLocation: true, minMatchCharLength: 2 } as const;

/** The word with each one of its letters left out. */
function deletes(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function sorted(word: string): string {
  return [...word].sort().join('');
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
