import { describe, expect, it } from 'vitest';
import { createUnderstand } from '../../src/understanding/understand.js';
import { evaluate, readEvalSet, summarise } from '../eval/evaluate.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';

const knowledge = loadTestKnowledge();
const understand = createUnderstand(knowledge);

// duties.yaml: the tuning set (≥ 600). holdout-duties.yaml: written blind from AWS pages, before any tuning on it.
describe.each([
  { file: 'duties.yaml', minItems: 600 },
  { file: 'holdout-duties.yaml', minItems: 200 },
])('duty-level evaluation set $file', ({ file, minItems }) => {
  const items = readEvalSet(file);
  const report = evaluate(knowledge, understand, items);
  console.log(summarise(file, report));
  const show = (title: string, misses: string[]) => misses.length && console.log(`[${file}] ${title}:\n  ${misses.join('\n  ')}`);
  show('owner misses', report.owner.misses);
  show('concept misses', report.concepts.misses);
  show('off-topic answered', report.offTopic.misses);
  show('two-part misses', report.parts.misses);

  it('is big enough and covers every style the issue lists', () => {
    expect(items.length).toBeGreaterThanOrEqual(minItems);
    for (const style of ['action', 'infrastructure', 'statement', 'exam-option', 'condition', 'two-part', 'follow-up', 'general', 'concept', 'off-topic']) {
      expect(items.filter((i) => i.style === style).length, style).toBeGreaterThan(0);
    }
  });

  it('gives the right owner for at least 97% of the questions that have one', () => {
    expect(report.owner.right / report.owner.total).toBeGreaterThanOrEqual(0.97);
  });

  it('answers at least 95% of concept questions with what was asked', () => {
    expect(report.concepts.right / report.concepts.total).toBeGreaterThanOrEqual(0.95);
  });

  it('declines at least 97% of off-topic questions, and gives an owner to at most 1%', () => {
    expect(report.offTopic.declined / report.offTopic.total).toBeGreaterThanOrEqual(0.97);
    expect(report.offTopic.wrongOwner / report.offTopic.total).toBeLessThanOrEqual(0.01);
  });

  it('answers every part of a two-part question', () => {
    expect(report.parts.right / report.parts.total).toBeGreaterThanOrEqual(0.9);
  });
});
