import { afterEach, describe, expect, it } from 'vitest';
import { createQuestionBank } from '../../src/quiz/question-bank.js';
import { QUIZ_MESSAGES as M } from '../../src/quiz/quiz-messages.js';
import { nextRunAfter, parseSchedule } from '../../src/quiz/quiz-schedule.js';
import { createCore } from '../../src/core/create-core.js';
import { createUnderstand } from '../../src/understanding/understand.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';
import { createFakeTime } from './fake-time.js';
import { createHarness, ctx, removeDataDir, type QuizHarness } from './quiz-harness.js';

// The fake clock starts on Wednesday 2025-06-11 12:00 UTC: 14:00 in Berlin (summer time, UTC+2).
const START = Date.UTC(2025, 5, 11, 12, 0, 0);
const MINUTE = 60_000;

describe('"quiz schedule …" is read as people type it', () => {
  it.each([
    ['weekdays 10:00 Europe/Berlin 5', { days: [1, 2, 3, 4, 5], time: '10:00', timeZone: 'Europe/Berlin', count: 5, exam: false }],
    ['mon,wed,fri 9.30 america/new_york 3 exam', { days: [1, 3, 5], time: '09:30', timeZone: 'America/New_York', count: 3, exam: true }],
    ['daily 17:05 UTC', { days: [0, 1, 2, 3, 4, 5, 6], time: '17:05', timeZone: 'UTC', count: 5, exam: false }],
    ['Tuesdays 08:00 Asia/Tokyo 10', { days: [2], time: '08:00', timeZone: 'Asia/Tokyo', count: 10, exam: false }],
  ])('%s', (text, schedule) => {
    expect(parseSchedule(text)).toEqual({ kind: 'set', schedule });
  });

  it.each([
    ['weekdays 10:00', /time zone/],
    ['weekdays 10:00 Mars/Olympus', /Mars\/Olympus/],
    ['10:00 Europe/Berlin', /which days/],
    ['weekdays Europe/Berlin', /what time/],
    ['weekdays 25:00 Europe/Berlin', /25:00/],
    ['weekdays 10:00 Europe/Berlin 50', /1 to 20/],
  ])('refuses %s, saying what is missing', (text, problem) => {
    const read = parseSchedule(text);
    expect(read.kind).toBe('invalid');
    if (read.kind === 'invalid') expect(read.problem).toMatch(problem);
  });

  it('gets the arguments as typed from the message, whatever the command\u2019s words and mention markup', () => {
    const understand = createUnderstand(loadTestKnowledge());
    expect(understand('<at>srm</at> start a quiz schedule mon 09:30 Asia/Tokyo 3').rawArgs).toBe('schedule mon 09:30 Asia/Tokyo 3');
    expect(understand('/srm quiz  schedule weekdays 10:00 Europe/Berlin').rawArgs).toBe('schedule weekdays 10:00 Europe/Berlin');
  });

  it('finds the next run in the team\u2019s time zone, across summer time and weekends', () => {
    const berlin = { days: [1, 2, 3, 4, 5], time: '10:00', timeZone: 'Europe/Berlin', count: 5, exam: false };
    expect(nextRunAfter(berlin, Date.UTC(2026, 11, 1, 8, 59))).toBe(Date.UTC(2026, 11, 1, 9, 0)); // winter: UTC+1
    expect(nextRunAfter(berlin, Date.UTC(2025, 5, 11, 7, 59))).toBe(Date.UTC(2025, 5, 11, 8, 0)); // summer: UTC+2
    expect(nextRunAfter(berlin, Date.UTC(2026, 11, 4, 9, 0))).toBe(Date.UTC(2026, 11, 7, 9, 0)); // Friday's done → Monday
  });
});

describe('scheduled quizzes', () => {
  const harnesses: QuizHarness[] = [];
  afterEach(async () => {
    for (const h of harnesses.splice(0)) {
      await h.shutdown().catch(() => undefined);
      removeDataDir(h);
    }
  });
  const open = (options: Parameters<typeof createHarness>[0] = {}) => {
    const h = createHarness(options);
    harnesses.push(h);
    return h;
  };
  const headers = (h: QuizHarness) => h.chat.messages.filter((m) => m.key.endsWith(':header'));

  it('is set, shown and turned off for the whole channel to see', async () => {
    const h = open({ time: createFakeTime(START) });
    const [set] = await h.service.start(ctx('UANA'), 'schedule weekdays 14:30 Europe/Berlin 2');
    expect(set).toMatchObject({ type: 'reply', visibility: 'public' });
    expect(set && 'reply' in set ? set.reply.text : '').toContain('weekdays at 14:30 (Europe/Berlin), 2 questions');
    expect(set && 'reply' in set ? set.reply.text : '').toContain('Wed 11 Jun, 14:30 (Europe/Berlin)');

    const [shown] = await h.service.start(ctx('UBEN'), 'schedule');
    expect(shown && 'reply' in shown ? shown.reply.text : '').toMatch(/weekdays at 14:30 .*set by/);

    const [bad] = await h.service.start(ctx('UBEN'), 'schedule weekdays 14:30');
    expect(bad).toMatchObject({ type: 'reply', visibility: 'private' });

    const [off] = await h.service.start(ctx('UBEN'), 'schedule off');
    expect(off && 'reply' in off ? off.reply.text : '').toBe(M.scheduleOff);
    const [none] = await h.service.start(ctx('UBEN'), 'schedule');
    expect(none && 'reply' in none ? none.reply.text : '').toBe(M.scheduleNone);
  });

  it('posts the quiz at its time, once across replicas, survives a restart, and skips weekends', async () => {
    const time = createFakeTime(START);
    const first = open({ time, sweepEveryMs: MINUTE, scheduleEveryMs: MINUTE });
    await first.service.start(ctx('UANA'), 'schedule weekdays 14:30 Europe/Berlin 2');
    await first.service.resume();

    await time.advance(29 * MINUTE);
    expect(headers(first)).toHaveLength(0);
    await time.advance(2 * MINUTE);
    expect(headers(first)).toHaveLength(1);
    const quiz = await first.store.loadQuiz(headers(first)[0]!.key.split(':')[1]!);
    expect(quiz).toMatchObject({ channelId: 'C0001', starterId: 'UANA' });
    expect(quiz?.questions).toHaveLength(2);

    // A second replica (its own connection to the same data) at the same moment: nothing more.
    const second = open({ time, dataDir: first.dataDir, chat: first.chat });
    expect(await second.service.runSchedules()).toBe(0);
    expect(await first.service.runSchedules()).toBe(0);
    await time.advance(5 * MINUTE); // the quiz plays out
    await first.shutdown();
    await second.shutdown();

    // After a restart the schedule is still there: Thursday's and Friday's quizzes, none at the
    // weekend, Monday's.
    const restarted = open({ time, dataDir: first.dataDir, chat: first.chat });
    const day = 24 * 60 * MINUTE;
    const startedPerDay: number[] = [];
    for (let i = 0; i < 5; i++) {
      await time.advance(day - 5 * MINUTE);
      startedPerDay.push(await restarted.service.runSchedules());
      await time.advance(5 * MINUTE);
    }
    expect(startedPerDay).toEqual([1, 1, 0, 0, 1]);
    expect(headers(restarted)).toHaveLength(4);
    // The same question is not asked twice in the channel while the pool lasts.
    const asked = (await Promise.all(headers(restarted).map((m) => restarted.store.loadQuiz(m.key.split(':')[1]!)))).flatMap((q) => q?.questions.map((x) => x.id) ?? []);
    expect(asked).toHaveLength(8);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('is set through the core with the time zone as typed', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createSqliteStore } = await import('../../src/store/sqlite-store.js');
    const store = createSqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'srm-schedule-core-')) });
    const core = createCore({ knowledge: loadTestKnowledge(), store });
    try {
      const [reply] = await core.handleMessage({ platform: 'slack', text: '<@U0BOT> quiz schedule weekdays 10:00 Europe/Berlin 5', userId: 'U0001', channelId: 'C0001', isDirect: false });
      expect(reply && 'reply' in reply ? reply.reply.text : '').toContain('weekdays at 10:00 (Europe/Berlin), 5 questions');
      expect(await store.getValue('schedule:slack:C0001')).toContain('"timeZone":"Europe/Berlin"');
    } finally {
      await core.close();
    }
  });
});

describe('no repeats in a channel until its pool is used up', () => {
  it('never repeats a question before the pool is exhausted, then starts over', () => {
    const bank = createQuestionBank(loadTestKnowledge());
    const asked = new Set<string>();
    let random = 1;
    const next = () => ((random = (random * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 1000; round++) {
      const plan = bank.select({ count: 20, avoid: asked }, next);
      if (plan.poolReset) {
        expect(asked.size).toBeGreaterThan(100);
        return;
      }
      for (const q of plan.questions) {
        expect(asked.has(q.id)).toBe(false);
        asked.add(q.id);
      }
    }
    throw new Error('the pool never ran out');
  });
});
