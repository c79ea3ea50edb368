import type { QuizRecord } from '../../src/store/quiz-records.js';

/** A running two-question quiz in channel C0001, started by U0001. */
export function quizRecord(overrides: Partial<QuizRecord> = {}): QuizRecord {
  return {
    id: 'qz0001',
    version: 1,
    platform: 'slack',
    channelId: 'C0001',
    starterId: 'U0001',
    title: 'Test quiz',
    questions: [
      { id: 'q1', prompt: 'Who patches the guest OS on EC2?', answer: 'customer', explanation: 'You do.', source: 'https://aws.amazon.com/a' },
      { id: 'q2', prompt: 'Who guards the data centre?', answer: 'aws', explanation: 'AWS does.', source: 'https://aws.amazon.com/b' },
    ],
    current: 0,
    phase: 'asking',
    revealAfterMs: 30_000,
    startedAt: 1_000,
    revealAt: 31_000,
    revealed: [],
    ...overrides,
  };
}
