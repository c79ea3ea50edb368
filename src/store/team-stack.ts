import { z } from 'zod';
import type { Platform } from '../model/incoming.js';
import type { Store } from './store.js';

/** Where a channel's saved stack lives (one per conversation, kept until replaced). */
export const teamStackKey = (platform: Platform, channelId: string): string => `stack:${platform}:${channelId}`;

const savedStack = z.array(z.string().min(1).max(100)).max(100);

/** The service ids a channel saved with "stack save …"; undefined when none (or unreadable). */
export async function loadTeamStack(store: Store, platform: Platform, channelId: string): Promise<string[] | undefined> {
  const value = await store.getValue(teamStackKey(platform, channelId));
  if (!value) return undefined;
  try {
    const parsed = savedStack.safeParse(JSON.parse(value));
    return parsed.success && parsed.data.length > 0 ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Saves a channel's stack (service ids), replacing any earlier one. */
export async function saveTeamStack(store: Store, platform: Platform, channelId: string, serviceIds: string[]): Promise<void> {
  await store.setValue(teamStackKey(platform, channelId), JSON.stringify(serviceIds));
}
