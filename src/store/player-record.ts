import { z } from 'zod';
import type { Platform } from '../model/incoming.js';
import type { Store } from './store.js';
import { parseStored } from './stored-json.js';

/** One person's quiz record across every channel: quizzes played, questions answered, right. */
export interface PlayerRecord {
  quizzes: number;
  answered: number;
  right: number;
}

export const EMPTY_PLAYER_RECORD: PlayerRecord = { quizzes: 0, answered: 0, right: 0 };

/** Where a person's record lives (shown on the Slack App Home). */
export const playerRecordKey = (platform: Platform, userId: string): string => `player:${platform}:${userId}`;

const savedRecord = z.object({ quizzes: z.number().int().min(0), answered: z.number().int().min(0), right: z.number().int().min(0) });

/** A person's record; the empty record when none is kept (or it is unreadable). */
export async function loadPlayerRecord(store: Pick<Store, 'getValue'>, platform: Platform, userId: string): Promise<PlayerRecord> {
  return parseStored(await store.getValue(playerRecordKey(platform, userId)), savedRecord) ?? EMPTY_PLAYER_RECORD;
}

/**
 * Adds one finished quiz to a person's record, kept for `ttlMs` from the last quiz. Read-modify-write:
 * two quizzes ending at the same instant for the same person could lose one of them, which a record
 * shown only to its person can bear.
 */
export async function addToPlayerRecord(
  store: Pick<Store, 'getValue' | 'setValue'>,
  platform: Platform,
  userId: string,
  played: { answered: number; right: number },
  ttlMs: number,
): Promise<void> {
  const record = await loadPlayerRecord(store, platform, userId);
  const next: PlayerRecord = { quizzes: record.quizzes + 1, answered: record.answered + played.answered, right: record.right + played.right };
  await store.setValue(playerRecordKey(platform, userId), JSON.stringify(next), ttlMs);
}
