import type { Effect } from '../model/effects.js';
import type { IncomingAction, Platform } from '../model/incoming.js';
import { ACTION_IDS, type Reply } from '../model/reply-model.js';
import type { QuizRecord } from '../store/quiz-records.js';
import type { Store } from '../store/store.js';
import { addToPlayerRecord } from '../store/player-record.js';
import { parseStored } from '../store/stored-json.js';
import { z } from 'zod';
import type { QuestionBank, QuizSelection } from './question-bank.js';
import { headerKey, newQuizId, parseQuizButton, questionKey, resultKey, scoreboardKey, type QuizButton } from './quiz-ids.js';
import { choicesFor, rightChoice } from './quiz-choices.js';
import { QUIZ_MESSAGES as M } from './quiz-messages.js';
import {
  personalQuestionReply,
  withOwnLine,
  headerReply,
  leaderboardReply,
  noticeReply,
  questionReply,
  resultReply,
  revealedReply,
  scoreboardReply,
  stoppedQuestionReply,
  type FormatUser,
} from './quiz-replies.js';
import { monthStart, quizScores, rankRows, weekStart } from './quiz-scores.js';

/** Rows shown per leaderboard period. */
const LEADERBOARD_SIZE = 10;

/** Who is asking, and where. */
export interface QuizContext {
  platform: Platform;
  channelId: string;
  userId: string;
  threadId?: string;
}

/** A reveal the scheduler should run at `at` (epoch ms). */
export interface RevealTimer {
  quizId: string;
  index: number;
  at: number;
  platform: Platform;
}

/** Effects for the adapter, plus what the scheduler should do next. */
export interface EngineResult {
  effects: Effect[];
  /** Schedule this reveal (replaces any timer of the same quiz). */
  timer?: RevealTimer;
  /** Cancel the timer of this quiz (it ended). */
  cancelTimer?: string;
}

export interface QuizEngineDeps {
  store: Store;
  bank: QuestionBank;
  now: () => number;
  random: () => number;
  revealAfterMs: number;
  formatUser: FormatUser;
  /** How long a person's quiz record is kept after their last quiz (RETENTION_DAYS). */
  recordTtlMs: number;
}

/** The platform-neutral quiz state machine; all state lives in the store, so any replica can continue a quiz. */
export interface QuizEngine {
  /** Starts a quiz in the context's channel, unless one is running there already. */
  start(ctx: QuizContext, selection: QuizSelection, topicText: string): Promise<EngineResult>;
  /** Handles an answer or reveal button; anything tampered or stale gets a polite private notice. */
  handleAction(action: IncomingAction): Promise<EngineResult>;
  /** Shows the current question's latest answer count if it changed and the pace allows (the sweep calls it). */
  refreshCount(quizId: string): Promise<EngineResult>;
  /** Reveals question `index` when its timer runs out (no-op if it was revealed already). */
  revealByTimer(quizId: string, index: number): Promise<EngineResult>;
  /** Stops the channel's running quiz. Only its starter may (see stop's comment). */
  stop(ctx: QuizContext): Promise<EngineResult>;
  /** Starts a new season in the channel: the leaderboard counts from now (the caller checks who may). */
  resetSeason(ctx: QuizContext): Promise<EngineResult>;
  /** The channel's leaderboard for this week, this month and all time (or this season). */
  leaderboard(ctx: QuizContext): Promise<EngineResult>;
}

/** Where a channel's season start (the last leaderboard reset) is kept. */
const seasonKey = (ctx: QuizContext): string => `season:${ctx.platform}:${ctx.channelId}`;

/** Least time between two public "N answered" edits of one question (Slack allows ~50 updates a minute). */
const COUNT_EDIT_MS = 3_000;
/** How long the shown count is remembered (longer than any question stays open). */
const SHOWN_COUNT_TTL_MS = 24 * 60 * 60 * 1000;

/** The action id each kind of quiz button must come with (a value pasted onto another button is refused). */
const BUTTON_ACTION: Record<QuizButton['kind'], string> = {
  answer: ACTION_IDS.quizAnswer,
  reveal: ACTION_IDS.quizReveal,
  rank: ACTION_IDS.quizRank,
  view: ACTION_IDS.quizView,
};

const ASKED_IDS = z.array(z.string());

/** Most question ids remembered per channel for the no-repeat rule (more than any pool holds). */
const MAX_ASKED_REMEMBERED = 5_000;

/** How long a new quiz waits for its header to be posted before it counts as never shown. */
const HEADER_GRACE_MS = 10_000;

/** Creates the engine over a store and a question bank, with injected clock and randomness. */
export function createQuizEngine(deps: QuizEngineDeps): QuizEngine {
  const { store, now, formatUser: user } = deps;

  const notice = (to: { userId: string; channelId: string }, message: string, threadId?: string): EngineResult => ({
    effects: [{ type: 'private', userId: to.userId, channelId: to.channelId, threadId, reply: noticeReply(message) }],
  });
  const replyNotice = (message: string): EngineResult => ({
    effects: [{ type: 'reply', visibility: 'private', reply: noticeReply(message) }],
  });
  const runningNotice = (quiz: QuizRecord) =>
    replyNotice(M.alreadyRunning(quiz.title, quiz.current, quiz.questions.length, user(quiz.starterId)));
  const headerThread = (quiz: QuizRecord) => store.getValue(headerKey(quiz.id));

  /** Edits a posted message; if its id was never remembered, posts the new version in the thread instead. */
  const edit = async (quiz: QuizRecord, key: string, reply: Reply): Promise<Effect> => {
    const messageId = await store.getValue(key);
    return messageId
      ? { type: 'update', key, channelId: quiz.channelId, messageId, reply }
      : { type: 'post', key: `${key}:edit`, channelId: quiz.channelId, inThreadOf: headerKey(quiz.id), reply };
  };

  const askEffect = (quiz: QuizRecord, index: number): Effect => ({
    type: 'post',
    key: questionKey(quiz.id, index),
    channelId: quiz.channelId,
    inThreadOf: headerKey(quiz.id),
    reply: questionReply(quiz, index, 0),
  });

  /** The question ids a channel was asked before (empty when none or unreadable). */
  const loadAsked = async (key: string): Promise<Set<string>> => new Set(parseStored(await store.getValue(key), ASKED_IDS) ?? []);

  /** Adds a quiz that just ended (once: after its compare-and-set) to each player's own record. */
  const recordPlayers = async (quiz: QuizRecord): Promise<void> => {
    const played = new Map<string, { answered: number; right: number }>();
    for (const result of quiz.revealed) {
      for (const userId of result.answered) {
        const so = played.get(userId) ?? { answered: 0, right: 0 };
        played.set(userId, { answered: so.answered + 1, right: so.right + (result.right.includes(userId) ? 1 : 0) });
      }
    }
    for (const [userId, counts] of played) await addToPlayerRecord(store, quiz.platform, userId, counts, deps.recordTtlMs);
  };

  const endEffects = (quiz: QuizRecord): Effect[] => {
    const scores = quizScores(quiz);
    return [
      {
        type: 'post',
        key: scoreboardKey(quiz.id),
        channelId: quiz.channelId,
        inThreadOf: headerKey(quiz.id),
        reply: scoreboardReply(quiz, scores, user),
      },
      { type: 'post', key: resultKey(quiz.id), channelId: quiz.channelId, reply: resultReply(quiz, scores, user) },
    ];
  };

  /**
   * A quiz whose header never reached the channel (the platform refused the post, e.g. the bot was
   * not invited) blocks nobody: after a short grace period, a new start ends it quietly.
   */
  const abandon = async (quiz: QuizRecord): Promise<boolean> => {
    if (now() - quiz.startedAt < HEADER_GRACE_MS || (await headerThread(quiz)) !== undefined) return false;
    return store.updateQuiz({ ...quiz, version: quiz.version + 1, phase: 'stopped', endedAt: now() }, quiz.version);
  };

  /** Reveals the current question of `quiz` (compare-and-set, so a racing timer or replica reveals it once). */
  const reveal = async (quiz: QuizRecord, index: number): Promise<EngineResult> => {
    const question = quiz.questions[index];
    if (!question || quiz.phase !== 'asking' || quiz.current !== index) return { effects: [] };
    const answers = await store.quizAnswers(quiz.id, index);
    const result = {
      answered: answers.map((a) => a.userId),
      right: answers.filter((a) => a.choice === rightChoice(question)).map((a) => a.userId),
      split: answers.reduce<Record<string, number>>((counts, a) => ({ ...counts, [a.choice]: (counts[a.choice] ?? 0) + 1 }), {}),
    };
    const last = index === quiz.questions.length - 1;
    const at = now();
    const next: QuizRecord = {
      ...quiz,
      version: quiz.version + 1,
      current: index + 1,
      revealed: [...quiz.revealed, result],
      ...(last ? { phase: 'finished', endedAt: at } : { revealAt: at + quiz.revealAfterMs }),
    };
    if (!(await store.updateQuiz(next, quiz.version))) return { effects: [] };
    await store.awardPoints({ channelId: quiz.channelId, quizId: quiz.id, questionIndex: index, userIds: result.right, at });

    const effects = [await edit(next, questionKey(quiz.id, index), revealedReply(next, index, user))];
    if (last) {
      await recordPlayers(next);
      return { effects: [...effects, ...endEffects(next)], cancelTimer: quiz.id };
    }
    return {
      effects: [...effects, askEffect(next, index + 1)],
      timer: { quizId: quiz.id, index: index + 1, at: next.revealAt, platform: quiz.platform },
    };
  };

  const answer = async (action: IncomingAction, quiz: QuizRecord, index: number, choice: string) => {
    const thread = await headerThread(quiz);
    // A well-formed value that is not one of this question's buttons (letters on an owner question…).
    const question = quiz.questions[index];
    if (!question || !choicesFor(question).some((c) => c.value === choice)) return notice(action, M.unknownButton, thread);
    if (quiz.current !== index || now() >= quiz.revealAt) {
      // Time is up even if the timer has not fired yet (e.g. just after a restart): refuse, and reveal now.
      const late = notice(action, M.tooLate, thread);
      const revealed = quiz.current === index ? await reveal(quiz, index) : { effects: [] };
      return { ...revealed, effects: [...late.effects, ...revealed.effects] };
    }
    const first = await store.recordAnswer({ quizId: quiz.id, questionIndex: index, userId: action.userId, choice, at: now() });
    if (!first) return notice(action, M.alreadyAnswered, thread);
    const ack = notice(action, M.ackAnswer, thread);
    const count = (await store.quizAnswers(quiz.id, index)).length;
    // Where a platform shows each person their own card (Teams), the presser sees their answer in it.
    const personal: Effect = {
      type: 'personal',
      userId: action.userId,
      channelId: action.channelId,
      reply: personalQuestionReply(quiz, index, count, choice, user),
    };
    return { effects: [...ack.effects, personal, ...(await refreshCount(quiz.id, index, count))] };
  };

  /**
   * The public "N answered" edit of a question, paced: at most one per COUNT_EDIT_MS per question
   * across replicas (a claim per time slot), only when the count changed, only while the question
   * is open (a late count never overwrites a reveal). Clicks in between are shown by the next edit,
   * which the sweep makes if nobody clicks again.
   */
  const refreshCount = async (quizId: string, index: number, knownCount?: number): Promise<Effect[]> => {
    const fresh = await store.loadQuiz(quizId);
    if (fresh?.phase !== 'asking' || fresh.current !== index) return [];
    const count = knownCount ?? (await store.quizAnswers(quizId, index)).length;
    const shownKey = `${questionKey(quizId, index)}:shown`;
    if ((await store.getValue(shownKey)) === String(count)) return [];
    if (!(await store.claimOnce(`${questionKey(quizId, index)}:count:${Math.floor(now() / COUNT_EDIT_MS)}`, COUNT_EDIT_MS))) return [];
    await store.setValue(shownKey, String(count), SHOWN_COUNT_TTL_MS);
    const update = await edit(fresh, questionKey(quizId, index), questionReply(fresh, index, count));
    return update.type === 'update' ? [update] : [];
  };

  return {
    async start(ctx, selection, topicText) {
      const running = await store.activeQuiz(ctx.channelId);
      if (running && !(await abandon(running))) return runningNotice(running);
      // Questions this channel was asked before wait until its pool is used up.
      const askedKey = `asked:${ctx.platform}:${ctx.channelId}`;
      const asked = await loadAsked(askedKey);
      const plan = deps.bank.select({ ...selection, avoid: asked }, deps.random);
      if (plan.questions.length === 0) return replyNotice(M.noQuestions(topicText));
      const at = now();
      const quiz: QuizRecord = {
        id: newQuizId(at, deps.random),
        version: 1,
        platform: ctx.platform,
        channelId: ctx.channelId,
        starterId: ctx.userId,
        title: plan.title,
        questions: plan.questions,
        current: 0,
        phase: 'asking',
        revealAfterMs: deps.revealAfterMs,
        startedAt: at,
        revealAt: at + deps.revealAfterMs,
        revealed: [],
      };
      if (!(await store.createQuiz(quiz))) {
        const winner = await store.activeQuiz(ctx.channelId);
        return winner ? runningNotice(winner) : replyNotice(M.unknownButton);
      }
      const ids = plan.questions.map((q) => q.id);
      await store.setValue(askedKey, JSON.stringify(plan.poolReset ? ids : [...asked, ...ids].slice(-MAX_ASKED_REMEMBERED)), deps.recordTtlMs);
      return {
        effects: [
          { type: 'post', key: headerKey(quiz.id), channelId: quiz.channelId, reply: headerReply(quiz, user) },
          askEffect(quiz, 0),
        ],
        timer: { quizId: quiz.id, index: 0, at: quiz.revealAt, platform: quiz.platform },
      };
    },

    async handleAction(action) {
      const button = parseQuizButton(action.value);
      const expected = button ? BUTTON_ACTION[button.kind] : undefined;
      if (!button || action.actionId !== expected) return notice(action, M.unknownButton);
      const quiz = await store.loadQuiz(button.quizId);
      if (!quiz || (button.kind !== 'rank' && button.index >= quiz.questions.length)) return notice(action, M.unknownButton);
      if (quiz.channelId !== action.channelId) return notice(action, M.otherChannel);
      if (button.kind === 'view') {
        // One person's own view of the question (a per-person card refresh): no state changes.
        const answers = await store.quizAnswers(quiz.id, button.index);
        const mine = answers.find((a) => a.userId === action.userId)?.choice;
        const reply = personalQuestionReply(quiz, button.index, answers.length, mine, user);
        return { effects: [{ type: 'personal', userId: action.userId, channelId: action.channelId, reply }] };
      }
      if (button.kind === 'rank') {
        // Each player's own place, told only to them: the public board names just the top ten.
        const scores = quizScores(quiz);
        const mine = scores.find((s) => s.userId === action.userId);
        const line = mine ? M.ownRank(mine.rank, scores.length, mine.points, quiz.revealed.length) : M.didNotPlay;
        const told = notice(action, line, await headerThread(quiz));
        // Where a platform shows each person their own card (Teams), the scoreboard with their place in it.
        const personal: Effect = { type: 'personal', userId: action.userId, channelId: action.channelId, reply: withOwnLine(scoreboardReply(quiz, scores, user), line) };
        return { effects: [...told.effects, personal] };
      }
      if (quiz.phase !== 'asking') return notice(action, M.quizOver);
      if (button.index > quiz.current) return notice(action, M.unknownButton);
      if (button.kind === 'answer') return answer(action, quiz, button.index, button.choice);

      const thread = await headerThread(quiz);
      // Early reveal belongs to the starter: anyone else could spoil the question for the channel.
      if (action.userId !== quiz.starterId) return notice(action, M.onlyStarterReveals(user(quiz.starterId)), thread);
      if (button.index < quiz.current) return notice(action, M.tooLate, thread);
      return reveal(quiz, button.index);
    },

    async refreshCount(quizId) {
      const quiz = await store.loadQuiz(quizId);
      if (!quiz || quiz.phase !== 'asking') return { effects: [] };
      return { effects: await refreshCount(quizId, quiz.current) };
    },

    async revealByTimer(quizId, index) {
      const quiz = await store.loadQuiz(quizId);
      if (!quiz || quiz.phase !== 'asking' || quiz.current !== index) return { effects: [] };
      if (now() < quiz.revealAt) {
        return { effects: [], timer: { quizId, index, at: quiz.revealAt, platform: quiz.platform } };
      }
      return reveal(quiz, index);
    },

    /**
     * Only the starter may stop a quiz. Letting anyone stop it would let one person end a game the
     * rest of the channel is playing; an abandoned quiz cannot block the channel for long, because
     * its timers reveal every question and end it on their own.
     */
    async stop(ctx) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const quiz = await store.activeQuiz(ctx.channelId);
        if (!quiz) return replyNotice(M.nothingRunning);
        if (ctx.userId !== quiz.starterId) return replyNotice(M.onlyStarterStops(user(quiz.starterId)));
        const stopped: QuizRecord = { ...quiz, version: quiz.version + 1, phase: 'stopped', stoppedBy: ctx.userId, endedAt: now() };
        if (!(await store.updateQuiz(stopped, quiz.version))) continue;
        const unanswered = await edit(stopped, questionKey(quiz.id, quiz.current), stoppedQuestionReply(stopped, quiz.current));
        await recordPlayers(stopped);
        return { effects: [unanswered, ...endEffects(stopped)], cancelTimer: quiz.id };
      }
      return replyNotice(M.nothingRunning);
    },

    async leaderboard(ctx) {
      // A reset starts a season: every period counts from its start at the earliest.
      const season = Number((await store.getValue(seasonKey(ctx))) ?? 0) || 0;
      const [week, month, allTime] = await Promise.all([
        store.leaderboard(ctx.channelId, Math.max(season, weekStart(now()))),
        store.leaderboard(ctx.channelId, Math.max(season, monthStart(now()))),
        store.leaderboard(ctx.channelId, season),
      ]);
      const top = (rows: typeof week) => rankRows(rows).slice(0, LEADERBOARD_SIZE);
      const reply = leaderboardReply({ week: top(week), month: top(month), allTime: top(allTime) }, user, season || undefined);
      return { effects: [{ type: 'reply', visibility: 'public', reply }] };
    },

    async resetSeason(ctx) {
      await store.setValue(seasonKey(ctx), String(now()));
      return { effects: [{ type: 'reply', visibility: 'public', reply: noticeReply(M.seasonReset(user(ctx.userId))) }] };
    },
  };
}
