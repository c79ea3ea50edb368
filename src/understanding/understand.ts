import { familyOf } from '../knowledge/service-family.js';
import type { Knowledge } from '../knowledge/types.js';
import { withoutArticles } from './articles.js';
import { COMMON_WORDS } from './common-words.js';
import {
  COMPARE_CUES,
  type DeclineReason,
  hasCue,
  NAMED_RESOURCE,
  OUT_OF_SCOPE_CUES,
  RESPONSIBILITY_CUES,
  SECRETS_REQUEST,
  ACTION_REQUEST,
  SERVICE_CARD_CUES,
  SOFT_COMPARE_CUES,
  STRONG_RESPONSIBILITY_CUES,
} from './cue-words.js';
import { detectCommand, rawArgsOf } from './detect-command.js';
import { dropNegated, dropOwnedGeneric } from './drop-negated.js';
import { dropOwnPremises } from './own-premises.js';
import { weakenClassifying } from './classifying-words.js';
import { dropVerbSenses } from './verb-senses.js';
import { dutyConcernsInNames, withDutyConcerns } from './duty-concerns.js';
import { findMentions, type Mention } from './find-mentions.js';
import { automaticAlternative } from './automatic-alternative.js';
import { findClaim, findSide } from './find-side.js';
import { isElliptical, opensLikeFollowUp } from './follow-up.js';
import { normalizeText } from './normalize-text.js';
import { withVersionJump } from './version-jump.js';
import { buildPhraseIndex, type PhraseIndex } from './phrase-index.js';
import { type ResolvedConcerns, resolveConcerns } from './resolve-concerns.js';
import { readStack } from './read-stack.js';
import { type PlacedRef, resolveServices } from './resolve-services.js';
import { createSpellingCorrector, type SpellingCorrector } from './spelling.js';
import { parseMultipleChoice } from './multiple-choice.js';
import { readMultipleChoice } from './read-multiple-choice.js';
import { OPENERS, splitActs, splitClauses } from './split-clauses.js';
import { withoutSceneStems } from './scene-clause.js';
import { splitByCondition } from './split-by-condition.js';
import { splitParts } from './split-parts.js';
import { contrastSides } from './contrast-sides.js';
import { stem } from './stem.js';
import { typedAsNames, unknownAcronym } from './typed-names.js';
import type { QuestionPart, ServiceRef, Understanding } from './understanding.js';
import { buildConceptWords, conceptsByWords, type ConceptWords } from './concept-words.js';
import { AUTOMATIC_WORDS, EITHER_CUES, NATURE_WORDS, SIDE_WORDS, TURN_ON, WH_CUES } from './side-words.js';

/** Turns a chat message into an Understanding. Built once per knowledge base. */
export type Understand = (text: string) => Understanding;

/** Declines that a clear responsibility question overrides ("for cost reasons we self-host … who patches?"). */
const SOFT_DECLINES: ReadonlySet<DeclineReason> = new Set(['how-to', 'not-responsibility', 'pricing']);
const HOW_TO = OUT_OF_SCOPE_CUES.find((c) => c.reason === 'how-to')!.cues;
/** "AWS Flurble", "Amazon MegaCache": a capitalised word after AWS/Amazon names a product. */
const PRODUCT_NAME = /\b(?:AWS|Amazon)\s+([A-Z][A-Za-z0-9]+)/g;
/** The same in lower case ("amazon mq"), trusted only when the question names no service of its own. */
const ANY_CASE_PRODUCT_NAME = /\b(?:aws|amazon)\s+([a-z][a-z0-9]+)/g;
/** The concept that introduces the whole model: a frame for other questions more often than the question. */
const OVERVIEW_CONCEPT = 'shared-responsibility-model';
/** Words of a question that asks what something is or means, not who does it. */
const WHAT_CUES = [' what ', ' whats ', ' why ', ' how does ', ' how do ', ' explain', ' difference', ' mean ', ' means ',
  ' meaning', ' define', ' describe', ' where the line', ' where is the line', ' is the model', ' identical', ' same for every',
  ' tell me about', ' overview', ' in short'];
/** "which is the customer's", "which one is AWS's": the side a choice between acts is made for. */
const CHOICE_FOR = / which (?:one |of these |of them |of the two )?(?:is|are) (?:the )?(customers?|our|ours|my|mine|aws|amazon)\b/;
/** Words that ask for one answer per concern named ("which side owns which?"). */
const PER_CONCERN_CUES = [' which owns which', ' owns which', ' each ', ' respectively', ' which is which'];
/** Asking what the customer still does across several services (their checklist, not a comparison). */
const LEFT_FOR_CUSTOMER_CUES = [' left for the customer', ' left for us', ' left for me', ' what do we still', ' what do i still', ' what is still ours', ' still ours', ' still on us'];
/** Asking about a control as a control ("whose control is that?", "what kind of control"). */
const CONTROL_CUES = [' control ', ' controls ', ' control is ', ' kind of control', ' type of control'];
/** Services named as examples of something ("SaaS-like services such as Shield"). */
const EXAMPLE_CUES = [' such as ', ' like ', ' e g ', ' for example ', ' for instance '];
/** A message that only thanks ("thanks!", "thank you so much"). */
const THANKS_ONLY = /^\W*(?:thanks|thank you|thx|ty|cheers|many thanks|ta)(?:\s+(?:a lot|so much|very much|again|mate|all|srm))*\W*$/i;
/** Words of a configure-type question that name no feature ("who sets it up for us?"). */
const NOT_A_FEATURE: ReadonlySet<string> = new Set(['aws', 'amazon', 'customer', 'us', 'we', 'our', 'it', 'them', 'though', 'whether',
  'turn', 'turns', 'turned', 'turning', 'switch', 'switches', 'switched', 'switching', 'on', 'off', 'enable', 'enables', 'activate', 'activates',
  'anyway', 'actually', 'exactly', 'still', 'supposed', 'decides', 'decide', 'responsible', 'job', 'whose']);

/** Builds the matcher's indexes from the knowledge base (once, at start-up). */
export function createUnderstand(knowledge: Knowledge): Understand {
  const index = buildPhraseIndex(knowledge);
  const correct = createSpellingCorrector(index.vocabulary);
  const concepts = buildConceptWords(knowledge);
  return (text) => understand(text, knowledge, { index, correct, concepts });
}

/** What the matcher builds once per knowledge base. */
interface Indexes {
  index: PhraseIndex;
  correct: SpellingCorrector;
  concepts: ConceptWords;
}

function understand(text: string, knowledge: Knowledge, built: Indexes): Understanding {
  const { index, correct } = built;
  const words = withVersionJump(normalizeText(text));
  const padded = ` ${words.join(' ')} `;
  const base = { services: [], concernIds: [], concernsTied: false, args: '', words, followUp: false, stemmed: ' ' };
  if (THANKS_ONLY.test(text.replace(/<[^>]*>/g, ' ').slice(0, 200))) return { ...base, intent: 'thanks', confidence: 1 };
  const pasted = parseMultipleChoice(text);
  if (pasted) {
    const choice = readMultipleChoice(pasted, knowledge, (t) => understand(t, knowledge, built));
    return { ...base, intent: 'multiple-choice', choice, confidence: 0.9 };
  }
  if (words.length === 0) return { ...base, intent: 'help', confidence: 1 };

  const command = detectCommand(words);
  if (command?.intent === 'stack') {
    const stack = readStack(command.args.split(' ').filter(Boolean), knowledge, index, correct);
    return { ...base, intent: 'stack', args: command.args, stack, confidence: 1 };
  }
  if (command) return { ...base, intent: command.intent, args: command.args, rawArgs: rawArgsOf(command, text), confidence: 1 };

  // "how do I …" is a how-to, not "do I have to …": judge responsibility without the how-to phrases.
  const withoutHowTo = HOW_TO.reduce((t, cue) => t.split(cue).join(' '), padded);
  const strongCue = hasCue(withoutHowTo, STRONG_RESPONSIBILITY_CUES);
  // "give me the DB password" asks for a secret; "who should get access to the DB password?" asks who owns that.
  if (SECRETS_REQUEST.test(padded) && !/^ (?:who|whose|whos|which party|which side)\b/.test(padded)) return decline(base, 'secrets');
  if (ACTION_REQUEST.test(padded) && !strongCue) return decline(base, 'action-request');
  // "the billing bucket", "our cost table": a resource's name, not a question about money.
  const outOfScopeText = padded.replace(NAMED_RESOURCE, ' ');
  for (const { reason, cues } of OUT_OF_SCOPE_CUES) {
    if (hasCue(outOfScopeText, cues) && !(SOFT_DECLINES.has(reason) && strongCue)) return decline(base, reason);
  }

  const clauses = splitClauses(words);
  if (clauses.length >= 2) {
    // "amazon mq: who does major upgrades and who patches our broker?": read whole, so a product we do not know is not
    // replaced clause by clause with one an everyday word ("broker") names.
    const unknownNamed = unknownProductName(text.toLowerCase(), index, correct, ANY_CASE_PRODUCT_NAME);
    const asked = unknownNamed ? undefined : askedInClauses(clauses, (clause) => understand(clause, knowledge, built), knowledge);
    if (asked) return { ...base, ...asked };
  }

  // Steps: mentions → services → concerns → side (the duty and its condition are picked per entry, in answers).
  const phraseWords = withoutArticles(words);
  const { mentions, stems } = findMentions(phraseWords, index, correct, typedAsNames(text));
  // The duty is picked by the act's words, not by a clause that sets the time ("… once we set a retention period").
  const sceneless = withoutSceneStems(phraseWords, stems);
  const cue = strongCue || hasCue(withoutHowTo, RESPONSIBILITY_CUES);
  const concernNamed = mentions.some((m) => m.targets.some((t) => t.kind === 'concern'));
  // "what about if we enable auto mode?": in a follow-up an everyday name ("auto mode") names the service it stands for.
  const resolved = resolveServices(mentions, knowledge, cue || concernNamed || opensLikeFollowUp(words));
  const { consumed, dualRole } = resolved;
  const refs = dropOwnedGeneric(dropOverlapping(dropNegated(resolved.refs, phraseWords)), phraseWords);
  const stemmed = withNamesLeftOut(sceneless, stems, refs);
  const unconsumed = mentions.filter((m) => !consumed.has(m));
  const free = weakenClassifying(dropVerbSenses(dropOwnPremises([...withDutyConcerns(unconsumed, refs, knowledge), ...dutyConcernsInNames([...consumed], refs, knowledge)], words), phraseWords), phraseWords);
  const dual = new Set(free.filter((_m, i) => i < unconsumed.length && dualRole.has(unconsumed[i]!)));
  const concerns = afterBut(resolveConcerns(free, knowledge, dual), free, phraseWords);
  const byWords = conceptsByWords(built.concepts, stems);
  // "what is AWS responsible for protecting, and what do we have to protect?": both halves asked, without comparing
  // them, is the model as a whole.
  const halves = [...namedConcepts(mentions), ...byWords];
  const bothHalves = halves.includes('security-of-the-cloud') && halves.includes('security-in-the-cloud') && hasCue(padded, [' what ', ' whats ', ' which ']) &&
    !hasCue(padded, [' difference', ' differ', ' compare', ' vs ', ' versus ', ' between ']);
  const conceptId = bothHalves ? OVERVIEW_CONCEPT : (bestConcept(mentions) ?? byWords[0]);
  const corrected = mentions.some((m) => m.corrected);
  // "Outposts power and cooling — AWS or us?" only names a concern; "who replicates the volume?" points at AWS.
  // "…encrypted out of the box, or do we have to set that up?" is the yes/no question of its first alternative.
  const asked = automaticAlternative(padded) ?? padded;
  const namesOnly = hasCue(asked, EITHER_CUES) || hasCue(asked, [' whose ', ' who owns ']) || asked.endsWith(' who ');
  const masked = serviceNamesMasked(padded, phraseWords, mentions);
  const claim = findClaim(automaticAlternative(masked) ?? masked);
  // "do AWS's attestations make us compliant automatically?" claims nothing is left to do: its AWS words
  // describe the claim, so the act is judged by its own words, not by the side they point at.
  const pointed = findSide(asked, namesOnly ? outsideConcernNames(phraseWords, concerns.anchor ? [concerns.anchor] : []) : asked);
  const claimsAutomatic = claim !== undefined && hasCue(asked, AUTOMATIC_WORDS);
  const side = pointed === 'aws' && claimsAutomatic ? undefined : pointed;
  const sideFromName = side === 'customer' && hasCue(asked, NATURE_WORDS) && findSide(NATURE_WORDS.reduce((t, w) => t.replaceAll(w, ' '), asked)) === undefined;
  const offeredSide = asked !== padded ? findSide(padded) : undefined;
  const read = { ...base, stemmed, ...(side ? { side } : {}), ...(sideFromName ? { sideFromName } : {}), ...(offeredSide ? { offeredSide } : {}), ...(claim ? { claim } : {}), ...(claimsAutomatic ? { claimsAutomatic } : {}) };

  if (unknownProductName(text, index, correct)) return decline(read, 'unknown-service');
  // "who patches our RSD instances?": a name the bot does not know is never replaced by a guess.
  if (refs.every((r) => r.generic) && unknownAcronym(text, index)) return decline(read, 'unknown-service');
  // "who patches the brokers in amazon mq?": an everyday word ("brokers") must not stand in for a product we do not know.
  if (refs.length > 0 && refs.every((r) => r.generic) && unknownProductName(text.toLowerCase(), index, correct, ANY_CASE_PRODUCT_NAME)) {
    return decline(read, 'unknown-service');
  }

  const unexplained = unexplainedWords(phraseWords, mentions);
  const concernIds = concerns.fromContextOnly && !strongCue ? [] : concerns.ids;
  const penalty = (corrected ? 0.1 : 0) + (refs.some((r) => r.generic) ? 0.1 : 0) + (concerns.fromContextOnly ? 0.15 : 0);
  const found = (services: ServiceRef[], ids = concernIds) => ({
    ...read,
    services: services.map(({ candidates, generic, corrected: c }) => ({ candidates, generic, corrected: c })),
    concernIds: ids,
    concernsTied: concerns.tied,
    conceptId,
    ...(resolved.variantHints.length > 0 ? { variantHints: resolved.variantHints } : {}),
    followUp: isElliptical(words, services.length > 0, ids.length > 0),
  });

  // "what does 'abstracted services' mean?", "whose are the inherited controls?": the concept is the question.
  const concept = conceptId ? knowledge.concepts.get(conceptId) : undefined;
  const asksWho = hasCue(padded, WH_CUES);
  const comparesConcepts = refs.every((r) => r.generic) && hasCue(padded, [' difference', ' differ', ' compare', ' vs ', ' versus ']);
  // "Zone security … whose control is that?": a kind of control asked about as a control.
  const asksAboutControl = concept?.exampleOf !== undefined && conceptNamed(mentions, conceptId!) && hasCue(padded, CONTROL_CUES);
  // "overall, is cloud security AWS's job or ours?": the whole of the model asked about, nothing narrower named.
  const overallAsked =
    concept?.ownerWhenAsked !== undefined && claim === undefined && refs.length === 0 && !concernOutside(free, mentions, conceptId!) &&
    (asksWho || hasCue(padded, EITHER_CUES)) && hasCue(padded, [' security ', ' compliance ', ' it controls ']);
  const whoConcept =
    asksAboutControl ||
    overallAsked ||
    ((concept?.owner !== undefined || comparesConcepts) && (concerns.ids.length === 0 || conceptPhrase(mentions, conceptId!) >= 3) && !conceptLoses(mentions, conceptId!));
  // "SaaS-like services such as Shield or Trusted Advisor": services named as examples of the concept asked about.
  const conceptMentioned = mentions.some((m) => m.targets.some((t) => t.kind === 'concept' && t.id === conceptId));
  const servicesAsExamples = refs.length > 0 && concept !== undefined && conceptMentioned && hasCue(padded, EXAMPLE_CUES);
  if (servicesAsExamples && claim === undefined && hasCue(padded, WHAT_CUES)) return { ...found([]), concernIds: [], intent: 'concept', confidence: 0.85 };
  // "how does security responsibility split when we use Amazon S3?": the model for one service is that service's card.
  const modelAsked = hasCue(padded, [' split', ' divided', ' shared responsibility', ' responsibility model', ' security responsibilit']);
  if (conceptId === OVERVIEW_CONCEPT && modelAsked && refs.length === 1 && !refs[0]!.generic && concernIds.length === 0 && claim === undefined) {
    return { ...found(refs), intent: 'service-card', confidence: 0.85 - penalty };
  }
  // "how does the model differ between ECS on EC2 and ECS on Fargate?": two services compared are a comparison, not the concept.
  const comparesServices = refs.filter((r) => !r.generic).length >= 2 && hasCue(padded, [' differ', ' difference', ' compare', ' vs ', ' versus ', ' shift', ' change between', ' changes between']);
  if (concept && claim === undefined && !comparesServices && (refs.length === 0 || conceptNamed(mentions, conceptId!)) && (asksWho || overallAsked ? whoConcept : hasCue(padded, WHAT_CUES))) {
    const also = [...new Set([...namedConcepts(mentions), ...byWords])].filter((id) => id !== conceptId && id !== OVERVIEW_CONCEPT);
    const compared = hasCue(padded, COMPARE_CUES) || hasCue(padded, SOFT_COMPARE_CUES) || hasCue(padded, PER_CONCERN_CUES);
    const owned = overallAsked ? { conceptOwner: concept.ownerWhenAsked! } : {};
    return { ...found([]), ...(compared && also.length ? { alsoConcepts: also.slice(0, 2) } : {}), ...owned, intent: 'concept', confidence: 0.9 };
  }
  // "hypervisor vs guest OS — which side owns which?": one general answer per concern.
  // "Which is the customer's: firewall configuration or hardware maintenance?": a choice between acts, each answered.
  const choiceBetweenActs = /^ which\b/.test(padded) && hasCue(padded, [' or ']) && !hasCue(padded, EITHER_CUES);
  const noServiceNamed = refs.every((r) => r.generic) && (refs.length === 0 || choiceBetweenActs);
  if (noServiceNamed && concernIds.length >= 2 && (hasCue(padded, COMPARE_CUES) || hasCue(padded, PER_CONCERN_CUES) || hasCue(padded, [' difference between ']) || choiceBetweenActs)) {
    // Each concern's side comes from its own stretch of words ("hypervisor patching vs guest OS patching").
    const at = (id: string) => Math.min(...free.filter((m) => m.targets.some((t) => t.kind === 'concern' && t.id === id)).map((m) => m.start), phraseWords.length);
    // In the order asked.
    const ids = concernIds.slice(0, 3).sort((a, b) => at(a) - at(b));
    const starts = ids.map(at);
    const parts = ids.map((id, i) => {
      const from = Math.max(0, ...starts.filter((s) => s < starts[i]!).map((s) => s + 1));
      const to = Math.min(phraseWords.length, ...starts.filter((s) => s > starts[i]!));
      const own = findSide(` ${phraseWords.slice(from, to).join(' ')} `);
      return { concernIds: [id], stemmed, ...(own ? { side: own } : {}) };
    });
    // "which is the customer's: hypervisor patching or guest OS patching?": the side the choice is made for.
    const asked = choiceBetweenActs ? CHOICE_FOR.exec(padded)?.[1] : undefined;
    const choosingFor = asked ? { choosingFor: /^(?:aws|amazon)$/.test(asked) ? ('aws' as const) : ('customer' as const) } : {};
    return { ...found([]), parts, ...choosingFor, intent: 'who-owns', confidence: 0.85 - penalty };
  }

  // "OS patching on RDS for Oracle vs on RDS Custom for Oracle?": one service, two cases, a part for each.
  if (refs.length > 0 && concernIds.length > 0 && new Set(refs.map((r) => r.candidates[0])).size === 1) {
    const cases = splitByCondition(words, refs[0]!, concernIds[0]!, knowledge);
    if (cases) return { ...found([refs[0]!]), parts: cases, intent: 'who-owns', confidence: 0.85 - penalty };
  }
  if (refs.length >= 2) {
    const aboutResponsibility = cue || concernIds.length > 0;
    const compare = hasCue(padded, COMPARE_CUES) || (hasCue(padded, SOFT_COMPARE_CUES) && aboutResponsibility);
    const asksForCards = hasCue(padded, SERVICE_CARD_CUES);
    if (concernIds.length === 0 && (compare || (listed(refs, phraseWords) && (aboutResponsibility || asksForCards || onlyServices(refs, phraseWords))))) {
      // "For S3 and DynamoDB, what's left for the customer?": the customer's checklist across them.
      if (hasCue(padded, LEFT_FOR_CUSTOMER_CUES)) {
        const serviceIds = [...new Set(refs.map((r) => r.candidates[0]!))];
        return { ...found(refs), intent: 'stack', stack: { serviceIds, unknown: [], save: false }, confidence: 0.85 - penalty };
      }
      return { ...found(refs), intent: 'compare', confidence: 0.9 - penalty };
    }
    const parts = splitParts(refs, free, phraseWords, stems, knowledge, dual, concernIds, compare);
    if (parts) return { ...found(refs, parts[0]!.concernIds), parts, intent: 'who-owns', confidence: 0.85 - penalty };
    const acts = actsAsked(words, knowledge, built);
    if (acts) return { ...read, ...acts };
    if (concernIds.length === 0) {
      // "who configures the Lambda authorizer on our API Gateway?": configuring a feature of the service it is on.
      const target = targetOf(refs, phraseWords);
      const feature = side === 'customer' && cue ? featureWords(phraseWords, mentions.filter((m) => m.targets.some((t) => t.kind !== 'duty' && !(t.kind === 'service' && target.candidates.includes(t.id))))) : undefined;
      if (feature) return { ...found([target]), fallbackFeature: feature, intent: 'who-owns', confidence: 0.65 - penalty / 2 };
      return decline(found(refs), 'not-understood');
    }
    return { ...found([nearestOrNamedByDuty(refs, concerns.anchor, free, knowledge, concernIds[0]!, phraseWords)]), intent: 'who-owns', confidence: 0.8 - penalty };
  }
  if (refs.length <= 1) {
    // "CloudFront edge hardware, and the viewer protocol policy on our distribution — whose is each?"
    const acts = actsAsked(words, knowledge, built);
    if (acts) return { ...read, ...acts };
  }
  // "what part of ECS on Fargate do we still patch?": what is left to the customer there, across concerns, is its card.
  if (refs.length === 1 && claim === undefined && !asksWho && hasCue(padded, WHAT_CUES) && hasCue(padded, [' still '])) {
    return { ...found(refs), intent: 'service-card', confidence: 0.8 - penalty };
  }
  if (refs.length === 1 && concernIds.length > 0) {
    return { ...found(refs), intent: 'who-owns', confidence: 0.95 - penalty };
  }
  // "what is Kubernetes?" asks what a product is, not who owns anything in it.
  if (refs.length === 1 && /^ what (?:is|are) $/.test(` ${phraseWords.filter((_w, i) => i < refs[0]!.at.start || i >= refs[0]!.at.start + refs[0]!.at.words).join(' ')} `)) {
    return decline(found(refs), 'not-responsibility');
  }
  if (refs.length === 1) {
    // "who configures AWS Config rules?": a "who" and a configure-type verb ask about configuring, cue word or not.
    const feature = side === 'customer' && (cue || asksWho) ? featureWords(phraseWords, mentions.filter((m) => m.targets.some((t) => t.kind !== 'duty'))) : undefined;
    if (feature) return { ...found(refs), fallbackFeature: feature, intent: 'who-owns', confidence: 0.65 - penalty / 2 };
    // "who turns GuardDuty on?", "who configures AWS Config rules?": the service itself turned on or set up, nothing more named.
    if (side === 'customer' && (TURN_ON.test(padded) || asksWho) && !refs[0]!.generic) return { ...found(refs), turnsOnService: true, intent: 'who-owns', confidence: 0.7 - penalty };
    // "who's responsible for security on EC2 in general?": security as a whole on the service is its card.
    if (hasCue(padded, [' security ']) && (cue || hasCue(padded, WH_CUES))) return { ...found(refs), intent: 'service-card', confidence: 0.8 - penalty };
    const primary = primaryConcernOf(refs[0]!.candidates, knowledge);
    if (primary && (cue || unexplained <= 1)) return { ...found(refs, [primary]), intent: 'who-owns', confidence: 0.8 - penalty };
    const asksForCard = hasCue(padded, SERVICE_CARD_CUES) || conceptId !== undefined || unexplained === 0 || (strongCue && unexplained <= 1);
    if (asksForCard || isElliptical(words, true, false)) return { ...found(refs), intent: 'service-card', confidence: 0.8 - penalty };
    return decline(found(refs), 'not-understood');
  }
  if (concernIds.length > 0) {
    if (conceptId && !strongCue && conceptWins(mentions, conceptId)) return { ...found([]), intent: 'concept', confidence: 0.9 };
    const clear = cue || unexplained <= 1 || claim !== undefined;
    return clear ? { ...found([]), intent: 'who-owns', confidence: 0.9 - penalty } : decline(found([]), 'not-understood');
  }
  if (conceptId) return { ...found([]), intent: 'concept', confidence: 0.9 - (corrected ? 0.1 : 0) };
  return decline(found([]), 'not-understood');
}

/**
 * Two or more "who" questions in one message ("S3 — who replaces failed disks and who configures the
 * bucket policies?"), each answered as a part. A clause that names no service is read with the first
 * service named ("…, and who manages our self-managed worker nodes?" after "EKS"); one that names no
 * concern asks about the one before it. Undefined unless two clauses make parts.
 */
function askedInClauses(
  clauses: string[][],
  read: (text: string) => Understanding,
  knowledge: Knowledge,
): Omit<Understanding, 'words' | 'args' | 'followUp'> | undefined {
  const reads = withPreamble(clauses, read).map((c) => read(c.join(' ')));
  // The service named first by its name; an everyday word ("the broker hosts") in a later clause means that one.
  const firstNamed = reads.find((r) => r.services.length > 0)?.services[0];
  const lead = firstNamed?.generic ? (reads.flatMap((r) => r.services).find((s) => !s.generic) ?? firstNamed) : firstNamed;
  const leadService = lead ? knowledge.services.get(lead.candidates[0]!) : undefined;
  const leadName = leadService?.variantOf ? knowledge.services.get(leadService.variantOf)?.name : leadService?.name;
  const parts: QuestionPart[] = [];
  for (const [i, first] of reads.entries()) {
    const unnamed =
      first.services.length === 0 ||
      (first.services.every((s) => s.generic) && lead !== undefined && !lead.generic && familyOf(knowledge, first.services[0]!.candidates[0]!) !== familyOf(knowledge, lead.candidates[0]!));
    const r = unnamed && leadName ? read(`${leadName} ${clauses[i]!.join(' ')}`) : first;
    if (r.intent === 'decline' && r.declineReason !== 'not-understood') return undefined;
    const service = r.services[0] ?? lead;
    const previous = parts[parts.length - 1];
    // A clause that names no concern asks about the one before it, unless it moved to a variant with its own ("…and our worker nodes?").
    const primary = service && service.candidates[0] !== previous?.service?.candidates[0] ? knowledge.services.get(service.candidates[0]!)?.primaryConcern : undefined;
    // A clause that configures a feature the knowledge has no entry for is a part too ("switching on GuardDuty").
    // Only a clause that turns the service on ("who switches Macie on, and …") is a part of its own; "who decides" in
    // "who decides who can read…" is not.
    const turnsOn = r.turnsOnService === true && TURN_ON.test(` ${clauses[i]!.join(' ')} `);
    if (r.concernIds.length === 0 && (r.fallbackFeature || turnsOn) && service) {
      const configured = r.fallbackFeature ? { fallbackFeature: r.fallbackFeature } : { turnsOnService: true };
      parts.push({ service, concernIds: [], ...configured, stemmed: first.stemmed, ...(r.side ? { side: r.side } : {}) });
      continue;
    }
    const concernIds = r.concernIds.length > 0 ? r.concernIds : primary ? [primary] : (previous?.concernIds ?? []);
    if (concernIds.length === 0) continue;
    parts.push({ ...(service ? { service } : {}), concernIds, stemmed: first.stemmed, ...(r.side ? { side: r.side } : {}), ...(r.sideFromName ? { sideFromName: true } : {}) });
  }
  if (parts.length < 2 || !reads.some((r) => r.concernIds.length > 0)) return undefined;
  const first = parts.find((p) => p.concernIds.length > 0)!;
  return {
    intent: 'who-owns',
    services: first.service ? [first.service] : [],
    concernIds: first.concernIds,
    concernsTied: false,
    stemmed: first.stemmed,
    parts: contrastSides(parts),
    confidence: 0.85,
  };
}

/**
 * Words belong to one service name at most: "EKS self-managed node group" names the self-managed nodes,
 * not also the managed node groups its last words spell. Of two overlapping names the longer stays;
 * of two as long, the one read first.
 */
function dropOverlapping(refs: PlacedRef[]): PlacedRef[] {
  const end = (r: PlacedRef) => r.at.start + r.at.words;
  const overlaps = (a: PlacedRef, b: PlacedRef) => a !== b && a.at !== b.at && a.at.start < end(b) && b.at.start < end(a);
  const loses = (a: PlacedRef, b: PlacedRef) => b.at.words > a.at.words || (b.at.words === a.at.words && b.at.start < a.at.start);
  return refs.filter((r) => !refs.some((other) => overlaps(r, other) && loses(r, other)));
}

/** Words that join the things a question sets out before asking about them. */
const PREAMBLE_JOINS: ReadonlySet<string> = new Set(['plus', 'and', 'while', 'whereas', 'also']);

/**
 * "Lambda on Auto runtime mode plus a Postgres we run ourselves on EC2: who patches the runtime, and who
 * patches Postgres?": the things are set out first, then each question names one by a word of its own.
 * Each question is read with the one thing it names; the clauses as they were when that does not work
 * out (fewer than two things, or a question that names none or several).
 */
function withPreamble(clauses: string[][], read: (text: string) => Understanding): string[][] {
  const first = clauses[0]!;
  const opener = first.findIndex((w) => OPENERS.has(w));
  if (opener <= 0) return clauses;
  const preamble = first.slice(0, opener);
  const things: string[][] = [[]];
  for (const w of preamble) {
    if (PREAMBLE_JOINS.has(w)) things.push([]);
    else things[things.length - 1]!.push(w);
  }
  const named = things.filter((t) => t.length > 0);
  if (named.length < 2 || named.some((t) => read(t.join(' ')).services.length === 0)) return clauses;
  const questions = [first.slice(opener), ...clauses.slice(1)];
  const content = (words: string[]) => new Set(words.filter((w) => !COMMON_WORDS.has(w) && !OPENERS.has(w) && w.length > 2).map(stem));
  const picks = questions.map((q) => {
    const asked = content(q);
    const matching = named.filter((t) => [...content(t)].some((w) => asked.has(w)));
    return matching.length === 1 ? matching[0]! : undefined;
  });
  if (picks.some((p) => p === undefined) || new Set(picks).size !== picks.length) return clauses;
  return questions.map((q, i) => [...picks[i]!, ...q]);
}

/** Two acts named, then asked of each: each act read as a question of its own (see splitActs). */
function actsAsked(words: string[], knowledge: Knowledge, built: Indexes): Omit<Understanding, 'words' | 'args' | 'followUp'> | undefined {
  const acts = splitActs(words);
  return acts ? askedInClauses(acts, (clause) => understand(clause, knowledge, built), knowledge) : undefined;
}

/** The words no knowledge phrase explains, as the feature a configure-type question is about ("usage plans"). */
function featureWords(words: string[], mentions: Mention[]): string | undefined {
  const covered = new Set<number>();
  for (const m of mentions) for (let i = m.start; i < m.start + m.words; i++) covered.add(i);
  const verb = (w: string) => SIDE_WORDS.customer.some((cue) => cue.trim() === w);
  const picked = words.filter((w, i) => !covered.has(i) && !COMMON_WORDS.has(w) && !NOT_A_FEATURE.has(w) && !verb(w) && w.length > 2 && !/^\d+$/.test(w));
  return picked.length > 0 ? picked.slice(0, 4).join(' ') : undefined;
}

function decline(base: Omit<Understanding, 'intent' | 'confidence'>, reason: DeclineReason): Understanding {
  return { ...base, intent: 'decline', declineReason: reason, confidence: 0 };
}

/** A concern is named outside the phrases that name the concept ("compliance" in "security and compliance" is inside). */
function concernOutside(free: Mention[], mentions: Mention[], conceptId: string): boolean {
  const spans = mentions.filter((m) => m.targets.some((t) => t.kind === 'concept' && t.id === conceptId));
  const inside = (m: Mention) => spans.some((c) => m.start >= c.start && m.start + m.words <= c.start + c.words);
  return free.some((m) => m.targets.some((t) => t.kind === 'concern') && !inside(m));
}

/** The concept named by the longest phrase, if any; the model's overview only when no other concept is named. */
function bestConcept(mentions: Mention[]): string | undefined {
  return namedConcepts(mentions)[0];
}

/** Every concept named, longest phrase first, the overview last ("in the shared responsibility model, what are …"). */
function namedConcepts(mentions: Mention[]): string[] {
  const best = new Map<string, number>();
  for (const m of mentions) {
    for (const t of m.targets) {
      if (t.kind !== 'concept') continue;
      const score = t.id === OVERVIEW_CONCEPT ? 0 : m.words;
      if (score >= (best.get(t.id) ?? -1)) best.set(t.id, score);
    }
  }
  return [...best.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/** The question without the words that name its concern (the `named` mentions), padded, for reading infrastructure words. */
function outsideConcernNames(words: string[], mentions: Mention[]): string {
  const named = new Set<number>();
  for (const m of mentions) {
    if (!m.targets.some((t) => t.kind === 'concern')) continue;
    for (let i = m.start; i < m.start + m.words; i++) named.add(i);
  }
  return ` ${words.filter((_w, i) => !named.has(i)).join(' ')} `;
}

/**
 * The text with each service name replaced by "service", so a name that starts with "AWS" is not read
 * as the party: "…the execution environment on AWS Lambda?" does not claim "on AWS".
 */
/**
 * "DynamoDB already encrypts at rest, but we need … who does client-side encryption?": of two concerns named as
 * strongly, the one after a "but" is asked; the one before is granted.
 */
function afterBut(concerns: ResolvedConcerns, mentions: Mention[], words: string[]): ResolvedConcerns {
  const but = words.lastIndexOf('but');
  if (!concerns.tied || but <= 0) return concerns;
  const after = (id: string) => mentions.some((m) => m.start > but && m.targets.some((t) => t.kind === 'concern' && t.id === id));
  const [first, second] = concerns.ids;
  if (!first || !second || after(first) === after(second)) return concerns;
  const ids = after(first) ? concerns.ids : [second, first, ...concerns.ids.slice(2)];
  return { ...concerns, ids, tied: false };
}

/**
 * The stemmed words for picking a duty, followed by the same words with the services' names left out, so a duty's
 * words match with a name between them ("generates the GuardDuty findings" has "generates the findings").
 */
function withNamesLeftOut(sceneless: string[], stems: string[], refs: PlacedRef[]): string {
  const named = new Set(refs.flatMap((r) => Array.from({ length: r.at.words }, (_v, i) => r.at.start + i)));
  const plain = ` ${sceneless.join(' ')} `;
  if (named.size === 0 || sceneless.length !== stems.length) return plain;
  return `${plain}${stems.filter((_s, i) => !named.has(i)).join(' ')} `;
}

function serviceNamesMasked(padded: string, words: string[], mentions: Mention[]): string {
  let out = padded;
  for (const m of mentions) {
    if (!m.targets.some((t) => t.kind === 'service')) continue;
    const name = ` ${words.slice(m.start, m.start + m.words).join(' ')} `;
    if (name.startsWith(' aws ') || name.startsWith(' amazon ')) out = out.replace(name, ' service ');
  }
  return out;
}

/** Words in the longest phrase that names the concept (0 when only its words were found). */
function conceptPhrase(mentions: Mention[], conceptId: string): number {
  return Math.max(0, ...mentions.filter((m) => m.targets.some((t) => t.kind === 'concept' && t.id === conceptId)).map((m) => m.words));
}

/** The concept is named by a phrase of its own ("SaaS", "abstracted services"), not only found by its words. */
function conceptNamed(mentions: Mention[], conceptId: string): boolean {
  return mentions.some((m) => m.words >= 2 && m.targets.some((t) => t.kind === 'concept' && t.id === conceptId));
}

/** A concern is named by a longer phrase than the concept ("who owns physical security?" is the concern). */
function conceptLoses(mentions: Mention[], conceptId: string): boolean {
  const longest = (pick: (m: Mention) => boolean) => Math.max(0, ...mentions.filter(pick).map((m) => m.words));
  return longest((m) => m.targets.some((t) => t.kind === 'concern')) > longest((m) => m.targets.some((t) => t.kind === 'concept' && t.id === conceptId));
}

/** A concept phrase longer than every concern phrase ("shared controls" beats "controls"). */
function conceptWins(mentions: Mention[], conceptId: string): boolean {
  const longest = (pick: (m: Mention) => boolean) => Math.max(0, ...mentions.filter(pick).map((m) => m.words));
  return longest((m) => m.targets.some((t) => t.kind === 'concept' && t.id === conceptId)) > longest((m) => m.targets.some((t) => t.kind === 'concern'));
}

/** Meaningful words that no knowledge phrase explains: many of them suggest an off-topic message. */
function unexplainedWords(words: string[], mentions: Mention[]): number {
  const covered = new Set<number>();
  for (const m of mentions) for (let i = m.start; i < m.start + m.words; i++) covered.add(i);
  return words.filter((w, i) => !covered.has(i) && !COMMON_WORDS.has(w)).length;
}

/** The primary concern shared by every candidate of a ref, if they have one. */
function primaryConcernOf(candidates: string[], knowledge: Knowledge): string | undefined {
  const primaries = new Set(candidates.map((id) => knowledge.services.get(id)?.primaryConcern));
  return primaries.size === 1 ? [...primaries][0] : undefined;
}

/** Services named as a list ("EC2, RDS and Lambda"): nothing but "and"/"or" between them. */
function listed(refs: PlacedRef[], words: string[]): boolean {
  const sorted = [...refs].sort((a, b) => a.at.start - b.at.start);
  return sorted.slice(1).every((r, i) => {
    const prev = sorted[i]!;
    const between = words.slice(prev.at.start + prev.at.words, r.at.start);
    return between.every((w) => w === 'and' || w === 'or' || w === 'vs');
  });
}

/** The message is nothing but service names ("EC2, RDS, Lambda"). */
function onlyServices(refs: PlacedRef[], words: string[]): boolean {
  const covered = new Set<number>();
  for (const r of refs) for (let i = r.at.start; i < r.at.start + r.at.words; i++) covered.add(i);
  return words.every((w, i) => covered.has(i) || w === 'and' || w === 'or' || w === 'vs');
}

/** The service a feature belongs to: the one after "on", "for" or "in" ("the Lambda authorizer on our API Gateway"), else the last. */
function targetOf(refs: PlacedRef[], words: string[]): PlacedRef {
  const sorted = [...refs].sort((a, b) => a.at.start - b.at.start);
  return sorted.find((r) => ['on', 'for', 'in', 'of'].includes(words[r.at.start - 1] ?? '')) ?? sorted[sorted.length - 1]!;
}

/** One-word customer verbs ("configure", "enabling") from the side words. */
const CUSTOMER_VERBS: ReadonlySet<string> = new Set(SIDE_WORDS.customer.map((cue) => cue.trim()).filter((cue) => /^[a-z]+$/.test(cue)));

/** A customer's verb stands right before the service ("configuring Amazon Macie", "enable GuardDuty"). */
function isActedOn(words: string[], ref: PlacedRef): boolean {
  let at = ref.at.start - 1;
  if (words[at] === 'aws' || words[at] === 'amazon') at -= 1;
  return at >= 0 && CUSTOMER_VERBS.has(words[at]!);
}

/**
 * The service whose own duty words the question uses ("ACM-issued cert attached to our ALB — who renews it?"), else the one a
 * customer verb acts on, else the nearest of those that have the concern asked.
 */
function nearestOrNamedByDuty(refs: PlacedRef[], anchor: Mention | undefined, mentions: Mention[], knowledge: Knowledge, concernId: string, words: string[]): PlacedRef {
  // "AWS handles the control plane side, fine. but the kubelet on the worker nodes — theirs or ours?": what comes
  // after the "but" is asked; what comes before is granted.
  const but = words.lastIndexOf('but');
  const afterBut = refs.filter((r) => r.at.start > but);
  if (but > 0 && afterBut.length > 0 && afterBut.length < refs.length) return nearestOrNamedByDuty(afterBut, anchor, mentions, knowledge, concernId, words);
  const named = refs.filter((r) => mentions.some((m) => m.targets.some((t) => t.kind === 'duty' && t.serviceId !== undefined && r.candidates.includes(t.serviceId))));
  if (named.length === 1) return named[0]!;
  // "configuring Amazon Macie to scan S3 buckets": the service a customer verb acts on is the one asked about.
  const acted = refs.filter((r) => isActedOn(words, r));
  if (acted.length === 1) return acted[0]!;
  // "with EKS Auto Mode, who patches the EC2 instances that act as our worker nodes?": EC2 names the machines of a way
  // to run containers that was named too, and that way says who looks after them.
  const hosted = refs.filter((r) => ['eks', 'ecs'].includes(knowledge.services.get(r.candidates[0]!)?.variantOf ?? ''));
  if (hosted.length === 1 && refs.some((r) => r.candidates[0] === 'ec2')) return hosted[0]!;
  // "EC2 with EBS volumes: who patches the guest OS?": of the services named, the nearest that has the concern asked.
  const having = refs.filter((r) => !('none' in knowledge.lookup(r.candidates[0]!, concernId)));
  return nearest(having.length > 0 ? having : refs, anchor);
}

/** The service named closest to the concern ("… Beanstalk with an RDS Postgres database … who patches Postgres"). */
function nearest(refs: PlacedRef[], anchor: Mention | undefined): PlacedRef {
  if (!anchor) return refs[0]!;
  const distance = (r: PlacedRef) => Math.abs(r.at.start - anchor.start);
  return [...refs].sort((a, b) => distance(a) - distance(b))[0]!;
}

/** "Amazon <Name>" where the name is no service we know, nor a close typo of one. */
function unknownProductName(text: string, index: PhraseIndex, correct: SpellingCorrector, pattern = PRODUCT_NAME): boolean {
  for (const match of text.slice(0, 2000).matchAll(pattern)) {
    const name = match[1]!.toLowerCase();
    if (COMMON_WORDS.has(name) || index.vocabulary.has(stem(name))) continue;
    const fix = correct(stem(name));
    if (!fix || fix.distance > 1) return true;
  }
  return false;
}
