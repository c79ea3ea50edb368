import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../adapters/slack/slack-app.js';
import { silentObserver } from '../../src/model/observer.js';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import {
  appMention,
  blockAction,
  directMessage,
  SLACK_API_ORIGIN,
  signedHeaders,
  slashCommand,
  urlVerification,
} from '../helpers/slack-payloads.js';
import { settle, startSlackTestServer, waitFor, type SlackTestServer } from '../helpers/slack-server.js';
import { captureResponseUrl, captureSlackApi, watchUnmatched, type CapturedCall } from '../helpers/slack-web-api.js';
import { answerReply, FakeCore } from './fake-core.js';

let core: FakeCore;
let server: SlackTestServer;
let unmatched: string[];

beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  unmatched = watchUnmatched();
  core = new FakeCore();
  server = await startSlackTestServer(core);
});

afterEach(async () => {
  await server.close();
  nock.cleanAll();
  nock.emitter.removeAllListeners('no match');
  nock.enableNetConnect();
});

function blockTexts(call: CapturedCall): string {
  return JSON.stringify(call.blocks ?? []);
}

describe('url_verification', () => {
  it('echoes the challenge', async () => {
    const res = await server.send(urlVerification('challenge-0001'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'challenge-0001' });
  });
});

describe('slash command /srm', () => {
  it('acks, then answers in the channel through response_url', async () => {
    const responses = captureResponseUrl();
    const res = await server.send(slashCommand('who patches RDS?'));
    expect(res.status).toBe(200);
    await waitFor(() => responses.length === 1, 'response_url post');
    const [answer] = responses;
    expect(answer?.response_type).toBe('in_channel');
    expect(answer?.text).toContain('Who owns it: AWS');
    expect(blockTexts(answer!)).toContain('What AWS does');
    expect(core.messages).toEqual([
      { platform: 'slack', text: 'who patches RDS?', userId: 'U0001', channelId: 'C0001', isDirect: false, teamId: 'T0001' },
    ]);
  });

  it('answers only the asker with -p', async () => {
    const responses = captureResponseUrl();
    await server.send(slashCommand('-p who patches RDS?'));
    await waitFor(() => responses.length === 1, 'response_url post');
    expect(responses[0]?.response_type).toBe('ephemeral');
    expect(core.messages[0]?.text).toBe('who patches RDS?');
  });

  it('asks the core for help when /srm has no text', async () => {
    const responses = captureResponseUrl();
    await server.send(slashCommand(''));
    await waitFor(() => responses.length === 1, 'response_url post');
    expect(core.messages[0]?.text).toBe('help');
  });

  it('acks before the core finishes (Slack gives 3 seconds)', async () => {
    const responses = captureResponseUrl();
    let coreDone = false;
    core.onMessage = async (message) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      coreDone = true;
      return [{ type: 'reply', visibility: 'public', reply: answerReply(message.text) }];
    };
    const started = Date.now();
    const res = await server.send(slashCommand('who patches RDS?'));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(coreDone).toBe(false);
    await waitFor(() => responses.length === 1, 'late response_url post');
  });
});

describe('app_mention', () => {
  it('answers in the thread of the mention, without the bot mention in the question', async () => {
    const posts = captureSlackApi('chat.postMessage');
    const res = await server.send(appMention('who patches RDS?', { ts: '1700000000.000100' }));
    expect(res.status).toBe(200);
    await waitFor(() => posts.length === 1, 'chat.postMessage');
    const [post] = posts;
    expect(post?.channel).toBe('C0001');
    expect(post?.thread_ts).toBe('1700000000.000100');
    expect(post?.text).toContain('Who owns it: AWS');
    expect(post?.blocks?.[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: ':cloud: Who owns it: AWS', emoji: true } });
    expect(post?.link_names).toBeUndefined();
    expect(post?.parse).toBeUndefined();
    expect(core.messages[0]).toMatchObject({ text: 'who patches RDS?', threadId: '1700000000.000100', isDirect: false });
  });

  it('stays in the existing thread when mentioned inside one', async () => {
    const posts = captureSlackApi('chat.postMessage');
    await server.send(appMention('and encryption?', { ts: '1700000000.000500', threadTs: '1700000000.000100' }));
    await waitFor(() => posts.length === 1, 'chat.postMessage');
    expect(posts[0]?.thread_ts).toBe('1700000000.000100');
  });

  it('answers a retried event (same event_id, X-Slack-Retry-Num) exactly once', async () => {
    const posts = captureSlackApi('chat.postMessage');
    const event = appMention('who patches RDS?', { eventId: 'EvRETRY1' });
    expect((await server.send(event)).status).toBe(200);
    const retry = await server.send(event, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    await waitFor(() => posts.length >= 1, 'first reply');
    await settle();
    expect(posts).toHaveLength(1);
    expect(core.messages).toHaveLength(1);
  });

  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<!here>', '&lt;!here&gt;'],
    ['<@U0002>', '&lt;@U0002&gt;'],
  ])('escapes %s echoed from a 40,000-character question', async (injection, escaped) => {
    const posts = captureSlackApi('chat.postMessage');
    const question = `${injection} ${'why '.repeat(10_000)}`.slice(0, 40_000);
    await server.send(appMention(question, { eventId: `EvINJ${escaped.length}` }));
    await waitFor(() => posts.length === 1, 'chat.postMessage');
    const post = posts[0]!;
    const outgoing = `${post.text} ${blockTexts(post)}`;
    expect(outgoing).not.toContain(injection);
    expect(outgoing).toContain(escaped);
    expect(post.blocks!.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(post.blocks).length).toBeLessThanOrEqual(13_000);
    expect(post.text!.length).toBeLessThanOrEqual(3000);
  });
});

describe('rate limits', () => {
  it('waits for Retry-After on HTTP 429 and then posts once', async () => {
    const attempts: number[] = [];
    nock(SLACK_API_ORIGIN)
      .post('/api/chat.postMessage')
      .reply(() => {
        attempts.push(Date.now());
        return [429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' }];
      });
    const posts = captureSlackApi('chat.postMessage');
    await server.send(appMention('who patches RDS?', { eventId: 'EvRATE1' }));
    await waitFor(() => posts.length === 1, 'post after the rate limit', 5000);
    expect(attempts).toHaveLength(1);
    expect(server.logger.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('counts the 429 for the operators\' metrics', async () => {
    const refused: [string, number | undefined][] = [];
    const observed = await startSlackTestServer(new FakeCore(), {
      observer: { ...silentObserver, platformApiError: (platform, status) => refused.push([platform, status]) },
    });
    try {
      nock(SLACK_API_ORIGIN).post('/api/chat.postMessage').reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' });
      const posts = captureSlackApi('chat.postMessage');
      await observed.send(appMention('who patches RDS?', { eventId: 'EvRATE2' }));
      await waitFor(() => posts.length === 1, 'post after the rate limit', 5000);
      expect(refused).toEqual([['slack', 429]]);
    } finally {
      await observed.close();
    }
  });
});

describe('direct messages', () => {
  it('answers in the DM, at the top level', async () => {
    const posts = captureSlackApi('chat.postMessage');
    await server.send(directMessage('who patches RDS?'));
    await waitFor(() => posts.length === 1, 'chat.postMessage');
    expect(posts[0]?.channel).toBe('D0001');
    expect(posts[0]?.thread_ts).toBeUndefined();
    expect(core.messages[0]).toMatchObject({ channelId: 'D0001', isDirect: true, text: 'who patches RDS?' });
  });

  it('ignores messages from bots', async () => {
    const posts = captureSlackApi('chat.postMessage');
    await server.send(directMessage('I am a bot', { botId: 'B0999' }));
    await settle();
    expect(core.messages).toHaveLength(0);
    expect(posts).toHaveLength(0);
  });
});

describe('buttons', () => {
  it('hands the press to the core with the base action id and the opaque value', async () => {
    const ephemerals = captureSlackApi('chat.postEphemeral');
    const responses = captureResponseUrl();
    const res = await server.send(blockAction(`${ACTION_IDS.feedbackUp}:1`, 'ans:rds:patching'));
    expect(res.status).toBe(200);
    await waitFor(() => responses.length + ephemerals.length === 1, 'private reply');
    expect(core.actions).toEqual([
      {
        platform: 'slack',
        userId: 'U0001',
        channelId: 'C0001',
        threadId: '1700000000.000300',
        teamId: 'T0001',
        actionId: 'srm_feedback_up',
        value: 'ans:rds:patching',
      },
    ]);
    expect(responses[0]?.response_type).toBe('ephemeral');
  });

  it('counts a double click once', async () => {
    captureResponseUrl();
    await server.send(blockAction(`${ACTION_IDS.feedbackUp}:1`, 'ans:rds:patching', { actionTs: '1700000001.000001' }));
    await server.send(blockAction(`${ACTION_IDS.feedbackUp}:1`, 'ans:rds:patching', { actionTs: '1700000001.000002' }));
    await waitFor(() => core.actions.length >= 1, 'first press');
    await settle();
    expect(core.actions).toHaveLength(1);
  });

  it('answers a public action reply in the thread of the message', async () => {
    core.onAction = async (action) => [
      { type: 'reply', visibility: 'public', reply: answerReply(action.value) },
    ];
    const posts = captureSlackApi('chat.postMessage');
    await server.send(blockAction(`${ACTION_IDS.showService}:0`, 'svc:rds', { messageTs: '1700000000.000700' }));
    await waitFor(() => posts.length === 1, 'chat.postMessage');
    expect(posts[0]).toMatchObject({ channel: 'C0001', thread_ts: '1700000000.000700' });
  });
});

describe('requests that are not from Slack', () => {
  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    ['a forged signature', () => ({ 'x-slack-signature': `v0=${'0'.repeat(64)}` })],
    ['a signature made with another secret', (body: string) => signedHeaders(body, { secret: 'not-the-secret' })],
    ['a stale timestamp (10 minutes old)', (body: string) => signedHeaders(body, { timestamp: now() - 600 })],
    ['a future timestamp (10 minutes ahead)', (body: string) => signedHeaders(body, { timestamp: now() + 600 })],
    ['a missing signature', () => ({ 'x-slack-signature': '' })],
  ])('%s gets 401 and no reply', async (_name, headersFor) => {
    const posts = captureSlackApi('chat.postMessage');
    const event = appMention('who patches RDS?');
    const res = await server.send(event, headersFor(event.body) as Record<string, string>);
    expect(res.status).toBe(401);
    await settle();
    expect(core.messages).toHaveLength(0);
    expect(posts).toHaveLength(0);
    expect(unmatched).toEqual([]);
  });

  it('gets 401 when no Slack headers are sent at all', async () => {
    const res = await server.send(appMention('who patches RDS?'), {}, { unsigned: true });
    expect(res.status).toBe(401);
    await settle();
    expect(core.messages).toHaveLength(0);
  });

  it('gets 401 when the body is changed after signing', async () => {
    const event = appMention('who patches RDS?');
    const tampered = { ...event, body: event.body.replace('who patches RDS?', 'who patches EC2?') };
    const res = await server.send(tampered, signedHeaders(event.body));
    expect(res.status).toBe(401);
    await settle();
    expect(core.messages).toHaveLength(0);
  });
});

describe('oversized bodies', () => {
  it('refuses a body over 1 MB with 413, by declared length', async () => {
    const big = { body: JSON.stringify({ type: 'event_callback', pad: 'x'.repeat(1024 * 1024) }), contentType: 'application/json' as const };
    const res = await server.send(big);
    expect(res.status).toBe(413);
    expect(core.messages).toHaveLength(0);
  });

  it('refuses a streamed body over 1 MB (no content-length) with 413', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 20) controller.close();
        else {
          sent += 1;
          controller.enqueue(chunk);
        }
      },
    });
    const res = await fetch(`${server.baseUrl}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedHeaders('irrelevant') },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(core.messages).toHaveLength(0);
  });
});

describe('when the core fails', () => {
  it('logs one line without stack or token and apologises privately', async () => {
    core.onMessage = async () => {
      throw Object.assign(new Error('knowledge index missing (token xoxb-0001-test-token)'), { code: 'core_broken' });
    };
    const ephemerals = captureSlackApi('chat.postEphemeral');
    await server.send(appMention('who patches RDS?', { eventId: 'EvFAIL1' }));
    await waitFor(() => ephemerals.length === 1, 'apology');
    expect(ephemerals[0]).toMatchObject({ channel: 'C0001', user: 'U0001', thread_ts: '1700000000.000100' });
    expect(ephemerals[0]?.text).toContain('Sorry');
    const errors = server.logger.lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('core_broken');
    expect(server.logger.text()).not.toContain('xoxb-');
    expect(server.logger.text()).not.toMatch(/\n\s+at /);
  });
});

describe('timer-driven effects', () => {
  it('posts through the registered sink and remembers the message ts', async () => {
    const posts = captureSlackApi('chat.postMessage', { ts: '1700000123.000100' });
    const sink = core.sinks.get('slack');
    expect(sink).toBeDefined();
    await sink!([{ type: 'post', key: 'quiz:1:q1', channelId: 'C0001', reply: answerReply('quiz') }]);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.channel).toBe('C0001');
    expect(core.remembered).toEqual([['quiz:1:q1', '1700000123.000100']]);
  });

  it('updates a message with chat.update', async () => {
    const updates = captureSlackApi('chat.update');
    await core.sinks.get('slack')!([
      { type: 'update', key: 'quiz:1:q1', channelId: 'C0001', messageId: '1700000123.000100', reply: answerReply('x') },
    ]);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ channel: 'C0001', ts: '1700000123.000100' });
  });
});

describe('wiring', () => {
  it('refuses an empty signing secret with a coded error', async () => {
    await expect(startSlackTestServer(new FakeCore(), { signingSecret: '' })).rejects.toMatchObject({
      code: 'slack_missing_signing_secret',
    });
  });

  it('builds a Socket Mode app (no router, no signing secret needed) when an app token is set', () => {
    const slack = createSlackApp({
      core: new FakeCore(),
      store: server.store,
      signingSecret: '',
      botToken: 'xoxb-0001-test-token',
      appToken: 'xapp-1-test',
      logger: server.logger,
    });
    expect(slack.mode).toBe('socket');
    expect(slack.router).toBeUndefined();
  });

  it('refuses an empty bot token with a coded error', () => {
    expect(() =>
      createSlackApp({ core: new FakeCore(), store: server.store, signingSecret: 's', botToken: '', logger: server.logger }),
    ).toThrow(expect.objectContaining({ code: 'slack_missing_bot_token' }));
  });

  it('serves only POST /slack/events', async () => {
    const res = await fetch(`${server.baseUrl}/slack/events`);
    expect(res.status).toBe(404);
  });
});
