import type { Platform } from '../model/incoming.js';
import { z } from 'zod';
import type { Store } from './store.js';
import { parseStored } from './stored-json.js';

/** A channel's quiz schedule: on which weekdays, at what local time in which time zone, how many questions. */
export interface QuizSchedule {
  /** Days of the week, 0 = Sunday … 6 = Saturday, ascending. */
  days: number[];
  /** Local time, "HH:MM" (24 h). */
  time: string;
  /** IANA time zone ("Europe/Berlin"), canonical spelling. */
  timeZone: string;
  count: number;
  exam: boolean;
  /** Who set it: the quiz's starter (may stop it; is told about challenges). */
  by: string;
}

export const quizScheduleSchema = z.object({
  days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  timeZone: z.string().min(1).max(100),
  count: z.number().int().min(1).max(100),
  exam: z.boolean(),
  by: z.string().min(1).max(200),
});

const PREFIX = 'schedule:';
/** Where a channel's quiz schedule lives (one per conversation, kept until turned off). */
export const quizScheduleKey = (platform: Platform, channelId: string): string => `${PREFIX}${platform}:${channelId}`;

/** A stored schedule with the conversation it belongs to. */
export interface ChannelSchedule {
  platform: Platform;
  channelId: string;
  schedule: QuizSchedule;
}

const parse = (raw: string | undefined): QuizSchedule | undefined => parseStored(raw, quizScheduleSchema);

export async function loadQuizSchedule(store: Store, platform: Platform, channelId: string): Promise<QuizSchedule | undefined> {
  return parse(await store.getValue(quizScheduleKey(platform, channelId)));
}

export async function saveQuizSchedule(store: Store, platform: Platform, channelId: string, schedule: QuizSchedule): Promise<void> {
  await store.setValue(quizScheduleKey(platform, channelId), JSON.stringify(schedule));
}

export async function deleteQuizSchedule(store: Store, platform: Platform, channelId: string): Promise<void> {
  await store.deleteValue(quizScheduleKey(platform, channelId));
}

/** Every channel's schedule (unreadable entries are skipped). */
export async function allQuizSchedules(store: Store): Promise<ChannelSchedule[]> {
  return (await store.valuesWithPrefix(PREFIX)).flatMap(({ key, value }) => {
    const rest = key.slice(PREFIX.length);
    const at = rest.indexOf(':');
    const platform = rest.slice(0, at) as Platform;
    const schedule = parse(value);
    return at > 0 && schedule && ['slack', 'teams', 'console'].includes(platform) ? [{ platform, channelId: rest.slice(at + 1), schedule }] : [];
  });
}
