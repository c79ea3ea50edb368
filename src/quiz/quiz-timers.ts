import type { RevealTimer } from './quiz-engine.js';

/** A setTimeout/clearTimeout pair; tests pass a fake one they advance by hand. */
export interface TimerApi {
  set(run: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

/** Node's timers, unref'd so a pending reveal never keeps a finished process alive. */
export const realTimers: TimerApi = {
  set: (run, delayMs) => setTimeout(run, delayMs).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** One pending reveal per quiz. */
export interface QuizTimers {
  /** Schedules a reveal, replacing the quiz's earlier one; an `at` in the past runs at once. */
  schedule(timer: RevealTimer): void;
  /** Cancels the quiz's pending reveal, if any. */
  cancel(quizId: string): void;
  /** How many reveals are pending. */
  pending(): number;
  /** Cancels everything. */
  close(): void;
}

/** Creates the scheduler; `onDue` runs when a reveal's time comes. */
export function createQuizTimers(options: {
  now: () => number;
  timers: TimerApi;
  onDue: (timer: RevealTimer) => void;
}): QuizTimers {
  const handles = new Map<string, unknown>();
  const cancel = (quizId: string) => {
    if (!handles.has(quizId)) return;
    options.timers.clear(handles.get(quizId));
    handles.delete(quizId);
  };
  return {
    schedule(timer) {
      cancel(timer.quizId);
      const delay = Math.max(0, timer.at - options.now());
      const handle = options.timers.set(() => {
        if (handles.get(timer.quizId) === handle) handles.delete(timer.quizId);
        options.onDue(timer);
      }, delay);
      handles.set(timer.quizId, handle);
    },
    cancel,
    pending: () => handles.size,
    close() {
      for (const quizId of [...handles.keys()]) cancel(quizId);
    },
  };
}
