import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeamsHandler } from '../../adapters/teams/teams-bot.js';
import { createCore } from '../../src/core/create-core.js';
import type { SrmCore } from '../../src/core/srm-core.js';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { rightChoice } from '../../src/quiz/quiz-choices.js';
import { answerValue, revealValue } from '../../src/quiz/quiz-ids.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';
import { ANA, CHANNEL_CONVERSATION, mentionMessage, personalMessage, submitAction, USER_ID } from '../helpers/teams-activities.js';
import { allowOnlyLoopback, captureConnector } from '../helpers/teams-connector.js';
import { postActivity, startTeamsServer, type RunningServer } from '../helpers/teams-server.js';
import { captureLogger } from './fake-core.js';

const knowledge = loadTestKnowledge();
type Card = { body: { type: string; id?: string; choices?: { value: string }[] }[]; actions: { type: string; data?: { actionId: string; value: string } }[] };
const cardOf = (body: Record<string, any> | undefined): Card => body?.attachments?.[0]?.content as Card;

/** A form card's submit: the card's data plus the person's inputs, as Teams sends it. */
function submitForm(data: { actionId: string; value: string }, inputs: Record<string, string>, kind: 'personal' | 'channel', id: string, from = { id: USER_ID, name: 'Ada Lovelace' }) {
  const activity = submitAction(data.actionId, data.value, kind, id, { from });
  return { ...activity, value: { ...data, ...inputs } };
}

describe('Teams: 👎 with "what was wrong?", and challenges', () => {
  let dataDir: string;
  let store: Store;
  let core: SrmCore;
  let server: RunningServer;
  let connector: ReturnType<typeof captureConnector>;

  allowOnlyLoopback();
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'srm-teams-loop-'));
    store = createSqliteStore({ dataDir });
    core = createCore({ knowledge, store, random: () => 0.5 });
    connector = captureConnector();
    server = await startTeamsServer(createTeamsHandler({ core, store, auth: { mode: 'local' }, logger: captureLogger().logger }));
  });
  afterEach(async () => {
    await server.close();
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
    nock.cleanAll();
  });

  it('records the 👎 with its question, sends the form card, and records the reason it sends back', async () => {
    await postActivity(server.url, personalMessage('who turns on encryption for our EFS file systems?'));
    const answer = JSON.stringify(connector.calls[0]?.body);
    const down = /"value":"(f\|efs:encryption-at-rest\|0\|[a-z0-9]{12})"/.exec(answer)?.[1];
    expect(down).toBeDefined();
    await new Promise((r) => setTimeout(r, 20));

    await postActivity(server.url, submitAction(ACTION_IDS.feedbackDown, down!, 'personal', 'S0301'));
    const form = cardOf(connector.calls.at(-1)?.body);
    expect(form.body.find((e) => e.type === 'Input.ChoiceSet')?.choices?.map((c) => c.value)).toEqual(['wrong-owner', 'wrong-service', 'out-of-date', 'other']);
    expect(form.body.some((e) => e.type === 'Input.Text' && e.id === 'text')).toBe(true);
    const send = form.actions[0]?.data;
    expect(send?.actionId).toBe(ACTION_IDS.formSubmit);

    const sent = await postActivity(server.url, submitForm(send!, { choice: 'wrong-service', text: 'I asked about EBS' }, 'personal', 'S0302'));
    expect(sent.status).toBe(200);
    const [vote] = await store.feedbackSince(0);
    expect(vote).toMatchObject({
      answerId: 'efs:encryption-at-rest',
      question: 'who turns on encryption for our efs file systems',
      verdict: 'customer',
      platform: 'teams',
      reason: 'wrong-service',
      comment: 'I asked about EBS',
    });
    expect(JSON.stringify(connector.calls.at(-1)?.body)).toContain('keep the knowledge right');
  });

  it('lets a player challenge a revealed ruling in a channel and records it', async () => {
    await postActivity(server.url, mentionMessage('quiz 2', 'channel', 'M0400'));
    const quiz = (await store.activeQuiz(CHANNEL_CONVERSATION))!;
    const on = { threadRoot: 'M0400' };
    await postActivity(server.url, submitAction(ACTION_IDS.quizAnswer, answerValue(quiz.id, 0, rightChoice(quiz.questions[0]!)), 'channel', 'S0401', { from: ANA, threadRoot: on.threadRoot }));
    await postActivity(server.url, submitAction(ACTION_IDS.quizReveal, revealValue(quiz.id, 0), 'channel', 'S0402', { threadRoot: on.threadRoot }));
    expect((await store.loadQuiz(quiz.id))?.revealed).toHaveLength(1);

    const before = connector.calls.length;
    await postActivity(server.url, submitAction(ACTION_IDS.challenge, `h|${quiz.id}|0`, 'channel', 'S0403', { from: ANA, threadRoot: on.threadRoot }));
    const formCall = connector.calls.slice(before).find((c) => JSON.stringify(c.body).includes('Input.ChoiceSet'));
    // In a channel the form is a reply in the thread that mentions its person.
    expect(formCall?.body.text).toBe(`<at>${ANA.name}</at>`);
    const send = cardOf(formCall?.body).actions[0]?.data;
    expect(send).toEqual({ actionId: ACTION_IDS.formSubmit, value: `h|${quiz.id}|0` });

    await postActivity(server.url, submitForm(send!, { choice: 'unclear-question', text: '' }, 'channel', 'S0404', ANA));
    const [challenge] = await store.challengesSince(0);
    expect(challenge).toMatchObject({ quizId: quiz.id, questionIndex: 0, userId: ANA.id, reason: 'unclear-question', platform: 'teams', channelId: CHANNEL_CONVERSATION });
    expect(challenge?.comment).toBeUndefined();
    expect(JSON.stringify(connector.calls.slice(before))).toContain('challenged the ruling on question 1');
  });
});
