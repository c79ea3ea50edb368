import { App, ExpressReceiver, type Authorize, webApi } from '@slack/bolt';
import { Router, type IRouter } from 'express';
import type { SrmCore } from '../../src/core/srm-core.js';
import { silentObserver, type Observer } from '../../src/model/observer.js';
import type { Store } from '../../src/store/store.js';
import { createEffectRunner, type EffectRunner } from './effect-runner.js';
import { registerAppHomeOpened } from './listeners/app-home-opened.js';
import { registerMemberJoined } from './listeners/member-joined.js';
import { registerThreadReply } from './listeners/thread-reply.js';
import { registerAppMention } from './listeners/app-mention.js';
import { registerBlockActions } from './listeners/block-actions.js';
import { registerFormSubmission } from './listeners/form-submission.js';
import { createOutboundQueue, SLACK_PACING, type SlackPacing } from './outbound-queue.js';
import { registerDirectMessage } from './listeners/direct-message.js';
import type { ListenerDeps } from './listeners/listener-deps.js';
import { registerSlashCommand, SLASH_COMMAND } from './listeners/slash-command.js';
import { createRequestGuard, MAX_BODY_BYTES } from './request-guard.js';
import { SLACK_ERROR_CODES, SlackAdapterError } from './slack-errors.js';
import { describe, toBoltLogger, type LineLogger } from './slack-logger.js';

/** The one URL Slack calls in HTTP mode, for events, slash commands and interactivity alike. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Defaults for the Web API client: fail fast instead of the SDK's 10 retries over 30 minutes. */
export const SLACK_CLIENT_DEFAULTS = Object.freeze({
  timeoutMs: 10_000,
  retryConfig: Object.freeze({ retries: 2, factor: 2, minTimeout: 500, maxTimeout: 3_000 }),
});

export interface SlackAppOptions {
  core: SrmCore;
  store: Store;
  /** Required (non-empty) in HTTP mode; unused in Socket Mode. */
  signingSecret: string;
  botToken: string;
  /** When set, the app runs in Socket Mode instead of HTTP mode. */
  appToken?: string;
  /** Web API base URL (default Slack's own, `https://slack.com/api/`). */
  apiUrl?: string;
  logger: LineLogger;
  /** The bot's user id; when absent it is looked up once with auth.test. */
  botUserId?: string;
  botId?: string;
  /** Slash command name (default `/srm`). */
  command?: string;
  maxBodyBytes?: number;
  webClientTimeoutMs?: number;
  /** Where Web API refusals (429s included) are reported; silent by default. */
  observer?: Observer;
  /** Clock for the request guard, in milliseconds (tests). */
  now?: () => number;
  /** Channel ids where people who join get the welcome privately (ONBOARDING_CHANNELS). */
  onboardingChannels?: string[];
  /** Per-channel pacing of posts and edits (Slack's limits by default; tests may pass zero gaps). */
  pacing?: SlackPacing;
}

/** A wired Slack app. In HTTP mode mount `router` on the shared server; in Socket Mode call start(). */
export interface SlackApp {
  mode: 'http' | 'socket';
  bolt: App;
  /** HTTP mode: serves POST /slack/events. Mount it before any body parser. */
  router?: IRouter;
  /** HTTP mode: the Bolt receiver behind `router`. */
  receiver?: ExpressReceiver;
  /** The Web API client every answer goes through. */
  client: webApi.WebClient;
  runner: EffectRunner;
  /** Socket Mode: connects. HTTP mode: nothing to do (the shared server listens). */
  start(): Promise<void>;
  /** Socket Mode: disconnects. HTTP mode: nothing to do. */
  stop(): Promise<void>;
}

/**
 * Builds the Slack adapter around the core: Bolt listeners that translate in, call the core and
 * render out. Throws a SlackAdapterError for an empty signing secret (HTTP mode) or bot token.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const socketMode = Boolean(options.appToken);
  if (!options.botToken) throw new SlackAdapterError(SLACK_ERROR_CODES.missingBotToken);
  if (!socketMode && !options.signingSecret) throw new SlackAdapterError(SLACK_ERROR_CODES.missingSigningSecret);

  const { core, store, logger } = options;
  const boltLogger = toBoltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    timeout: options.webClientTimeoutMs ?? SLACK_CLIENT_DEFAULTS.timeoutMs,
    retryConfig: { ...SLACK_CLIENT_DEFAULTS.retryConfig },
    logger: boltLogger,
    ...(options.apiUrl ? { slackApiUrl: withTrailingSlash(options.apiUrl) } : {}),
  };
  // A 429 comes back to the outbound queue, which holds that channel and method for its Retry-After
  // (the client alone would pause every call to every channel).
  const client = new webApi.WebClient(options.botToken, { ...clientOptions, rejectRateLimitedCalls: true });
  const observer = options.observer ?? silentObserver;
  client.on(webApi.WebClientEvent.RATE_LIMITED, () => observer.platformApiError('slack', 429));
  const authorize = singleWorkspaceAuthorize(client, options, logger);

  let receiver: ExpressReceiver | undefined;
  let router: IRouter | undefined;
  let bolt: App;
  if (socketMode) {
    bolt = new App({ socketMode: true, appToken: options.appToken, authorize, logger: boltLogger, clientOptions, convoStore: false });
  } else {
    router = Router();
    router.post(
      SLACK_EVENTS_PATH,
      createRequestGuard({
        signingSecret: options.signingSecret,
        logger,
        maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
        ...(options.now ? { now: options.now } : {}),
      }),
    );
    receiver = new ExpressReceiver({
      signingSecret: options.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      router,
      logger: boltLogger,
      // Ack first, work after: the HTTP response goes out as soon as a listener calls ack().
      processBeforeResponse: false,
      // The request guard in front has verified the signature and both ends of the timestamp window
      // (stricter than Bolt's check); verifying the same bytes twice only costs time.
      signatureVerification: false,
    });
    // No conversation store: the bot keeps its own thread context in the shared store.
    bolt = new App({ receiver, authorize, logger: boltLogger, clientOptions, convoStore: false });
  }
  bolt.error(async (error) => {
    logger.error(`slack listener error: ${describe(error)}`);
  });

  const queue = createOutboundQueue({
    pacing: options.pacing ?? SLACK_PACING,
    onRateLimited: (channelId, method, holdMs) => logger.warn(`slack ${method} rate limited in ${channelId}; retrying after ${holdMs} ms`),
  });
  const runner = createEffectRunner({ client, core, store, logger, queue });
  const deps: ListenerDeps = { core, store, runner, logger, observer, ...(options.botUserId ? { botUserId: options.botUserId } : {}) };
  registerSlashCommand(bolt, deps, options.command ?? SLASH_COMMAND);
  registerAppMention(bolt, deps);
  registerDirectMessage(bolt, deps);
  registerBlockActions(bolt, deps);
  registerFormSubmission(bolt, deps);
  registerAppHomeOpened(bolt, deps);
  registerMemberJoined(bolt, deps, new Set(options.onboardingChannels ?? []));
  registerThreadReply(bolt, deps);

  core.registerSink('slack', async (effects) => {
    try {
      await runner.run(effects);
    } catch (error) {
      logger.error(`slack timer effect failed: ${describe(error)}`);
    }
  });

  return {
    mode: socketMode ? 'socket' : 'http',
    bolt,
    ...(router ? { router } : {}),
    ...(receiver ? { receiver } : {}),
    client,
    runner,
    async start() {
      if (socketMode) await bolt.start();
    },
    async stop() {
      if (socketMode) await bolt.stop();
    },
  };
}

/**
 * One workspace, one bot token. The bot's user id (to strip its mention and ignore its own
 * messages) comes from the options or from one auth.test call, retried on the next event if it fails.
 */
function singleWorkspaceAuthorize(client: webApi.WebClient, options: SlackAppOptions, logger: LineLogger): Authorize<boolean> {
  let identity: Promise<{ botUserId?: string; botId?: string }> | undefined = options.botUserId
    ? Promise.resolve({ botUserId: options.botUserId, ...(options.botId ? { botId: options.botId } : {}) })
    : undefined;
  const lookUp = async () => {
    try {
      const result = await client.auth.test();
      return { ...(result.user_id ? { botUserId: result.user_id } : {}), ...(result.bot_id ? { botId: result.bot_id } : {}) };
    } catch (error) {
      identity = undefined;
      logger.warn(`slack auth.test failed, continuing without the bot's user id: ${describe(error)}`);
      return {};
    }
  };
  return async () => {
    identity ??= lookUp();
    return { botToken: options.botToken, ...(await identity) };
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
