import { answerQuestion } from '../../src/answers/answer-question.js';
import type { AnswerPart, ChoiceOption } from '../../src/answers/answer-outcome.js';
import type { Owner } from '../../src/model/owner.js';
import type { Knowledge } from '../../src/knowledge/types.js';
import type { Understand } from '../../src/understanding/understand.js';

/** One line of `srm ask --json`. */
export interface AskResult {
  question: string;
  intent: string;
  answered: boolean;
  owner: Owner | null;
  service: string | null;
  concern: string | null;
  confidence: number;
  text: string;
  /** For a question about several services: every part, in the order asked. */
  parts?: AnswerPart[];
  /** For a pasted multiple-choice question: the letters picked, and every option judged. */
  choices?: string[];
  options?: ChoiceOption[];
  /** For "stack …": the official names of the services found, and the names not recognised. */
  services?: string[];
  unknown?: string[];
}

/** Answers one question the way chat would, as a flat record. */
export function ask(knowledge: Knowledge, understand: Understand, question: string): AskResult {
  const u = understand(question);
  const outcome = answerQuestion(knowledge, u);
  return {
    question,
    intent: u.intent,
    answered: outcome.answered,
    owner: outcome.owner,
    service: outcome.serviceName,
    concern: outcome.concernLabel,
    confidence: outcome.answered ? Math.round(u.confidence * 100) / 100 : 0,
    text: outcome.reply.text,
    ...(outcome.parts ? { parts: outcome.parts } : {}),
    ...(outcome.choices ? { choices: outcome.choices, options: outcome.options } : {}),
    ...(outcome.stack ? { services: outcome.stack.services, unknown: outcome.stack.unknown } : {}),
  };
}
