/** Longest button value a platform sends (Slack's limit); longer values are refused unread. */
export const MAX_ACTION_VALUE_LENGTH = 2_000;

const VALUE = /^(q[a-z0-9]{6,40}):(\d{1,2}):(aws|customer|shared|reveal|rank|view|[A-E]{1,2})$/;

/** A new quiz id from the injected clock and randomness ("q" + base-36 time + 8 random chars). */
export function newQuizId(now: number, random: () => number): string {
  let suffix = '';
  for (let i = 0; i < 8; i++) suffix += Math.floor(random() * 36).toString(36).slice(-1);
  return `q${now.toString(36)}${suffix}`;
}

/** Key of the quiz's header message (the thread parent). */
export const headerKey = (quizId: string): string => `quiz:${quizId}:header`;
/** Key of one question's message (edited in place on reveal). */
export const questionKey = (quizId: string, index: number): string => `quiz:${quizId}:q${index}`;
/** Key of the scoreboard message in the thread. */
export const scoreboardKey = (quizId: string): string => `quiz:${quizId}:scoreboard`;
/** Key of the one-line result in the channel. */
export const resultKey = (quizId: string): string => `quiz:${quizId}:result`;

/** Value of an answer button: only ids; the server looks up what they mean. */
export const answerValue = (quizId: string, index: number, choice: string): string => `${quizId}:${index}:${choice}`;
/** Value of the reveal button. */
export const revealValue = (quizId: string, index: number): string => `${quizId}:${index}:reveal`;

/** Value of a question's per-person view (the card refresh). */
export const viewValue = (quizId: string, index: number): string => `${quizId}:${index}:view`;

/** Value of the scoreboard's "My rank" button. */
export const rankValue = (quizId: string): string => `${quizId}:0:rank`;

/** A button value that has the right shape (not yet checked against stored state). */
export type QuizButton =
  /** `choice` is an owner, or the letters of an exam-style answer; the engine checks it fits the question. */
  | { kind: 'answer'; quizId: string; index: number; choice: string }
  | { kind: 'reveal'; quizId: string; index: number }
  | { kind: 'rank'; quizId: string }
  | { kind: 'view'; quizId: string; index: number };

/** Parses a button value; undefined for anything not shaped like one of ours. */
export function parseQuizButton(value: unknown): QuizButton | undefined {
  if (typeof value !== 'string' || value.length > MAX_ACTION_VALUE_LENGTH) return undefined;
  const match = VALUE.exec(value);
  if (!match) return undefined;
  const [, quizId = '', indexText = '', option = ''] = match;
  const index = Number(indexText);
  if (option === 'reveal') return { kind: 'reveal', quizId, index };
  if (option === 'rank') return { kind: 'rank', quizId };
  if (option === 'view') return { kind: 'view', quizId, index };
  return { kind: 'answer', quizId, index, choice: option };
}
