import { describe, expect, it } from 'vitest';
import { personToken as p } from '../../src/model/person-token.js';
import { headerKey, questionKey, scoreboardKey } from '../../src/quiz/quiz-ids.js';
import { QUIZ_MESSAGES as M } from '../../src/quiz/quiz-messages.js';
import { createFakeTime } from './fake-time.js';
import { createHarness, ctx, removeDataDir } from './quiz-harness.js';

describe('a quiz across a restart on the same SQLite file', () => {
  it('continues with the answers given before the restart and ends with the right scores', async () => {
    const time = createFakeTime();
    const before = createHarness({ time });
    await before.run(before.service.start(ctx(), 'serverless'));
    const quiz = await before.store.activeQuiz('C0001');
    const value = (i: number, option: string) => `${quiz?.id}:${i}:${option}`;
    await before.press('U0002', value(0, 'aws'));
    await before.press('U0003', value(0, 'customer'));
    await time.advance(10_000);
    await before.shutdown();
    expect(time.pendingTimers()).toBe(0);

    const after = createHarness({ time, dataDir: before.dataDir, chat: before.chat });
    await after.service.resume();
    expect(time.pendingTimers()).toBe(3); // the question's reveal, the sweep for due reveals, the look for due schedules
    await after.press('U0004', value(0, 'aws'));
    await after.press('U0002', value(0, 'shared'));
    expect(after.chat.privates.at(-1)?.reply.text).toBe(M.alreadyAnswered);
    await time.advance(20_000);
    // The question was posted by the first process: the edit targets the message it remembered.
    expect(after.chat.privates[0]?.threadId).toBe('m1');
    expect(after.timerPlatforms).toEqual(['slack']);
    const q1 = after.chat.byKey(questionKey(quiz?.id ?? '', 1));
    expect(q1?.inThreadOf).toBe(headerKey(quiz?.id ?? ''));

    await after.press('U0003', value(1, 'customer'));
    await after.press('U0004', value(1, 'customer'));
    await time.advance(30_000);
    await after.press('U0004', value(2, 'shared'));
    await time.advance(30_000);

    expect(after.chat.byKey(scoreboardKey(quiz?.id ?? ''))?.reply.sections[0]?.body.split('\n')).toEqual([
      `1. ${p('U0004')}: 3/3`,
      `2. ${p('U0002')}: 1/3`,
      `2. ${p('U0003')}: 1/3`,
    ]);
    expect((await after.store.leaderboard('C0001', 0))[0]).toEqual({ userId: 'U0004', points: 3 });
    await after.shutdown();
    removeDataDir(after);
  });

  it('reveals a question whose timer ran out while the process was down', async () => {
    const time = createFakeTime();
    const before = createHarness({ time });
    await before.run(before.service.start(ctx(), 'serverless'));
    const quiz = await before.store.activeQuiz('C0001');
    await before.press('U0002', `${quiz?.id}:0:aws`);
    await before.shutdown();

    // Down for two minutes: no timer runs.
    const later = createFakeTime(time.now() + 120_000);
    const after = createHarness({ time: later, dataDir: before.dataDir, chat: before.chat });
    await after.service.resume();

    const revealed = after.chat.byKey(questionKey(quiz?.id ?? '', 0));
    expect(revealed).toMatchObject({ id: 'm2', edits: 2, reply: { headline: 'Question 1 of 3: AWS' } });
    expect(after.chat.messages.map((m) => m.key)).toEqual([
      headerKey(quiz?.id ?? ''),
      questionKey(quiz?.id ?? '', 0),
      questionKey(quiz?.id ?? '', 1),
    ]);
    const stored = await after.store.loadQuiz(quiz?.id ?? '');
    expect(stored?.current).toBe(1);
    expect(stored?.revealed[0]).toEqual({ answered: ['U0002'], right: ['U0002'], split: { aws: 1 } });
    expect(stored?.revealAt).toBe(later.now() + 30_000);
    expect(after.timerPlatforms).toEqual(['slack']);
    expect(later.pendingTimers()).toBe(3); // the next question's reveal, the sweep, the look for due schedules
    await after.shutdown();
    removeDataDir(after);
  });

  it('refuses an answer that arrives after the time ran out but before the timer fired, and reveals', async () => {
    const time = createFakeTime();
    const before = createHarness({ time });
    await before.run(before.service.start(ctx(), 'serverless'));
    const quiz = await before.store.activeQuiz('C0001');
    await before.shutdown();

    const later = createFakeTime(time.now() + 45_000);
    const after = createHarness({ time: later, dataDir: before.dataDir, chat: before.chat });
    const effects = await after.press('U0002', `${quiz?.id}:0:aws`);
    expect(effects[0]).toMatchObject({ type: 'private', reply: { text: M.tooLate } });
    expect(effects[1]).toMatchObject({ type: 'update', key: questionKey(quiz?.id ?? '', 0), messageId: 'm2' });
    expect(await after.store.quizAnswers(quiz?.id ?? '', 0)).toEqual([]);
    expect((await after.store.loadQuiz(quiz?.id ?? ''))?.current).toBe(1);
    await after.shutdown();
    removeDataDir(after);
  });
});
