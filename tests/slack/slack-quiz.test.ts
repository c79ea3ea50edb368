import nock from 'nock';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_STRINGS } from '../../adapters/slack/slack-strings.js';
import { createCore } from '../../src/core/create-core.js';
import { questionKey } from '../../src/quiz/quiz-ids.js';
import { ANSWER_LABEL, QUIZ_MESSAGES as M } from '../../src/quiz/quiz-messages.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';
import { RESPONSE_URL_ORIGIN, SLACK_IDS, slashCommand, blockAction } from '../helpers/slack-payloads.js';
import { press, privateTo, quizButtons, quizIdOf, shownText, waitForRemembered, type PostedQuestion } from '../helpers/slack-quiz.js';
import { settle, startSlackTestServer, waitFor, type SlackTestServer } from '../helpers/slack-server.js';
import { capturePostsWithTs, captureResponseUrl, captureSlackApi, failSlackApi, type CapturedCall } from '../helpers/slack-web-api.js';

const { user: STARTER, otherUser: ANA, thirdUser: BEN, channel: CHANNEL, otherChannel: OTHER_CHANNEL } = SLACK_IDS;
/** The classic scenario is asked in its written order: customer, then aws. */
const CLASSIC = loadTestKnowledge().quizScenarios.get('classic-deployment')!;
const [Q1, Q2] = CLASSIC.questions;

/** A slash command whose response_url names the person, so their private replies can be told apart. */
const command = (text: string, userId: string = STARTER, channelId: string = CHANNEL) =>
  slashCommand(text, { user_id: userId, channel_id: channelId, response_url: `${RESPONSE_URL_ORIGIN}/commands/T0001/${userId}/1` });

let server: SlackTestServer;
let clock: number;
let posts: CapturedCall[];
let updates: CapturedCall[];
let ephemerals: CapturedCall[];
let responses: CapturedCall[];
const told = (userId: string) => privateTo(userId, ephemerals, responses);

async function startServer(quizRevealMs = 60_000): Promise<void> {
  let seed = 7;
  server = await startSlackTestServer((store) =>
    createCore({
      knowledge: loadTestKnowledge(),
      store,
      now: () => clock,
      // Deterministic but different quiz ids for quizzes started at the same (fake) instant.
      random: () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647,
      quizRevealMs,
    }),
  );
}

/** Starts `/srm quiz classic <n>` and returns the header and the first question as posted. */
async function startClassic(count: number, channelId: string = CHANNEL) {
  const before = posts.length;
  const res = await server.send(command(`quiz classic ${count}`, STARTER, channelId));
  expect(res.status).toBe(200);
  await waitFor(() => posts.length === before + 2, 'quiz header and first question');
  const header = posts[before]!;
  const question = posts[before + 1]!;
  const at: PostedQuestion = { ts: question.postedTs!, threadTs: header.postedTs! };
  await waitForRemembered(server.store, questionKey(quizIdOf(question), 0), at.ts);
  return { header, question, at };
}

beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  clock = Date.UTC(2025, 0, 8, 12, 0, 0);
  posts = capturePostsWithTs('1700000500');
  updates = captureSlackApi('chat.update');
  ephemerals = captureSlackApi('chat.postEphemeral');
  responses = captureResponseUrl();
});

afterEach(async () => {
  await server.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('a Slack quiz played through the real endpoint', () => {
  beforeEach(() => startServer());

  it('posts the header at the top of the channel and the first question in its thread', async () => {
    const { header, question, at } = await startClassic(2);

    expect(header.channel).toBe(CHANNEL);
    expect(header.thread_ts).toBeUndefined();
    expect(at.threadTs).not.toBe(at.ts);
    expect(shownText(header)).toContain(M.headerTitle(CLASSIC.title));
    expect(shownText(header)).toContain(`<@${STARTER}>`);

    expect(question.channel).toBe(CHANNEL);
    expect(question.thread_ts).toBe(at.threadTs);
    expect(shownText(question)).toContain(M.questionHeadline(0, 2));
    expect(shownText(question)).toContain(Q1!.prompt);
    expect(shownText(question)).not.toContain(Q1!.explanation);
    const buttons = quizButtons(question);
    expect([buttons.aws, buttons.customer, buttons.shared, buttons.reveal].map((b) => b.text.text)).toEqual([
      'AWS',
      'Customer',
      'Shared',
      M.revealButton,
    ]);
    expect(buttons.customer.value).toMatch(/^q[a-z0-9]+:0:customer$/);
  });

  it('acknowledges an answer privately, shows the count in place, and counts a retry or double click once', async () => {
    const { question, at } = await startClassic(2);
    const buttons = quizButtons(question);

    await server.send(press(buttons.customer, at, { userId: ANA, actionTs: '1700000600.000001' }));
    await waitFor(() => updates.length === 1 && told(ANA).length === 1, 'answer ack and count update');
    const ack = told(ANA)[0]!;
    // Ephemeral, and a new message: the question itself must never be replaced by someone's ack.
    expect(ack).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(ack.text).toContain(M.ackAnswer);
    expect(shownText(ack)).not.toContain(Q1!.explanation);
    expect(shownText(ack)).not.toContain(M.rightTitle);
    expect(updates[0]).toMatchObject({ channel: CHANNEL, ts: at.ts });
    expect(shownText(updates[0])).toContain(M.answeredCount(1));
    expect(shownText(updates[0])).toContain(Q1!.prompt);
    expect(shownText(updates[0])).not.toContain(Q1!.explanation);
    expect(quizButtons(updates[0]!).reveal.value).toBe(buttons.reveal.value);

    // The same press delivered again (same action_ts), then a double click (new action_ts).
    await server.send(press(buttons.customer, at, { userId: ANA, actionTs: '1700000600.000001' }));
    await server.send(press(buttons.customer, at, { userId: ANA, actionTs: '1700000600.000002' }));
    await settle();
    expect(updates).toHaveLength(1);
    expect(told(ANA)).toHaveLength(1);
    expect(posts).toHaveLength(2);

    // Changing one's mind does not count either: the first answer stands.
    await server.send(press(buttons.aws, at, { userId: ANA, actionTs: '1700000600.000003' }));
    await waitFor(() => told(ANA).length === 2, 'already-answered notice');
    expect(told(ANA)[1]!.text).toContain(M.alreadyAnswered);
    await settle();
    expect(updates).toHaveLength(1);
  });

  it('plays two questions to the end: reveals in place, scoreboard in the thread, result in the channel, leaderboard', async () => {
    const { question, at } = await startClassic(2);
    const q1 = quizButtons(question);

    await server.send(press(q1.customer, at, { userId: ANA, actionTs: '1700000600.000001' }));
    await waitFor(() => updates.length === 1, 'count update');

    // Someone other than the starter may not reveal early.
    await server.send(press(q1.reveal, at, { userId: BEN, actionTs: '1700000600.000002' }));
    await waitFor(() => told(BEN).length === 1, 'refusal');
    expect(told(BEN)[0]!.text).toContain(M.onlyStarterReveals(`<@${STARTER}>`));
    expect(JSON.stringify(told(BEN)[0]!.blocks)).toContain(`<@${STARTER}>`);
    await settle();
    expect(updates).toHaveLength(1);
    expect(posts).toHaveLength(2);

    await server.send(press(q1.reveal, at, { userId: STARTER, actionTs: '1700000600.000003' }));
    await waitFor(() => updates.length === 2 && posts.length === 3, 'reveal and second question');
    const revealed = updates[1]!;
    expect(revealed).toMatchObject({ channel: CHANNEL, ts: at.ts });
    expect(shownText(revealed)).toContain(M.revealedHeadline(0, 2, ANSWER_LABEL.customer));
    expect(shownText(revealed)).toContain(Q1!.explanation);
    expect(shownText(revealed)).toContain(`<${Q1!.source}|`);
    expect(shownText(revealed)).toContain(`<@${ANA}>`);
    // No answer buttons after the reveal: only "Challenge this ruling".
    const buttons = (revealed.blocks ?? []).flatMap((b) => ((b as { elements?: { action_id?: string }[] }).elements ?? []).map((e) => e.action_id));
    expect(buttons.filter(Boolean).every((id) => id?.startsWith(ACTION_IDS.challenge))).toBe(true);
    expect(buttons.some((id) => id?.startsWith(ACTION_IDS.challenge))).toBe(true);
    expect(told(STARTER)).toHaveLength(0);

    const second = posts[2]!;
    expect(second.thread_ts).toBe(at.threadTs);
    expect(shownText(second)).toContain(M.questionHeadline(1, 2));
    expect(shownText(second)).toContain(Q2!.prompt);
    const q2 = quizButtons(second);
    expect(q2.aws.value).toMatch(/:1:aws$/);
    const at2: PostedQuestion = { ts: second.postedTs!, threadTs: at.threadTs };
    await waitForRemembered(server.store, questionKey(quizIdOf(second), 1), at2.ts);

    await server.send(press(q2.aws, at2, { userId: ANA, actionTs: '1700000700.000001' }));
    await waitFor(() => updates.length === 3, 'first count on question 2');
    // The public count is paced (one edit per few seconds per question): Ben's click, right after
    // Ana's, is acknowledged to him at once and shown by the next paced edit or the reveal.
    const benTold = told(BEN).length;
    await server.send(press(q2.shared, at2, { userId: BEN, actionTs: '1700000700.000002' }));
    await waitFor(() => told(BEN).length === benTold + 1, 'ack to Ben');
    expect(updates).toHaveLength(3);

    await server.send(press(q2.reveal, at2, { userId: STARTER, actionTs: '1700000700.000003' }));
    await waitFor(() => updates.length === 4 && posts.length === 5, 'last reveal, scoreboard and result');
    expect(updates[3]).toMatchObject({ channel: CHANNEL, ts: at2.ts });
    expect(shownText(updates[3])).toContain(M.revealedHeadline(1, 2, ANSWER_LABEL.aws));
    expect(shownText(updates[3])).toContain('2 answered, 1 right');
    expect(shownText(updates[3])).toContain(`<@${ANA}>`);
    expect(shownText(updates[3])).not.toContain(`<@${BEN}>`);

    const [scoreboard, result] = [posts[3]!, posts[4]!];
    expect(scoreboard).toMatchObject({ channel: CHANNEL, thread_ts: at.threadTs });
    expect(shownText(scoreboard)).toContain(M.scoreboardHeadline(CLASSIC.title));
    expect(shownText(scoreboard)).toContain(M.scoreLine(1, `<@${ANA}>`, 2, 2));
    expect(shownText(scoreboard)).toContain(M.scoreLine(2, `<@${BEN}>`, 0, 2));
    expect(result.channel).toBe(CHANNEL);
    expect(result.thread_ts).toBeUndefined();
    expect(result.text).toBe(M.resultLine(CLASSIC.title, [`<@${ANA}>`], 2, 2));
    // People are mentioned in the blocks too, never shown as a raw "@U0002" in a plain_text header.
    expect(JSON.stringify(result.blocks)).toContain(`<@${ANA}>`);
    expect(JSON.stringify(result.blocks)).not.toMatch(/[^<]@U0/);

    // The board of the channel shows the points.
    await server.send(command('leaderboard'));
    await waitFor(() => responses.some((r) => r.response_type === 'in_channel'), 'leaderboard');
    const board = responses.find((r) => r.response_type === 'in_channel')!;
    expect(shownText(board)).toContain(M.leaderboardHeadline);
    expect(shownText(board)).toContain(M.leaderboardLine(1, `<@${ANA}>`, 2));
    expect(shownText(board)).not.toContain(`<@${BEN}>`);

    // A button of the finished quiz only earns a private notice.
    await server.send(press(q2.customer, at2, { userId: BEN, actionTs: '1700000800.000001' }));
    await waitFor(() => told(BEN).length === 3, 'quiz-over notice');
    expect(told(BEN)[2]!.text).toContain(M.quizOver);
    await settle();
    expect(updates).toHaveLength(4);
    expect(posts).toHaveLength(5);
  });

  it('refuses `/srm quiz stop` from someone other than the starter, and stops for the starter', async () => {
    const { at } = await startClassic(2);

    await server.send(command('quiz stop', ANA));
    await waitFor(() => told(ANA).length === 1, 'refusal');
    expect(told(ANA)[0]!.text).toContain(M.onlyStarterStops(`<@${STARTER}>`));
    await settle();
    expect(updates).toHaveLength(0);
    expect(posts).toHaveLength(2);

    await server.send(command('quiz stop'));
    await waitFor(() => updates.length === 1 && posts.length === 4, 'stopped question, scoreboard and result');
    expect(updates[0]).toMatchObject({ channel: CHANNEL, ts: at.ts });
    expect(shownText(updates[0])).toContain(M.stoppedQuestion);
    expect(posts[2]).toMatchObject({ thread_ts: at.threadTs });
    expect(posts[3]?.thread_ts).toBeUndefined();
    expect(posts[3]?.text).toBe(M.resultStoppedLine(CLASSIC.title, `<@${STARTER}>`));
    expect(JSON.stringify(posts[3]?.blocks)).toContain(`<@${STARTER}>`);
  });

  it('explains what is running when a second quiz is started in the channel', async () => {
    await startClassic(2);
    await server.send(command('quiz', ANA));
    await waitFor(() => told(ANA).length === 1, 'already-running notice');
    expect(told(ANA)[0]!.text).toContain(M.alreadyRunning(CLASSIC.title, 0, 2, `<@${STARTER}>`));
    await settle();
    expect(posts).toHaveLength(2);
  });

  it('answers tampered or stale button values with a private notice and no edit', async () => {
    const other = await startClassic(2, OTHER_CHANNEL);
    const { question, at } = await startClassic(2);
    const quizId = quizIdOf(question);
    const otherQuizId = quizIdOf(other.question);
    expect(otherQuizId).not.toBe(quizId);

    const cases: { value: string; actionId: string; notice: string }[] = [
      { value: `${otherQuizId}:0:aws`, actionId: 'srm_quiz_answer:0', notice: M.otherChannel },
      { value: `${otherQuizId}:0:reveal`, actionId: 'srm_quiz_reveal:3', notice: M.otherChannel },
      { value: 'not-a-quiz-value', actionId: 'srm_quiz_answer:0', notice: M.unknownButton },
      { value: `${quizId}:7:aws`, actionId: 'srm_quiz_answer:0', notice: M.unknownButton },
      { value: `${quizId}:0:reveal`, actionId: 'srm_quiz_answer:0', notice: M.unknownButton },
      { value: `${quizId}:0:${'x'.repeat(2_001)}`, actionId: 'srm_quiz_answer:0', notice: M.unknownButton },
    ];
    for (const [i, tampered] of cases.entries()) {
      const actionTs = `1700000900.00000${i}`;
      await server.send(blockAction(tampered.actionId, tampered.value, { userId: ANA, actionTs, messageTs: at.ts, threadTs: at.threadTs }));
      await waitFor(() => told(ANA).length === i + 1, `notice for ${tampered.value.slice(0, 40)}`);
      expect(told(ANA)[i]!.text, tampered.value.slice(0, 40)).toContain(tampered.notice);
    }
    await settle();
    expect(updates).toHaveLength(0);
    expect(posts).toHaveLength(4);
  });
});

describe('a Slack quiz revealed by its timer', () => {
  beforeEach(() => startServer(200));

  it('edits the question and posts the scoreboard through the registered sink', async () => {
    const { question, at } = await startClassic(1);
    await server.send(press(quizButtons(question).customer, at, { userId: ANA, actionTs: '1700000600.000001' }));
    await waitFor(() => updates.length === 1, 'count update');

    clock += 200;
    await waitFor(() => updates.length === 2 && posts.length === 4, 'timer reveal, scoreboard and result', 5_000);
    expect(updates[1]).toMatchObject({ channel: CHANNEL, ts: at.ts });
    expect(shownText(updates[1])).toContain(M.revealedHeadline(0, 1, ANSWER_LABEL.customer));
    expect(shownText(updates[1])).toContain(`<@${ANA}>`);
    expect(posts[2]).toMatchObject({ thread_ts: at.threadTs });
    expect(posts[3]?.text).toBe(M.resultLine(CLASSIC.title, [`<@${ANA}>`], 1, 1));
  });
});

describe('a Slack quiz in a channel the bot has not joined', () => {
  beforeEach(() => startServer());

  it.each(['not_in_channel', 'channel_not_found'])('tells the starter privately to invite the bot (%s)', async (error) => {
    nock.cleanAll();
    const failed = failSlackApi('chat.postMessage', error);
    responses = captureResponseUrl();
    ephemerals = captureSlackApi('chat.postEphemeral');

    await server.send(command('quiz classic 2'));
    await waitFor(() => told(STARTER).length === 1, 'invite hint');
    expect(failed).toHaveLength(1);
    expect(told(STARTER)[0]!.text).toContain(SLACK_STRINGS.inviteBot);
    expect(told(STARTER)[0]!.text).toContain('/invite @srm');
    expect(shownText(told(STARTER)[0])).not.toContain(SLACK_STRINGS.apology);
  });

  // The quiz is stored before its header is posted; a quiz whose header never reached the channel
  // stops blocking it once a short grace period has passed.
  it('lets the starter start the quiz once the bot has been invited', async () => {
    nock.cleanAll();
    failSlackApi('chat.postMessage', 'not_in_channel');
    responses = captureResponseUrl();
    ephemerals = captureSlackApi('chat.postEphemeral');
    await server.send(command('quiz classic 2'));
    await waitFor(() => told(STARTER).length === 1, 'invite hint');
    clock += 11_000; // the person invites the bot, then tries again

    nock.cleanAll();
    posts = capturePostsWithTs('1700000600');
    responses = captureResponseUrl();
    ephemerals = captureSlackApi('chat.postEphemeral');
    await server.send(command('quiz classic 2'));
    await waitFor(() => posts.length === 2 || told(STARTER).length === 1, 'a new quiz or a notice');
    expect(told(STARTER)).toHaveLength(0);
    expect(posts).toHaveLength(2);
  });
});
