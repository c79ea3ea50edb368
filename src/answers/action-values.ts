import { OWNERS, type Owner } from '../model/owner.js';
import { ACTION_IDS, type ReplyAction } from '../model/reply-model.js';

/**
 * Button values are short opaque ids ("a|rds|guest-os-patching"); the core resolves them against the
 * knowledge base and never trusts anything else in them.
 */
export type ActionTarget =
  | { kind: 'ask'; serviceId: string | null; concernId: string }
  | { kind: 'service'; serviceId: string }
  | { kind: 'feedback'; answerId: string; helpful: boolean; ref?: string }
  /** A submitted "what was wrong?" form of a 👎 answer. */
  | { kind: 'feedback-form'; answerId: string; ref?: string }
  /** "Challenge this ruling" on a revealed quiz question, or its submitted form. */
  | { kind: 'challenge'; quizId: string; index: number }
  | { kind: 'onboarding'; step: number }
  | { kind: 'tour-check'; step: number; choice: Owner }
  | { kind: 'command'; command: WelcomeCommand }
  | { kind: 'stack-csv'; serviceIds: string[] };

/** Commands a welcome button can run for the person who presses it. */
export const WELCOME_COMMANDS = ['starter-quiz', 'stack-help'] as const;
export type WelcomeCommand = (typeof WELCOME_COMMANDS)[number];

const NONE = '-';
const ANSWER_ID = /^[a-z0-9-]+:[a-z0-9-]+$/;
const REF = /^[a-z0-9]{8,20}$/;
const MAX_VALUE = 2000;

/** A button that asks about a service (or none) and a concern. */
export function askAction(label: string, serviceId: string | null, concernId: string): ReplyAction {
  return { actionId: ACTION_IDS.ask, label, value: `a|${serviceId ?? NONE}|${concernId}` };
}

/** A button that shows a service card. */
export function serviceAction(label: string, serviceId: string): ReplyAction {
  return { actionId: ACTION_IDS.showService, label, value: `s|${serviceId}` };
}

/** The 👍 / 👎 pair under an answer. */
export function feedbackActions(answerId: string, labels: { up: string; down: string }): ReplyAction[] {
  return [
    { actionId: ACTION_IDS.feedbackUp, label: labels.up, value: `f|${answerId}|1` },
    { actionId: ACTION_IDS.feedbackDown, label: labels.down, value: `f|${answerId}|0` },
  ];
}

/** The answer's 👍 / 👎 buttons carrying `ref`, the remembered question they judge. */
export function withFeedbackRef(actions: ReplyAction[], ref: string): ReplyAction[] {
  return actions.map((a) =>
    (a.actionId === ACTION_IDS.feedbackUp || a.actionId === ACTION_IDS.feedbackDown) && a.value.split('|').length === 3 ? { ...a, value: `${a.value}|${ref}` } : a,
  );
}

/** The "Challenge this ruling" button under a revealed quiz question. */
export function challengeAction(label: string, quizId: string, index: number): ReplyAction {
  return { actionId: ACTION_IDS.challenge, label, value: `h|${quizId}|${index}` };
}

/** The button that moves the guided tour on. */
export function onboardingAction(label: string, step: number): ReplyAction {
  return { actionId: ACTION_IDS.onboardingNext, label, value: `o|${step}` };
}

/** A welcome button that runs a command ("a starter quiz", "my stack"). */
export function commandAction(label: string, command: WelcomeCommand): ReplyAction {
  return { actionId: ACTION_IDS.onboardingNext, label, value: `c|${command}` };
}

/** A button answering the tour's check question of `step` with `choice`. */
export function tourCheckAction(label: string, step: number, choice: Owner): ReplyAction {
  return { actionId: ACTION_IDS.onboardingNext, label, value: `t|${step}|${choice}` };
}

/** The button that sends a stack's checklist as a CSV file. */
export function stackCsvAction(label: string, serviceIds: string[]): ReplyAction {
  return { actionId: ACTION_IDS.download, label, value: `x|${serviceIds.join(',')}` };
}

/** The id an answer is known by in feedback: "rds:guest-os-patching" or "general:physical-security". */
export function answerId(serviceId: string | null, concernId: string): string {
  return `${serviceId ?? 'general'}:${concernId}`;
}

/** Parses a button value; undefined for anything malformed (the caller answers politely). */
export function parseActionValue(value: unknown): ActionTarget | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_VALUE) return undefined;
  const parts = value.split('|');
  const idPart = /^[a-z0-9][a-z0-9-]*$/;
  switch (parts[0]) {
    case 'a':
      if (parts.length !== 3 || !(parts[1] === NONE || idPart.test(parts[1]!)) || !idPart.test(parts[2]!)) return undefined;
      return { kind: 'ask', serviceId: parts[1] === NONE ? null : parts[1]!, concernId: parts[2]! };
    case 's':
      return parts.length === 2 && idPart.test(parts[1]!) ? { kind: 'service', serviceId: parts[1]! } : undefined;
    case 'f': {
      const [, id, flag, ref] = parts;
      if ((parts.length !== 3 && parts.length !== 4) || !id || !ANSWER_ID.test(id) || (flag !== '1' && flag !== '0')) return undefined;
      if (ref !== undefined && !REF.test(ref)) return undefined;
      return { kind: 'feedback', answerId: id, helpful: flag === '1', ...(ref ? { ref } : {}) };
    }
    case 'w': {
      const [, id, ref] = parts;
      if (parts.length !== 3 || !id || !ANSWER_ID.test(id) || !(ref === NONE || REF.test(ref ?? ''))) return undefined;
      return { kind: 'feedback-form', answerId: id, ...(ref !== NONE ? { ref } : {}) };
    }
    case 'h': {
      const [, quizId, indexText] = parts;
      const index = Number(indexText);
      if (parts.length !== 3 || !/^q[a-z0-9]{6,40}$/.test(quizId ?? '') || !Number.isInteger(index) || index < 0 || index > 99) return undefined;
      return { kind: 'challenge', quizId: quizId!, index };
    }
    case 'c':
      return parts.length === 2 && (WELCOME_COMMANDS as readonly string[]).includes(parts[1]!) ? { kind: 'command', command: parts[1] as WelcomeCommand } : undefined;
    case 't': {
      const step = Number(parts[1]);
      const choice = parts[2] as Owner;
      const valid = parts.length === 3 && Number.isInteger(step) && step >= 0 && step < 100 && OWNERS.includes(choice);
      return valid ? { kind: 'tour-check', step, choice } : undefined;
    }
    case 'x': {
      const ids = parts.length === 2 ? parts[1]!.split(',') : [];
      return ids.length > 0 && ids.every((id) => idPart.test(id)) ? { kind: 'stack-csv', serviceIds: ids } : undefined;
    }
    case 'o': {
      const step = Number(parts[1]);
      return parts.length === 2 && Number.isInteger(step) && step >= 0 && step < 100 ? { kind: 'onboarding', step } : undefined;
    }
    default:
      return undefined;
  }
}
