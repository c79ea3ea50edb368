import { parseActionValue, withFeedbackRef } from '../answers/action-values.js';
import { createCorrectionLoop, type CorrectionLoop } from '../feedback/correction-loop.js';
import { personToken } from '../model/person-token.js';
import type { AnswerOutcome } from '../answers/answer-outcome.js';
import { answerQuestion, type ConversationContext, nextContext } from '../answers/answer-question.js';
import { composeServiceCard } from '../answers/compose-service-card.js';
import { composeGeneralAnswer, composeOwnerAnswer } from '../answers/compose-owner-answer.js';
import { composeHelp, composeNotice } from '../answers/compose-help.js';
import { composeStack, withNote } from '../answers/compose-stack.js';
import { stackCsv } from '../answers/stack-csv.js';
import { composeHome, composeOnboardingStep, composeTourCheckResult, composeWelcome, tourCheck } from '../answers/compose-onboarding.js';
import { MESSAGES } from '../answers/messages.js';
import type { Knowledge } from '../knowledge/types.js';
import { QUIZ_MESSAGES } from '../quiz/quiz-messages.js';
import { createQuizService, type QuizService } from '../quiz/quiz-service.js';
import { DEFAULT_RETENTION_DAYS, type Retention, startRetention } from '../store/retention.js';
import type { QuestionRecord, Store } from '../store/store.js';
import { loadTeamStack, saveTeamStack } from '../store/team-stack.js';
import { loadPlayerRecord } from '../store/player-record.js';
import { loadQuizSchedule } from '../store/quiz-schedules.js';
import { parseStored } from '../store/stored-json.js';
import { z } from 'zod';
import { buildReport, renderReport } from '../report/build-report.js';
import { startWeeklyDigest, type ReportChannel, type WeeklyDigest } from '../report/weekly-digest.js';
import { EMPTY_STACK, type StackRequest } from '../understanding/read-stack.js';
import { createUnderstand, type Understand } from '../understanding/understand.js';
import type { Effect } from '../model/effects.js';
import { handleError, notice } from './handle-error.js';
import type { IncomingAction, IncomingMessage, Platform } from '../model/incoming.js';
import { silentLogger, type Logger } from '../model/logger.js';
import { silentObserver, type Observer } from '../model/observer.js';
import { withDeadline } from '../model/deadline.js';
import { ACTION_IDS, type Reply } from '../model/reply-model.js';
import type { EffectSink, SrmCore } from './srm-core.js';

/** Everything the core needs, passed in by the entry point (the core reads no environment). */
export interface CoreOptions {
  knowledge: Knowledge;
  store: Store;
  logger?: Logger;
  now?: () => number;
  random?: () => number;
  /** How long a quiz question stays open before it is revealed. */
  quizRevealMs?: number;
  /** Where the core reports questions and quiz events (metrics); silent by default. */
  observer?: Observer;
  /** How long finished quizzes, answers, feedback and points are kept (RETENTION_DAYS). */
  retentionDays?: number;
  /** A prebuilt matcher (tests and the CLI share one); built from the knowledge otherwise. */
  understand?: Understand;
  /** Platform user ids allowed to run admin commands (SRM_ADMINS). */
  admins?: string[];
  /** Where the weekly digest of misses, 👎 and challenges is posted (REPORT_CHANNEL); none by default. */
  reportChannel?: ReportChannel;
}

/** How long a thread remembers what it was about, for follow-ups. */
const CONTEXT_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** How long an answer waits for the thread's context before answering without it. */
const CONTEXT_READ_MS = 150;

/** The saved context: JSON since duties came in; a bare service id before that. */
function parseContext(raw: string | undefined): ConversationContext | undefined {
  if (!raw) return undefined;
  if (!raw.startsWith('{')) return { serviceId: raw };
  try {
    const value = JSON.parse(raw) as ConversationContext;
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A person's first answer to each tour check, by step. */
const TOUR_CHECKS = z.record(z.string(), z.boolean());

/** Questions in the starter quiz a welcome button starts. */
const STARTER_QUIZ_LENGTH = 3;

/** Days the in-chat admin report covers (the CLI takes --days). */
const ADMIN_REPORT_DAYS = 30;

/** Longest question text kept in the log (a 40,000-character paste is kept as its start). */
const MAX_LOGGED_CHARS = 300;

/** How long the bot remembers a channel thread it answered in (for replies without a mention). */
const THREAD_MEMORY_MS = 7 * 24 * 60 * 60 * 1000;
/** What an unmentioned thread reply may be answered as: questions, never commands or small talk. */
const ANSWERABLE_UNADDRESSED: ReadonlySet<string> = new Set(['who-owns', 'compare', 'concept', 'multiple-choice']);

/** A channel thread the bot may be part of; undefined outside threads and in DMs. */
function threadKey(message: IncomingMessage): string | undefined {
  return message.threadId && !message.isDirect ? `thread:${message.platform}:${message.channelId}:${message.threadId}` : undefined;
}

/** A question mark, or a question word first ("who…", "is it…", "and for Lambda"). */
function readsAsQuestion(text: string): boolean {
  return /\?/.test(text) || /^\s*(who|whose|which|what|is|are|does|do|should|must|can|and|what's|whos|who's)\b/i.test(text);
}

/** Where a conversation's last service is remembered: per thread in channels, per DM. */
function threadContextKey(message: IncomingMessage): string | undefined {
  if (message.threadId) return `context:${message.platform}:${message.channelId}:${message.threadId}`;
  if (message.isDirect) return `context:${message.platform}:${message.channelId}`;
  return undefined;
}

/** Creates the platform-neutral bot. */
export function createCore(options: CoreOptions): SrmCore {
  const { knowledge, store } = options;
  const logger = options.logger ?? silentLogger;
  const observer = options.observer ?? silentObserver;
  const now = options.now ?? Date.now;
  const understand = options.understand ?? createUnderstand(knowledge);
  const sinks = new Map<Platform, EffectSink>();
  const admins = new Set(options.admins ?? []);
  const retentionMs = (options.retentionDays ?? DEFAULT_RETENTION_DAYS) * 24 * 60 * 60 * 1000;
  const quiz: QuizService = createQuizService({
    knowledge,
    store,
    now,
    recordTtlMs: retentionMs,
    random: options.random,
    revealAfterMs: options.quizRevealMs,
    onTimerEffects: (platform, effects) => deliverTimerEffects(platform, effects),
    onError: (error) => handleError(error, logger, 'quiz-timer'),
  });

  const corrections: CorrectionLoop = createCorrectionLoop({
    store,
    now,
    logger,
    retentionMs,
    formatUser: personToken,
    notice,
  });

  let retention: Retention | undefined;
  let digest: WeeklyDigest | undefined;
  const deliverTimerEffects = async (platform: Platform, effects: Effect[]) => {
    const sink = sinks.get(platform);
    if (sink) await sink(effects);
    else logger.warn({ platform, effects: effects.length }, 'no sink registered for timer effects');
  };
  const reply = (r: Reply, visibility: 'public' | 'private' = 'public'): Effect[] => [{ type: 'reply', reply: r, visibility }];

  async function onMessage(message: IncomingMessage): Promise<Effect[]> {
    const started = performance.now();
    const u = understand(message.text);
    const ctx = { platform: message.platform, channelId: message.channelId, userId: message.userId, threadId: message.threadId };
    const thread = threadKey(message);
    if (message.unaddressed) return unaddressedReply(message, u, thread);
    // A thread the bot answered in: later replies there may be answered without a mention.
    if (thread) void store.setValue(thread, '1', THREAD_MEMORY_MS).catch((error) => logger.warn({ err: (error as Error).message }, 'thread not remembered'));
    switch (u.intent) {
      case 'quiz':
        observer.quizEvent('command');
        return quiz.start(ctx, u.args, u.rawArgs); // "quiz stop" and "quiz leaderboard" are read there too
      case 'leaderboard':
        if (u.args.split(' ')[0] === 'reset') {
          // The channel's quiz owner (who set its quiz schedule) or an admin may start a new season.
          const owner = (await loadQuizSchedule(store, message.platform, message.channelId).catch(() => undefined))?.by;
          const allowed = admins.has(message.userId) || owner === message.userId;
          return allowed ? quiz.resetSeason(ctx) : reply(composeNotice(QUIZ_MESSAGES.resetOnlyAdmins), 'private');
        }
        return quiz.leaderboard(ctx);
      case 'onboarding':
        if (['hi', 'hello', 'hey'].includes(u.words[0] ?? '')) return reply(composeWelcome());
        return reply(await tourStep(message.platform, message.userId, u.words[0] === 'next' ? 'next' : 0));
      case 'help':
        return reply(composeHelp());
      case 'stack':
        return reply(await stackReply(message, u.stack ?? EMPTY_STACK));
      case 'admin':
        return reply(await adminReply(message, u.args), 'private');
      default: {
        const outcome = await answerInContext(message, u);
        observer.question(u.intent, outcome.answered, (performance.now() - started) / 1000);
        logQuestion(message, u, outcome);
        logger.info(
          { intent: u.intent, answered: outcome.answered, owner: outcome.owner, confidence: u.confidence, platform: message.platform },
          'question answered',
        );
        return reply(withFeedbackTarget(outcome, u));
      }
    }
  }

  /** The answer with its 👍/👎 carrying a reference to what was asked and answered (for the report). */
  function withFeedbackTarget(outcome: AnswerOutcome, u: ReturnType<Understand>): Reply {
    const hasFeedback = outcome.reply.actions.some((a) => a.actionId === ACTION_IDS.feedbackDown);
    if (!hasFeedback) return outcome.reply;
    const ref = corrections.rememberAnswer({
      question: u.words.join(' ').slice(0, MAX_LOGGED_CHARS),
      ...(outcome.serviceId ? { serviceId: outcome.serviceId } : {}),
      ...(outcome.concernId ? { concernId: outcome.concernId } : {}),
      ...(outcome.duty ? { duty: outcome.duty } : {}),
      ...(outcome.owner ? { verdict: outcome.owner } : {}),
    });
    return { ...outcome.reply, actions: withFeedbackRef(outcome.reply.actions, ref) };
  }

  /** "admin report": the misses report (last 30 days), privately, for the people in SRM_ADMINS only. */
  async function adminReply(message: IncomingMessage, args: string): Promise<Reply> {
    if (!admins.has(message.userId)) return composeNotice(MESSAGES.admin.onlyAdmins);
    if (args.split(' ')[0] !== 'report') return composeNotice(MESSAGES.admin.usage);
    const report = await buildReport(store, knowledge, { days: ADMIN_REPORT_DAYS, now: now() });
    return composeNotice(MESSAGES.admin.reportHeadline, renderReport(report));
  }

  /**
   * Logs the question for the misses report (`srm report`): its normalised words only — no mention
   * markup, no user id — and, when it was not answered outright, why. In the background: a slow or
   * broken store never holds up an answer.
   */
  function logQuestion(message: IncomingMessage, u: ReturnType<Understand>, outcome: AnswerOutcome): void {
    const reason =
      u.intent === 'decline'
        ? (u.declineReason ?? 'not-understood')
        : outcome.reply.kind === 'clarify'
          ? 'clarify'
          : !outcome.answered
            ? 'not-answered'
            : outcome.fallback
              ? 'fallback'
              : undefined;
    const serviceId = outcome.serviceId ?? u.services[0]?.candidates[0];
    const concernId = outcome.concernId ?? u.concernIds[0];
    const record: QuestionRecord = {
      text: u.words.join(' ').slice(0, MAX_LOGGED_CHARS),
      answered: reason === undefined,
      ...(reason ? { reason } : {}),
      ...(serviceId ? { serviceId } : {}),
      ...(concernId ? { concernId } : {}),
      platform: message.platform,
      channelId: message.channelId,
      at: now(),
    };
    void store.recordQuestion(record).catch((error) => logger.warn({ err: (error as Error).message }, 'question not logged'));
  }

  /**
   * A reply in a channel thread without a mention: answered only in a thread the bot answered in
   * before, and only when it reads as a question the bot can answer; anything else gets nothing.
   */
  async function unaddressedReply(message: IncomingMessage, u: ReturnType<Understand>, thread: string | undefined): Promise<Effect[]> {
    if (!thread || !ANSWERABLE_UNADDRESSED.has(u.intent) || !readsAsQuestion(message.text)) return [];
    if ((await withDeadline(store.getValue(thread), CONTEXT_READ_MS, undefined)) === undefined) return [];
    const outcome = await answerInContext(message, u);
    // Unanswered replies were chatter, not questions to the bot: only answered ones count and are logged.
    if (!outcome.answered) return [];
    observer.question(u.intent, true, 0);
    logQuestion(message, u, outcome);
    return reply(withFeedbackTarget(outcome, u));
  }

  /**
   * "stack …" lists what the team owns across the services named; "stack save …" also remembers them
   * for the channel; a bare "stack" shows the saved one. A store that is down costs only the saving.
   */
  async function stackReply(message: IncomingMessage, request: StackRequest): Promise<Reply> {
    if (request.serviceIds.length === 0 && request.unknown.length === 0) {
      const saved = await loadTeamStack(store, message.platform, message.channelId).catch(() => undefined);
      const known = (saved ?? []).filter((id) => knowledge.services.has(id));
      const shown = composeStack(knowledge, { serviceIds: known, unknown: [], save: false }).reply;
      return known.length > 0 ? shown : withNote(shown, MESSAGES.stack.nothingSaved);
    }
    const outcome = composeStack(knowledge, request);
    if (!request.save || request.serviceIds.length === 0) return outcome.reply;
    try {
      await saveTeamStack(store, message.platform, message.channelId, request.serviceIds);
      return withNote(outcome.reply, MESSAGES.stack.saved(outcome.stack?.services ?? []));
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'stack not saved');
      return withNote(outcome.reply, MESSAGES.stack.notSaved);
    }
  }

  /**
   * Answers a question; an elliptical follow-up ("and for Lambda?") borrows the service, concern and
   * side this thread (or DM) last talked about. Reading the context is best-effort: a slow or broken
   * store never holds up an answer.
   */
  async function answerInContext(message: IncomingMessage, u: ReturnType<Understand>): Promise<AnswerOutcome> {
    const key = threadContextKey(message);
    const context = key && u.followUp ? parseContext(await withDeadline(store.getValue(key), CONTEXT_READ_MS, undefined)) : undefined;
    const outcome = answerQuestion(knowledge, u, context);
    const saved = key ? nextContext(outcome, u, context) : undefined;
    // Saved in the background: a slow store must not hold up the answer.
    if (key && saved) {
      void store.setValue(key, JSON.stringify(saved), CONTEXT_TTL_MS).catch((error) => logger.warn({ err: (error as Error).message }, 'thread context not saved'));
    }
    return outcome;
  }

  /**
   * A step of the guided tour. Buttons carry their step; a typed "next" continues from the step
   * this person last saw (remembered in the store, so any replica can continue it).
   */
  async function tourStep(platform: Platform, userId: string, step: number | 'next'): Promise<Reply> {
    const key = `tour:${platform}:${userId}`;
    const at = step === 'next' ? Number((await store.getValue(key).catch(() => undefined)) ?? -1) + 1 : step;
    await store.setValue(key, String(at), retentionMs).catch((error) => logger.warn({ err: (error as Error).message }, 'tour step not saved'));
    const checks = Object.values(await loadTourChecks(platform, userId));
    return composeOnboardingStep(knowledge, Number.isInteger(at) && at >= 0 ? at : 0, { answered: checks.length, right: checks.filter(Boolean).length });
  }

  /** A person's check answers on the tour, by step: the first answer to each step counts. */
  async function loadTourChecks(platform: Platform, userId: string): Promise<Record<string, boolean>> {
    const raw = await store.getValue(`tour:${platform}:${userId}:checks`).catch(() => undefined);
    return parseStored(raw, TOUR_CHECKS) ?? {};
  }

  async function saveTourCheck(platform: Platform, userId: string, step: number, right: boolean): Promise<void> {
    const checks = await loadTourChecks(platform, userId);
    if (String(step) in checks) return;
    await store
      .setValue(`tour:${platform}:${userId}:checks`, JSON.stringify({ ...checks, [step]: right }), retentionMs)
      .catch((error) => logger.warn({ err: (error as Error).message }, 'tour check not saved'));
  }

  async function onAction(action: IncomingAction): Promise<Effect[]> {
    if (action.actionId === ACTION_IDS.quizRank || action.actionId === ACTION_IDS.quizView) return quiz.handleAction(action);
    if (action.actionId === ACTION_IDS.quizAnswer || action.actionId === ACTION_IDS.quizReveal) {
      observer.quizEvent(action.actionId === ACTION_IDS.quizAnswer ? 'answer' : 'reveal');
      return quiz.handleAction(action);
    }
    const target = parseActionValue(action.value);
    switch (target?.kind) {
      case 'ask': {
        if (target.concernId && !knowledge.concerns.has(target.concernId)) break;
        if (target.serviceId === null) return reply(composeGeneralAnswer(knowledge, target.concernId).reply);
        if (!knowledge.services.has(target.serviceId)) break;
        return reply(composeOwnerAnswer(knowledge, [target.serviceId], [target.concernId]).reply);
      }
      case 'service':
        if (!knowledge.services.has(target.serviceId)) break;
        return reply(composeServiceCard(knowledge, target.serviceId).reply);
      case 'feedback':
        return corrections.vote(action, target.answerId, target.helpful, target.ref);
      case 'feedback-form':
        if (action.actionId !== ACTION_IDS.formSubmit) break;
        return corrections.submit(action, { kind: 'feedback', answerId: target.answerId, ...(target.ref ? { ref: target.ref } : {}) });
      case 'challenge':
        if (action.actionId === ACTION_IDS.formSubmit) return corrections.submit(action, { kind: 'challenge', quizId: target.quizId, index: target.index });
        return corrections.offerChallenge(action, target.quizId, target.index);
      case 'onboarding':
        return reply(await tourStep(action.platform, action.userId, target.step));
      case 'command': {
        const ctx = { platform: action.platform, channelId: action.channelId, userId: action.userId, threadId: action.threadId };
        // A short quiz where the welcome was shown; "my stack" explains how to list a team's services.
        if (target.command === 'starter-quiz') return quiz.start(ctx, String(STARTER_QUIZ_LENGTH));
        return reply(composeStack(knowledge, EMPTY_STACK).reply);
      }
      case 'stack-csv': {
        const ids = target.serviceIds.filter((id) => knowledge.services.has(id));
        if (ids.length === 0) break;
        const file = stackCsv(knowledge, ids);
        const names = ids.map((id) => knowledge.services.get(id)!.name);
        const about = composeNotice(MESSAGES.stack.csvSent(file.rows, names));
        return [{ type: 'file', userId: action.userId, channelId: action.channelId, threadId: action.threadId, file, reply: about }];
      }
      case 'tour-check': {
        const result = composeTourCheckResult(knowledge, target.step, target.choice);
        if (!result) break;
        await saveTourCheck(action.platform, action.userId, target.step, tourCheck(knowledge, target.step)?.owner === target.choice);
        return reply(result);
      }
      default:
        break;
    }
    return [{ type: 'private', userId: action.userId, channelId: action.channelId, threadId: action.threadId, reply: notice(MESSAGES.staleButton) }];
  }

  return {
    async handleMessage(message) {
      try {
        return await onMessage(message);
      } catch (error) {
        return handleError(error, logger, 'message');
      }
    },
    async handleAction(action) {
      try {
        return await onAction(action);
      } catch (error) {
        return handleError(error, logger, 'action');
      }
    },
    welcome: composeWelcome,
    async home(platform, userId) {
      const [step, checks, quizzes] = await Promise.all([
        store.getValue(`tour:${platform}:${userId}`).catch(() => undefined),
        loadTourChecks(platform, userId),
        loadPlayerRecord(store, platform, userId).catch(() => undefined),
      ]);
      const answers = Object.values(checks);
      return composeHome(
        { step: step === undefined ? undefined : Number(step), answered: answers.length, right: answers.filter(Boolean).length },
        quizzes,
      );
    },
    // Posted-message ids matter while their quiz can still be edited; they go with the quiz's retention.
    rememberMessage: (key, messageId) => store.setValue(key, messageId, retentionMs),
    registerSink(platform, sink) {
      sinks.set(platform, sink);
    },
    async start() {
      await quiz.resume();
      retention ??= startRetention({ store, now, logger, ...(options.retentionDays ? { retentionDays: options.retentionDays } : {}) });
      if (options.reportChannel) {
        digest ??= startWeeklyDigest({
          store,
          knowledge,
          channel: options.reportChannel,
          now,
          logger,
          deliver: deliverTimerEffects,
          compose: (headline, body) => composeNotice(headline, body),
        });
      }
    },
    async close() {
      retention?.stop();
      digest?.stop();
      await quiz.close();
      await store.close();
    },
  };
}
