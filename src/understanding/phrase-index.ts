import type { Knowledge } from '../knowledge/types.js';
import { withoutArticles } from './articles.js';
import { normalizeText } from './normalize-text.js';
import { stem } from './stem.js';

/** What a phrase in a question can point at. */
export type PhraseTarget =
  | { kind: 'service'; id: string; generic: boolean }
  /** `viaDuty`: named only through a duty's words, a slightly weaker reading than the concern's own terms. */
  | { kind: 'concern'; id: string; viaDuty?: boolean; viaCondition?: boolean }
  | { kind: 'context'; concernId: string }
  | { kind: 'concept'; id: string }
  /**
   * A duty's or a condition's own words: they name its concern, for its service (or any, for defaults).
   * A condition's words (`condition`) say which case applies ("RDS Custom"), so they name the concern only weakly.
   */
  | { kind: 'duty'; concernId: string; serviceId?: string; condition?: boolean };

/** Every name and term of the knowledge base, stemmed, for exact n-gram lookups on the hot path. */
export interface PhraseIndex {
  /** Stemmed phrase ("secur group") → what it names. */
  phrases: ReadonlyMap<string, PhraseTarget[]>;
  /** Longest phrase, in words. */
  maxWords: number;
  /** Every stemmed word that occurs in some phrase (the spelling corrector's dictionary). */
  vocabulary: ReadonlySet<string>;
}

/** Turns a name or term into the stemmed key the index uses. */
export function phraseKey(term: string): string {
  return withoutArticles(normalizeText(term)).map(stem).join(' ');
}

/** Builds the phrase index once, when the knowledge loads. */
export function buildPhraseIndex(knowledge: Knowledge): PhraseIndex {
  const phrases = new Map<string, PhraseTarget[]>();
  const add = (term: string, target: PhraseTarget) => {
    const key = phraseKey(term);
    if (!key) return;
    const list = phrases.get(key) ?? [];
    if (!list.some((t) => sameTarget(t, target))) list.push(target);
    phrases.set(key, list);
  };
  for (const s of knowledge.services.values()) {
    for (const name of [s.name, ...s.aliases]) add(name, { kind: 'service', id: s.id, generic: false });
    for (const term of s.genericTerms) add(term, { kind: 'service', id: s.id, generic: true });
  }
  for (const c of knowledge.concerns.values()) {
    for (const term of [c.label, ...c.terms]) add(term, { kind: 'concern', id: c.id });
    for (const term of c.contextTerms) add(term, { kind: 'context', concernId: c.id });
  }
  for (const c of knowledge.concerns.values()) {
    for (const d of c.general.duties) {
      for (const term of d.terms) add(term, { kind: 'duty', concernId: c.id });
      for (const term of d.when?.terms ?? []) add(term, { kind: 'duty', concernId: c.id, condition: true });
    }
  }
  for (const s of knowledge.services.values()) {
    for (const entry of knowledge.entriesFor(s.id)) {
      const serviceId = entry.origin === 'default' ? undefined : s.id;
      for (const d of entry.duties) {
        for (const term of d.terms) add(term, { kind: 'duty', concernId: entry.concernId, serviceId });
        for (const term of d.when?.terms ?? []) add(term, { kind: 'duty', concernId: entry.concernId, serviceId, condition: true });
      }
    }
  }
  for (const c of knowledge.concepts.values()) {
    for (const term of [c.title, ...c.terms]) add(term, { kind: 'concept', id: c.id });
  }
  let maxWords = 1;
  const vocabulary = new Set<string>();
  for (const key of phrases.keys()) {
    const words = key.split(' ');
    maxWords = Math.max(maxWords, words.length);
    for (const w of words) vocabulary.add(w);
  }
  return { phrases, maxWords: Math.min(maxWords, 6), vocabulary };
}

function sameTarget(a: PhraseTarget, b: PhraseTarget): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'duty' && b.kind === 'duty') return a.concernId === b.concernId && a.serviceId === b.serviceId && !a.condition === !b.condition;
  if (a.kind === 'context' && b.kind === 'context') return a.concernId === b.concernId;
  return 'id' in a && 'id' in b && a.id === b.id && (a.kind !== 'service' || b.kind !== 'service' || a.generic === b.generic);
}
