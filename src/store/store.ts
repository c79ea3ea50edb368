/**
 * State the bot keeps between messages and across restarts. One interface, two implementations:
 * SQLite (embedded default, one process) and Redis (several replicas).
 * Every method may reject with a StoreUnavailableError when the backing store is down.
 */
export interface Store {
  /**
   * Claims `key` for `ttlMs`. Resolves true for the first caller, false for every later caller
   * until the claim expires. Used to answer a retried Slack event or duplicate Teams activity once.
   */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /** Records a 👍/👎 on an answer; one vote per user per answer (a second vote replaces the first). */
  recordFeedback(feedback: Feedback): Promise<void>;
  /** Remembers the platform id of a message the core posted (for later edits). */
  rememberMessage(key: string, messageId: string): Promise<void>;
  /** The platform id remembered for `key`, if any. */
  messageId(key: string): Promise<string | undefined>;
  /** Releases connections and file handles. */
  close(): Promise<void>;
}

/** One person's verdict on one answer. */
export interface Feedback {
  answerId: string;
  userId: string;
  channelId: string;
  helpful: boolean;
  at: number;
}
