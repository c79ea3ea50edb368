import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORM_BLOCKS } from '../../adapters/slack/render-modal.js';
import { createCore } from '../../src/core/create-core.js';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { rightChoice } from '../../src/quiz/quiz-choices.js';
import { answerValue, revealValue } from '../../src/quiz/quiz-ids.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';
import { blockAction, SLACK_IDS, slashCommand, viewSubmission } from '../helpers/slack-payloads.js';
import { settle, startSlackTestServer, waitFor, type SlackTestServer } from '../helpers/slack-server.js';
import { captureResponseUrl, captureSlackApi } from '../helpers/slack-web-api.js';

const knowledge = loadTestKnowledge();
let server: SlackTestServer;

beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  server = await startSlackTestServer((store) => createCore({ knowledge, store, random: () => 0.5 }));
});

afterEach(async () => {
  await server.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Polls an async check until it gives a value (the store is written after Slack is acknowledged). */
async function until<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The modal the bot opened, parsed back. */
function openedView(call: Record<string, unknown> | undefined): { callback_id: string; private_metadata: string; title: { text: string }; blocks: { type: string; block_id?: string; element?: { type: string; options?: { value: string }[] } }[] } {
  const raw = call?.view;
  return (typeof raw === 'string' ? JSON.parse(raw) : raw) as never;
}

const values = (choice: string, text: string) => ({
  [FORM_BLOCKS.choice]: { [FORM_BLOCKS.choice]: { type: 'radio_buttons', selected_option: { value: choice } } },
  [FORM_BLOCKS.text]: { [FORM_BLOCKS.text]: { type: 'plain_text_input', value: text } },
});

describe('Slack: 👎 and "what was wrong?"', () => {
  it('records the 👎 with its question, opens the modal with the press\u2019s trigger, and records the reason on submit', async () => {
    const responses = captureResponseUrl();
    await server.send(slashCommand('who turns on encryption for our EFS file systems?'));
    await waitFor(() => responses.length === 1, 'answer');
    const buttons = (responses[0]?.blocks ?? []).flatMap((b) => ((b as { elements?: { action_id: string; value?: string }[] }).elements ?? []));
    const down = buttons.find((e) => e.action_id?.startsWith(ACTION_IDS.feedbackDown));
    expect(down?.value).toMatch(/^f\|efs:encryption-at-rest\|0\|[a-f0-9]{16}$/);
    await settle(50);

    const views = captureSlackApi('views.open');
    await server.send(blockAction(ACTION_IDS.feedbackDown, down!.value!, { actionTs: '1700000001.000002' }));
    await waitFor(() => views.length === 1, 'modal opened');
    expect(views[0]?.trigger_id).toBe('1.2.def');
    const view = openedView(views[0]);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.blocks.find((b) => b.block_id === FORM_BLOCKS.choice)?.element?.options?.map((o) => o.value)).toEqual(['wrong-owner', 'wrong-service', 'out-of-date', 'other']);
    // The thanks goes privately, through the press's response_url.
    await waitFor(() => responses.length === 2, 'private thanks');
    expect(responses[1]).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(responses[1])).toContain('did not help');
    const [vote] = await server.store.feedbackSince(0);
    expect(vote).toMatchObject({ answerId: 'efs:encryption-at-rest', question: 'who turns on encryption for our efs file systems', verdict: 'customer', platform: 'slack' });

    const thanks = captureSlackApi('chat.postEphemeral');
    const submitted = await server.send(viewSubmission(view, values('out-of-date', 'EFS encrypts by default now <!channel>')));
    expect(submitted.status).toBe(200);
    await waitFor(() => thanks.length === 1, 'thanks after the form');
    expect(thanks[0]).toMatchObject({ channel: SLACK_IDS.channel, user: SLACK_IDS.user });
    expect(String(thanks[0]?.text)).toContain('keep the knowledge right');
    const [withReason] = await server.store.feedbackSince(0);
    expect(withReason).toMatchObject({ reason: 'out-of-date', comment: 'EFS encrypts by default now <!channel>' });
  });

  it('ignores a view submission that is not ours', async () => {
    const thanks = captureSlackApi('chat.postEphemeral');
    const submitted = await server.send(viewSubmission({ callback_id: 'srm_form', private_metadata: 'not json' }, values('wrong-owner', '')));
    expect(submitted.status).toBe(200);
    await settle(100);
    expect(thanks).toHaveLength(0);
    expect(await server.store.feedbackSince(0)).toEqual([]);
  });
});

describe('Slack: challenging a quiz ruling', () => {
  it('opens the challenge modal after the reveal, records the challenge and tells the starter privately', async () => {
    captureSlackApi('chat.postMessage');
    captureSlackApi('chat.update');
    captureResponseUrl();
    await server.send(slashCommand('quiz 2', { user_id: 'USTARTER' }));
    const quiz = await until(() => server.store.activeQuiz(SLACK_IDS.channel), 'quiz started');
    await server.send(blockAction(ACTION_IDS.quizAnswer, answerValue(quiz.id, 0, rightChoice(quiz.questions[0]!)), { userId: 'UANA', actionTs: '1700000002.000001' }));
    await server.send(blockAction(ACTION_IDS.quizReveal, revealValue(quiz.id, 0), { userId: 'USTARTER', actionTs: '1700000002.000002' }));
    await until(async () => ((await server.store.loadQuiz(quiz.id))?.revealed.length === 1 ? true : undefined), 'revealed');

    const views = captureSlackApi('views.open');
    await server.send(blockAction(ACTION_IDS.challenge, `h|${quiz.id}|0`, { userId: 'UANA', actionTs: '1700000002.000003' }));
    await waitFor(() => views.length === 1, 'challenge modal');
    const view = openedView(views[0]);

    const ephemerals = captureSlackApi('chat.postEphemeral');
    await server.send(viewSubmission(view, values('wrong-owner', 'Major version upgrades are ours'), 'UANA'));
    await waitFor(() => ephemerals.length === 2, 'filed notice and starter notice');
    expect(ephemerals.map((e) => e.user).sort()).toEqual(['UANA', 'USTARTER']);
    expect(String(ephemerals.find((e) => e.user === 'UANA')?.text)).toContain('is filed');
    expect(String(ephemerals.find((e) => e.user === 'USTARTER')?.text)).toContain('<@UANA> challenged the ruling on question 1');
    const [challenge] = await server.store.challengesSince(0);
    expect(challenge).toMatchObject({ quizId: quiz.id, questionIndex: 0, userId: 'UANA', reason: 'wrong-owner', platform: 'slack', comment: 'Major version upgrades are ours' });
  });
});
