import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { buildReport, renderReport } from '../../src/report/build-report.js';
import { ConfigError, parseAppConfig, type AppConfig } from '../../src/config/app-config.js';
import { createCore } from '../../src/core/create-core.js';
import { KnowledgeError } from '../../src/knowledge/knowledge-error.js';
import { knowledgeStats } from '../../src/knowledge/knowledge-stats.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { withOrgOwners } from '../../src/knowledge/org-owners.js';
import type { Knowledge } from '../../src/knowledge/types.js';
import { createStore } from '../../src/store/create-store.js';
import { createUnderstand } from '../../src/understanding/understand.js';
import { runConsoleChat } from '../console/console-chat.js';
import { createLogger } from '../server/create-logger.js';
import { ask } from './ask-json.js';
import { defaultKnowledgeDir } from './knowledge-dir.js';

const USAGE = `srm — the AWS Shared Responsibility Model bot

Usage:
  srm ask [--json] "who patches RDS?"   answer one question (no question + --json: one per stdin line)
  srm chat                              talk to the bot in this terminal
  srm serve                             serve Slack (/slack/events or Socket Mode) and Teams (/api/messages)
  srm start                             serve when Slack or Teams credentials are set, otherwise chat
  srm kb check                          validate the knowledge base and print a summary
  srm kb stats [--json]                 counts of what the knowledge base holds
  srm doctor                            check configuration, knowledge, the store and the Slack token
  srm report [--days N] [--json]        questions, misses and 👎 from the store (default: last 30 days)

Settings come from the environment or a .env file (see README).`;

/** Exit codes: 0 ok, 1 runtime failure, 2 bad knowledge or configuration, 64 bad usage. */
export const EXIT = { ok: 0, failure: 1, invalid: 2, usage: 64 } as const;

/** Where the CLI reads and writes; the real process by default, streams in tests. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

let io: CliIo;

/** Runs one `srm` command and resolves with its exit code; errors become one line on stderr. */
export async function runCli(argv: string[], cliIo: CliIo): Promise<number> {
  io = cliIo;
  try {
    return await main(argv);
  } catch (error) {
    if (error instanceof KnowledgeError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.invalid;
    }
    const code = (error as { code?: string })?.code;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`srm: ${message}${code ? ` [${code}]` : ''}\n`);
    return code && /config/i.test(code) ? EXIT.invalid : EXIT.failure;
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      days: { type: 'string', default: '30' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return command || values.help ? EXIT.ok : EXIT.usage;
  }

  if (command === 'doctor') {
    // The doctor checks the configuration and knowledge itself, so it runs before either is loaded.
    const { runDoctor, formatChecks } = await import('./doctor.js');
    const checks = await runDoctor(io.env);
    io.stdout.write(`${formatChecks(checks)}\n`);
    return checks.every((c) => c.ok) ? EXIT.ok : EXIT.failure;
  }

  const config = parseAppConfig(io.env);
  const shipped = loadKnowledge(config.KNOWLEDGE_DIR ?? defaultKnowledgeDir());
  const knowledge = config.ORG_OWNERS_FILE ? withOrgOwners(shipped, config.ORG_OWNERS_FILE) : shipped;

  switch (command) {
    case 'kb':
      return kbCommand(knowledge, rest[0], values.json);
    case 'ask':
      return askCommand(knowledge, rest.join(' '), values.json);
    case 'chat':
      return chatCommand(knowledge, config);
    case 'serve':
      return serveCommand(knowledge, config);
    case 'report':
      return reportCommand(knowledge, config, values.days, values.json);
    case 'start': {
      const hasCredentials = Boolean(io.env.SLACK_BOT_TOKEN || io.env.MicrosoftAppId);
      return hasCredentials ? serveCommand(knowledge, config) : chatCommand(knowledge, config);
    }
    default:
      io.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
      return EXIT.usage;
  }
}

async function reportCommand(knowledge: Knowledge, config: AppConfig, daysText: string, json: boolean): Promise<number> {
  const days = Number(daysText);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    io.stderr.write('Usage: srm report [--days N] [--json]   (N: 1 to 3650)\n');
    return EXIT.usage;
  }
  const store = await createStore(
    config.STORE === 'redis' ? { kind: 'redis', url: config.REDIS_URL! } : { kind: 'sqlite', dataDir: config.DATA_DIR },
  );
  try {
    const report = await buildReport(store, knowledge, { days, now: Date.now() });
    io.stdout.write(`${json ? JSON.stringify(report) : renderReport(report)}\n`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

function kbCommand(knowledge: Knowledge, sub: string | undefined, json: boolean): number {
  const stats = knowledgeStats(knowledge);
  if (sub === 'stats' && json) {
    io.stdout.write(`${JSON.stringify(stats)}\n`);
    return EXIT.ok;
  }
  if (sub !== 'check' && sub !== 'stats') {
    io.stderr.write('Usage: srm kb check | srm kb stats [--json]\n');
    return EXIT.usage;
  }
  const lines = [
    sub === 'check' ? 'Knowledge base OK.' : 'Knowledge base:',
    `  services:          ${stats.services}`,
    `  concerns:          ${stats.concerns}`,
    `  responsibilities:  ${stats.responsibilities} (service × concern answers, defaults applied)`,
    `  duties:            ${stats.duties} (shared answers without a duty on each side: ${stats.sharedUnsplit})`,
    `  concepts:          ${stats.concepts}`,
    `  quiz scenarios:    ${stats.quizScenarios} (${stats.quizQuestions} questions)`,
    `  unsourced:         ${stats.unsourced}`,
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

async function askCommand(knowledge: Knowledge, question: string, json: boolean): Promise<number> {
  const understand = createUnderstand(knowledge);
  if (question.trim()) {
    const result = ask(knowledge, understand, question);
    io.stdout.write(json ? `${JSON.stringify(result)}\n` : `${result.text}\n`);
    return EXIT.ok;
  }
  if (!json) {
    io.stderr.write('Usage: srm ask "who patches RDS?"   (or: srm ask --json < questions.txt)\n');
    return EXIT.usage;
  }
  const lines = createInterface({ input: io.stdin, terminal: false });
  for await (const line of lines) {
    if (line.trim()) io.stdout.write(`${JSON.stringify(ask(knowledge, understand, line))}\n`);
  }
  return EXIT.ok;
}

async function chatCommand(knowledge: Knowledge, config: AppConfig): Promise<number> {
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const store = await createStore(
    config.STORE === 'redis' ? { kind: 'redis', url: config.REDIS_URL! } : { kind: 'sqlite', dataDir: config.DATA_DIR },
  );
  const core = createCore({ knowledge, store, logger, quizRevealMs: config.QUIZ_SECONDS * 1000, retentionDays: config.RETENTION_DAYS, admins: config.SRM_ADMINS });
  try {
    await runConsoleChat(core, { input: io.stdin, output: io.stdout });
  } finally {
    await core.close();
  }
  return EXIT.ok;
}

async function serveCommand(knowledge: Knowledge, config: AppConfig): Promise<number> {
  // The platform SDKs load only when serving, so `ask`, `chat` and `kb` start fast.
  const [{ startServer }, { parseSlackConfig }, { parseTeamsConfig }] = await Promise.all([
    import('../server/start-server.js'),
    import('../slack/slack-config.js'),
    import('../teams/teams-config.js'),
  ]);
  const logger = createLogger(config.LOG_LEVEL);
  const slack = parseSlackConfig(io.env);
  // /api/messages is served only with a Microsoft app id, or in the explicit laptop-only local mode.
  const teams = parseTeamsConfig(io.env);
  if (!slack && !teams) {
    throw new ConfigError(
      'Nothing to serve: set the Slack settings (SLACK_BOT_TOKEN, …) or the Teams settings (MicrosoftAppId, …); TEAMS_ALLOW_UNAUTHENTICATED=true serves Teams without authentication on a laptop',
    );
  }
  const server = await startServer({ config, knowledge, logger, slack, teams });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  logger.info({}, 'shutting down');
  await server.close();
  return EXIT.ok;
}
