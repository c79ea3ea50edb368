import { createHash } from 'node:crypto';
import type { Store } from '../../src/store/store.js';
import { describe, type LineLogger } from './slack-logger.js';

/** How long a delivered event or action id is remembered (Slack retries within minutes). */
export const DELIVERY_TTL_MS = 60 * 60 * 1000;
/** Two presses of the same button by the same person within this window count once. */
export const DOUBLE_CLICK_TTL_MS = 5_000;

/**
 * True for the first delivery of `key`. If the store is down we answer anyway (a rare duplicate
 * is better than silence) and say so in the log.
 */
export async function firstDelivery(store: Store, key: string, ttlMs: number, logger: LineLogger): Promise<boolean> {
  try {
    return await store.claimOnce(key, ttlMs);
  } catch (error) {
    logger.warn(`slack de-duplication skipped, store unavailable: ${describe(error)}`);
    return true;
  }
}

/** The key for an Events API delivery; retries (X-Slack-Retry-Num, retry_attempt) share it. */
export function eventKey(eventId: string): string {
  return `slack:event:${eventId}`;
}

/** The key for a slash command: Slack gives each invocation its own trigger_id. */
export function commandKey(triggerId: string): string {
  return `slack:command:${triggerId}`;
}

/** Keys for a button press: its own identity (retries), and person+message+button (double clicks). */
export function actionKeys(parts: {
  userId: string;
  actionTs: string;
  actionId: string;
  messageTs?: string;
  value: string;
}): { delivery: string; doubleClick: string } {
  const value = createHash('sha256').update(parts.value).digest('hex').slice(0, 16);
  return {
    delivery: `slack:action:${parts.userId}:${parts.actionTs}:${parts.actionId}`,
    doubleClick: `slack:click:${parts.userId}:${parts.messageTs ?? '-'}:${parts.actionId}:${value}`,
  };
}
