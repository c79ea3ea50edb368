import type { Logger } from '../model/logger.js';
import type { Store } from './store.js';

/** How long finished quizzes, answers, feedback and points are kept unless configured otherwise. */
export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the store is pruned. */
export const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface RetentionOptions {
  store: Pick<Store, 'prune'>;
  retentionDays?: number;
  now?: () => number;
  logger: Logger;
  everyMs?: number;
}

/** A running pruning schedule: `runOnce` prunes now, `stop` ends the schedule. */
export interface Retention {
  runOnce(): Promise<number>;
  stop(): void;
}

/**
 * Prunes the store now and then every `everyMs`: expired claims and values, and what is older than
 * the retention period. Safe on several replicas at once (pruning is idempotent); a failure is logged
 * and retried at the next tick.
 */
export function startRetention(options: RetentionOptions): Retention {
  const now = options.now ?? Date.now;
  const keepMs = (options.retentionDays ?? DEFAULT_RETENTION_DAYS) * DAY_MS;
  const runOnce = async (): Promise<number> => {
    try {
      const deleted = await options.store.prune(now() - keepMs);
      if (deleted > 0) options.logger.info({ deleted }, 'store pruned');
      return deleted;
    } catch (error) {
      options.logger.warn({ err: (error as Error).message }, 'store pruning failed; will retry');
      return 0;
    }
  };
  const timer = setInterval(() => void runOnce(), options.everyMs ?? PRUNE_EVERY_MS);
  timer.unref();
  void runOnce();
  return { runOnce, stop: () => clearInterval(timer) };
}
