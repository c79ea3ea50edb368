import type { Knowledge } from '../knowledge/types.js';

/** What a quiz can be about, as named by the person starting it. */
export type QuizTopic =
  | { kind: 'scenario'; id: string; title: string }
  | { kind: 'service'; ids: string[]; name: string }
  | { kind: 'concern'; ids: string[]; label: string };

/** Finds the topic a phrase names ("serverless", "rds", "encryption"); built once per knowledge. */
export type TopicFinder = (phrase: string) => QuizTopic | undefined;

/** Lower-case, hyphens and punctuation as spaces, single spaces. */
export function normalizePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Indexes scenario, service and concern names. Precedence when a phrase names several: a scenario's
 * id or title, then a service, then a concern, then a scenario tag (so "rds" means the service even
 * though scenarios are tagged "rds"). A phrase that is only a word of concern labels ("encryption")
 * falls back to every concern whose label contains it.
 */
export function createTopicFinder(knowledge: Knowledge): TopicFinder {
  const exact = new Map<string, QuizTopic>();
  const add = (phrase: string, topic: QuizTopic) => {
    const key = normalizePhrase(phrase);
    if (key && !exact.has(key)) exact.set(key, topic);
  };

  for (const s of knowledge.quizScenarios.values()) {
    const topic: QuizTopic = { kind: 'scenario', id: s.id, title: s.title };
    add(s.id, topic);
    add(s.title, topic);
  }
  for (const s of knowledge.services.values()) {
    const topic: QuizTopic = { kind: 'service', ids: [s.id, ...s.variants], name: s.name };
    for (const phrase of [s.id, s.name, ...s.aliases]) add(phrase, topic);
  }
  for (const c of knowledge.concerns.values()) {
    const topic: QuizTopic = { kind: 'concern', ids: [c.id, ...c.resolvesTo], label: c.label };
    for (const phrase of [c.id, c.label, ...c.terms]) add(phrase, topic);
  }
  for (const s of knowledge.quizScenarios.values()) {
    for (const tag of s.tags) add(tag, { kind: 'scenario', id: s.id, title: s.title });
  }
  const concernWords = [...knowledge.concerns.values()].map((c) => ({
    concern: c,
    words: new Set(normalizePhrase(`${c.id} ${c.label}`).split(' ')),
  }));

  return (phrase) => {
    const key = normalizePhrase(phrase);
    if (!key) return undefined;
    const found = exact.get(key);
    if (found) return found;
    const words = key.split(' ');
    const matches = concernWords.filter((c) => words.every((w) => c.words.has(w))).map((c) => c.concern);
    if (matches.length === 0) return undefined;
    return { kind: 'concern', ids: matches.map((c) => c.id), label: phrase.trim() };
  };
}
