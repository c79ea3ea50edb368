import { Redis } from 'ioredis';
import type { LeaderboardRow, QuizAnswerRecord, QuizRecord } from './quiz-records.js';
import { CREATE_QUIZ_LUA, UPDATE_QUIZ_LUA } from './redis-scripts.js';
import { guardStore } from './store-errors.js';
import type { Challenge, Feedback, QuestionRecord, Store } from './store.js';

export interface RedisStoreOptions {
  /** redis://host:port/db */
  url: string;
  /** Prefix for every key (lets several bots, or test runs, share one Redis). */
  keyPrefix?: string;
  /** How long to wait for the first connection before giving up. */
  connectTimeoutMs?: number;
  /** How long one command may take before it fails (a hung Redis must not hold up the bot). */
  commandTimeoutMs?: number;
}

const DEFAULT_KEY_PREFIX = 'srm:';

/** A command that takes longer than this fails with StoreUnavailableError. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 500;

type ScriptedRedis = Redis & {
  srmCreateQuiz(active: string, quiz: string, running: string, id: string, json: string, version: string): Promise<number>;
  srmUpdateQuiz(
    quiz: string,
    active: string,
    running: string,
    expected: string,
    json: string,
    version: string,
    phase: string,
    id: string,
  ): Promise<number>;
};

const key = {
  claim: (k: string) => `claim:${k}`,
  feedback: (answerId: string) => `feedback:${answerId}`,
  value: (k: string) => `kv:${k}`,
  quiz: (id: string) => `quiz:${id}`,
  answers: (id: string) => `quiz:${id}:answers`,
  active: (channelId: string) => `quiz-active:${channelId}`,
  running: 'quiz-running',
  points: (channelId: string) => `quiz-points:${channelId}`,
  questions: 'questions',
  challenges: 'challenges',
};

/** Connects to Redis and returns the store; rejects with StoreUnavailableError when Redis is unreachable. */
export async function createRedisStore(options: RedisStoreOptions): Promise<Store> {
  const redis = new Redis(options.url, {
    keyPrefix: options.keyPrefix ?? DEFAULT_KEY_PREFIX,
    lazyConnect: true,
    // Fail fast instead of queueing: a chat reply that waits minutes for Redis is worse than an apology.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: options.connectTimeoutMs ?? 2_000,
    commandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  }) as ScriptedRedis;
  redis.defineCommand('srmCreateQuiz', { numberOfKeys: 3, lua: CREATE_QUIZ_LUA });
  redis.defineCommand('srmUpdateQuiz', { numberOfKeys: 3, lua: UPDATE_QUIZ_LUA });
  // ioredis emits 'error' on every failed reconnect; the failure reaches callers as StoreUnavailableError.
  redis.on('error', () => undefined);

  const run = <T>(work: () => Promise<T>): Promise<T> => guardStore('redis', work);
  await run(async () => {
    try {
      await redis.connect();
    } catch (error) {
      redis.disconnect();
      throw error;
    }
  });

  const prefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
  /** SCAN batches of full key names (SCAN does not apply ioredis' keyPrefix; strip it before use). */
  /**
   * A log ordered by time (questions, challenges): a sorted set scored by `at`; a random suffix keeps
   * two identical records from the same millisecond apart.
   */
  async function logAppend(logKey: string, record: { at: number }): Promise<void> {
    await redis.zadd(logKey, record.at, `${JSON.stringify(record)}\u0000${Math.random().toString(36).slice(2)}`);
  }
  async function logSince<T>(logKey: string, since: number): Promise<T[]> {
    return (await redis.zrangebyscore(logKey, since, '+inf')).map((m) => JSON.parse(m.slice(0, m.lastIndexOf('\u0000'))) as T);
  }

  async function* scan(pattern: string): AsyncGenerator<string[]> {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      yield keys.map((k) => k.slice(prefix.length));
    } while (cursor !== '0');
  }

  const loadQuiz = async (quizId: string): Promise<QuizRecord | undefined> => {
    const json = await redis.hget(key.quiz(quizId), 'json');
    return json ? (JSON.parse(json) as QuizRecord) : undefined;
  };

  return {
    claimOnce: (k, ttlMs) => run(async () => (await redis.set(key.claim(k), '1', 'PX', Math.max(1, ttlMs), 'NX')) === 'OK'),

    recordFeedback: (f) =>
      run(async () => {
        await redis.hset(key.feedback(f.answerId), f.userId, JSON.stringify(f));
      }),

    recordQuestion: (q) => run(() => logAppend(key.questions, q)),
    questionsSince: (since) => run(() => logSince<QuestionRecord>(key.questions, since)),
    recordChallenge: (c) => run(() => logAppend(key.challenges, c)),
    challengesSince: (since) => run(() => logSince<Challenge>(key.challenges, since)),

    feedbackSince: (since) =>
      run(async () => {
        const out: Feedback[] = [];
        for await (const keys of scan(`${prefix}feedback:*`)) {
          for (const k of keys) {
            for (const json of Object.values(await redis.hgetall(k))) {
              const f = JSON.parse(json) as Feedback;
              if (f.at >= since) out.push(f);
            }
          }
        }
        return out.sort((a, b) => a.at - b.at);
      }),

    deleteValue: (k) =>
      run(async () => {
        await redis.del(key.value(k));
      }),

    valuesWithPrefix: (valuePrefix) =>
      run(async () => {
        const found: { key: string; value: string }[] = [];
        const escaped = valuePrefix.replace(/[*?[\]\\]/g, '\\$&');
        for await (const keys of scan(`${prefix}kv:${escaped}*`)) {
          if (keys.length === 0) continue;
          const values = await redis.mget(...keys);
          keys.forEach((k, i) => {
            const value = values[i];
            if (value !== null && value !== undefined) found.push({ key: k.slice('kv:'.length), value });
          });
        }
        return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      }),

    setValue: (k, value, ttlMs) =>
      run(async () => {
        if (ttlMs === undefined) await redis.set(key.value(k), value);
        else await redis.set(key.value(k), value, 'PX', Math.max(1, ttlMs));
      }),

    // Claims and values expire by themselves (PX); old points, feedback and finished quizzes go here.
    prune: (before) =>
      run(async () => {
        let deleted = 0;
        for await (const keys of scan(`${prefix}quiz-points:*`)) {
          for (const k of keys) deleted += await redis.zremrangebyscore(k, '-inf', `(${before}`);
        }
        deleted += await redis.zremrangebyscore(key.questions, '-inf', `(${before}`);
        deleted += await redis.zremrangebyscore(key.challenges, '-inf', `(${before}`);
        for await (const keys of scan(`${prefix}feedback:*`)) {
          for (const k of keys) {
            const votes = await redis.hgetall(k);
            const stale = Object.entries(votes).filter(([, json]) => (JSON.parse(json) as { at: number }).at < before).map(([user]) => user);
            if (stale.length > 0) deleted += await redis.hdel(k, ...stale);
          }
        }
        for await (const keys of scan(`${prefix}quiz:*`)) {
          for (const k of keys.filter((name) => !name.endsWith(':answers'))) {
            const id = k.slice('quiz:'.length);
            const quiz = await loadQuiz(id);
            if (quiz && quiz.phase !== 'asking' && (quiz.endedAt ?? quiz.startedAt) < before) {
              deleted += await redis.del(key.quiz(id), key.answers(id));
            }
          }
        }
        return deleted;
      }),

    getValue: (k) => run(async () => (await redis.get(key.value(k))) ?? undefined),

    createQuiz: (quiz) =>
      run(
        async () =>
          (await redis.srmCreateQuiz(
            key.active(quiz.channelId),
            key.quiz(quiz.id),
            key.running,
            quiz.id,
            JSON.stringify(quiz),
            String(quiz.version),
          )) === 1,
      ),

    updateQuiz: (quiz, expectedVersion) =>
      run(
        async () =>
          (await redis.srmUpdateQuiz(
            key.quiz(quiz.id),
            key.active(quiz.channelId),
            key.running,
            String(expectedVersion),
            JSON.stringify(quiz),
            String(quiz.version),
            quiz.phase,
            quiz.id,
          )) === 1,
      ),

    loadQuiz: (quizId) => run(() => loadQuiz(quizId)),

    activeQuiz: (channelId) =>
      run(async () => {
        const id = await redis.get(key.active(channelId));
        const quiz = id ? await loadQuiz(id) : undefined;
        return quiz?.phase === 'asking' ? quiz : undefined;
      }),

    runningQuizzes: () =>
      run(async () => {
        const ids = await redis.smembers(key.running);
        const quizzes = await Promise.all(ids.map(loadQuiz));
        return quizzes.filter((q): q is QuizRecord => q?.phase === 'asking');
      }),

    recordAnswer: (a) =>
      run(async () => (await redis.hsetnx(key.answers(a.quizId), `${a.questionIndex}:${a.userId}`, JSON.stringify(a))) === 1),

    quizAnswers: (quizId, questionIndex) =>
      run(async () => {
        const all = Object.values(await redis.hgetall(key.answers(quizId))).map((j) => JSON.parse(j) as QuizAnswerRecord);
        return all
          .filter((a) => questionIndex === undefined || a.questionIndex === questionIndex)
          .sort((a, b) => a.at - b.at);
      }),

    awardPoints: (award) =>
      run(async () => {
        if (award.userIds.length === 0) return;
        // Member names the (quiz, question, person), so awarding a question twice adds nothing.
        const args = award.userIds.flatMap((u) => [award.at, `${award.quizId}:${award.questionIndex}:${u}`]);
        await redis.zadd(key.points(award.channelId), 'NX', ...args);
      }),

    leaderboard: (channelId, since) =>
      run(async () => {
        const members = await redis.zrangebyscore(key.points(channelId), since, '+inf');
        const points = new Map<string, number>();
        for (const member of members) {
          // quiz ids hold no colon; user ids may (Teams "29:…"), so split on the first two only.
          const userId = member.split(':').slice(2).join(':');
          points.set(userId, (points.get(userId) ?? 0) + 1);
        }
        return [...points]
          .map(([userId, p]): LeaderboardRow => ({ userId, points: p }))
          .sort((a, b) => b.points - a.points || a.userId.localeCompare(b.userId));
      }),

    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
