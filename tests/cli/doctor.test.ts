import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { srm } from '../helpers/cli.js';

describe('srm doctor', () => {
  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('checks configuration, knowledge, the store and the Slack token, one line each', async () => {
    nock('https://slack.test').post('/api/auth.test').reply(200, { ok: true, user: 'srm', team: 'Example', user_id: 'U0BOT' });
    const run = await srm(['doctor'], {
      env: { SLACK_BOT_TOKEN: 'xoxb-secret-token-value', SLACK_SIGNING_SECRET: 's3cret', SLACK_API_URL: 'https://slack.test/api/' },
    });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual(['ok configuration', 'ok knowledge', 'ok store', 'ok slack']);
    expect(run.stdout).toContain('bot srm in workspace Example');
    expect(run.stdout).not.toContain('xoxb-secret-token-value');
    expect(run.stdout).not.toContain('s3cret');
  });

  it('reports each failing check and exits 1', async () => {
    nock('https://slack.test').post('/api/auth.test').reply(200, { ok: false, error: 'invalid_auth' });
    const run = await srm(['doctor'], {
      env: { SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'https://slack.test/api/', STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:1' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAIL\s+store\s+/m);
    expect(run.stdout).toMatch(/^FAIL\s+slack\s+.*invalid_auth/m);
    expect(run.stdout).toMatch(/^ok\s+knowledge\s+/m);
  });

  it('names an invalid setting without crashing the other checks', async () => {
    const run = await srm(['doctor'], { env: { PORT: 'eighty' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAIL\s+configuration\s+.*PORT/m);
    expect(run.stdout).toMatch(/^ok\s+knowledge\s+/m);
  });
});
