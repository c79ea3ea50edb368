import type { Knowledge } from '../knowledge/types.js';
import { COMMON_WORDS } from './common-words.js';
import { normalizeText } from './normalize-text.js';
import { stem } from './stem.js';

/** Each concept's phrases as sets of meaningful stemmed words, for questions that word a concept their own way. */
export type ConceptWords = readonly { id: string; words: readonly string[] }[];

/** Phrases with fewer meaningful words than this are only matched as written (by the phrase index). */
const MIN_WORDS = 2;

/** Built once per knowledge base. */
export function buildConceptWords(knowledge: Knowledge): ConceptWords {
  const list: { id: string; words: string[] }[] = [];
  for (const c of knowledge.concepts.values()) {
    for (const phrase of [c.title, ...c.terms]) {
      const words = [...new Set(normalizeText(phrase).filter((w) => !COMMON_WORDS.has(w)).map(stem))];
      if (words.length >= MIN_WORDS) list.push({ id: c.id, words });
    }
  }
  return list;
}

/**
 * The concepts whose phrases have all their meaningful words in the question, in any order, most words
 * first ("what stays the customer's job no matter which AWS service we use?" has those of "no matter which service").
 */
export function conceptsByWords(concepts: ConceptWords, stems: string[]): string[] {
  const present = new Set(stems);
  const best = new Map<string, number>();
  for (const c of concepts) {
    if (c.words.length > (best.get(c.id) ?? 0) && c.words.every((w) => present.has(w))) best.set(c.id, c.words.length);
  }
  return [...best.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}
