import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core.js';
import type { SrmCore } from '../../src/core/srm-core.js';
import type { IncomingMessage } from '../../src/model/incoming.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';
import { startOwnRedis, type OwnRedis } from '../helpers/own-redis.js';

const message = (text: string, threadId?: string): IncomingMessage => ({
  platform: 'slack',
  text,
  userId: 'U0001',
  channelId: 'C0001',
  isDirect: false,
  ...(threadId ? { threadId } : {}),
});

describe('a Redis that hangs (SIGSTOP)', () => {
  let redis: OwnRedis;
  let core: SrmCore;

  beforeAll(async () => {
    redis = await startOwnRedis();
    const store = await createRedisStore({ url: redis.url, keyPrefix: 'srm-hung:' });
    core = createCore({ knowledge: loadTestKnowledge(), store });
    redis.pause();
  });

  afterAll(async () => {
    redis.resume();
    await core.close();
    await redis.stop();
  });

  it('still answers a question in a thread within a few hundred milliseconds', async () => {
    const started = performance.now();
    const [effect] = await core.handleMessage(message('and for Lambda?', '1700000000.000100'));
    const elapsed = performance.now() - started;
    expect(effect).toMatchObject({ type: 'reply', visibility: 'public' });
    expect(elapsed).toBeLessThan(400);
    const [answer] = await core.handleMessage(message('who patches the guest OS on EC2?', '1700000000.000100'));
    expect(answer).toMatchObject({ reply: { kind: 'answer', owner: 'customer' } });
  });

  it('tells the person privately that quizzes are unavailable, instead of a public apology', async () => {
    const [effect] = await core.handleMessage(message('quiz'));
    expect(effect).toMatchObject({ type: 'reply', visibility: 'private' });
    expect(effect?.type === 'reply' && effect.reply.headline).toContain('Quizzes are unavailable right now');
  });
});
