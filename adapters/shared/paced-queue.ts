/**
 * Outbound calls to a chat platform, one line per (conversation, method): calls on a line go out one
 * at a time, spaced by that method's gap; a refusal that names a wait (Slack's 429 Retry-After) holds
 * that line for it and the call is tried again. Other conversations and methods are not held up.
 */
export interface PacedQueue<M extends string> {
  call<T>(conversationId: string, method: M, work: () => Promise<T>): Promise<T>;
}

export interface PacedQueueOptions<M extends string> {
  /** Least time between two calls on one line. */
  gapMs: (method: M) => number;
  /** How long a refusal asks to wait, in ms; undefined for errors that are not a "wait" (they fail at once). */
  retryAfterMs?: (error: unknown) => number | undefined;
  /** How often a call told to wait is tried again before it fails. */
  maxRetries?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  onHeld?: (conversationId: string, method: M, holdMs: number) => void;
}

export function createPacedQueue<M extends string>(options: PacedQueueOptions<M>): PacedQueue<M> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRetries ?? 0;
  const tails = new Map<string, Promise<unknown>>();
  const nextAt = new Map<string, number>();

  async function send<T>(key: string, conversationId: string, method: M, work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const wait = (nextAt.get(key) ?? 0) - now();
      if (wait > 0) await sleep(wait);
      try {
        const result = await work();
        nextAt.set(key, now() + options.gapMs(method));
        return result;
      } catch (error) {
        const holdMs = options.retryAfterMs?.(error);
        if (holdMs === undefined || attempt >= maxRetries) throw error;
        options.onHeld?.(conversationId, method, holdMs);
        nextAt.set(key, now() + Math.max(holdMs, options.gapMs(method)));
      }
    }
  }

  return {
    call(conversationId, method, work) {
      const key = `${conversationId}\u0000${method}`;
      const run = (tails.get(key) ?? Promise.resolve()).then(() => send(key, conversationId, method, work));
      const tail = run.catch(() => undefined);
      tails.set(key, tail);
      // An idle line is forgotten, so the maps do not grow with every conversation ever seen.
      void tail.then(() => {
        if (tails.get(key) !== tail) return;
        tails.delete(key);
        if ((nextAt.get(key) ?? 0) <= now()) nextAt.delete(key);
      });
      return run;
    },
  };
}
