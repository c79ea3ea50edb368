import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { createQuestionBank, MAX_QUIZ_LENGTH } from '../../src/quiz/question-bank.js';
import { parseQuizArgs } from '../../src/quiz/quiz-args.js';
import { createTopicFinder } from '../../src/quiz/quiz-topics.js';
import { sequenceRandom } from './fixtures.js';
import { createHarness, ctx, removeDataDir } from './quiz-harness.js';

const knowledge = loadKnowledge('knowledge');
const bank = createQuestionBank(knowledge);
const findTopic = createTopicFinder(knowledge);

describe('quizzes from the real knowledge base', () => {
  it.each([
    ['serverless', 'scenario'],
    ['rds', 'service'],
    ['encryption', 'concern'],
    ['classic-deployment', 'scenario'],
    ['patching', 'concern'],
  ])('"quiz %s" selects a %s and yields questions', (args, kind) => {
    const command = parseQuizArgs(args, findTopic);
    expect(command).toMatchObject({ kind: 'start', selection: { topic: { kind } } });
    if (command.kind !== 'start') return;
    const plan = bank.select(command.selection, sequenceRandom());
    expect(plan.questions.length).toBeGreaterThan(1);
  });

  it('keeps the classic activity (seed 002) answers in order', () => {
    const plan = bank.select({ topic: { kind: 'scenario', id: 'classic-deployment', title: '' } }, Math.random);
    expect(plan.questions.map((q) => q.answer)).toEqual([
      'customer', 'aws', 'aws', 'customer', 'customer', 'aws', 'customer', 'customer',
    ]);
  });

  it('generates questions whose answers match the responsibility entries, with a source link', () => {
    for (let seed = 0; seed < 20; seed++) {
      const plan = bank.select({ count: MAX_QUIZ_LENGTH }, sequenceRandom([seed / 20, 0.37, 0.81, 0.13]));
      expect(plan.questions).toHaveLength(MAX_QUIZ_LENGTH);
      for (const q of plan.questions.filter((q) => !q.scenarioId)) {
        const entry = knowledge.lookup(q.service ?? '', q.concern ?? '');
        expect('owner' in entry ? entry.owner : undefined).toBe(q.answer);
        expect(q.source).toMatch(/^https:\/\//);
        expect(q.explanation.length).toBeLessThan(600);
      }
    }
  });

  it('runs a quiz end to end on the real knowledge', async () => {
    const h = createHarness({ knowledge });
    await h.run(h.service.start(ctx(), 'rds 2'));
    const quiz = await h.store.activeQuiz('C0001');
    expect(quiz?.questions).toHaveLength(2);
    await h.press('U0002', `${quiz?.id}:0:${quiz?.questions[0]?.answer}`);
    await h.time.advance(60_000);
    expect((await h.store.loadQuiz(quiz?.id ?? ''))?.phase).toBe('finished');
    expect(await h.store.leaderboard('C0001', 0)).toEqual([{ userId: 'U0002', points: 1 }]);
    await h.shutdown();
    removeDataDir(h);
  });
});
