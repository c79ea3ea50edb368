import { createPacedQueue, type PacedQueue } from '../shared/paced-queue.js';

/**
 * Slack's limits, per channel: about one message a second (chat.postMessage, chat.postEphemeral),
 * and chat.update at Tier 3 (about 50 a minute). A 429 holds that channel and method for its
 * Retry-After and the call is tried again.
 */
export type PacedMethod = 'chat.postMessage' | 'chat.postEphemeral' | 'chat.update';

export interface SlackPacing {
  /** Least time between two posts (message or ephemeral) in one channel. */
  postGapMs: number;
  /** Least time between two edits in one channel. */
  updateGapMs: number;
  /** How often a call refused with 429 is tried again before it fails. */
  maxRetries: number;
}

export const SLACK_PACING: SlackPacing = Object.freeze({ postGapMs: 1_000, updateGapMs: 1_200, maxRetries: 3 });

export type OutboundQueue = PacedQueue<PacedMethod>;

export interface OutboundQueueOptions {
  pacing?: SlackPacing;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Told about each 429 (for the log). */
  onRateLimited?: (channelId: string, method: PacedMethod, retryAfterMs: number) => void;
}

/** Retry-After of a Web API rate-limit refusal (the client rejects rate-limited calls), in ms. */
function retryAfterMs(error: unknown): number | undefined {
  const { code, retryAfter } = (error ?? {}) as { code?: unknown; retryAfter?: unknown };
  if (code !== 'slack_webapi_rate_limited_error') return undefined;
  return typeof retryAfter === 'number' && retryAfter >= 0 ? retryAfter * 1000 : 1000;
}

/** The Slack Web API's queue: per channel and method, Slack's pace, Retry-After honoured. */
export function createOutboundQueue(options: OutboundQueueOptions = {}): OutboundQueue {
  const pacing = options.pacing ?? SLACK_PACING;
  return createPacedQueue<PacedMethod>({
    gapMs: (method) => (method === 'chat.update' ? pacing.updateGapMs : pacing.postGapMs),
    retryAfterMs,
    maxRetries: pacing.maxRetries,
    ...(options.now ? { now: options.now } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.onRateLimited ? { onHeld: options.onRateLimited } : {}),
  });
}
