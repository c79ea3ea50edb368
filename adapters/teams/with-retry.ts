/** Bot Connector statuses worth retrying (Teams throttling and gateway errors). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 504]);

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Called for every failed attempt, with its HTTP status when known (metrics). */
  onError?: (status: number | undefined) => void;
}

export const DEFAULT_RETRY: Readonly<RetryOptions> = Object.freeze({
  retries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
});

interface HttpLikeError {
  status?: unknown;
  response?: { headers?: { get?: (name: string) => string | null } };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as HttpLikeError | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

function retryAfterMs(error: unknown): number | undefined {
  const header = (error as HttpLikeError | undefined)?.response?.headers?.get?.('retry-after');
  const seconds = header ? Number(header) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * Runs a Bot Connector call, retrying throttled or gateway failures with exponential back-off and
 * full jitter (honouring Retry-After). The Agents SDK's connector client does not retry itself.
 */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      options.onError?.(status);
      if (attempt >= options.retries || status === undefined || !RETRYABLE_STATUSES.has(status)) throw error;
      const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt) * options.random();
      await options.sleep(Math.min(options.maxDelayMs, retryAfterMs(error) ?? backoff));
    }
  }
}
