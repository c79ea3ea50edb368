import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { AppConfig } from '../../src/config/app-config.js';
import { createCore } from '../../src/core/create-core.js';
import type { Knowledge } from '../../src/knowledge/types.js';
import { createStore } from '../../src/store/create-store.js';
import { observeStore } from '../../src/store/observe-store.js';
import type { Store } from '../../src/store/store.js';
import { withDeadline } from '../../src/model/deadline.js';
import { createMetrics } from './metrics.js';
import { botVersion } from './version.js';
import { knowledgeStats } from '../../src/knowledge/knowledge-stats.js';
import { createSlackApp, SLACK_EVENTS_PATH } from '../slack/slack-app.js';
import type { SlackConfig } from '../slack/slack-config.js';
import { createTeamsHandler } from '../teams/teams-bot.js';
import type { TeamsAuth } from '../teams/teams-config.js';
import { createHttpServer } from './create-http-server.js';

/** How long /readyz waits for the store before calling it unreachable. */
const READY_PROBE_MS = 1_000;

/** The store answers a read within READY_PROBE_MS (a hung Redis is as unready as a dead one). */
async function storeAnswers(store: Store): Promise<boolean> {
  return withDeadline(store.getValue('readyz:probe').then(() => true), READY_PROBE_MS, false);
}

/** Everything `srm serve` needs, already validated. */
export interface ServeOptions {
  config: AppConfig;
  knowledge: Knowledge;
  slack?: SlackConfig;
  /** Absent: /api/messages is not served (production without a Microsoft app id). */
  teams?: TeamsAuth;
  logger: Logger;
}

/** A running bot; close() stops listening, disconnects Socket Mode, stops timers and closes the store. */
export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Opens the store, builds the core and the adapters, and serves Slack (HTTP mode at /slack/events,
 * or Socket Mode) and Teams (/api/messages) on one port.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { config, knowledge, logger } = options;
  const metrics = createMetrics();
  const store = observeStore(
    await createStore(config.STORE === 'redis' ? { kind: 'redis', url: config.REDIS_URL! } : { kind: 'sqlite', dataDir: config.DATA_DIR }),
    metrics.observer,
  );
  const core = createCore({
    knowledge,
    store,
    logger,
    observer: metrics.observer,
    quizRevealMs: config.QUIZ_SECONDS * 1000,
    retentionDays: config.RETENTION_DAYS,
    admins: config.SRM_ADMINS,
    ...(config.REPORT_CHANNEL ? { reportChannel: config.REPORT_CHANNEL } : {}),
  });
  const slack = options.slack
    ? createSlackApp({
        core,
        store,
        signingSecret: options.slack.signingSecret,
        botToken: options.slack.botToken,
        appToken: options.slack.appToken,
        apiUrl: options.slack.apiUrl,
        onboardingChannels: options.slack.onboardingChannels,
        logger,
        observer: metrics.observer,
      })
    : undefined;
  const teamsHandler = options.teams
    ? createTeamsHandler({ core, store, auth: options.teams, logger, observer: metrics.observer })
    : undefined;
  const app = createHttpServer({
    slackRouter: slack?.mode === 'http' ? slack.router : undefined,
    teamsHandler,
    ready: () => storeAnswers(store),
    metrics: { contentType: metrics.registry.contentType, render: () => metrics.registry.metrics() },
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  await slack?.start();
  await core.start();
  const { services, concerns, duties, concepts } = knowledgeStats(knowledge);
  logger.info(
    {
      version: botVersion(),
      knowledge: { services, concerns, duties, concepts },
      port,
      slack: slack ? (slack.mode === 'http' ? `http ${SLACK_EVENTS_PATH}` : 'socket mode') : 'off',
      teams: options.teams ? `${options.teams.mode} /api/messages` : 'off',
      store: config.STORE,
    },
    'srm-bot is serving',
  );

  return {
    port,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await slack?.stop();
      await core.close();
    },
  };
}
