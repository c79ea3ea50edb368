import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeamsHandler } from '../../adapters/teams/teams-bot.js';
import { createCore } from '../../src/core/create-core.js';
import type { SrmCore } from '../../src/core/srm-core.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { CHANNEL_CONVERSATION, membersAdded, mentionMessage, personalMessage, submitAction } from '../helpers/teams-activities.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';
import { allowOnlyLoopback, captureConnector } from '../helpers/teams-connector.js';
import { postActivity, startTeamsServer, type RunningServer } from '../helpers/teams-server.js';
import { TEAMS_STRINGS } from '../../adapters/teams/teams-strings.js';
import { captureLogger } from './fake-core.js';

const cardOf = (body: Record<string, any>) => JSON.stringify(body.attachments?.[0]?.content ?? {});

describe('Teams adapter with the real core', () => {
  let dataDir: string;
  let store: Store;
  let core: SrmCore;
  let server: RunningServer;
  let connector: ReturnType<typeof captureConnector>;

  allowOnlyLoopback();
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'srm-teams-core-'));
    store = createSqliteStore({ dataDir });
    core = createCore({ knowledge: loadTestKnowledge(), store, quizRevealMs: 60_000, random: () => 0.5 });
    connector = captureConnector();
    server = await startTeamsServer(createTeamsHandler({ core, store, auth: { mode: 'local' }, logger: captureLogger().logger }));
    await core.start();
  });
  afterEach(async () => {
    await server.close();
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
    nock.cleanAll();
  });

  it('answers an EC2 patching question in the channel thread with the owner at a glance', async () => {
    await postActivity(server.url, mentionMessage('who patches the guest OS on EC2?'));

    expect(connector.calls).toHaveLength(1);
    const call = connector.calls[0]!;
    expect(call.conversationId).toBe(`${CHANNEL_CONVERSATION};messageid=M0001`);
    expect(call.body.replyToId).toBe('M0001');
    expect(cardOf(call.body)).toMatch(/Owner: (You \(the customer\)|Shared)/);
    expect(cardOf(call.body)).toContain('Action.OpenUrl');
  });

  it('posts the core welcome when added to a team', async () => {
    await postActivity(server.url, membersAdded('channel'));

    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.body.summary).toBe(core.welcome().headline);
  });

  it('answers help in a 1:1 chat', async () => {
    await postActivity(server.url, personalMessage('help'));

    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.body.attachments[0].content.type).toBe('AdaptiveCard');
  });

  it('turns a tampered button value into a private notice (a mention in a channel), not the apology', async () => {
    await postActivity(server.url, submitAction('srm_quiz_answer', 'not-a-real-quiz'));

    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.body.text).toBe('<at>Ada Lovelace</at>');
    expect(connector.calls[0]!.body.attachments).toHaveLength(1);
    expect(JSON.stringify(connector.calls[0]!.body)).not.toContain(TEAMS_STRINGS.apology);
  });

  it('starts a quiz in a channel: posts a question with answer buttons', async () => {
    await postActivity(server.url, mentionMessage('quiz', 'channel', 'M0100'));

    expect(connector.calls.length).toBeGreaterThanOrEqual(1);
    const buttons = connector.calls.flatMap((c) => cardOf(c.body).match(/"actionId":"srm_quiz_answer"/g) ?? []);
    expect(buttons.length).toBeGreaterThanOrEqual(2);
  });

  it('logs a question it could not answer as a miss, with the mention markup and user ids removed', async () => {
    await postActivity(server.url, mentionMessage('who feeds the office cat?'));
    expect(connector.calls).toHaveLength(1);
    for (let i = 0; i < 50 && (await store.questionsSince(0)).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const [logged] = await store.questionsSince(0);
    expect(logged).toMatchObject({ text: 'who feeds the office cat', answered: false, reason: 'not-understood', platform: 'teams' });
    expect(JSON.stringify(logged)).not.toMatch(/<at>|29:/);
  });

  it('runs the tour in a 1:1 chat: a step with its check buttons, instant feedback, and "next" resuming', async () => {
    await postActivity(server.url, personalMessage('tour', 'M0101'));
    const step = cardOf(connector.calls[0]!.body);
    expect(step).toContain('Tour 1/');
    expect(step).toContain('Check yourself');
    expect(step).toContain('t|0|customer');

    await postActivity(server.url, submitAction('srm_onboarding_next', 't|0|customer', 'personal', 'S0101'));
    expect(cardOf(connector.calls[1]!.body)).toMatch(/(Right|Not quite): /);

    await postActivity(server.url, personalMessage('next', 'M0102'));
    expect(cardOf(connector.calls[2]!.body)).toContain('Tour 2/');
  });
});
