import type { Owner } from '../model/owner.js';
import type { Reply } from '../model/reply-model.js';

/** A reply plus what it concluded, for `srm ask --json`, logs and evaluation. */
export interface AnswerOutcome {
  reply: Reply;
  /** False when the bot declines or only asks to clarify. */
  answered: boolean;
  owner: Owner | null;
  /** The service the reply is about (for follow-ups in the same thread). */
  serviceId: string | null;
  serviceName: string | null;
  concernLabel: string | null;
  /** The concern answered, for follow-ups ("and for Lambda?") in the same thread. */
  concernId?: string;
  /** The duty the answer led with (its plain-words line), when the question pointed at one. */
  duty?: string;
  /** The condition the answer was given under ("managed platform updates on"), for a follow-up that flips it. */
  condition?: string;
  /** For a question about several services: each part's service, concern and owner, in the order asked. */
  parts?: AnswerPart[];
  /** Answered only with the model's general rule for configuring a service (no entry for the feature). */
  fallback?: boolean;
  /** For "stack …": the official names of the services found, and the names not recognised. */
  stack?: { services: string[]; unknown: string[] };
  /** For a pasted multiple-choice question: the letters picked, upper case. */
  choices?: string[];
  /** For a pasted multiple-choice question: every option and how it was judged. */
  options?: ChoiceOption[];
}

/** One option of a multiple-choice question, judged. */
export interface ChoiceOption {
  letter: string;
  text: string;
  owner: Owner | null;
  verdict: 'fits' | 'does not fit' | 'unknown';
}

/** One part of a two-part answer, for `srm ask --json`. */
export interface AnswerPart {
  service: string | null;
  concern: string | null;
  owner: Owner | null;
}
