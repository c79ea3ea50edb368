import { randomUUID } from 'node:crypto';
import { personToken as p } from '../../src/model/person-token.js';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { questionKey, scoreboardKey } from '../../src/quiz/quiz-ids.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { createFakeTime } from './fake-time.js';
import { createHarness, ctx, removeDataDir } from './quiz-harness.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const keyPrefix = `srm-test:${randomUUID()}:`;

afterAll(async () => {
  const admin = new Redis(REDIS_URL);
  const keys = await admin.keys(`${keyPrefix}*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
});

describe('a quiz on Redis shared by two replicas', () => {
  it('counts racing answers once, reveals once although both replicas time it, and scores right', async () => {
    const time = createFakeTime();
    const a = createHarness({ time, store: await createRedisStore({ url: REDIS_URL, keyPrefix }) });
    const b = createHarness({ time, store: await createRedisStore({ url: REDIS_URL, keyPrefix }), chat: a.chat });
    a.chat.attach(a.store);

    await a.run(a.service.start(ctx(), 'serverless 2'));
    const refused = await b.run(b.service.start(ctx('U0002'), ''));
    expect(refused[0]).toMatchObject({ type: 'reply', visibility: 'private' });
    const quiz = await b.store.activeQuiz('C0001');
    await b.service.resume(); // replica b now also holds a timer for question 1

    const value = (i: number, option: string) => `${quiz?.id}:${i}:${option}`;
    await Promise.all([a.press('U0002', value(0, 'aws')), b.press('U0002', value(0, 'shared'))]);
    await b.press('U0003', value(0, 'aws'));
    expect(await a.store.quizAnswers(quiz?.id ?? '', 0)).toHaveLength(2);

    await time.advance(30_000);
    expect(a.chat.byKey(questionKey(quiz?.id ?? '', 0))?.edits).toBeGreaterThanOrEqual(1);
    expect(a.chat.messages.filter((m) => m.key === questionKey(quiz?.id ?? '', 1))).toHaveLength(1);

    await a.press('U0003', value(1, 'customer'));
    await time.advance(30_000);
    const stored = await a.store.loadQuiz(quiz?.id ?? '');
    expect(stored?.phase).toBe('finished');
    expect(a.chat.messages.filter((m) => m.key === scoreboardKey(quiz?.id ?? ''))).toHaveLength(1);
    const first = stored?.revealed[0]?.right ?? [];
    expect(a.chat.byKey(scoreboardKey(quiz?.id ?? ''))?.reply.sections[0]?.body.split('\n')).toEqual(
      first.includes('U0002') ? [`1. ${p('U0003')}: 2/2`, `2. ${p('U0002')}: 1/2`] : [`1. ${p('U0003')}: 2/2`, `2. ${p('U0002')}: 0/2`],
    );
    expect(await a.store.activeQuiz('C0001')).toBeUndefined();

    await a.shutdown();
    await b.shutdown();
    removeDataDir(a);
    removeDataDir(b);
  });
});
