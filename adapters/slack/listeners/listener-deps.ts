import type { Observer } from '../../../src/model/observer.js';
import type { SrmCore } from '../../../src/core/srm-core.js';
import type { Store } from '../../../src/store/store.js';
import type { EffectRunner, ReplyTarget } from '../effect-runner.js';
import { describe, type LineLogger } from '../slack-logger.js';

/** What every listener needs; handed in by createSlackApp. */
/** A Slack Web API failure and its HTTP status, when the error is one (429 for a rate limit). */
function webApiFailure(error: unknown): { status: number | undefined } | undefined {
  const { code, statusCode } = (error ?? {}) as { code?: unknown; statusCode?: unknown };
  if (typeof code !== 'string' || !code.startsWith('slack_webapi_')) return undefined;
  if (code === 'slack_webapi_rate_limited_error') return { status: 429 };
  return { status: typeof statusCode === 'number' ? statusCode : undefined };
}

export interface ListenerDeps {
  core: SrmCore;
  store: Store;
  runner: EffectRunner;
  logger: LineLogger;
  /** Where Web API failures are counted. */
  observer: Observer;
  /** The bot's own user id, when known, to strip its mention precisely. */
  botUserId?: string;
}

/**
 * The one place a listener's failure becomes a log line (code and message, no stack, no token)
 * and a short apology to the person who asked (or, when the bot is not in the channel, how to invite it).
 */
export async function runSafely(deps: ListenerDeps, what: string, target: ReplyTarget, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const api = webApiFailure(error);
    if (api) deps.observer.platformApiError('slack', api.status);
    deps.logger.error(`slack ${what} failed: ${describe(error)}`);
    await deps.runner.apologise(target, error);
  }
}
