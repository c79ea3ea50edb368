import type { Effect } from '../model/effects.js';
import type { IncomingAction, Platform } from '../model/incoming.js';
import type { Knowledge } from '../knowledge/types.js';
import type { Store } from '../store/store.js';
import { loadTeamStack } from '../store/team-stack.js';
import { personToken } from '../model/person-token.js';
import { createQuestionBank } from './question-bank.js';
import { parseQuizArgs } from './quiz-args.js';
import { createQuizEngine, type EngineResult, type QuizContext, type RevealTimer } from './quiz-engine.js';
import { QUIZ_MESSAGES } from './quiz-messages.js';
import { noticeReply, type FormatUser } from './quiz-replies.js';
import { createQuizTimers, realTimers, type TimerApi } from './quiz-timers.js';
import { createTopicFinder } from './quiz-topics.js';
import { DEFAULT_RETENTION_DAYS } from '../store/retention.js';
import { describeSchedule, nextRunAfter, parseSchedule } from './quiz-schedule.js';
import { allQuizSchedules, deleteQuizSchedule, loadQuizSchedule, saveQuizSchedule } from '../store/quiz-schedules.js';

export interface QuizServiceOptions {
  knowledge: Knowledge;
  store: Store;
  now?: () => number;
  random?: () => number;
  /** Seconds a question stays open, in ms (default 30 s). */
  revealAfterMs?: number;
  /** Where effects produced by timers go (the core routes them to the platform's sink). */
  onTimerEffects: (platform: Platform, effects: Effect[]) => Promise<void>;
  /** Called when a timer-driven reveal fails; it is retried after `retryAfterMs`. */
  onError?: (error: unknown) => void;
  retryAfterMs?: number;
  /** How replies name people (default "@U0001"). */
  formatUser?: FormatUser;
  /** How long a person's quiz record is kept after their last quiz (default: the default retention). */
  recordTtlMs?: number;
  timers?: TimerApi;
  /**
   * How often every replica looks in the store for reveals that are due (default: a sixth of a
   * question's time, at most 5 s). A quiz whose replica died is finished by the others this way.
   */
  sweepEveryMs?: number;
  /** How often every replica looks for scheduled quizzes that are due (default 30 s). */
  scheduleEveryMs?: number;
}

/** What the core calls for quizzes. Every method may reject with StoreUnavailableError. */
export interface QuizService {
  /** "quiz …": starts a quiz, or stops one / shows the leaderboard for "quiz stop" / "quiz leaderboard". */
  start(ctx: QuizContext, argsText: string, rawArgs?: string): Promise<Effect[]>;
  /** An answer or reveal button (ACTION_IDS.quizAnswer / quizReveal). */
  handleAction(action: IncomingAction): Promise<Effect[]>;
  /** "quiz stop": ends the running quiz (starter only). */
  stop(ctx: QuizContext): Promise<Effect[]>;
  /** "leaderboard": this week, this month and all time (or this season), for the channel. */
  leaderboard(ctx: QuizContext): Promise<Effect[]>;
  /** "leaderboard reset": a new season in the channel; the core lets only admins call it. */
  resetSeason(ctx: QuizContext): Promise<Effect[]>;
  /**
   * After start-up: restarts timers of running quizzes, reveals those that expired while down, and
   * starts looking for due reveals of every running quiz (any replica's) from then on.
   */
  resume(): Promise<void>;
  /** Cancels timers (the store is closed by its owner). */
  close(): Promise<void>;
  /** Starts the scheduled quizzes that are due now; how many it started (every replica calls it every 30 s). */
  runSchedules(): Promise<number>;
}

/** How late a scheduled quiz may still start (a replica down at the time starts it when back). */
const SCHEDULE_CATCH_UP_MS = 15 * 60 * 1000;

const DEFAULTS = Object.freeze({ revealAfterMs: 30_000, retryAfterMs: 5_000, recordTtlMs: DEFAULT_RETENTION_DAYS * 24 * 60 * 60 * 1000, scheduleEveryMs: 30_000 });

/** Creates the quiz service over the knowledge and the store. */
export function createQuizService(options: QuizServiceOptions): QuizService {
  const now = options.now ?? Date.now;
  const onError = options.onError ?? ((error: unknown) => console.error('quiz timer failed', error));
  const findTopic = createTopicFinder(options.knowledge);
  const formatUser = options.formatUser ?? personToken;
  const engine = createQuizEngine({
    store: options.store,
    bank: createQuestionBank(options.knowledge),
    now,
    random: options.random ?? Math.random,
    revealAfterMs: options.revealAfterMs ?? DEFAULTS.revealAfterMs,
    formatUser,
    recordTtlMs: options.recordTtlMs ?? DEFAULTS.recordTtlMs,
  });
  const inFlight = new Set<Promise<void>>();

  const apply = (result: EngineResult): Effect[] => {
    if (result.cancelTimer) timers.cancel(result.cancelTimer);
    if (result.timer) timers.schedule(result.timer);
    return result.effects;
  };

  const revealDue = async (timer: RevealTimer): Promise<void> => {
    let effects: Effect[];
    try {
      effects = apply(await engine.revealByTimer(timer.quizId, timer.index));
    } catch (error) {
      onError(error);
      timers.schedule({ ...timer, at: now() + (options.retryAfterMs ?? DEFAULTS.retryAfterMs) });
      return;
    }
    if (effects.length > 0) await options.onTimerEffects(timer.platform, effects).catch(onError);
  };

  /**
   * Reveals every running quiz whose question is overdue, whichever replica started it. Two replicas
   * may try the same reveal: the store's compare-and-set lets exactly one win; the other gets nothing.
   */
  const sweep = async (): Promise<void> => {
    const running = await options.store.runningQuizzes();
    for (const quiz of running) {
      if (quiz.revealAt <= now()) await revealDue({ quizId: quiz.id, index: quiz.current, at: quiz.revealAt, platform: quiz.platform });
      else {
        // Clicks since the last paced edit: show the latest count.
        const effects = apply(await engine.refreshCount(quiz.id));
        if (effects.length > 0) await options.onTimerEffects(quiz.platform, effects).catch(onError);
      }
    }
  };
  const timerApi = options.timers ?? realTimers;
  const sweepEveryMs = options.sweepEveryMs ?? Math.min(5_000, Math.max(500, Math.floor((options.revealAfterMs ?? DEFAULTS.revealAfterMs) / 6)));
  let closed = false;
  const scheduleEveryMs = options.scheduleEveryMs ?? DEFAULTS.scheduleEveryMs;
  /** Timer handles of the repeating jobs, by name, while they run. */
  const repeating = new Map<string, unknown>();
  /** Runs `work` every `everyMs` (after the last run ends) until the service closes. */
  const repeat = (name: string, work: () => Promise<unknown>, everyMs: number) => {
    repeating.set(
      name,
      timerApi.set(() => {
        const run = work()
          .then(() => undefined)
          .catch(onError)
          .finally(() => {
            inFlight.delete(run);
            if (!closed) repeat(name, work, everyMs);
          });
        inFlight.add(run);
      }, everyMs),
    );
  };

  const timers = createQuizTimers({
    now,
    timers: timerApi,
    onDue: (timer) => {
      const run = revealDue(timer).finally(() => inFlight.delete(run));
      inFlight.add(run);
    },
  });

  const publicNotice = (text: string): Effect[] => [{ type: 'reply', visibility: 'public', reply: noticeReply(text) }];
  /** "Wed 11 Jun, 14:30 (Europe/Berlin)": when the next scheduled quiz starts, in the schedule's zone. */
  const when = (at: number | undefined, timeZone: string): string => {
    if (at === undefined) return 'never';
    const local = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
    return `${local} (${timeZone})`;
  };

  /** "quiz schedule …": shows, sets or turns off this channel's schedule, for everyone to see. */
  async function scheduleCommand(ctx: QuizContext, text: string): Promise<Effect[]> {
    const command = parseSchedule(text);
    switch (command.kind) {
      case 'invalid':
        return [{ type: 'reply', visibility: 'private', reply: noticeReply(QUIZ_MESSAGES.scheduleInvalid(command.problem)) }];
      case 'off':
        await deleteQuizSchedule(options.store, ctx.platform, ctx.channelId);
        return publicNotice(QUIZ_MESSAGES.scheduleOff);
      case 'show': {
        const saved = await loadQuizSchedule(options.store, ctx.platform, ctx.channelId);
        if (!saved) return publicNotice(QUIZ_MESSAGES.scheduleNone);
        return publicNotice(QUIZ_MESSAGES.scheduleShow(describeSchedule(saved), when(nextRunAfter(saved, now()), saved.timeZone), formatUser(saved.by)));
      }
      case 'set': {
        const schedule = { ...command.schedule, by: ctx.userId };
        await saveQuizSchedule(options.store, ctx.platform, ctx.channelId, schedule);
        return publicNotice(QUIZ_MESSAGES.scheduleSet(describeSchedule(schedule), when(nextRunAfter(schedule, now()), schedule.timeZone)));
      }
    }
  }

  /**
   * Starts every scheduled quiz that is due (within the last SCHEDULE_CATCH_UP_MS: a run missed for
   * longer while every replica was down is skipped). A claim on (channel, due time) lets exactly one
   * replica start it; a channel with a quiz running already gets none that time.
   */
  async function runSchedules(): Promise<number> {
    let started = 0;
    const at = now();
    for (const { platform, channelId, schedule } of await allQuizSchedules(options.store)) {
      const due = nextRunAfter(schedule, at - SCHEDULE_CATCH_UP_MS);
      if (due === undefined || due > at) continue;
      if (!(await options.store.claimOnce(`schedule-run:${platform}:${channelId}:${due}`, 2 * SCHEDULE_CATCH_UP_MS))) continue;
      const result = await engine.start({ platform, channelId, userId: schedule.by }, { count: schedule.count, exam: schedule.exam }, '');
      // Only the quiz's own posts: a refusal ("a quiz is running") has nobody to tell.
      const effects = apply(result).filter((e) => e.type !== 'reply');
      if (effects.length === 0) continue;
      started += 1;
      await options.onTimerEffects(platform, effects).catch(onError);
    }
    return started;
  }

  return {
    runSchedules,
    async start(ctx, argsText, rawArgs) {
      const command = parseQuizArgs(argsText, findTopic);
      switch (command.kind) {
        case 'stop':
          return apply(await engine.stop(ctx));
        case 'leaderboard':
          return apply(await engine.leaderboard(ctx));
        case 'unknown-topic':
          return [{ type: 'reply', visibility: 'private', reply: noticeReply(QUIZ_MESSAGES.noQuestions(command.topicText)) }];
        case 'start':
          return apply(await engine.start(ctx, command.selection, command.topicText));
        case 'schedule':
          // Times and time zones are read as typed ("10:00 Europe/Berlin"), not as normalised words.
          return scheduleCommand(ctx, rawArgs === undefined ? command.text : rawArgs.replace(/^\s*schedule\b/i, ''));
        case 'stack': {
          const saved = await loadTeamStack(options.store, ctx.platform, ctx.channelId).catch(() => undefined);
          const ids = (saved ?? []).filter((id) => options.knowledge.services.has(id));
          if (ids.length === 0) return [{ type: 'reply', visibility: 'private', reply: noticeReply(QUIZ_MESSAGES.noStack) }];
          const topic = { kind: 'service' as const, ids, name: QUIZ_MESSAGES.stackName };
          return apply(await engine.start(ctx, { ...command.selection, topic }, 'stack'));
        }
      }
    },
    handleAction: async (action) => apply(await engine.handleAction(action)),
    stop: async (ctx) => apply(await engine.stop(ctx)),
    leaderboard: async (ctx) => apply(await engine.leaderboard(ctx)),
    resetSeason: async (ctx) => apply(await engine.resetSeason(ctx)),
    async resume() {
      const running = await options.store.runningQuizzes();
      const overdue: RevealTimer[] = [];
      for (const quiz of running) {
        const timer = { quizId: quiz.id, index: quiz.current, at: quiz.revealAt, platform: quiz.platform };
        if (timer.at <= now()) overdue.push(timer);
        else timers.schedule(timer);
      }
      // Questions whose time ran out while the process was down are revealed now, before returning.
      for (const timer of overdue) await revealDue(timer);
      // Every replica looks for due reveals (any replica's quizzes) and for due scheduled quizzes.
      if (!repeating.has('sweep') && !closed) repeat('sweep', sweep, sweepEveryMs);
      if (!repeating.has('schedules') && !closed) repeat('schedules', runSchedules, scheduleEveryMs);
    },
    async close() {
      closed = true;
      for (const handle of repeating.values()) timerApi.clear(handle);
      timers.close();
      await Promise.all([...inFlight]);
    },
  };
}
