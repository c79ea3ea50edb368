import type { Knowledge } from './types.js';

/** Counts reported by `srm kb stats --json`. */
export interface KnowledgeStats {
  services: number;
  concerns: number;
  responsibilities: number;
  /** Duties across all resolved answers (conditional ones included). */
  duties: number;
  /** Shared answers without a duty on each side: always 0 for a valid knowledge base. */
  sharedUnsplit: number;
  concepts: number;
  quizScenarios: number;
  quizQuestions: number;
  unsourced: number;
}

/** Counts what the knowledge base holds; `responsibilities` counts resolved (service, concern) answers. */
export function knowledgeStats(knowledge: Knowledge): KnowledgeStats {
  let unsourced = 0;
  let duties = 0;
  let sharedUnsplit = 0;
  const answers = [...[...knowledge.services.keys()].flatMap((id) => knowledge.entriesFor(id)), ...[...knowledge.concerns.values()].map((c) => c.general)];
  for (const answer of answers) {
    if (answer.sources.length === 0) unsourced += 1;
    duties += answer.duties.length;
    const sides = new Set(answer.duties.filter((d) => !d.when).map((d) => d.by));
    if (answer.owner === 'shared' && sides.size < 2) sharedUnsplit += 1;
  }
  for (const c of knowledge.concepts.values()) if (c.sources.length === 0) unsourced += 1;
  let quizQuestions = 0;
  for (const s of knowledge.quizScenarios.values()) {
    quizQuestions += s.questions.length;
    unsourced += s.questions.filter((q) => !q.source).length;
  }
  return {
    services: knowledge.services.size,
    concerns: knowledge.concerns.size,
    responsibilities: knowledge.responsibilityCount,
    duties,
    sharedUnsplit,
    concepts: knowledge.concepts.size,
    quizScenarios: knowledge.quizScenarios.size,
    quizQuestions,
    unsourced,
  };
}
