import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { QUIZ_MESSAGES as M } from '../../src/quiz/quiz-messages.js';
import { createHarness, ctx, removeDataDir, type QuizHarness } from './quiz-harness.js';

let h: QuizHarness;
afterEach(async () => {
  await h.shutdown();
  removeDataDir(h);
});

describe('tampered quiz buttons', () => {
  it.each([
    ['not our format', () => 'hello', ACTION_IDS.quizAnswer, M.unknownButton],
    ['JSON instead of an id', () => '{"quizId":"x","answer":"aws","score":100}', ACTION_IDS.quizAnswer, M.unknownButton],
    ['2,001 characters', (id: string) => `${id}:0:aws`.padEnd(2_001, 'x'), ACTION_IDS.quizAnswer, M.unknownButton],
    ['an unknown quiz', () => 'qzzzzzzzzzz:0:aws', ACTION_IDS.quizAnswer, M.unknownButton],
    ['an option that is not an owner', (id: string) => `${id}:0:everyone`, ACTION_IDS.quizAnswer, M.unknownButton],
    ['a question the quiz does not have', (id: string) => `${id}:7:aws`, ACTION_IDS.quizAnswer, M.unknownButton],
    ['a question not asked yet', (id: string) => `${id}:2:aws`, ACTION_IDS.quizAnswer, M.unknownButton],
    ['a reveal value on an answer button', (id: string) => `${id}:0:reveal`, ACTION_IDS.quizAnswer, M.unknownButton],
    ['an answer value on the reveal button', (id: string) => `${id}:0:aws`, ACTION_IDS.quizReveal, M.unknownButton],
  ])('refuses %s politely and changes nothing', async (_name, makeValue, actionId, message) => {
    h = createHarness();
    await h.run(h.service.start(ctx(), 'serverless'));
    const quiz = await h.store.activeQuiz('C0001');
    const effects = await h.press('U0001', makeValue(quiz?.id ?? ''), actionId);
    expect(effects).toMatchObject([{ type: 'private', userId: 'U0001', channelId: 'C0001', reply: { kind: 'notice', text: message } }]);
    expect(await h.store.loadQuiz(quiz?.id ?? '')).toEqual(quiz);
    expect(await h.store.quizAnswers(quiz?.id ?? '')).toEqual([]);
  });

  it("refuses a button of another channel's quiz", async () => {
    h = createHarness();
    await h.run(h.service.start(ctx('U0001', 'C0002'), 'serverless'));
    const quiz = await h.store.activeQuiz('C0002');
    const effects = await h.press('U0001', `${quiz?.id}:0:aws`, ACTION_IDS.quizAnswer, 'C0001');
    expect(effects).toMatchObject([{ type: 'private', reply: { text: M.otherChannel } }]);
    const reveal = await h.press('U0001', `${quiz?.id}:0:reveal`, ACTION_IDS.quizReveal, 'C0001');
    expect(reveal).toMatchObject([{ type: 'private', reply: { text: M.otherChannel } }]);
    expect(await h.store.loadQuiz(quiz?.id ?? '')).toEqual(quiz);
    expect(await h.store.quizAnswers(quiz?.id ?? '')).toEqual([]);
  });

  it('refuses a button of a finished quiz', async () => {
    h = createHarness();
    await h.run(h.service.start(ctx(), 'serverless 1'));
    const quiz = await h.store.activeQuiz('C0001');
    await h.time.advance(30_000);
    const ended = await h.store.loadQuiz(quiz?.id ?? '');
    expect(ended?.phase).toBe('finished');
    const effects = await h.press('U0002', `${quiz?.id}:0:aws`);
    expect(effects).toMatchObject([{ type: 'private', reply: { text: M.quizOver } }]);
    expect(await h.store.loadQuiz(quiz?.id ?? '')).toEqual(ended);
  });
});
