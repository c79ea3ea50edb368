import type { Knowledge } from '../knowledge/types.js';
import type { Understanding } from '../understanding/understanding.js';
import type { AnswerOutcome } from './answer-outcome.js';
import { composeComparison } from './compose-comparison.js';
import { composeConcept } from './compose-concept.js';
import { composeDecline, composeHelp } from './compose-help.js';
import { composeGeneralAnswer, composeOwnerAnswer } from './compose-owner-answer.js';
import { composeServiceCard } from './compose-service-card.js';

/** Below this, the bot does not give an owner; it declines and says what it can answer. */
export const MIN_CONFIDENCE = 0.6;

/** Turns an understood question into a reply. Commands (quiz, tour) are handled by the core. */
export function answerQuestion(knowledge: Knowledge, u: Understanding): AnswerOutcome {
  if (u.intent !== 'help' && u.intent !== 'decline' && u.confidence < MIN_CONFIDENCE) return composeDecline('not-understood');
  switch (u.intent) {
    case 'who-owns': {
      const [ref] = u.services;
      if (!ref) return composeGeneralAnswer(knowledge, u.concernIds[0]!);
      return composeOwnerAnswer(knowledge, ref.candidates, u.concernIds, u.concernsTied);
    }
    case 'service-card':
      return composeServiceCard(knowledge, u.services[0]!.candidates[0]!);
    case 'compare':
      return composeComparison(knowledge, u.services.map((r) => r.candidates[0]!), u.concernIds[0]);
    case 'concept':
      return composeConcept(knowledge, u.conceptId!);
    case 'decline':
      return composeDecline(u.declineReason ?? 'not-understood');
    default:
      return { reply: composeHelp(), answered: false, owner: null, serviceId: null, serviceName: null, concernLabel: null };
  }
}
