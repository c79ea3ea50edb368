import { z } from 'zod';
import type { Platform } from '../model/incoming.js';
import type { Store } from './store.js';
import { parseStored } from './stored-json.js';

/** Where a channel's saved stack lives (one per conversation, kept until replaced). */
export const teamStackKey = (platform: Platform, channelId: string): string => `stack:${platform}:${channelId}`;

const savedStack = z.array(z.string().min(1).max(100)).max(100);

/** The service ids a channel saved with "stack save …"; undefined when none (or unreadable). */
export async function loadTeamStack(store: Store, platform: Platform, channelId: string): Promise<string[] | undefined> {
  const saved = parseStored(await store.getValue(teamStackKey(platform, channelId)), savedStack);
  return saved && saved.length > 0 ? saved : undefined;
}

/** Saves a channel's stack (service ids), replacing any earlier one. */
export async function saveTeamStack(store: Store, platform: Platform, channelId: string, serviceIds: string[]): Promise<void> {
  await store.setValue(teamStackKey(platform, channelId), JSON.stringify(serviceIds));
}
