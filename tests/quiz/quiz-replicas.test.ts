import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/fake-slack-api.js';
import { freePort } from '../helpers/free-port.js';
import { startOwnRedis, type OwnRedis } from '../helpers/own-redis.js';
import { SIGNING_SECRET, signedHeaders, slashCommand } from '../helpers/slack-payloads.js';

const SRM = fileURLToPath(new URL('../../dist/adapters/cli/srm.js', import.meta.url));

/** `srm serve` as its own process, on a free port, sharing Redis with the other replica. */
async function startReplica(env: Record<string, string>): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [SRM, 'serve'], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'srm-replica-')) },
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (ok) return { port, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('replica did not become ready');
}

describe('a quiz on two real replicas sharing one Redis', () => {
  let redis: OwnRedis;
  let slack: FakeSlackApi;
  let env: Record<string, string>;
  const replicas: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(SRM)) throw new Error('dist/ is missing: run `npm run build` (npm ci does it)');
    redis = await startOwnRedis();
    slack = await startFakeSlackApi();
    env = {
      STORE: 'redis',
      REDIS_URL: redis.url,
      QUIZ_SECONDS: '5',
      LOG_LEVEL: 'silent',
      SLACK_BOT_TOKEN: 'xoxb-replica-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    };
  });

  afterAll(async () => {
    for (const child of replicas) child.kill('SIGKILL');
    await slack.close();
    await redis.stop();
  });

  it('goes on when the replica that started it is killed with kill -9 mid-question', async () => {
    const a = await startReplica(env);
    const b = await startReplica(env);
    replicas.push(a.child, b.child);

    const command = slashCommand('quiz serverless 2', { response_url: slack.responseUrl });
    const started = await fetch(`http://127.0.0.1:${a.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': command.contentType, ...signedHeaders(command.body) },
      body: command.body,
    });
    expect(started.status).toBe(200);
    const posts = () => slack.calls.filter((c) => c.path.endsWith('/chat.postMessage'));
    for (let i = 0; i < 50 && posts().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(posts().length).toBeGreaterThanOrEqual(2); // the quiz header, and question 1 in its thread

    a.child.kill('SIGKILL');
    const before = slack.calls.length;
    // Question 1 is due 5 s after it was asked: replica B must reveal it and ask question 2.
    const revealed = () => slack.calls.slice(before).some((c) => c.path.endsWith('/chat.update'));
    const next = () => slack.calls.slice(before).some((c) => c.path.endsWith('/chat.postMessage'));
    for (let i = 0; i < 120 && !(revealed() && next()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(revealed()).toBe(true);
    expect(next()).toBe(true);
    expect(b.child.exitCode).toBeNull();
  }, 30_000);
});
