import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/server/create-logger.js';
import { startServer, type RunningServer } from '../../adapters/server/start-server.js';
import { parseSlackConfig } from '../../adapters/slack/slack-config.js';
import { parseAppConfig } from '../../src/config/app-config.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';
import { startOwnRedis, type OwnRedis } from '../helpers/own-redis.js';
import { SIGNING_SECRET, signedHeaders, slashCommand } from '../helpers/slack-payloads.js';
import { waitFor } from '../helpers/slack-server.js';
import { captureResponseUrl } from '../helpers/slack-web-api.js';

const knowledge = loadTestKnowledge();
const slackEnv = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: 'http://127.0.0.1:9/api/' };

async function serve(env: Record<string, string>): Promise<RunningServer> {
  const config = parseAppConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'srm-ops-')), ...env });
  return startServer({ config, knowledge, logger: createLogger('silent'), slack: parseSlackConfig(env) });
}

const get = (server: RunningServer, path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);

describe('health, readiness and metrics', () => {
  let server: RunningServer;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    server = await serve(slackEnv);
  });
  afterAll(async () => {
    await server.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('says it is alive and ready', async () => {
    expect((await get(server, '/healthz')).status).toBe(200);
    const ready = await get(server, '/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true });
  });

  it('counts questions by intent and outcome, and times answers and store calls', async () => {
    const responses = captureResponseUrl();
    const command = slashCommand('who patches the guest OS on EC2?');
    const res = await fetch(`http://127.0.0.1:${server.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': command.contentType, ...signedHeaders(command.body) },
      body: command.body,
    });
    expect(res.status).toBe(200);
    await waitFor(() => responses.length === 1, 'the answer');

    const metrics = await get(server, '/metrics');
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/^srm_questions_total\{intent="who-owns",outcome="answered"\} 1$/m);
    expect(text).toMatch(/^srm_answer_seconds_count 1$/m);
    expect(text).toMatch(/^srm_store_seconds_count\{operation="claimOnce"\} [1-9]/m);
    expect(text).toContain('srm_platform_api_errors_total');
    expect(text).toContain('process_cpu_seconds_total');
  });
});

describe('readiness follows the store', () => {
  let redis: OwnRedis;
  let server: RunningServer;
  beforeAll(async () => {
    redis = await startOwnRedis();
    server = await serve({ ...slackEnv, STORE: 'redis', REDIS_URL: redis.url });
  });
  afterEach(() => redis.resume());
  afterAll(async () => {
    await server.close();
    await redis.stop();
  });

  it('is 503 while Redis hangs and 200 again once it answers, on its own', async () => {
    expect((await get(server, '/readyz')).status).toBe(200);
    redis.pause();
    const hung = await get(server, '/readyz');
    expect(hung.status).toBe(503);
    expect(await hung.json()).toEqual({ ok: false });
    redis.resume();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await get(server, '/readyz')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
  });
});

describe('log lines', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('carry the id of the request they belong to, and one start-up line says what is served', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) };
    const config = parseAppConfig({ PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'srm-log-')) });
    const server = await startServer({ config, knowledge, logger: createLogger('info', sink), slack: parseSlackConfig(slackEnv) });
    try {
      const started = lines.find((l) => l.msg === 'srm-bot is serving');
      expect(started).toMatchObject({ version: expect.any(String), store: 'sqlite', teams: 'off', slack: 'http /slack/events' });
      expect(started?.knowledge).toMatchObject({ services: knowledge.services.size });

      const forged = await fetch(`http://127.0.0.1:${server.port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-0001', ...signedHeaders('{}', { secret: 'wrong' }) },
        body: '{}',
      });
      expect(forged.status).toBe(401);
      expect(forged.headers.get('x-request-id')).toBe('req-0001');
      expect(lines.filter((l) => l.reqId === 'req-0001').length).toBeGreaterThan(0);

      // A real command: the core's line for it, written after the ack, carries the same id.
      captureResponseUrl();
      const command = slashCommand('who patches RDS?');
      await fetch(`http://127.0.0.1:${server.port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': command.contentType, 'x-request-id': 'req-0002', ...signedHeaders(command.body) },
        body: command.body,
      });
      await waitFor(() => lines.some((l) => l.msg === 'question answered'), 'the answer');
      expect(lines.find((l) => l.msg === 'question answered')).toMatchObject({ reqId: 'req-0002' });
    } finally {
      await server.close();
    }
  });
});
