import { Cron } from 'croner';
import { MAX_QUIZ_LENGTH } from './question-bank.js';
import type { QuizSchedule } from '../store/quiz-schedules.js';

export type { QuizSchedule };

/** What "quiz schedule …" asked for. */
export type ScheduleCommand =
  | { kind: 'show' }
  | { kind: 'off' }
  | { kind: 'set'; schedule: Omit<QuizSchedule, 'by'> }
  | { kind: 'invalid'; problem: string };

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_SETS: Record<string, number[]> = {
  daily: [0, 1, 2, 3, 4, 5, 6],
  everyday: [0, 1, 2, 3, 4, 5, 6],
  weekdays: [1, 2, 3, 4, 5],
  weekends: [0, 6],
};
const DEFAULT_SCHEDULED_LENGTH = 5;

/** "mon", "monday", "Mondays" → 1; undefined for anything else. */
function dayNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/s$/, '');
  const i = DAY_NAMES.findIndex((d) => w === d || (w.length >= 3 && `${d}${dayRest(d)}`.startsWith(w)));
  return i >= 0 ? i : undefined;
}

function dayRest(short: string): string {
  return { sun: 'day', mon: 'day', tue: 'sday', wed: 'nesday', thu: 'rsday', fri: 'day', sat: 'urday' }[short] ?? '';
}

/** The canonical name of an IANA time zone, or undefined when the runtime does not know it. */
export function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Parses the text after "quiz schedule": "" (show), "off", or
 * "<days> <HH:MM> <time zone> [n] [exam]" where days are "weekdays", "daily", "weekends" or day names
 * ("mon,wed,fri", "tuesday"). The time zone is required: a team's 10:00 is not the server's.
 */
export function parseSchedule(text: string): ScheduleCommand {
  const words = text.trim().replace(/every day/i, 'everyday').split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) return { kind: 'show' };
  if (words.length === 1 && ['off', 'stop', 'none', 'cancel', 'clear'].includes(words[0]!.toLowerCase())) return { kind: 'off' };
  const days = new Set<number>();
  let time: string | undefined;
  let timeZone: string | undefined;
  let count = DEFAULT_SCHEDULED_LENGTH;
  let exam = false;
  for (const word of words) {
    const lower = word.toLowerCase();
    const set = DAY_SETS[lower];
    const day = dayNumber(lower);
    const clock = /^(\d{1,2})[:.h](\d{2})$/.exec(lower);
    if (set) set.forEach((d) => days.add(d));
    else if (day !== undefined) days.add(day);
    else if (clock && Number(clock[1]) < 24 && Number(clock[2]) < 60) time = `${clock[1]!.padStart(2, '0')}:${clock[2]}`;
    else if (/^\d{1,2}$/.test(lower)) count = Number(lower);
    else if (lower === 'exam') exam = true;
    else if (!timeZone && canonicalTimeZone(word)) timeZone = canonicalTimeZone(word);
    else return { kind: 'invalid', problem: `I don\u2019t understand \u201c${word.slice(0, 40)}\u201d` };
  }
  if (days.size === 0) return { kind: 'invalid', problem: 'say on which days (weekdays, daily, or day names like mon,wed,fri)' };
  if (!time) return { kind: 'invalid', problem: 'say at what time (HH:MM, 24-hour)' };
  if (!timeZone) return { kind: 'invalid', problem: 'say in which time zone (an IANA name like Europe/Berlin or America/New_York)' };
  if (count < 1 || count > MAX_QUIZ_LENGTH) return { kind: 'invalid', problem: `the number of questions must be 1 to ${MAX_QUIZ_LENGTH}` };
  return { kind: 'set', schedule: { days: [...days].sort((a, b) => a - b), time, timeZone, count, exam } };
}

/** The next time the schedule fires strictly after `after` (epoch ms). */
export function nextRunAfter(schedule: Omit<QuizSchedule, 'by'>, after: number): number | undefined {
  const [hh, mm] = schedule.time.split(':').map(Number);
  const cron = new Cron(`${mm} ${hh} * * ${schedule.days.join(',')}`, { timezone: schedule.timeZone, paused: true });
  return cron.nextRun(new Date(after))?.getTime();
}

const LONG_DAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "weekdays at 10:00 (Europe/Berlin), 5 questions". */
export function describeSchedule(schedule: Omit<QuizSchedule, 'by'>): string {
  const key = schedule.days.join(',');
  const days =
    key === '1,2,3,4,5' ? 'weekdays' : key === '0,1,2,3,4,5,6' ? 'every day' : key === '0,6' ? 'weekends' : schedule.days.map((d) => `${LONG_DAY[d]}s`).join(', ');
  return `${days} at ${schedule.time} (${schedule.timeZone}), ${schedule.count} ${schedule.exam ? 'exam-style ' : ''}question${schedule.count === 1 ? '' : 's'}`;
}
