import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';
import { settle, startSlackTestServer, waitFor, type SlackTestServer } from '../helpers/slack-server.js';
import { blockAction, eventCallback, SLACK_IDS } from '../helpers/slack-payloads.js';
import { captureSlackApi } from '../helpers/slack-web-api.js';

/** An app_home_opened event for the test user opening the Messages tab of the app (DM D0001). */
function homeOpened(eventId: string, tab = 'messages') {
  return eventCallback({ type: 'app_home_opened', user: 'U0001', channel: 'D0001', tab, event_ts: '1700000000.000300' }, eventId);
}

/** A member_joined_channel event: `user` joined `channel`. */
function joined(eventId: string, channel: string, user = 'U0002') {
  return eventCallback({ type: 'member_joined_channel', user, channel, channel_type: 'C', team: 'T0001', event_ts: '1700000000.000400' }, eventId);
}

let server: SlackTestServer;

beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  server = await startSlackTestServer((store) => createCore({ knowledge: loadTestKnowledge(), store }));
});

afterEach(async () => {
  await server.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('Slack onboarding', () => {
  it('welcomes a person in the DM the first time they open the Messages tab, and only then', async () => {
    const posts = captureSlackApi('chat.postMessage');
    await server.send(homeOpened('Ev0901'));
    await waitFor(() => posts.length === 1, 'welcome post');
    expect(posts[0]?.channel).toBe('D0001');
    expect(posts[0]?.text).toContain('who patches RDS?');
    expect(JSON.stringify(posts[0]?.blocks)).toContain('Start the tour');

    await server.send(homeOpened('Ev0902'));
    await settle();
    expect(posts).toHaveLength(1);
  });

  it('posts no welcome message when the Home tab (not Messages) is opened', async () => {
    const posts = captureSlackApi('chat.postMessage');
    await server.send(homeOpened('Ev0903', 'home'));
    await settle();
    expect(posts).toHaveLength(0);
  });
});

describe('Slack welcome on joining an onboarding channel', () => {
  beforeEach(async () => {
    await server.close();
    server = await startSlackTestServer((store) => createCore({ knowledge: loadTestKnowledge(), store }), { onboardingChannels: ['C0NEWHIRES'] });
  });

  it('welcomes the person privately, once per person per channel', async () => {
    const ephemerals = captureSlackApi('chat.postEphemeral');
    const posts = captureSlackApi('chat.postMessage');
    await server.send(joined('Ev0911', 'C0NEWHIRES'));
    await waitFor(() => ephemerals.length === 1, 'welcome');
    expect(ephemerals[0]).toMatchObject({ channel: 'C0NEWHIRES', user: 'U0002' });
    expect(JSON.stringify(ephemerals[0]?.blocks)).toContain('Start the tour');

    await server.send(joined('Ev0912', 'C0NEWHIRES'));
    await server.send(joined('Ev0913', 'C0NEWHIRES', 'U0003'));
    await waitFor(() => ephemerals.length === 2, 'second person welcomed');
    await settle();
    expect(ephemerals.map((e) => e.user)).toEqual(['U0002', 'U0003']);
    expect(posts).toHaveLength(0);
  });

  it('says nothing in other channels, or when the bot itself joins', async () => {
    const ephemerals = captureSlackApi('chat.postEphemeral');
    await server.send(joined('Ev0914', 'C0GENERAL'));
    await server.send(joined('Ev0915', 'C0NEWHIRES', SLACK_IDS.botUser));
    await settle();
    expect(ephemerals).toHaveLength(0);
  });
});

describe('Slack App Home tab', () => {
  it('publishes a valid home view with the person\u2019s tour progress, refreshed on every open', async () => {
    const views = captureSlackApi('views.publish');
    await server.send(homeOpened('Ev0921', 'home'));
    await waitFor(() => views.length === 1, 'home view');
    const raw = views[0]?.view;
    const view = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { type: string; blocks: { type: string; text?: { text: string }; elements?: unknown[] }[] };
    expect(views[0]?.user_id).toBe('U0001');
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeGreaterThan(0);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    for (const block of view.blocks) {
      expect(['header', 'section', 'context', 'actions', 'divider']).toContain(block.type);
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      if (block.type === 'actions') expect((block.elements ?? []).length).toBeLessThanOrEqual(25);
    }
    expect(JSON.stringify(view)).toContain('Not started yet');
    expect(JSON.stringify(view)).toContain('Start the tour');
    expect(JSON.stringify(view)).toContain('No quizzes yet');
    // Quick actions: the tour, a question, a quiz and "my stack".
    const labels = view.blocks.flatMap((b) => (b.elements ?? []) as { text?: { text?: string } }[]).map((e) => e.text?.text);
    expect(labels).toEqual(expect.arrayContaining(['Start the tour', 'Ask: who patches RDS?', 'A starter quiz', 'My stack']));

    // Pressing "Start the tour" on the Home tab answers in the person's DM with the app.
    const posts = captureSlackApi('chat.postMessage');
    await server.send(blockAction('srm_onboarding_next', 'o|0', { fromHomeTab: true, actionTs: '1700000002.000001' }));
    await waitFor(() => posts.length === 1, 'tour step in the DM');
    expect(posts[0]?.channel).toBe('U0001');
    expect(JSON.stringify(posts[0]?.blocks)).toContain('Tour 1/');

    await server.send(homeOpened('Ev0922', 'home'));
    await waitFor(() => views.length === 2, 'refreshed home view');
    expect(JSON.stringify(views[1]?.view)).toContain('Step 1 of 7 seen');
    expect(JSON.stringify(views[1]?.view)).toContain('Continue the tour');
  });
});
