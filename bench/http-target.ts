/**
 * One server for the HTTP benchmark, in its own process: `srm` (the bot's real server) or `bolt` (a
 * bare Bolt app that acks and responds with a reply of the same size). Prints its port and the time
 * from process start to listening as one JSON line; the parent reads its CPU time from /proc.
 */
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bolt from '@slack/bolt';
import { createLogger } from '../adapters/server/create-logger.js';
import { startServer } from '../adapters/server/start-server.js';
import { parseSlackConfig } from '../adapters/slack/slack-config.js';
import { defaultKnowledgeDir } from '../adapters/cli/knowledge-dir.js';
import { parseAppConfig } from '../src/config/app-config.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';

const [kind, signingSecret, apiUrl, replyBytes] = process.argv.slice(2);
const env = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: signingSecret!, SLACK_API_URL: apiUrl! };

async function startBot(): Promise<number> {
  const config = parseAppConfig({ PORT: '0', LOG_LEVEL: 'warn', DATA_DIR: mkdtempSync(join(tmpdir(), 'srm-bench-')) });
  const server = await startServer({
    config,
    knowledge: loadKnowledge(defaultKnowledgeDir()),
    logger: createLogger('warn'),
    slack: parseSlackConfig(env),
  });
  return server.port;
}

async function startBareBolt(): Promise<number> {
  const receiver = new bolt.ExpressReceiver({ signingSecret: signingSecret!, endpoints: '/slack/events', processBeforeResponse: false });
  const app = new bolt.App({ token: 'xoxb-bench', receiver, clientOptions: { slackApiUrl: apiUrl }, tokenVerificationEnabled: false });
  const text = 'x'.repeat(Number(replyBytes));
  app.command('/srm', async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'in_channel', text });
  });
  const server: Server = await new Promise((resolve) => {
    const s = receiver.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return (server.address() as { port: number }).port;
}

const port = kind === 'bolt' ? await startBareBolt() : await startBot();
process.stdout.write(`${JSON.stringify({ port, startupMs: Math.round(performance.now()) })}\n`);
