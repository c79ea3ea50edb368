import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { webApi } from '@slack/bolt';
import { createEffectRunner, RESPONSE_URL_MAX_USES, type ReplyTarget } from '../../adapters/slack/effect-runner.js';
import type { Effect } from '../../src/model/effects.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { RecordingLogger } from '../helpers/slack-server.js';
import { answerReply, FakeCore } from './fake-core.js';

type Call = [method: string, args: Record<string, unknown>];

function fakeClient(calls: Call[]): webApi.WebClient {
  const method = (name: string) => async (args: Record<string, unknown>) => {
    calls.push([name, args]);
    return { ok: true, ts: `ts-${calls.length}` };
  };
  return {
    chat: { postMessage: method('chat.postMessage'), postEphemeral: method('chat.postEphemeral'), update: method('chat.update') },
  } as unknown as webApi.WebClient;
}

const reply = (visibility: 'public' | 'private'): Effect => ({ type: 'reply', visibility, reply: answerReply('q') });

let dataDir: string;
let store: Store;
let calls: Call[];
let core: FakeCore;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'srm-runner-'));
  store = createSqliteStore({ dataDir });
  calls = [];
  core = new FakeCore();
});

afterEach(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function runner() {
  return createEffectRunner({ client: fakeClient(calls), core, store, logger: new RecordingLogger() });
}

describe('effect runner', () => {
  it(`uses response_url at most ${RESPONSE_URL_MAX_USES} times, then chat.postMessage`, async () => {
    const responded: Record<string, unknown>[] = [];
    const target: ReplyTarget = {
      channelId: 'C0001',
      userId: 'U0001',
      isDirect: false,
      publicViaRespond: true,
      respond: async (body) => void responded.push(body),
    };
    await runner().run(Array.from({ length: 7 }, () => reply('public')), target);
    expect(responded).toHaveLength(5);
    expect(responded.every((body) => body.response_type === 'in_channel')).toBe(true);
    expect(calls.map(([name]) => name)).toEqual(['chat.postMessage', 'chat.postMessage']);
  });

  it('makes every reply private for /srm -p', async () => {
    const responded: Record<string, unknown>[] = [];
    const target: ReplyTarget = {
      channelId: 'C0001',
      userId: 'U0001',
      isDirect: false,
      forcePrivate: true,
      publicViaRespond: true,
      respond: async (body) => void responded.push(body),
    };
    await runner().run([reply('public')], target);
    expect(responded.map((body) => body.response_type)).toEqual(['ephemeral']);
    expect(calls).toEqual([]);
  });

  it('sends a private reply in a DM as a normal DM message', async () => {
    await runner().run([reply('private')], { channelId: 'D0001', userId: 'U0001', isDirect: true });
    expect(calls.map(([name, args]) => [name, args.channel])).toEqual([['chat.postMessage', 'D0001']]);
  });

  it('sends a private reply in a channel thread as an ephemeral message in that thread', async () => {
    await runner().run([reply('private')], { channelId: 'C0001', userId: 'U0001', threadTs: '1.1', isDirect: false });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[0]).toBe('chat.postEphemeral');
    expect(calls[0]?.[1]).toMatchObject({ channel: 'C0001', user: 'U0001', thread_ts: '1.1' });
  });

  it('posts in the thread of an earlier post and remembers the new ts', async () => {
    await store.setValue('quiz:1', '1700000000.000900');
    await runner().run([{ type: 'post', key: 'quiz:1:q2', channelId: 'C0001', inThreadOf: 'quiz:1', reply: answerReply('q') }]);
    expect(calls[0]?.[1]).toMatchObject({ channel: 'C0001', thread_ts: '1700000000.000900' });
    expect(core.remembered).toEqual([['quiz:1:q2', 'ts-1']]);
  });

  it('sends a private effect for another person with chat.postEphemeral', async () => {
    await runner().run(
      [{ type: 'private', userId: 'U0002', channelId: 'C0001', threadId: '1.1', reply: answerReply('q') }],
      { channelId: 'C0001', userId: 'U0001', isDirect: false },
    );
    expect(calls[0]?.[0]).toBe('chat.postEphemeral');
    expect(calls[0]?.[1]).toMatchObject({ user: 'U0002', thread_ts: '1.1' });
  });

  it('skips a reply effect that has no conversation (timer) and logs it', async () => {
    const logger = new RecordingLogger();
    await createEffectRunner({ client: fakeClient(calls), core, store, logger }).run([reply('public')]);
    expect(calls).toEqual([]);
    expect(logger.text()).toContain('without a conversation');
  });
});
