import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeamsHandler } from '../../adapters/teams/teams-bot.js';
import { createCore } from '../../src/core/create-core.js';
import type { SrmCore } from '../../src/core/srm-core.js';
import { ANSWER_LABEL, QUIZ_MESSAGES as M } from '../../src/quiz/quiz-messages.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';
import { ANA, BEN, CHANNEL_CONVERSATION, mentionMessage, USER_ID, USER_NAME } from '../helpers/teams-activities.js';
import { allowOnlyLoopback, captureConnector, type ConnectorCall } from '../helpers/teams-connector.js';
import { pressCard, quizSubmits, shownText } from '../helpers/teams-quiz.js';
import { postActivity, startTeamsServer, type RunningServer } from '../helpers/teams-server.js';
import { captureLogger } from './fake-core.js';

const ADA = { id: USER_ID, name: USER_NAME };
/** The classic scenario is asked in its written order: customer, then aws. */
const CLASSIC = loadTestKnowledge().quizScenarios.get('classic-deployment')!;
const [Q1, Q2] = CLASSIC.questions;
const thread = (rootId: string) => `${CHANNEL_CONVERSATION};messageid=${rootId}`;

let dataDir: string;
let store: Store;
let core: SrmCore;
let server: RunningServer;
let connector: ReturnType<typeof captureConnector>;
let clock: number;
/** Connector calls made since the last call to `fresh()`. */
let seen = 0;
const fresh = (): ConnectorCall[] => {
  const calls = connector.calls.slice(seen);
  seen = connector.calls.length;
  return calls;
};
const send = async (activity: unknown) => {
  const res = await postActivity(server.url, activity);
  expect(res.status).toBeLessThan(300);
  return fresh();
};

/** The real core on a SQLite store and a fake clock, behind the real endpoint in local mode. */
async function boot(quizRevealMs: number): Promise<void> {
  dataDir = mkdtempSync(join(tmpdir(), 'srm-teams-quiz-'));
  store = createSqliteStore({ dataDir });
  clock = Date.UTC(2025, 0, 8, 12, 0, 0);
  core = createCore({ knowledge: loadTestKnowledge(), store, now: () => clock, quizRevealMs, random: () => 0.5 });
  connector = captureConnector();
  seen = 0;
  server = await startTeamsServer(createTeamsHandler({ core, store, auth: { mode: 'local' }, logger: captureLogger().logger }));
  await core.start();
}

/** `@srm quiz classic <n>` in the channel; returns the header and the first question as posted. */
async function startClassic(count = 2) {
  const [header, question, ...rest] = await send(mentionMessage(`quiz classic ${count}`, 'channel', 'M0100'));
  expect(rest).toHaveLength(0);
  return { header: header!, question: question!, on: { threadRoot: header!.sentId, cardId: question!.sentId } };
}

allowOnlyLoopback();
afterEach(async () => {
  await server.close();
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
  nock.cleanAll();
});

describe('a Teams quiz played through POST /api/messages', () => {
  beforeEach(() => boot(60_000));

  it('posts the header at the top of the channel and the first question card in its thread', async () => {
    const { header, question } = await startClassic();

    expect(header).toMatchObject({ method: 'POST', conversationId: CHANNEL_CONVERSATION });
    expect(header.body.replyToId).toBeUndefined();
    expect(shownText(header)).toContain(M.headerTitle(CLASSIC.title));
    expect(shownText(header)).toContain(USER_NAME);

    expect(question).toMatchObject({ method: 'POST', conversationId: thread(header.sentId) });
    expect(shownText(question)).toContain(M.questionHeadline(0, 2));
    expect(shownText(question)).toContain(Q1!.prompt);
    expect(shownText(question)).not.toContain(Q1!.explanation);
    const buttons = quizSubmits(question);
    expect(buttons.customer.value).toMatch(/^q[a-z0-9]+:0:customer$/);
  });

  it('acknowledges an answer privately with a mention, updates the count in place, and counts a duplicate once', async () => {
    const { question, on } = await startClassic();
    const press = pressCard(quizSubmits(question).customer, on, ANA, 'S0101');

    const [ack, count, ...rest] = await send(press);
    expect(rest).toHaveLength(0);
    expect(ack).toMatchObject({ method: 'POST', conversationId: thread(on.threadRoot) });
    expect(ack!.body.replyToId).toBe('S0101');
    expect(ack!.body.text).toBe('<at>Ana</at>');
    expect(ack!.body.entities).toEqual([{ type: 'mention', text: '<at>Ana</at>', mentioned: { id: ANA.id, name: 'Ana' } }]);
    expect(shownText(ack)).toContain(M.ackAnswer);
    expect(shownText(ack)).not.toContain(Q1!.explanation);
    expect(count).toMatchObject({ method: 'PUT', conversationId: thread(on.threadRoot), activityId: on.cardId });
    expect(shownText(count)).toContain(M.answeredCount(1));
    expect(quizSubmits(count!).reveal).toEqual(quizSubmits(question).reveal);

    // Teams redelivers a slow turn with the same activity id: nothing more happens.
    expect(await send(press)).toHaveLength(0);

    // A second click is a new activity: it is refused privately and the count stays.
    const again = await send(pressCard(quizSubmits(question).aws, on, ANA, 'S0102'));
    expect(again).toHaveLength(1);
    expect(again[0]!.method).toBe('POST');
    expect(shownText(again[0])).toContain(M.alreadyAnswered);
  });

  it('plays two questions: the starter reveals in place with who got it right, then the scoreboard', async () => {
    const { question, on } = await startClassic();
    const q1 = quizSubmits(question);
    await send(pressCard(q1.customer, on, ANA, 'S0201'));

    const refused = await send(pressCard(q1.reveal, on, BEN, 'S0202'));
    expect(refused).toHaveLength(1);
    expect(refused[0]!.body.text).toBe('<at>Ben</at>');
    expect(shownText(refused[0])).toContain(M.onlyStarterReveals(USER_NAME));

    const [revealed, second, ...rest] = await send(pressCard(q1.reveal, on, ADA, 'S0203'));
    expect(rest).toHaveLength(0);
    expect(revealed).toMatchObject({ method: 'PUT', activityId: on.cardId, conversationId: thread(on.threadRoot) });
    expect(shownText(revealed)).toContain(M.revealedHeadline(0, 2, ANSWER_LABEL.customer));
    expect(shownText(revealed)).toContain(Q1!.explanation);
    expect(shownText(revealed)).toContain(Q1!.source);
    expect(shownText(revealed)).toMatch(new RegExp(`${M.rightTitle}[^}]*\\}[^}]*"text":"Ana"`));
    expect(() => quizSubmits(revealed!)).toThrow();

    expect(second).toMatchObject({ method: 'POST', conversationId: thread(on.threadRoot) });
    expect(shownText(second)).toContain(Q2!.prompt);
    const q2 = quizSubmits(second!);
    const on2 = { threadRoot: on.threadRoot, cardId: second!.sentId };
    const [, count] = await send(pressCard(q2.aws, on2, ANA, 'S0204'));
    expect(count).toMatchObject({ method: 'PUT', activityId: on2.cardId });
    expect(shownText(count)).toContain(M.answeredCount(1));
    // The public count is paced: Ben's click right after Ana's is acknowledged, not shown at once.
    const benClick = await send(pressCard(q2.shared, on2, BEN, 'S0205'));
    expect(benClick).toHaveLength(1);

    const [last, scoreboard, result] = await send(pressCard(q2.reveal, on2, ADA, 'S0206'));
    expect(last).toMatchObject({ method: 'PUT', activityId: on2.cardId });
    expect(shownText(last)).toContain(M.revealedHeadline(1, 2, ANSWER_LABEL.aws));
    expect(shownText(last)).toContain('"text":"Ana"');
    expect(shownText(last)).not.toContain('Ben');
    expect(scoreboard).toMatchObject({ method: 'POST', conversationId: thread(on.threadRoot) });
    expect(shownText(scoreboard)).toContain(M.scoreLine(1, 'Ana', 2, 2));
    expect(shownText(scoreboard)).toContain(M.scoreLine(2, 'Ben', 0, 2));
    expect(result).toMatchObject({ method: 'POST', conversationId: CHANNEL_CONVERSATION });
    expect(shownText(result)).toContain(M.resultLine(CLASSIC.title, ['Ana'], 2, 2));

    const [board] = await send(mentionMessage('leaderboard', 'channel', 'M0200'));
    expect(shownText(board)).toContain(M.leaderboardLine(1, 'Ana', 2));

    const late = await send(pressCard(q2.customer, on2, BEN, 'S0207'));
    expect(late).toHaveLength(1);
    expect(shownText(late[0])).toContain(M.quizOver);
  });
});

describe('a Teams quiz revealed by its timer', () => {
  beforeEach(() => boot(200));

  it('updates the card and posts the scoreboard proactively, in the saved conversation', async () => {
    const { question, on } = await startClassic(1);
    await send(pressCard(quizSubmits(question).customer, on, ANA, 'S0301'));

    clock += 200;
    const deadline = Date.now() + 5_000;
    while (connector.calls.length < seen + 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const [revealed, scoreboard, result] = fresh();
    expect(revealed).toMatchObject({ method: 'PUT', activityId: on.cardId, conversationId: thread(on.threadRoot) });
    expect(shownText(revealed)).toContain(M.revealedHeadline(0, 1, ANSWER_LABEL.customer));
    expect(shownText(revealed)).toContain('"text":"Ana"');
    expect(scoreboard).toMatchObject({ method: 'POST', conversationId: thread(on.threadRoot) });
    expect(shownText(scoreboard)).toContain(M.scoreLine(1, 'Ana', 1, 1));
    expect(result).toMatchObject({ method: 'POST', conversationId: CHANNEL_CONVERSATION });
  });
});
