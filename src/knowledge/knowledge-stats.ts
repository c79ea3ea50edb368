import type { Knowledge } from './types.js';

/** Counts reported by `srm kb stats --json`. */
export interface KnowledgeStats {
  services: number;
  concerns: number;
  responsibilities: number;
  concepts: number;
  quizScenarios: number;
  quizQuestions: number;
  unsourced: number;
}

/** Counts what the knowledge base holds; `responsibilities` counts resolved (service, concern) answers. */
export function knowledgeStats(knowledge: Knowledge): KnowledgeStats {
  let unsourced = 0;
  for (const id of knowledge.services.keys()) {
    unsourced += knowledge.entriesFor(id).filter((e) => e.sources.length === 0).length;
  }
  for (const c of knowledge.concerns.values()) if (c.general.sources.length === 0) unsourced += 1;
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
    concepts: knowledge.concepts.size,
    quizScenarios: knowledge.quizScenarios.size,
    quizQuestions,
    unsourced,
  };
}
