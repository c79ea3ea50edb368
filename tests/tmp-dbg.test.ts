import { it } from 'vitest';
import { createUnderstand } from '../src/understanding/understand.js';
import { answerQuestion } from '../src/answers/answer-question.js';
import { loadTestKnowledge } from './helpers/knowledge.js';
it('x', () => {
  const k = loadTestKnowledge();
  const u = createUnderstand(k);
  for (const q of (process.env.Q ?? '').split('|')) {
    const r = u(q);
    const o = answerQuestion(k, r);
    console.log(JSON.stringify({ q, intent: r.intent, concept: r.conceptId, services: r.services.map((s) => s.candidates), concerns: r.concernIds, owner: o.owner, side: r.side, claim: r.claim, head: o.reply.headline }));
  }
});
