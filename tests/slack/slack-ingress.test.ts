import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { blockAction, slashCommand, type SlackBody } from '../helpers/slack-payloads.js';
import { settle, startSlackTestServer, waitFor, type SlackTestServer } from '../helpers/slack-server.js';
import { captureResponseUrl, captureSlackApi } from '../helpers/slack-web-api.js';
import { FakeCore } from './fake-core.js';

let core: FakeCore;
let server: SlackTestServer;

beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  core = new FakeCore();
  server = await startSlackTestServer(core);
});

afterEach(async () => {
  await server.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('replayed requests (a fresh, valid signature on a request already answered)', () => {
  it('answers a slash command with the same trigger_id once', async () => {
    const responses = captureResponseUrl();
    const command = slashCommand('who patches RDS?', { trigger_id: '1.2.replayed' });
    const first = await server.send(command);
    await waitFor(() => responses.length === 1, 'first answer');
    // The same body, signed again a second later: what a replaying attacker (or a proxy) sends.
    await new Promise((r) => setTimeout(r, 1100));
    const replay = await server.send(command);
    await settle();

    expect([first.status, replay.status]).toEqual([200, 200]);
    expect(core.messages).toHaveLength(1);
    expect(responses).toHaveLength(1);
  });

  it('still answers a new slash command (another trigger_id)', async () => {
    captureResponseUrl();
    await server.send(slashCommand('who patches RDS?', { trigger_id: '1.2.first' }));
    await server.send(slashCommand('who patches RDS?', { trigger_id: '1.2.second' }));
    await waitFor(() => core.messages.length === 2, 'both commands');
  });

  it('answers an interaction with the same action_ts, user and message once', async () => {
    captureSlackApi('chat.postMessage');
    captureSlackApi('chat.postEphemeral');
    captureResponseUrl();
    const press = blockAction(ACTION_IDS.feedbackUp, 'A0001', { actionTs: '1700000000.000100' });
    await server.send(press);
    await new Promise((r) => setTimeout(r, 1100));
    await server.send(press);
    await settle();
    expect(core.actions).toHaveLength(1);
  });
});

describe('signed but malformed bodies get 400, never 500', () => {
  const json = (body: string): SlackBody => ({ body, contentType: 'application/json' });
  const form = (body: string): SlackBody => ({ body, contentType: 'application/x-www-form-urlencoded' });

  it.each([
    ['JSON null', json('null')],
    ['a JSON number', json('42')],
    ['a truncated JSON body', json('{"type":"event_callback","event":{"type":"app_mention"')],
    ['an event callback without an event', json('{"type":"event_callback","event_id":"Ev1"}')],
    ['an interaction payload that is JSON null', form(new URLSearchParams({ payload: 'null' }).toString())],
    ['an interaction without a user', form(new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', actions: [{ action_id: 'srm_feedback_up', type: 'button', value: 'x', action_ts: '1' }] }) }).toString())],
    ['an interaction payload that is not JSON', form(new URLSearchParams({ payload: '{not json' }).toString())],
    ['a slash command without a user', form(new URLSearchParams({ command: '/srm', text: 'who patches RDS?', channel_id: 'C0001', trigger_id: '1.2.x' }).toString())],
  ])('%s', async (_case, body) => {
    const res = await server.send(body);
    expect(res.status).toBe(400);
    await settle(100);
    expect(core.messages).toEqual([]);
    expect(core.actions).toEqual([]);
  });
});
