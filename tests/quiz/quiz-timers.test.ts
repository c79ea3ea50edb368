import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Effect } from '../../src/model/effects.js';
import { createQuizService } from '../../src/quiz/quiz-service.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import { StoreUnavailableError } from '../../src/store/store-errors.js';
import { createFakeTime } from './fake-time.js';
import { fixtureKnowledge, sequenceRandom } from './fixtures.js';
import { ctx } from './quiz-harness.js';

describe('quiz timers', () => {
  it('reports a reveal that fails because the store is down and retries it later', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'srm-quiz-'));
    const time = createFakeTime();
    const store = createSqliteStore({ dataDir, now: time.now });
    let storeDown = false;
    const flaky = {
      ...store,
      loadQuiz: (id: string) => (storeDown ? Promise.reject(new StoreUnavailableError('sqlite', 'down')) : store.loadQuiz(id)),
    };
    const errors: unknown[] = [];
    const delivered: Effect[] = [];
    const service = createQuizService({
      knowledge: fixtureKnowledge(),
      store: flaky,
      now: time.now,
      random: sequenceRandom(),
      timers: time.timers,
      retryAfterMs: 5_000,
      onError: (error) => errors.push(error),
      onTimerEffects: async (_platform, effects) => {
        delivered.push(...effects);
      },
    });
    await service.start(ctx(), 'serverless');

    storeDown = true;
    await time.advance(30_000);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(StoreUnavailableError);
    expect(delivered).toEqual([]);

    storeDown = false;
    await time.advance(5_000);
    expect(delivered.map((e) => e.type)).toEqual(['post', 'post']);
    expect((await store.activeQuiz('C0001'))?.current).toBe(1);

    await service.close();
    expect(time.pendingTimers()).toBe(0);
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
