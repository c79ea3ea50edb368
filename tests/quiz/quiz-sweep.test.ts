import { describe, expect, it } from 'vitest';
import { questionKey } from '../../src/quiz/quiz-ids.js';
import { createFakeTime } from './fake-time.js';
import { createHarness, ctx, removeDataDir } from './quiz-harness.js';

describe('any replica finishes a quiz', () => {
  it('a replica that never timed the question reveals it once it is due, when the starter is gone', async () => {
    const time = createFakeTime();
    // Replica B is up first and has no timer for the quiz replica A is about to start.
    const a = createHarness({ time });
    const b = createHarness({ time, dataDir: a.dataDir, chat: a.chat });
    await b.service.resume();
    await a.run(a.service.start(ctx(), 'serverless'));
    const quiz = await a.store.activeQuiz('C0001');
    // A dies without revealing (its timers never run again): stop them as kill -9 would.
    await a.service.close();

    await time.advance(30_000 + 5_000);

    expect(b.timerPlatforms).toEqual(['slack']);
    expect(a.chat.byKey(questionKey(quiz?.id ?? '', 0))?.edits).toBeGreaterThanOrEqual(1);
    expect(a.chat.messages.filter((m) => m.key === questionKey(quiz?.id ?? '', 1))).toHaveLength(1);
    expect((await b.store.loadQuiz(quiz?.id ?? ''))?.current).toBe(1);
    await b.shutdown();
    await a.store.close();
    removeDataDir(a);
  });

  it('with both replicas alive, each reveal happens exactly once', async () => {
    const time = createFakeTime();
    const a = createHarness({ time });
    const b = createHarness({ time, dataDir: a.dataDir, chat: a.chat });
    await a.service.resume();
    await b.service.resume();
    await a.run(a.service.start(ctx(), 'serverless'));
    const quiz = await a.store.activeQuiz('C0001');

    await time.advance(30_000 + 5_000);

    expect([...a.timerPlatforms, ...b.timerPlatforms]).toEqual(['slack']);
    expect(a.chat.messages.filter((m) => m.key === questionKey(quiz?.id ?? '', 1))).toHaveLength(1);
    await a.shutdown();
    await b.shutdown();
    removeDataDir(a);
  });
});
