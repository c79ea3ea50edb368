import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeamsHandler } from '../../adapters/teams/teams-bot.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { CHANNEL_CONVERSATION, membersAdded, mentionMessage } from '../helpers/teams-activities.js';
import { allowOnlyLoopback, captureConnector } from '../helpers/teams-connector.js';
import { postActivity, startTeamsServer, type RunningServer } from '../helpers/teams-server.js';
import { FakeCore, answerReply, captureLogger } from './fake-core.js';

describe('Teams adapter on the real SQLite store', () => {
  let dataDir: string;
  let store: Store;
  let core: FakeCore;
  let servers: RunningServer[];
  let connector: ReturnType<typeof captureConnector>;

  allowOnlyLoopback();
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'srm-teams-'));
    store = createSqliteStore({ dataDir, now: () => 1_000 });
    core = new FakeCore();
    connector = captureConnector();
    servers = [];
  });
  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
    nock.cleanAll();
  });

  async function replica(): Promise<RunningServer> {
    const server = await startTeamsServer(createTeamsHandler({ core, store, auth: { mode: 'local' }, logger: captureLogger().logger }));
    servers.push(server);
    return server;
  }

  it('answers the same activity delivered to two replicas once', async () => {
    const [a, b] = [await replica(), await replica()];
    const activity = mentionMessage('who patches EC2?', 'channel', 'M0777');
    await Promise.all([postActivity(a.url, activity), postActivity(b.url, activity)]);

    expect(connector.calls).toHaveLength(1);
    expect(core.messages).toHaveLength(1);
  });

  it('keeps the conversation reference across a restart, for timer effects', async () => {
    const first = await replica();
    await postActivity(first.url, membersAdded('channel'));
    connector.calls.length = 0;

    const restarted = new FakeCore();
    const server = await startTeamsServer(createTeamsHandler({ core: restarted, store, auth: { mode: 'local' }, logger: captureLogger().logger }));
    servers.push(server);
    await restarted.sinks.get('teams')!([{ type: 'post', key: 'quiz:Q9', channelId: CHANNEL_CONVERSATION, reply: answerReply({ headline: 'Time is up' }) }]);

    expect(connector.calls.map((c) => [c.conversationId, c.body.summary])).toEqual([[CHANNEL_CONVERSATION, 'Time is up']]);
  });
});
