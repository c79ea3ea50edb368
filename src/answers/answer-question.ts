import { selectDuty } from '../understanding/select-duty.js';
import { phraseKey } from '../understanding/phrase-index.js';
import { familyOf } from '../knowledge/service-family.js';
import type { Knowledge, ResolvedResponsibility, Side } from '../knowledge/types.js';
import type { Understanding } from '../understanding/understanding.js';
import type { AnswerOutcome } from './answer-outcome.js';
import { composeComparison } from './compose-comparison.js';
import { composeConcept } from './compose-concept.js';
import { composeConfigurationFallback } from './compose-configuration-fallback.js';
import { composeDecline, composeHelp, composeThanks } from './compose-help.js';
import { type AnswerCues, composeGeneralAnswer, composeOwnerAnswer } from './compose-owner-answer.js';
import { repeatsQuestion } from '../understanding/follow-up.js';
import { EMPTY_STACK } from '../understanding/read-stack.js';
import { composeStack } from './compose-stack.js';
import { composeMultipleChoice } from './compose-multiple-choice.js';
import { composeParts } from './compose-parts.js';
import { composeServiceCard } from './compose-service-card.js';

/** Below this, the bot does not give an owner; it declines and says what it can answer. */
export const MIN_CONFIDENCE = 0.6;

/** What a thread (or DM) last talked about, so an elliptical follow-up ("and for Lambda?") can lean on it. */
export interface ConversationContext {
  serviceId?: string;
  concernId?: string;
  side?: Side;
  /** The condition the last answer was under, when it was a switch's position ("managed platform updates on"). */
  condition?: string;
}

/**
 * Turns an understood question into a reply. An elliptical follow-up borrows what it lacks from the
 * conversation: the service ("and who encrypts it?"), or the concern and side ("and for Lambda?").
 * Commands (quiz, tour) are handled by the core.
 */
export function answerQuestion(knowledge: Knowledge, u: Understanding, context?: ConversationContext): AnswerOutcome {
  // "we switched them off last week, who now?" after an answer under "managed platform updates on": the other position.
  const flipped = context ? withSwitchFlipped(knowledge, u, context) : u;
  // "fyi we turned managed updates off last year": a message that names a case of the entry just answered leans on it.
  const namesCase = context !== undefined && namesCaseOf(knowledge, flipped, context);
  const q = context && (flipped.followUp || namesCase) ? withContext(knowledge, flipped, context, namesCase) : flipped;
  if (q.intent !== 'help' && q.intent !== 'decline' && q.intent !== 'thanks' && q.intent !== 'multiple-choice' && q.intent !== 'stack' && q.confidence < MIN_CONFIDENCE) {
    return composeDecline('not-understood');
  }
  const cues: AnswerCues = { stemmed: q.stemmed, ...(q.side ? { side: q.side } : {}), ...(q.claim ? { claim: q.claim } : {}), ...(q.claimsAutomatic ? { claimsAutomatic: true } : {}) };
  switch (q.intent) {
    case 'who-owns': {
      if (q.parts) return composeParts(knowledge, q.parts, q.claim, q.choosingFor);
      const [ref] = q.services;
      if (!ref) return composeGeneralAnswer(knowledge, q.concernIds[0]!, cues);
      if (q.fallbackFeature || q.turnsOnService) return composeConfigurationFallback(knowledge, ref.candidates[0]!, q.fallbackFeature);
      const outcome = composeOwnerAnswer(knowledge, ref.candidates, q.concernIds, q.concernsTied, cues);
      // No sourced answer, but the question asks who configures something of theirs: the general rule.
      if (outcome.reply.kind === 'clarify' && outcome.owner === null && !outcome.reply.actions.some((a) => a.value.includes('"serviceId":"') && ref.candidates.length > 1) && q.side === 'customer' && outcome.concernLabel) {
        return composeConfigurationFallback(knowledge, outcome.serviceId ?? ref.candidates[0]!, outcome.concernLabel.toLowerCase());
      }
      return outcome;
    }
    case 'service-card':
      return composeServiceCard(knowledge, q.services[0]!.candidates[0]!);
    case 'compare':
      return composeComparison(knowledge, q.services.map((r) => r.candidates[0]!), q.concernIds[0]);
    case 'concept':
      return composeConcept(knowledge, q.conceptId!, q.alsoConcepts, q.concernIds, q.conceptOwner);
    case 'decline':
      return composeDecline(q.declineReason ?? 'not-understood');
    case 'thanks':
      return composeThanks();
    case 'stack':
      return composeStack(knowledge, q.stack ?? EMPTY_STACK);
    case 'multiple-choice':
      return composeMultipleChoice(knowledge, q.choice!, (reading) => answerQuestion(knowledge, reading));
    default:
      return { reply: composeHelp(), answered: false, owner: null, serviceId: null, serviceName: null, concernLabel: null };
  }
}

/** What the conversation remembers after an answer, for the next follow-up; undefined when the answer was about nothing. */
export function nextContext(outcome: AnswerOutcome, u: Understanding, previous?: ConversationContext): ConversationContext | undefined {
  if (!outcome.serviceId && !outcome.concernId) return undefined;
  // A full question starts afresh; only a follow-up carries the side it borrowed.
  // A side that only a service's name gave ("self-managed nodes") says what the thing is, not the act: not carried.
  const side = u.sideFromName ? undefined : (u.side ?? u.offeredSide ?? (u.followUp ? previous?.side : undefined));
  return {
    ...(outcome.serviceId ? { serviceId: outcome.serviceId } : {}),
    ...(outcome.concernId ? { concernId: outcome.concernId } : {}),
    ...(side ? { side } : {}),
    ...(outcome.condition && SWITCH_POSITION.test(outcome.condition) ? { condition: outcome.condition } : {}),
  };
}

/** A condition that is a switch's position: its label ends in "on" or "off". */
const SWITCH_POSITION = /\b(?:on|off)$/;
/**
 * "we switched them off", "turn it back on", "and with it turned off?", "if we turned that auto option off",
 * "what if it's disabled?": a pronoun's switch moved, with no service named.
 */
const SWITCHED =
  /\b(?:turn\w*|switch\w*|flip\w*|set)\b(?: (?:it|them|those|that|these|back|it back|them back|(?:that|this|the) \w+(?: \w+)?))+ (on|off)\b|\b(?:it|them|that|those|this)(?: s)?(?: is| are| was| were| being| gets| got)? (?:turned |switched |set |flipped )?(on|off|disabled|enabled)\b/;
const POSITION_OF: Readonly<Record<string, 'on' | 'off'>> = { on: 'on', off: 'off', enabled: 'on', disabled: 'off' };

/**
 * After an answer under one position of a switch, a message that moves "it" or "them" to the other position asks
 * about the other case: its words are added, so the condition of that position is found.
 */
function withSwitchFlipped(knowledge: Knowledge, u: Understanding, context: ConversationContext): Understanding {
  if (!context.condition || u.services.length > 0) return u;
  const moved = SWITCHED.exec(u.words.join(' '));
  const to = moved ? POSITION_OF[moved[1] ?? moved[2] ?? ''] : undefined;
  const position = SWITCH_POSITION.exec(context.condition)?.[0];
  if (!to || !position || to === position) return u;
  const label = context.condition.replace(SWITCH_POSITION, to);
  const other = contextEntry(knowledge, context)?.duties.find((d) => d.when?.label === label)?.when;
  if (!other?.terms[0]) return u;
  return { ...u, stemmed: `${u.stemmed}${phraseKey(other.terms[0])} `, followUp: true };
}

/** The message names no service but a condition of the entry the conversation is about ("managed updates off"). */
function namesCaseOf(knowledge: Knowledge, u: Understanding, context: ConversationContext): boolean {
  if (u.services.length > 0 || (u.intent === 'decline' && u.declineReason !== 'not-understood')) return false;
  const entry = contextEntry(knowledge, context);
  return entry !== undefined && selectDuty(entry, { stemmed: u.stemmed }).condition !== undefined;
}

/** The entry the conversation is about (its service and concern), if the knowledge has one. */
function contextEntry(knowledge: Knowledge, context: ConversationContext): ResolvedResponsibility | undefined {
  if (!context.serviceId || !context.concernId || !knowledge.services.has(context.serviceId)) return undefined;
  const found = knowledge.lookup(context.serviceId, context.concernId);
  return 'none' in found ? undefined : found;
}

/** The question with what it lacks taken from the conversation; unchanged when the conversation cannot help. */
function withContext(knowledge: Knowledge, u: Understanding, context: ConversationContext, namesCase: boolean): Understanding {
  const hasService = u.services.length > 0;
  const hasConcern = u.concernIds.length > 0;
  const side = u.side ?? context.side;
  const sided = side ? { side } : {};
  // "same for a Lambda function attached to our VPC?": "same" keeps the question; the rest only says where.
  const sameQuestion = repeatsQuestion(u.words) && context.concernId && knowledge.concerns.has(context.concernId);
  if (hasService && hasConcern && sameQuestion) return { ...u, ...sided, concernIds: [context.concernId!], parts: undefined };
  // A follow-up that names its own concern keeps the earlier act's verb ("who sets retention…?" → "and on RDS backups?"),
  // but not a side that came from the earlier thing's nature: AWS's side is mostly named by nouns (the hypervisor, the
  // hardware), so "and the guest OS?" after the hypervisor asks afresh.
  const verbSide = u.side ?? (context.side === 'customer' ? context.side : undefined);
  const actSided = verbSide ? { side: verbSide } : {};
  if (hasService && hasConcern) return { ...u, ...actSided };
  if (hasService && !hasConcern && context.concernId && knowledge.concerns.has(context.concernId)) {
    return { ...u, ...sided, intent: 'who-owns', concernIds: [context.concernId], parts: undefined, fallbackFeature: undefined, turnsOnService: undefined, confidence: Math.max(u.confidence, 0.8) };
  }
  // "and with Auto Mode?" in a thread about EKS: the variant its everyday name stands for.
  const hinted = context.serviceId ? u.variantHints?.find((id) => familyOf(knowledge, id) === familyOf(knowledge, context.serviceId!)) : undefined;
  const serviceId = hinted ?? context.serviceId;
  const service = serviceId && knowledge.services.has(serviceId) ? { candidates: [serviceId], generic: false, corrected: false } : undefined;
  // "we switched managed platform updates off, who does it now?": the case named is of the entry just answered, so
  // its concern stays (the message's own concern words, like "switched", are the case's, not a new question).
  if (!hasService && namesCase && service && context.concernId) {
    return { ...u, ...sided, intent: 'who-owns', services: [service], concernIds: [context.concernId], parts: undefined, confidence: Math.max(u.confidence, 0.8) };
  }
  if (!hasService && hasConcern && service) {
    return { ...u, ...actSided, intent: 'who-owns', services: [service], confidence: Math.max(u.confidence, 0.8) };
  }
  // "and the ones we imported?", "and in Manual mode?": same service and concern, under the condition named now.
  const understood = u.intent !== 'decline' || u.declineReason === 'not-understood';
  if (!hasService && !hasConcern && understood && service && context.concernId && knowledge.concerns.has(context.concernId)) {
    return { ...u, ...sided, intent: 'who-owns', services: [service], concernIds: [context.concernId], confidence: 0.8 };
  }
  return u;
}
