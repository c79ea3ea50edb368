import { sourceLink } from '../../src/answers/source-title.js';
import { afterEach, describe, expect, it } from 'vitest';
import { personToken as p } from '../../src/model/person-token.js';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { headerKey, questionKey, rankValue, resultKey, scoreboardKey } from '../../src/quiz/quiz-ids.js';
import { QUIZ_MESSAGES as M } from '../../src/quiz/quiz-messages.js';
import { monthStart } from '../../src/quiz/quiz-scores.js';
import { createHarness, ctx, removeDataDir, type QuizHarness } from './quiz-harness.js';

let h: QuizHarness;
afterEach(async () => {
  await h.shutdown();
  removeDataDir(h);
});

/** Starts the three-question "serverless" scenario (answers: AWS, Customer, Shared) as U0001. */
async function startServerless(harness = createHarness()) {
  h = harness;
  await h.run(h.service.start(ctx(), 'serverless'));
  const quiz = await h.store.activeQuiz('C0001');
  if (!quiz) throw new Error('quiz did not start');
  const value = (index: number, option: string) => `${quiz.id}:${index}:${option}`;
  return { quiz, value };
}

describe('quiz engine', () => {
  it('starts with a header in the channel and the first question in its thread', async () => {
    const { quiz } = await startServerless();
    const header = h.chat.byKey(headerKey(quiz.id));
    const first = h.chat.byKey(questionKey(quiz.id, 0));
    expect(header?.inThreadOf).toBeUndefined();
    expect(header?.reply.headline).toBe('Quiz: A serverless app');
    expect(first?.inThreadOf).toBe(headerKey(quiz.id));
    expect(first?.reply.sections[0]?.body).toBe('Who patches the Lambda runtime?');
    expect(first?.reply.actions.map((a) => [a.actionId, a.label])).toEqual([
      [ACTION_IDS.quizAnswer, 'AWS'],
      [ACTION_IDS.quizAnswer, 'Customer'],
      [ACTION_IDS.quizAnswer, 'Shared'],
      [ACTION_IDS.quizReveal, 'Reveal now'],
    ]);
    expect(first?.reply.actions.map((a) => a.value)).toEqual([
      `${quiz.id}:0:aws`,
      `${quiz.id}:0:customer`,
      `${quiz.id}:0:shared`,
      `${quiz.id}:0:reveal`,
    ]);
    expect(h.chat.messages).toHaveLength(2);
    expect(h.time.pendingTimers()).toBe(1);
  });

  it('acknowledges an answer privately, in the thread, and shows only the count publicly', async () => {
    const { quiz, value } = await startServerless();
    await h.press('U0002', value(0, 'customer'));
    expect(h.chat.privates).toHaveLength(1);
    expect(h.chat.privates[0]).toMatchObject({ userId: 'U0002', channelId: 'C0001', threadId: 'm1' });
    expect(h.chat.privates[0]?.reply.text).toBe(M.ackAnswer);
    const question = h.chat.byKey(questionKey(quiz.id, 0));
    expect(question?.edits).toBe(1);
    expect(question?.reply.sections[1]?.body).toBe('1 person has answered.');
    expect(question?.reply.text).not.toContain('U0002');
    expect(question?.reply.sections.map((s) => s.title)).not.toContain(M.answerTitle);
  });

  it("counts only a person's first answer", async () => {
    const { quiz, value } = await startServerless();
    await h.press('U0002', value(0, 'customer'));
    await h.press('U0002', value(0, 'aws'));
    expect(h.chat.privates[1]?.reply.text).toBe(M.alreadyAnswered);
    expect(await h.store.quizAnswers(quiz.id, 0)).toMatchObject([{ userId: 'U0002', choice: 'customer' }]);
    await h.time.advance(30_000);
    expect(h.chat.byKey(questionKey(quiz.id, 0))?.reply.sections.find((s) => s.title === M.rightTitle)?.body).toBe(M.nobodyRight);
  });

  it('counts a double click once even when both arrive together', async () => {
    const { quiz, value } = await startServerless();
    await Promise.all([h.press('U0002', value(0, 'aws')), h.press('U0002', value(0, 'aws'))]);
    expect(await h.store.quizAnswers(quiz.id, 0)).toHaveLength(1);
    expect(h.chat.privates.map((p) => p.reply.text).sort()).toEqual([M.ackAnswer, M.alreadyAnswered].sort());
  });

  it('reveals on the timer by editing the question in place, then asks the next one', async () => {
    const { quiz, value } = await startServerless();
    await h.press('U0002', value(0, 'aws'));
    await h.press('U0003', value(0, 'shared'));
    await h.time.advance(29_999);
    expect(h.chat.byKey(questionKey(quiz.id, 0))?.reply.headline).toBe('Question 1 of 3');

    await h.time.advance(1);
    const revealed = h.chat.byKey(questionKey(quiz.id, 0));
    expect(revealed?.id).toBe('m2');
    expect(revealed?.reply.headline).toBe('Question 1 of 3: AWS');
    // The answer buttons are gone; only the challenge button stays.
    expect(revealed?.reply.actions).toEqual([{ actionId: ACTION_IDS.challenge, label: M.challengeButton, value: `h|${quiz.id}|0` }]);
    expect(revealed?.reply.sections.map((s) => [s.title, s.body])).toEqual([
      [M.questionPrompt, 'Who patches the Lambda runtime?'],
      [M.answerTitle, 'AWS'],
      [M.whyTitle, 'AWS patches managed runtimes.'],
      [M.splitTitle, '2 answered, 1 right: AWS 1 · Customer 0 · Shared 1.'],
      [M.rightTitle, p('U0002')],
    ]);
    expect(revealed?.reply.sources).toEqual([sourceLink('https://docs.aws.amazon.com/lambda/1')]);
    expect(h.chat.byKey(questionKey(quiz.id, 1))?.inThreadOf).toBe(headerKey(quiz.id));
    expect(h.timerPlatforms).toEqual(['slack']);
    expect((await h.store.loadQuiz(quiz.id))?.revealAt).toBe(h.time.now() + 30_000);
  });

  it('refuses an answer to a question already revealed, without changing anything', async () => {
    const { quiz, value } = await startServerless();
    await h.time.advance(30_000);
    const before = await h.store.loadQuiz(quiz.id);
    await h.press('U0002', value(0, 'aws'));
    expect(h.chat.privates.at(-1)?.reply.text).toBe(M.tooLate);
    expect(await h.store.quizAnswers(quiz.id, 0)).toEqual([]);
    expect(await h.store.loadQuiz(quiz.id)).toEqual(before);
  });

  it('lets the starter reveal early and refuses everyone else', async () => {
    const { quiz, value } = await startServerless();
    await h.press('U0002', value(0, 'reveal'), ACTION_IDS.quizReveal);
    expect(h.chat.privates.at(-1)?.reply.text).toBe(M.onlyStarterReveals(p('U0001')));
    expect((await h.store.loadQuiz(quiz.id))?.current).toBe(0);

    await h.time.advance(5_000);
    await h.press('U0001', value(0, 'reveal'), ACTION_IDS.quizReveal);
    expect(h.chat.byKey(questionKey(quiz.id, 0))?.reply.headline).toBe('Question 1 of 3: AWS');
    const next = await h.store.loadQuiz(quiz.id);
    expect(next?.current).toBe(1);
    expect(next?.revealAt).toBe(h.time.now() + 30_000);
    // The old timer must not reveal question 2 early.
    await h.time.advance(25_000);
    expect((await h.store.loadQuiz(quiz.id))?.current).toBe(1);
    await h.time.advance(5_000);
    expect((await h.store.loadQuiz(quiz.id))?.current).toBe(2);
  });

  it('lets only the starter stop; stopping posts the scores and frees the channel', async () => {
    const { quiz, value } = await startServerless();
    await h.press('U0002', value(0, 'aws'));
    await h.time.advance(30_000);

    const refused = await h.run(h.service.stop(ctx('U0002')));
    expect(refused).toMatchObject([{ type: 'reply', reply: { text: M.onlyStarterStops(p('U0001')) } }]);
    await h.run(h.service.start(ctx('U0001'), 'stop'));

    expect((await h.store.loadQuiz(quiz.id))?.phase).toBe('stopped');
    expect(h.chat.byKey(questionKey(quiz.id, 1))?.reply.sections[1]?.body).toBe(M.stoppedQuestion);
    expect(h.chat.byKey(scoreboardKey(quiz.id))?.reply.sections[0]?.body).toBe(`1. ${p('U0002')}: 1/1`);
    expect(h.chat.byKey(resultKey(quiz.id))?.reply.text).toBe(M.resultStoppedLine('A serverless app', p('U0001')));
    expect(h.chat.byKey(resultKey(quiz.id))?.inThreadOf).toBeUndefined();
    expect(h.time.pendingTimers()).toBe(0);
    expect(await h.store.activeQuiz('C0001')).toBeUndefined();
    await h.run(h.service.start(ctx('U0002'), '2'));
    expect((await h.store.activeQuiz('C0001'))?.starterId).toBe('U0002');
  });

  it('explains what is running when a second quiz is started in the channel', async () => {
    await startServerless();
    const effects = await h.run(h.service.start(ctx('U0002'), 'rds'));
    expect(effects).toMatchObject([
      { type: 'reply', visibility: 'private', reply: { text: M.alreadyRunning('A serverless app', 0, 3, p('U0001')) } },
    ]);
    await h.run(h.service.start(ctx('U0002', 'C0002'), 'rds'));
    expect((await h.store.activeQuiz('C0002'))?.title).toBe('Who owns what on Amazon RDS');
  });

  it('scores the quiz with a fair tie rule and posts the board in the thread and a line in the channel', async () => {
    const { quiz, value } = await startServerless();
    const plays: Record<string, string[]> = {
      U0001: ['aws', 'customer', 'shared'],
      U0002: ['aws', 'customer', 'aws'],
      U0003: ['shared', 'customer', 'shared'],
      U0004: ['customer', 'aws', 'aws'],
    };
    for (let i = 0; i < 3; i++) {
      for (const [user, answers] of Object.entries(plays)) await h.press(user, value(i, answers[i] as string));
      await h.time.advance(30_000);
    }
    const board = h.chat.byKey(scoreboardKey(quiz.id));
    expect(board?.inThreadOf).toBe(headerKey(quiz.id));
    expect(board?.reply.headline).toBe(M.scoreboardHeadline('A serverless app'));
    expect(board?.reply.sections[0]?.body.split('\n')).toEqual([
      `1. ${p('U0001')}: 3/3`,
      `2. ${p('U0002')}: 2/3`,
      `2. ${p('U0003')}: 2/3`,
      `4. ${p('U0004')}: 0/3`,
    ]);
    expect(h.chat.byKey(resultKey(quiz.id))?.reply.text).toBe(M.resultLine('A serverless app', [p('U0001')], 3, 3));
    expect((await h.store.loadQuiz(quiz.id))?.phase).toBe('finished');
    expect(await h.store.activeQuiz('C0001')).toBeUndefined();
    expect(h.time.pendingTimers()).toBe(0);
  });

  it('announces a shared first place as a tie', async () => {
    const { quiz, value } = await startServerless();
    for (let i = 0; i < 3; i++) {
      if (i === 0) {
        await h.press('U0002', value(0, 'aws'));
        await h.press('U0003', value(0, 'aws'));
      }
      await h.time.advance(30_000);
    }
    expect(h.chat.byKey(resultKey(quiz.id))?.reply.text).toBe(
      M.resultLine('A serverless app', [p('U0002'), p('U0003')], 1, 3),
    );
  });

  it('keeps a leaderboard for this week, this month and all time', async () => {
    const first = await startServerless();
    const firstAt = h.time.now();
    await h.press('U0002', first.value(0, 'aws'));
    await h.press('U0003', first.value(0, 'aws'));
    await h.time.advance(90_000);

    await h.time.advance(7 * 24 * 3600_000);
    await h.run(h.service.start(ctx(), 'serverless'));
    const second = await h.store.activeQuiz('C0001');
    await h.press('U0003', `${second?.id}:0:customer`);
    await h.time.advance(30_000);
    await h.press('U0003', `${second?.id}:1:customer`);
    await h.time.advance(60_000);

    const effects = await h.run(h.service.start(ctx('U0009'), 'leaderboard'));
    expect(effects).toHaveLength(1);
    const board = h.chat.replies.at(-1)?.reply;
    const sameMonth = monthStart(firstAt) === monthStart(h.time.now());
    expect(board?.sections).toEqual([
      { title: M.thisWeekTitle, body: `1. ${p('U0003')}: 1 point` },
      { title: M.thisMonthTitle, body: sameMonth ? `1. ${p('U0003')}: 2 points\n2. ${p('U0002')}: 1 point` : `1. ${p('U0003')}: 1 point` },
      { title: M.allTimeTitle, body: `1. ${p('U0003')}: 2 points\n2. ${p('U0002')}: 1 point` },
    ]);
  });

  it('starts a new season on "leaderboard reset" by an admin: earlier points stop counting', async () => {
    const first = await startServerless();
    await h.press('U0002', first.value(0, 'aws'));
    await h.time.advance(90_000);
    await h.run(h.service.resetSeason(ctx('UADMIN')));
    expect(h.chat.replies.at(-1)?.reply.text).toBe(M.seasonReset(p('UADMIN')));
    await h.time.advance(1_000);
    await h.run(h.service.start(ctx('U0009'), 'leaderboard'));
    const board = h.chat.replies.at(-1)?.reply;
    expect(board?.sections.map((s) => s.body)).toEqual([M.leaderboardEmpty, M.leaderboardEmpty, M.leaderboardEmpty]);
    expect(board?.sections[2]?.title).toMatch(/^This season \(since \d{4}-\d{2}-\d{2}\)$/);
  });
});

describe('quiz messages in a big channel', () => {
  afterEach(async () => {
    await h.shutdown();
    removeDataDir(h);
  });

  it('names at most five people on a reveal and in the result, and shows the top ten on the scoreboard', async () => {
    const { quiz, value } = await startServerless();
    const players = Array.from({ length: 12 }, (_, i) => `U1${String(i).padStart(3, '0')}`);
    for (const index of [0, 1, 2]) {
      const right = ['aws', 'customer', 'shared'][index]!;
      for (const player of players) await h.press(player, value(index, right));
      await h.press('U9999', value(index, 'customer'));
      await h.time.advance(30_000);
    }
    const reveal = h.chat.byKey(questionKey(quiz.id, 0))?.reply;
    const named = reveal?.sections.find((s) => s.title === M.rightTitle)?.body ?? '';
    expect(named).toBe(`${players.slice(0, 5).map((u) => p(u)).join(', ')} and 7 more`);
    expect(reveal?.sections.find((s) => s.title === M.splitTitle)?.body).toBe('13 answered, 12 right: AWS 12 · Customer 1 · Shared 0.');

    const board = h.chat.byKey(scoreboardKey(quiz.id))?.reply.sections[0]?.body.split('\n') ?? [];
    expect(board).toHaveLength(11);
    expect(board.at(-1)).toBe(M.morePlayers(3));
    const result = h.chat.byKey(resultKey(quiz.id))?.reply.headline ?? '';
    expect(result).toContain('and 7 more tie for first with 3/3');
    expect(result.match(/U1\d{3}/g)).toHaveLength(5);

    // Off the board, each player sees their own place privately with "My rank".
    const rank = h.chat.byKey(scoreboardKey(quiz.id))?.reply.actions.find((a) => a.actionId === ACTION_IDS.quizRank);
    expect(rank?.value).toBe(rankValue(quiz.id));
    const [mine] = await h.press('U9999', rank!.value, ACTION_IDS.quizRank);
    expect(mine).toMatchObject({ type: 'private', userId: 'U9999' });
    expect(mine && 'reply' in mine ? mine.reply.headline : '').toBe(M.ownRank(13, 13, 1, 3));
    const [first] = await h.press('U1011', rank!.value, ACTION_IDS.quizRank);
    expect(first && 'reply' in first ? first.reply.headline : '').toBe('You placed 1st of 13 with 3 of 3 right.');
    const [none] = await h.press('U5555', rank!.value, ACTION_IDS.quizRank);
    expect(none && 'reply' in none ? none.reply.headline : '').toBe(M.didNotPlay);
    const [elsewhere] = await h.press('U1011', rank!.value, ACTION_IDS.quizRank, 'C0002');
    expect(elsewhere && 'reply' in elsewhere ? elsewhere.reply.headline : '').toBe(M.otherChannel);
  });
});

describe('the paced "N answered" count', () => {
  afterEach(async () => {
    await h.shutdown();
    removeDataDir(h);
  });

  it('edits a question at most once per few seconds, catches up with the latest count, and never after the reveal', async () => {
    const { quiz, value } = await startServerless();
    await h.service.resume(); // starts the sweep, as the core does on start
    for (let i = 0; i < 40; i++) await h.press(`U2${String(i).padStart(3, '0')}`, value(0, 'customer'));
    const question = () => h.chat.byKey(questionKey(quiz.id, 0));
    // Forty clicks in the same instant: one public edit (the first), forty private acks.
    expect(question()?.edits).toBe(1);
    expect(question()?.reply.sections[1]?.body).toBe(M.answeredCount(1));
    expect(h.chat.privates.filter((p) => p.reply.text === M.ackAnswer)).toHaveLength(40);

    // The sweep shows the latest count within a few seconds, once.
    await h.time.advance(5_000);
    expect(question()?.edits).toBe(2);
    expect(question()?.reply.sections[1]?.body).toBe(M.answeredCount(40));
    await h.time.advance(5_000);
    expect(question()?.edits).toBe(2);

    // After the reveal the count is never written again.
    await h.time.advance(20_000);
    const revealedEdits = question()?.edits ?? 0;
    expect(question()?.reply.headline).toContain('Question 1 of 3:');
    await h.time.advance(10_000);
    expect(question()?.edits).toBe(revealedEdits);
    expect(question()?.reply.headline).toContain('Question 1 of 3:');
  });
});
