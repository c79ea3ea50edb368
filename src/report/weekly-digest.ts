import type { Knowledge } from '../knowledge/types.js';
import type { Effect } from '../model/effects.js';
import type { Platform } from '../model/incoming.js';
import type { Logger } from '../model/logger.js';
import type { Reply } from '../model/reply-model.js';
import type { Store } from '../store/store.js';
import { buildReport, renderReport, type Report } from './build-report.js';

/** Where the weekly digest goes (REPORT_CHANNEL). */
export interface ReportChannel {
  platform: Platform;
  channelId: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;
/** The digest is due each Monday at 09:00 UTC. */
const DUE_HOUR_UTC = 9;
/** How often a replica checks whether a digest is due. */
export const DIGEST_CHECK_EVERY_MS = 10 * 60 * 1000;
/** How long one replica may take to post a digest before another may try. */
const LOCK_MS = 5 * 60 * 1000;
/** Rows of each list in the digest. */
const TOP = 5;

/** The latest Monday 09:00 UTC at or before `now`. */
export function digestDueAt(now: number): number {
  const day = new Date(now);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  const monday = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - sinceMonday, DUE_HOUR_UTC);
  return monday <= now ? monday : monday - WEEK_MS;
}

/** The digest as text: the week's report, its top five of each list, and where to read the rest. */
export function renderDigest(report: Report): string {
  return `${renderReport(report, TOP)}\n\nThe whole report: \`srm report\` on the server, or \`admin report\` in chat (for SRM_ADMINS).`;
}

export interface WeeklyDigestOptions {
  store: Store;
  knowledge: Knowledge;
  channel: ReportChannel;
  now: () => number;
  logger: Logger;
  /** Delivers the digest's post (the core routes it to the platform's sink). */
  deliver: (platform: Platform, effects: Effect[]) => Promise<void>;
  /** Builds the digest's reply from its text. */
  compose: (headline: string, body: string) => Reply;
  everyMs?: number;
}

/** A running digest schedule: `runOnce` posts a due digest (if no replica has), `stop` ends it. */
export interface WeeklyDigest {
  runOnce(): Promise<boolean>;
  stop(): void;
}

/**
 * Posts the week's misses, 👎 and challenges to REPORT_CHANNEL every Monday at 09:00 UTC. Every replica
 * checks; a lock on the week's due time lets one post it, and a "done" mark keeps the others (and later
 * checks) from posting it again. A failed post is retried after the lock lapses; a digest missed while
 * the bot was down is posted when it is back, in the same week.
 */
export function createWeeklyDigest(options: WeeklyDigestOptions): Pick<WeeklyDigest, 'runOnce'> {
  const runOnce = async (): Promise<boolean> => {
    const due = digestDueAt(options.now());
    const id = `digest:${options.channel.platform}:${options.channel.channelId}:${due}`;
    try {
      // Posted already this week, or another replica is posting it right now (its lock lapses if it fails).
      if ((await options.store.getValue(`${id}:done`)) !== undefined) return false;
      if (!(await options.store.claimOnce(`${id}:lock`, LOCK_MS))) return false;
      const report = await buildReport(options.store, options.knowledge, { days: 7, now: due });
      const reply = options.compose(`Knowledge report for the week to ${new Date(due).toISOString().slice(0, 10)}`, renderDigest(report));
      await options.deliver(options.channel.platform, [{ type: 'post', key: `digest:${due}`, channelId: options.channel.channelId, reply }]);
      await options.store.setValue(`${id}:done`, '1', WEEK_MS + DAY_MS);
      options.logger.info({ due }, 'weekly digest posted');
      return true;
    } catch (error) {
      options.logger.warn({ err: (error as Error).message }, 'weekly digest failed; a later check retries');
      return false;
    }
  };
  return { runOnce };
}

/** The digest on a schedule: checked now and every `everyMs` (10 minutes). */
export function startWeeklyDigest(options: WeeklyDigestOptions): WeeklyDigest {
  const { runOnce } = createWeeklyDigest(options);
  const timer = setInterval(() => void runOnce(), options.everyMs ?? DIGEST_CHECK_EVERY_MS);
  timer.unref();
  void runOnce();
  return { runOnce, stop: () => clearInterval(timer) };
}
