import { randomBytes } from 'node:crypto';
import type { Effect } from '../model/effects.js';
import type { IncomingAction } from '../model/incoming.js';
import type { Logger } from '../model/logger.js';
import { FORM_TEXT_MAX, type Reply } from '../model/reply-model.js';
import { headerKey } from '../quiz/quiz-ids.js';
import { rightLabel } from '../quiz/quiz-choices.js';
import type { Feedback, Store } from '../store/store.js';
import { CHALLENGE_REASONS, FEEDBACK_MESSAGES as M, FEEDBACK_REASONS } from './feedback-messages.js';

/** What an answer was about, kept so a later 👍/👎 can say which question and verdict it judged. */
export interface AnsweredRecord {
  /** The question's normalised words (no mention markup, no user ids). */
  question: string;
  serviceId?: string;
  concernId?: string;
  duty?: string;
  verdict?: string;
}

export interface CorrectionLoopDeps {
  store: Store;
  now: () => number;
  logger: Logger;
  /** How long answers, votes and challenges are kept (RETENTION_DAYS). */
  retentionMs: number;
  /** How a notice names a person ("@U0001"; adapters resolve it). */
  formatUser: (userId: string) => string;
  notice: (text: string) => Reply;
}

/**
 * The correction loop: 👍/👎 recorded with the question and verdict they judged, an optional
 * "what was wrong?" after 👎, and challenges of quiz rulings, all for `srm report`.
 */
export interface CorrectionLoop {
  /** Remembers what an answer was about; returns the reference its 👍/👎 buttons carry. */
  rememberAnswer(record: AnsweredRecord): string;
  /** A 👍/👎 press. 👎 also offers the "what was wrong?" form. */
  vote(action: IncomingAction, answerId: string, helpful: boolean, ref: string | undefined): Promise<Effect[]>;
  /** "Challenge this ruling" on a revealed quiz question: the form asking why. */
  offerChallenge(action: IncomingAction, quizId: string, index: number): Promise<Effect[]>;
  /** A form came back: the 👎 reason, or a challenge. */
  submit(action: IncomingAction, form: { kind: 'feedback'; answerId: string; ref?: string } | { kind: 'challenge'; quizId: string; index: number }): Promise<Effect[]>;
}

const answeredKey = (ref: string) => `answered:${ref}`;
const REF_PATTERN = /^[a-z0-9]{8,20}$/;

/** A form's free text: trimmed, at most FORM_TEXT_MAX characters, control characters removed. */
function cleanText(text: string | undefined): string | undefined {
  const cleaned = (text ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim().slice(0, FORM_TEXT_MAX);
  return cleaned || undefined;
}

function pick<T extends Record<string, string>>(choices: T, value: string | undefined): keyof T & string {
  return value !== undefined && Object.hasOwn(choices, value) ? value : 'other';
}

export function createCorrectionLoop(deps: CorrectionLoopDeps): CorrectionLoop {
  const { store, now, logger } = deps;
  const privately = (action: IncomingAction, reply: Reply): Effect => ({
    type: 'private',
    userId: action.userId,
    channelId: action.channelId,
    ...(action.threadId ? { threadId: action.threadId } : {}),
    reply,
  });

  // Unguessable and unique even when tests fix the core's randomness: one answer's 👎 never lands on another's.
  const newRef = () => randomBytes(8).toString('hex');

  async function answered(ref: string | undefined): Promise<AnsweredRecord | undefined> {
    if (!ref || !REF_PATTERN.test(ref)) return undefined;
    const raw = await store.getValue(answeredKey(ref)).catch(() => undefined);
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as AnsweredRecord;
    } catch {
      return undefined;
    }
  }

  async function recordVote(action: IncomingAction, answerId: string, helpful: boolean, ref: string | undefined, extra: Partial<Feedback> = {}) {
    const about = await answered(ref);
    const [serviceId, concernId] = answerId.split(':');
    await store.recordFeedback({
      answerId,
      userId: action.userId,
      channelId: action.channelId,
      helpful,
      at: now(),
      platform: action.platform,
      ...(serviceId && serviceId !== 'general' ? { serviceId } : {}),
      ...(concernId ? { concernId } : {}),
      ...(about ?? {}),
      ...extra,
    });
  }

  return {
    rememberAnswer(record) {
      const ref = newRef();
      void store
        .setValue(answeredKey(ref), JSON.stringify(record), deps.retentionMs)
        .catch((error) => logger.warn({ err: (error as Error).message }, 'answer not remembered for feedback'));
      return ref;
    },

    async vote(action, answerId, helpful, ref) {
      await recordVote(action, answerId, helpful, ref);
      if (helpful) return [privately(action, deps.notice(M.thanks))];
      const formValue = `w|${answerId}|${ref && REF_PATTERN.test(ref) ? ref : '-'}`;
      return [
        privately(action, deps.notice(M.thanksDown)),
        { type: 'form', userId: action.userId, channelId: action.channelId, ...(action.threadId ? { threadId: action.threadId } : {}), form: M.feedbackForm(formValue) },
      ];
    },

    async offerChallenge(action, quizId, index) {
      const quiz = await store.loadQuiz(quizId);
      const question = quiz?.questions[index];
      if (!quiz || !question || quiz.channelId !== action.channelId) return [privately(action, deps.notice(M.staleForm))];
      if (quiz.revealed.length <= index) return [privately(action, deps.notice(M.notRevealedYet))];
      const form = M.challengeForm(`h|${quizId}|${index}`, question.prompt, rightLabel(question));
      return [{ type: 'form', userId: action.userId, channelId: action.channelId, ...(action.threadId ? { threadId: action.threadId } : {}), form }];
    },

    async submit(action, form) {
      const fields = action.fields ?? {};
      if (form.kind === 'feedback') {
        // The reason completes the person's 👎 (a second write replaces the vote, now with its reason).
        const reason = pick(FEEDBACK_REASONS, fields.choice);
        const comment = cleanText(fields.text);
        await recordVote(action, form.answerId, false, form.ref, { reason, ...(comment ? { comment } : {}) });
        return [privately(action, deps.notice(M.reasonThanks))];
      }
      const quiz = await store.loadQuiz(form.quizId);
      const question = quiz?.questions[form.index];
      if (!quiz || !question || quiz.channelId !== action.channelId || quiz.revealed.length <= form.index) {
        return [privately(action, deps.notice(M.staleForm))];
      }
      const n = form.index + 1;
      if (!(await store.claimOnce(`challenge:${quiz.id}:${form.index}:${action.userId}`, deps.retentionMs))) {
        return [privately(action, deps.notice(M.challengeAlreadyFiled(n)))];
      }
      const reason = pick(CHALLENGE_REASONS, fields.choice);
      const comment = cleanText(fields.text);
      await store.recordChallenge({
        quizId: quiz.id,
        questionIndex: form.index,
        question: question.prompt,
        ...(question.service ? { serviceId: question.service } : {}),
        ...(question.concern ? { concernId: question.concern } : {}),
        ruling: rightLabel(question),
        userId: action.userId,
        reason,
        ...(comment ? { comment } : {}),
        platform: action.platform,
        channelId: quiz.channelId,
        at: now(),
      });
      const effects: Effect[] = [privately(action, deps.notice(M.challengeFiled(n)))];
      if (quiz.starterId !== action.userId) {
        const thread = await store.getValue(headerKey(quiz.id)).catch(() => undefined);
        effects.push({
          type: 'private',
          userId: quiz.starterId,
          channelId: quiz.channelId,
          ...(thread ? { threadId: thread } : {}),
          reply: deps.notice(M.challengeToStarter(deps.formatUser(action.userId), n, CHALLENGE_REASONS[reason])),
        });
      }
      return effects;
    },
  };
}
