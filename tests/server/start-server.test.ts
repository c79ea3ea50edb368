import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/server/create-logger.js';
import { startServer, type RunningServer } from '../../adapters/server/start-server.js';
import { parseSlackConfig } from '../../adapters/slack/slack-config.js';
import { parseTeamsConfig } from '../../adapters/teams/teams-config.js';
import { parseAppConfig } from '../../src/config/app-config.js';
import { mentionMessage } from '../helpers/teams-activities.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';

const knowledge = loadTestKnowledge();

/** Starts the whole server the way `srm serve` does, from an environment, on a free loopback port. */
async function serve(env: Record<string, string>): Promise<RunningServer> {
  const config = parseAppConfig({ PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'srm-serve-')), ...env });
  return startServer({
    config,
    knowledge,
    logger: createLogger('silent'),
    slack: parseSlackConfig(env),
    teams: parseTeamsConfig(env),
  });
}

const slackOnly = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'test-signing-secret', SLACK_API_URL: 'http://127.0.0.1:9/api/' };

describe('what one server serves', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('does not serve /api/messages in a Slack-only deployment (404), even with NODE_ENV unset', async () => {
    server = await serve(slackOnly);
    const response = await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...mentionMessage('who patches EC2?'), serviceUrl: 'http://127.0.0.1:9/' }),
    });
    expect(response.status).toBe(404);
  });

  it('serves the unauthenticated local mode only when asked for explicitly', async () => {
    server = await serve({ ...slackOnly, TEAMS_ALLOW_UNAUTHENTICATED: 'true' });
    const response = await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...mentionMessage('who patches EC2?'), serviceUrl: 'https://smba.trafficmanager.net/teams/' }),
    });
    expect(response.status).toBe(403);
  });
});
