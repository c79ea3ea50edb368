import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';
import { appMention, channelMessage } from '../helpers/slack-payloads.js';
import { settle, startSlackTestServer, waitFor, type SlackTestServer } from '../helpers/slack-server.js';
import { captureSlackApi } from '../helpers/slack-web-api.js';

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

const THREAD = '1700000000.000100';

/** Mentions the bot once at THREAD, so the bot has answered in that thread. */
async function startThread(posts: unknown[]) {
  await server.send(appMention('who patches RDS?', { ts: THREAD, eventId: 'Ev1000' }));
  await waitFor(() => posts.length === 1, 'first answer');
}

describe('Slack follow-ups in a thread without a mention', () => {
  it('answers a follow-up question in a thread the bot answered in, with the thread\u2019s context', async () => {
    const posts = captureSlackApi('chat.postMessage');
    await startThread(posts);
    await server.send(channelMessage('and who encrypts it?', { threadTs: THREAD, ts: '1700000000.000600', eventId: 'Ev1001' }));
    await waitFor(() => posts.length === 2, 'follow-up answer');
    expect(posts[1]).toMatchObject({ channel: 'C0001', thread_ts: THREAD });
    expect(posts[1]?.text).toContain('Amazon RDS');
    // An answered follow-up is a question to the bot: it is logged like any other.
    let logged: string[] = [];
    for (let i = 0; i < 50 && !logged.includes('and who encrypts it'); i++) {
      logged = (await server.store.questionsSince(0)).map((q) => q.text);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(logged).toContain('and who encrypts it');
  });

  it('ignores chatter, statements, other bots, edits, and threads the bot is not in', async () => {
    const posts = captureSlackApi('chat.postMessage');
    await startThread(posts);
    const ignored = [
      channelMessage('thanks, that helps', { threadTs: THREAD, eventId: 'Ev1002' }),
      channelMessage('lunch at noon?', { threadTs: THREAD, eventId: 'Ev1003' }),
      channelMessage('RDS is great', { threadTs: THREAD, eventId: 'Ev1004' }),
      channelMessage('who patches EC2?', { threadTs: THREAD, botId: 'B0OTHER', eventId: 'Ev1005' }),
      channelMessage('who patches EC2?', { threadTs: THREAD, subtype: 'message_changed', eventId: 'Ev1006' }),
      channelMessage('who patches EC2?', { eventId: 'Ev1007' }),
      channelMessage('who patches EC2?', { threadTs: '1700000000.999999', eventId: 'Ev1008' }),
    ];
    for (const body of ignored) await server.send(body);
    await settle();
    expect(posts).toHaveLength(1);
  });

  it('answers a retried delivery once', async () => {
    const posts = captureSlackApi('chat.postMessage');
    await startThread(posts);
    const body = channelMessage('who patches EC2?', { threadTs: THREAD, eventId: 'Ev1010' });
    await server.send(body);
    await server.send(body);
    await waitFor(() => posts.length === 2, 'follow-up answer');
    await settle();
    expect(posts).toHaveLength(2);
  });
});
