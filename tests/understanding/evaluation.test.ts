import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answer-question.js';
import { createUnderstand } from '../../src/understanding/understand.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';

/** One labelled question: the owner the knowledge base gives, or null when the bot must decline. */
interface EvalQuestion {
  q: string;
  owner: 'aws' | 'customer' | 'shared' | null;
  service: string | null;
  concern?: string;
  outOfScope?: boolean;
}

const knowledge = loadTestKnowledge();
const understand = createUnderstand(knowledge);

// questions.yaml: the main set. holdout.yaml: written separately, without sight of the matcher.
describe.each([
  { file: 'questions.yaml', minInScope: 250, minOutOfScope: 50 },
  { file: 'holdout.yaml', minInScope: 100, minOutOfScope: 25 },
])('evaluation set $file', ({ file, minInScope, minOutOfScope }) => {
  const questions = (parse(readFileSync(new URL(`../eval/${file}`, import.meta.url), 'utf8')) as { questions: EvalQuestion[] }).questions;
  const inScope = questions.filter((q) => !q.outOfScope);
  const outOfScope = questions.filter((q) => q.outOfScope);

  it('has enough questions of each kind', () => {
    expect(inScope.length).toBeGreaterThanOrEqual(minInScope);
    expect(outOfScope.length).toBeGreaterThanOrEqual(minOutOfScope);
  });

  it('gives the right owner for at least 95% of in-scope questions', () => {
    const misses: string[] = [];
    for (const item of inScope) {
      const outcome = answerQuestion(knowledge, understand(item.q));
      if (!outcome.answered || outcome.owner !== item.owner) {
        misses.push(`${item.q}  → got ${outcome.answered ? outcome.owner : 'no answer'} (${outcome.serviceName ?? '-'} / ${outcome.concernLabel ?? '-'}), want ${item.owner}`);
      }
    }
    const accuracy = 1 - misses.length / inScope.length;
    console.log(`[${file}] owner accuracy on in-scope questions: ${(accuracy * 100).toFixed(1)}% (${inScope.length - misses.length}/${inScope.length})`);
    if (misses.length) console.log(`[${file}] misses:\n  ${misses.join('\n  ')}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('declines at least 95% of out-of-scope questions without giving an owner', () => {
    const answered: string[] = [];
    for (const item of outOfScope) {
      const outcome = answerQuestion(knowledge, understand(item.q));
      if (outcome.answered || outcome.owner !== null) answered.push(`${item.q}  → ${outcome.reply.kind} ${outcome.owner ?? ''}`);
    }
    const declined = 1 - answered.length / outOfScope.length;
    console.log(`[${file}] out-of-scope declined: ${(declined * 100).toFixed(1)}% (${outOfScope.length - answered.length}/${outOfScope.length})`);
    if (answered.length) console.log(`[${file}] answered anyway:\n  ${answered.join('\n  ')}`);
    expect(declined).toBeGreaterThanOrEqual(0.95);
  });
});
