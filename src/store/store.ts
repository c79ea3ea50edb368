import type { LeaderboardRow, PointsAward, QuizAnswerRecord, QuizRecord } from './quiz-records.js';

/**
 * State the bot keeps between messages and across restarts. One interface, two implementations:
 * SQLite (embedded default, one process) and Redis (several replicas).
 * Every method may reject with a StoreUnavailableError when the backing store is down.
 */
export interface Store {
  /**
   * Claims `key` for `ttlMs`. Resolves true for the first caller, false for every later caller
   * until the claim expires. Used to answer a retried Slack event or duplicate Teams activity once.
   */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /** Records a 👍/👎 on an answer; one vote per user per answer (a second vote replaces the first). */
  recordFeedback(feedback: Feedback): Promise<void>;
  /**
   * A small string key/value pair, each user under its own key prefix: ids of posted messages
   * (`quiz:…`), a thread's last service (`context:…`), tour steps (`tour:…`), Teams conversation
   * references and display names (`teams:…`). A second write replaces the first. With `ttlMs` the
   * value is forgotten after that long.
   */
  setValue(key: string, value: string, ttlMs?: number): Promise<void>;
  /** The value stored under `key`, if any. */
  getValue(key: string): Promise<string | undefined>;
  /** Forgets the value under `key` (nothing happens when there is none). */
  deleteValue(key: string): Promise<void>;
  /** Every live value whose key starts with `prefix` (e.g. all quiz schedules), in key order. */
  valuesWithPrefix(prefix: string): Promise<{ key: string; value: string }[]>;
  /**
   * Deletes what is past keeping: expired claims and values, and finished quizzes (with their
   * answers), feedback and quiz points from before `before` (epoch ms). Returns how many it deleted.
   */
  prune(before: number): Promise<number>;
  /** Releases connections and file handles. */
  close(): Promise<void>;

  /** Saves a new quiz unless its channel already has a running one (atomic); false when it has. */
  createQuiz(quiz: QuizRecord): Promise<boolean>;
  /**
   * Replaces a quiz if its stored version is still `expectedVersion` (atomic compare-and-set);
   * false when another replica or timer changed it first. Ending a quiz frees its channel.
   */
  updateQuiz(quiz: QuizRecord, expectedVersion: number): Promise<boolean>;
  /** The quiz with this id, running or ended, if it is known. */
  loadQuiz(quizId: string): Promise<QuizRecord | undefined>;
  /** The running quiz in a channel, if any. */
  activeQuiz(channelId: string): Promise<QuizRecord | undefined>;
  /** Every running quiz (to restart their timers after a restart). */
  runningQuizzes(): Promise<QuizRecord[]>;
  /** Records an answer; true if it is this person's first answer to that question (atomic). */
  recordAnswer(answer: QuizAnswerRecord): Promise<boolean>;
  /** Answers given in a quiz, optionally to one question only, oldest first. */
  quizAnswers(quizId: string, questionIndex?: number): Promise<QuizAnswerRecord[]>;
  /** Awards one point per person for a revealed question; awarding the same question twice is a no-op. */
  awardPoints(award: PointsAward): Promise<void>;
  /** Points per person in a channel from `since` (epoch ms) on, highest first. */
  leaderboard(channelId: string, since: number): Promise<LeaderboardRow[]>;

  /** Logs a question asked (normalised text, no user id) and how it went, for the misses report. */
  recordQuestion(question: QuestionRecord): Promise<void>;
  /** Questions logged from `since` (epoch ms) on, oldest first. */
  questionsSince(since: number): Promise<QuestionRecord[]>;
  /** 👍/👎 votes given from `since` (epoch ms) on. */
  feedbackSince(since: number): Promise<Feedback[]>;
  /** Records a player's challenge of a quiz question's ruling. */
  recordChallenge(challenge: Challenge): Promise<void>;
  /** Challenges filed from `since` (epoch ms) on, oldest first. */
  challengesSince(since: number): Promise<Challenge[]>;
}

/**
 * One question as the report sees it: its normalised text (mention markup and user ids removed),
 * whether it was answered outright, and if not why; what the bot found in it. No user id.
 */
export interface QuestionRecord {
  text: string;
  answered: boolean;
  /** Why it was not answered outright: a decline reason, "clarify" or "fallback". */
  reason?: string;
  serviceId?: string;
  concernId?: string;
  platform: string;
  channelId: string;
  at: number;
}

/** One person's verdict on one answer. */
export interface Feedback {
  answerId: string;
  userId: string;
  channelId: string;
  helpful: boolean;
  at: number;
  platform?: string;
  /** The question as logged (normalised words, no user ids), when the answer was logged. */
  question?: string;
  serviceId?: string;
  concernId?: string;
  /** The duty the answer led with, when it led with one. */
  duty?: string;
  /** The owner the answer gave. */
  verdict?: string;
  /** From the 👎 form: what was wrong ("wrong-owner", "wrong-service", "out-of-date", "other"). */
  reason?: string;
  /** From the 👎 form: free text (at most 500 characters). */
  comment?: string;
}

/** A player's challenge of a revealed quiz question's ruling. */
export interface Challenge {
  quizId: string;
  questionIndex: number;
  /** The question as it was asked in the quiz. */
  question: string;
  serviceId?: string;
  concernId?: string;
  /** The answer the quiz ruled right. */
  ruling: string;
  userId: string;
  reason: string;
  comment?: string;
  platform: string;
  channelId: string;
  at: number;
}
