import { describe, expect, it } from 'vitest';
import { createQuestionBank, DEFAULT_QUIZ_LENGTH } from '../../src/quiz/question-bank.js';
import { parseQuizArgs } from '../../src/quiz/quiz-args.js';
import { createTopicFinder } from '../../src/quiz/quiz-topics.js';
import { fixtureKnowledge, sequenceRandom } from './fixtures.js';

const knowledge = fixtureKnowledge();
const bank = createQuestionBank(knowledge);
const findTopic = createTopicFinder(knowledge);
const select = (args: string, random = sequenceRandom()) => {
  const command = parseQuizArgs(args, findTopic);
  if (command.kind !== 'start') throw new Error(`not a start: ${command.kind}`);
  return bank.select(command.selection, random);
};

describe('quiz arguments', () => {
  it.each([
    ['', { kind: 'start', selection: { count: undefined }, topicText: '' }],
    ['10', { kind: 'start', selection: { count: 10 }, topicText: '' }],
    ['stop', { kind: 'stop' }],
    ['leaderboard', { kind: 'leaderboard' }],
    ['serverless', { kind: 'start', selection: { topic: { kind: 'scenario', id: 'serverless-app' } } }],
    ['rds', { kind: 'start', selection: { topic: { kind: 'service', ids: ['rds'] } } }],
    ['Relational Database Service 3', { kind: 'start', selection: { topic: { kind: 'service', ids: ['rds'] }, count: 3 } }],
    ['encryption', { kind: 'start', selection: { topic: { kind: 'concern', ids: ['encryption-at-rest', 'encryption-in-transit'] } } }],
    ['patching', { kind: 'start', selection: { topic: { kind: 'concern', ids: ['patch-management', 'guest-os-patching'] } } }],
    ['kubernetes', { kind: 'unknown-topic', topicText: 'kubernetes' }],
  ])('"%s"', (text, expected) => {
    expect(parseQuizArgs(text, findTopic)).toMatchObject(expected);
  });
});

describe('question bank', () => {
  it('asks a scenario in its written order', () => {
    const plan = select('serverless');
    expect(plan.title).toBe('A serverless app');
    expect(plan.questions.map((q) => q.id)).toEqual(['sl-1', 'sl-2', 'sl-3']);
    expect(select('serverless 2').questions.map((q) => q.id)).toEqual(['sl-1', 'sl-2']);
  });

  it('asks only about the service named, with answers from the knowledge base', () => {
    const plan = select('rds');
    expect(plan.title).toBe('Who owns what on Amazon RDS');
    expect(plan.questions).toHaveLength(3);
    for (const q of plan.questions) {
      expect(q.service).toBe('rds');
      const entry = knowledge.lookup('rds', q.concern ?? '');
      expect('owner' in entry && entry.owner).toBe(q.answer);
      expect(q.source).toMatch(/^https:\/\//);
    }
  });

  it('asks about every concern a topic word covers, across services and scenarios', () => {
    const plan = select('encryption 20');
    expect(new Set(plan.questions.map((q) => q.concern))).toEqual(new Set(['encryption-at-rest', 'encryption-in-transit']));
    expect(plan.questions.map((q) => q.id)).toContain('sl-3');
    // sl-3 covers no service, so all six generated encryption questions remain available.
    expect(plan.questions).toHaveLength(7);
  });

  it('makes a default mixed quiz of scenario and generated questions without repeats', () => {
    const plan = select('');
    expect(plan.questions).toHaveLength(DEFAULT_QUIZ_LENGTH);
    expect(new Set(plan.questions.map((q) => q.id)).size).toBe(DEFAULT_QUIZ_LENGTH);
    expect(plan.questions.some((q) => q.scenarioId)).toBe(true);
    expect(plan.questions.some((q) => !q.scenarioId)).toBe(true);
  });

  it('is deterministic for a given random sequence and varies with it', () => {
    const ids = (values: number[]) => select('', sequenceRandom(values)).questions.map((q) => q.id);
    expect(ids([0.1, 0.7, 0.3])).toEqual(ids([0.1, 0.7, 0.3]));
    expect(ids([0.1, 0.7, 0.3])).not.toEqual(ids([0.9, 0.2, 0.6]));
  });

  it('words some generated questions as a misconception to correct', () => {
    const plain = select('s3', () => 0).questions.find((q) => q.concern === 'encryption-at-rest');
    expect(plain?.prompt).toBe('On Amazon S3, who is responsible for encryption at rest?');
    const tricky = select('s3', () => 0.99).questions;
    const misconception = tricky.find((q) => q.concern === 'encryption-at-rest');
    expect(misconception?.prompt).toBe(
      'A teammate says: \u201cAmazon S3 can encrypt by default, so encryption at rest is all AWS\u2019s job.\u201d ' +
        'On Amazon S3, who is actually responsible for encryption at rest?',
    );
    expect(misconception?.answer).toBe('aws');
  });

  it('returns nothing for a scenario-less knowledge base topic it cannot cover', () => {
    const empty = createQuestionBank(fixtureKnowledge([]));
    expect(empty.select({ topic: { kind: 'scenario', id: 'gone', title: 'Gone' } }, () => 0).questions).toEqual([]);
  });
});
