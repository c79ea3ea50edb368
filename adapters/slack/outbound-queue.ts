/**
 * Slack's limits, per channel: about one message a second (chat.postMessage, chat.postEphemeral),
 * and chat.update at Tier 3 (about 50 a minute). Calls for one (channel, method) go out one at a time,
 * spaced by that method's gap; a 429 holds that (channel, method) for its Retry-After and the call is
 * tried again. Other channels and methods are not held up.
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

export interface OutboundQueue {
  /** Runs `work` for (channel, method) in order, when the pace and any Retry-After allow. */
  call<T>(channelId: string, method: PacedMethod, work: () => Promise<T>): Promise<T>;
}

export interface OutboundQueueOptions {
  pacing?: SlackPacing;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Told about each 429 (for metrics and the log). */
  onRateLimited?: (channelId: string, method: PacedMethod, retryAfterMs: number) => void;
}

/** Retry-After of a Web API rate-limit refusal (the client rejects rate-limited calls), in ms. */
function retryAfterMs(error: unknown): number | undefined {
  const { code, retryAfter } = (error ?? {}) as { code?: unknown; retryAfter?: unknown };
  if (code !== 'slack_webapi_rate_limited_error') return undefined;
  return typeof retryAfter === 'number' && retryAfter >= 0 ? retryAfter * 1000 : 1000;
}

export function createOutboundQueue(options: OutboundQueueOptions = {}): OutboundQueue {
  const pacing = options.pacing ?? SLACK_PACING;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  /** The tail of each (channel, method) line, and when its next call may go out. */
  const tails = new Map<string, Promise<unknown>>();
  const nextAt = new Map<string, number>();
  const gapOf = (method: PacedMethod) => (method === 'chat.update' ? pacing.updateGapMs : pacing.postGapMs);

  async function send<T>(key: string, channelId: string, method: PacedMethod, work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const wait = (nextAt.get(key) ?? 0) - now();
      if (wait > 0) await sleep(wait);
      try {
        const result = await work();
        nextAt.set(key, now() + gapOf(method));
        return result;
      } catch (error) {
        const holdMs = retryAfterMs(error);
        if (holdMs === undefined || attempt >= pacing.maxRetries) throw error;
        options.onRateLimited?.(channelId, method, holdMs);
        nextAt.set(key, now() + Math.max(holdMs, gapOf(method)));
      }
    }
  }

  return {
    call(channelId, method, work) {
      const key = `${channelId}\u0000${method}`;
      const run = (tails.get(key) ?? Promise.resolve()).then(() => send(key, channelId, method, work));
      const tail = run.catch(() => undefined);
      tails.set(key, tail);
      // An idle line is forgotten, so the maps do not grow with every channel ever seen.
      void tail.then(() => {
        if (tails.get(key) === tail) {
          tails.delete(key);
          if ((nextAt.get(key) ?? 0) <= now()) nextAt.delete(key);
        }
      });
      return run;
    },
  };
}
