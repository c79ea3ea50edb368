import type { SrmCore } from '../../../src/core/srm-core.js';
import type { Store } from '../../../src/store/store.js';
import type { EffectRunner, ReplyTarget } from '../effect-runner.js';
import { describe, type LineLogger } from '../slack-logger.js';

/** What every listener needs; handed in by createSlackApp. */
export interface ListenerDeps {
  core: SrmCore;
  store: Store;
  runner: EffectRunner;
  logger: LineLogger;
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
    deps.logger.error(`slack ${what} failed: ${describe(error)}`);
    await deps.runner.apologise(target, error);
  }
}
