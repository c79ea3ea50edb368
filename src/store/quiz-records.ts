import type { Platform } from '../model/incoming.js';
import type { QuizQuestion } from '../knowledge/types.js';

/** Where a quiz is in its life. Only 'asking' quizzes are running. */
export type QuizPhase = 'asking' | 'finished' | 'stopped';

/**
 * A quiz as stored. Questions are copied in at start, so a knowledge reload mid-quiz changes nothing.
 * `version` grows by one on every change; updates are compare-and-set on it.
 */
export interface QuizRecord {
  id: string;
  version: number;
  platform: Platform;
  channelId: string;
  starterId: string;
  title: string;
  questions: QuizQuestion[];
  /** Index of the question being asked (or, once ended, the number of questions revealed). */
  current: number;
  phase: QuizPhase;
  revealAfterMs: number;
  startedAt: number;
  /** When the current question is revealed by the timer. */
  revealAt: number;
  /** Outcome of each revealed question, in order: who answered and who got it right. */
  revealed: QuestionResult[];
  endedAt?: number;
  stoppedBy?: string;
}

/** Who answered a revealed question and who got it right (fixed at reveal time). */
export interface QuestionResult {
  answered: string[];
  right: string[];
  /** How many picked each button (by its value), for the reveal. Absent on quizzes stored before it. */
  split?: Record<string, number>;
}

/** One person's answer to one question; only the first per person per question is kept. */
export interface QuizAnswerRecord {
  quizId: string;
  questionIndex: number;
  userId: string;
  /** An owner ("aws") or, on exam-style questions, the letters picked ("BD"). */
  choice: string;
  at: number;
}

/** Points for the people who got one revealed question right (one point each). */
export interface PointsAward {
  channelId: string;
  quizId: string;
  questionIndex: number;
  userIds: string[];
  at: number;
}

/** A person's total points in a channel over a period. */
export interface LeaderboardRow {
  userId: string;
  points: number;
}
