import type { TimerApi } from '../../src/quiz/quiz-timers.js';

/** A clock and timers that only move when the test says so. */
export interface FakeTime {
  now: () => number;
  timers: TimerApi;
  /** Moves time forward, running every timer that falls due (in order), awaiting their work. */
  advance(ms: number): Promise<void>;
  pendingTimers(): number;
}

/** Creates fake time starting at `start` (a Wednesday by default). */
export function createFakeTime(start = Date.UTC(2025, 5, 11, 12, 0, 0)): FakeTime {
  let time = start;
  let nextId = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 15));
  return {
    now: () => time,
    timers: {
      set: (run, delayMs) => {
        const id = ++nextId;
        pending.set(id, { at: time + delayMs, run });
        return id;
      },
      clear: (handle) => {
        pending.delete(handle as number);
      },
    },
    async advance(ms) {
      const target = time + ms;
      for (;;) {
        const due = [...pending].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        time = Math.max(time, due[1].at);
        due[1].run();
        await settle();
      }
      time = target;
      await settle();
    },
    pendingTimers: () => pending.size,
  };
}
