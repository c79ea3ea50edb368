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
}
