import type { QuizQuestion } from '../knowledge/types.js';
import { OWNERS } from '../model/owner.js';
import { ANSWER_LABEL } from './quiz-messages.js';

/** One answer button of a question: the value it sends and the label people see. */
export interface QuizChoice {
  value: string;
  label: string;
}

/**
 * The answer buttons of a question, in a stable order: AWS / Customer / Shared for an owner
 * question; the letters for an exam-style question; every pair of letters ("A + C") when it says
 * "Choose TWO" (a button press is one answer, so a pair is one button).
 */
export function choicesFor(question: QuizQuestion): QuizChoice[] {
  if (!question.exam) return OWNERS.map((owner) => ({ value: owner, label: ANSWER_LABEL[owner] }));
  const letters = question.exam.options.map((o) => o.letter);
  if (question.exam.pick === 1) return letters.map((l) => ({ value: l, label: l }));
  const pairs: QuizChoice[] = [];
  letters.forEach((a, i) => letters.slice(i + 1).forEach((b) => pairs.push({ value: `${a}${b}`, label: `${a} + ${b}` })));
  return pairs;
}

/** The value of the right button. */
export function rightChoice(question: QuizQuestion): string {
  if (!question.exam) return question.answer;
  return question.exam.options
    .filter((o) => o.right)
    .map((o) => o.letter)
    .join('');
}

/** The right answer as people read it ("Customer", or "B + D"). */
export function rightLabel(question: QuizQuestion): string {
  const value = rightChoice(question);
  return choicesFor(question).find((c) => c.value === value)?.label ?? value;
}
