import type { Owner } from '../model/owner.js';
import type { Reply, ReplyAction, ReplySection } from '../model/reply-model.js';
import type { Concern, Duty, Knowledge, ResolvedResponsibility, Responsibility, Service, Side } from '../knowledge/types.js';
import { type DutyChoice, type DutyCues, selectDuty } from '../understanding/select-duty.js';
import { answerId, askAction, feedbackActions, serviceAction } from './action-values.js';
import type { AnswerOutcome } from './answer-outcome.js';
import { categoryWhy } from './category-notes.js';
import { concreteConcern, findEntries } from './find-entries.js';
import { capitalise, inSentence, MESSAGES } from './messages.js';
import { withText } from './render-text.js';
import { sourceLink } from './source-title.js';

/** What the question says beyond its service and concern: the words that pick a duty, its side, a claim to judge. */
export type AnswerCues = DutyCues;

const WHY_GENERAL: Record<Owner, string> = {
  aws: 'This is security "of" the cloud: the infrastructure AWS runs for every service, from the host operating system and virtualization layer down to the buildings.',
  customer: 'This is security "in" the cloud: what you build, configure and store on AWS is yours to secure.',
  shared: 'This is a shared control: AWS covers it for the infrastructure, you cover it for your own use of AWS.',
};

/**
 * Answers "who owns <concern> on <service>". `candidates` are the services one name may mean; when
 * their answers differ, or the two most likely concerns differ, the reply asks instead of guessing.
 */
export function composeOwnerAnswer(
  knowledge: Knowledge,
  candidates: string[],
  concernIds: string[],
  concernsTied = false,
  cues?: AnswerCues,
): AnswerOutcome {
  // The first concern named that the service has an answer for ("network-layer DDoS mitigation on Shield").
  const answerable = concernIds.find((id) => candidates.some((c) => findEntries(knowledge, c, id).entries.length > 0));
  const concernId = answerable ?? concernIds[0]!;
  const found = candidates.flatMap((id) => findEntries(knowledge, id, concernId, cues?.side).entries);
  if (found.length === 0) return composeNoAnswer(knowledge, candidates[0]!, concernId);

  const owners = new Set(found.map((e) => ownerFor(e, cues)));
  if (owners.size > 1) return composeClarifyServices(knowledge, found, concernId, candidates);

  const next = concernIds[concernIds.indexOf(concernId) + 1];
  if (concernsTied && concernId === concernIds[0] && next) {
    const other = candidates.flatMap((id) => findEntries(knowledge, id, next).entries);
    if (other.length > 0 && ownerFor(other[0]!, cues) !== ownerFor(found[0]!, cues)) {
      return composeClarifyConcerns(knowledge, candidates[0]!, [concernId, next]);
    }
  }
  return composeEntryAnswer(knowledge, found[0]!, found.slice(1), concernIds.filter((id) => id !== concernId), cues);
}

/** The duties a question is about in an entry; with no cues, the whole entry. */
function choose(entry: Responsibility, cues: AnswerCues | undefined): DutyChoice {
  return cues ? selectDuty(entry, cues) : { inForce: entry.duties.filter((d) => !d.when) };
}

/** The owner of what the question asks about: the chosen duty's side, or the entry's owner. */
function ownerFor(entry: Responsibility, cues: AnswerCues | undefined): Owner {
  const choice = choose(entry, cues);
  if (choice.focus) return choice.focus.by;
  return entry.owner;
}

/** One side's part among the duties in force (the entry's note about the other side when it has none). */
function sidePart(choice: DutyChoice, entry: Responsibility, side: Side): string {
  const own = choice.inForce.filter((d: Duty) => d.by === side).map((d) => d.does);
  if (own.length) return own.join(' ');
  return side === 'aws' ? (entry.owner === 'aws' ? entry.aws : (entry.otherSide ?? entry.aws)) : (entry.otherSide ?? entry.customer);
}

/** "Yes — ", "No — " or "Partly — " before a headline that judges a statement; nothing for a plain question. */
function verdictPrefix(claim: Side | undefined, owner: Owner): string {
  if (!claim) return '';
  const word = owner === 'shared' ? MESSAGES.verdict.partly : owner === claim ? MESSAGES.verdict.yes : MESSAGES.verdict.no;
  return `${word} — `;
}

/** A headline with its verdict and condition: "No — you own … (runtime update mode: Manual)". */
function headlineOf(main: string, claim: Side | undefined, owner: Owner, condition?: string): string {
  const prefix = verdictPrefix(claim, owner);
  const body = prefix && !main.startsWith('AWS') ? main.charAt(0).toLowerCase() + main.slice(1) : main;
  return `${prefix}${body}${condition ? ` (${condition})` : ''}`;
}

/** "encryption at rest on Amazon EFS"; "identity and access management on AWS" where the service is named for the concern. */
function subjectOf(concern: Concern, service: Service): string {
  const label = inSentence(concern.label);
  const words = (text: string) => text.toLowerCase().split(/\W+/).filter((w) => w.length > 2 && w !== 'aws' && w !== 'amazon');
  const labelWords = new Set(words(concern.label));
  const nameWords = words(service.name.replace(/\(.*\)/, ''));
  return nameWords.length > 0 && nameWords.every((w) => labelWords.has(w)) ? `${label} on AWS` : `${label} on ${service.name}`;
}

/** The answer card for one resolved entry: the duty asked about first, then the other side's part. */
export function composeEntryAnswer(
  knowledge: Knowledge,
  entry: ResolvedResponsibility,
  alsoTrueFor: ResolvedResponsibility[] = [],
  otherConcerns: string[] = [],
  cues?: AnswerCues,
): AnswerOutcome {
  const service = knowledge.services.get(entry.serviceId)!;
  const concern = knowledge.concerns.get(entry.concernId)!;
  const subject = subjectOf(concern, service);
  const same = alsoTrueFor.map((e) => knowledge.services.get(e.serviceId)!.name).filter((n) => n !== service.name);
  const choice = choose(entry, cues);
  const owner: Owner = choice.focus ? choice.focus.by : entry.owner;
  const partial = choice.focus !== undefined && choice.focus.by !== entry.owner && !choice.condition;
  const main = partial ? MESSAGES.dutyHeadline[choice.focus!.by](subject) : MESSAGES.headline[owner](subject);
  const sides: Side[] = owner === 'aws' ? ['aws', 'customer'] : ['customer', 'aws'];
  const sections: ReplySection[] = [
    ...sides.map((side) => ({ title: MESSAGES.section[side], body: sidePart(choice, entry, side) })),
    { title: MESSAGES.section.why, body: categoryWhy(service) + (same.length ? ` ${MESSAGES.sameForAll(same.join(', '))}` : '') },
  ];
  // Your organisation's owner of the customer's part, when an overlay names one and the customer has a part.
  const inside = knowledge.orgOwner?.(service.id, concern.id);
  if (inside && (owner !== 'aws' || entry.owner !== 'aws')) {
    sections.splice(sides.indexOf('customer') + 1, 0, { title: MESSAGES.section.inside, body: MESSAGES.insideOwner(inside) });
  }
  const cardService = topService(knowledge, service);
  const actions: ReplyAction[] = [
    serviceAction(MESSAGES.followUp.showService(cardService.name), cardService.id),
    ...feedbackActions(answerId(service.id, concern.id), { up: MESSAGES.followUp.helpful, down: MESSAGES.followUp.notHelpful }),
  ];
  const reply: Reply = withText({
    kind: 'answer',
    headline: headlineOf(main, cues?.claim, owner, choice.condition?.label),
    owner,
    serviceName: service.name,
    concernLabel: concern.label,
    sections,
    sources: entry.sources.map(sourceLink),
    suggestions: suggestions(knowledge, service, concern.id, otherConcerns),
    actions,
  });
  const duty = choice.focus ? { duty: choice.focus.does, ...(choice.condition ? { condition: choice.condition.label } : {}) } : {};
  return { reply, answered: true, owner, serviceId: service.id, serviceName: service.name, concernLabel: concern.label, concernId: concern.id, ...duty };
}

/** "Who owns <concern>?" with no service: the general rule, or the general duty the question points at. */
export function composeGeneralAnswer(knowledge: Knowledge, concernId: string, cues?: AnswerCues): AnswerOutcome {
  const concern = knowledge.concerns.get(concernId)!;
  const general = concern.general;
  const choice = choose(general, cues);
  const owner: Owner = choice.focus ? choice.focus.by : general.owner;
  const subject = MESSAGES.generalSubject(inSentence(concern.label));
  const partial = choice.focus !== undefined && choice.focus.by !== general.owner && !choice.condition;
  const main = partial ? MESSAGES.dutyHeadline[choice.focus!.by](subject) : MESSAGES.headline[owner](subject);
  const sides: Side[] = owner === 'aws' ? ['aws', 'customer'] : ['customer', 'aws'];
  const reply = withText({
    kind: 'answer',
    headline: headlineOf(main, cues?.claim, owner, choice.condition?.label),
    owner,
    concernLabel: concern.label,
    sections: [
      ...sides.map((side) => ({ title: MESSAGES.section[side], body: sidePart(choice, general as Responsibility, side) })),
      { title: MESSAGES.section.why, body: WHY_GENERAL[owner] },
    ],
    sources: general.sources.map(sourceLink),
    suggestions: [`who owns ${inSentence(concern.label)} on EC2?`, `who owns ${inSentence(concern.label)} on Lambda?`],
    actions: feedbackActions(answerId(null, concern.id), { up: MESSAGES.followUp.helpful, down: MESSAGES.followUp.notHelpful }),
  });
  const duty = choice.focus ? { duty: choice.focus.does } : {};
  return { reply, answered: true, owner, serviceId: null, serviceName: null, concernLabel: concern.label, concernId: concern.id, ...duty };
}

function composeNoAnswer(knowledge: Knowledge, serviceId: string, concernId: string): AnswerOutcome {
  const service = knowledge.services.get(serviceId)!;
  const concrete = concreteConcern(knowledge, serviceId, concernId);
  const concern = knowledge.concerns.get(concrete)!;
  const { reason } = findEntries(knowledge, serviceId, concernId);
  const label = inSentence(concern.label);
  if (reason === 'not-applicable') {
    const reply = withText({
      kind: 'answer',
      headline: MESSAGES.notApplicable(label, service.name),
      serviceName: service.name,
      concernLabel: concern.label,
      sections: [{ title: MESSAGES.section.why, body: categoryWhy(service) }],
      sources: [sourceLink(service.source)],
      suggestions: [],
      actions: [serviceAction(MESSAGES.followUp.showService(service.name), service.id)],
    });
    return { reply, answered: true, owner: null, serviceId: service.id, serviceName: service.name, concernLabel: concern.label };
  }
  const reply = withText({
    kind: 'clarify',
    headline: `${MESSAGES.noSourcedAnswer(label, service.name)} ${MESSAGES.generalAnswerOffer}`,
    serviceName: service.name,
    concernLabel: concern.label,
    sections: [],
    sources: [],
    suggestions: [],
    actions: [
      askAction(capitalise(MESSAGES.generalSubject(label)), null, concernId),
      serviceAction(MESSAGES.followUp.showService(service.name), service.id),
    ],
  });
  return { reply, answered: false, owner: null, serviceId: service.id, serviceName: service.name, concernLabel: concern.label };
}

function composeClarifyServices(
  knowledge: Knowledge,
  found: ResolvedResponsibility[],
  concernId: string,
  candidates: string[],
): AnswerOutcome {
  const concern = knowledge.concerns.get(concreteConcern(knowledge, found[0]!.serviceId, concernId))!;
  const services = found.map((e) => knowledge.services.get(e.serviceId)!);
  const parent = commonParent(knowledge, services);
  const headline = parent
    ? MESSAGES.clarifyVariants(parent.name, inSentence(concern.label))
    : MESSAGES.clarifyServices(services.map((s) => s.name).join(' or '));
  const reply = withText({
    kind: 'clarify',
    headline,
    serviceName: parent?.name ?? knowledge.services.get(candidates[0]!)?.name,
    concernLabel: concern.label,
    sections: [],
    sources: [],
    suggestions: [],
    actions: services.map((s) => askAction(s.variantLabel && parent ? s.variantLabel : s.name, s.id, concernId)),
  });
  return { reply, answered: false, owner: null, serviceId: parent?.id ?? null, serviceName: parent?.name ?? null, concernLabel: concern.label };
}

function composeClarifyConcerns(knowledge: Knowledge, serviceId: string, concernIds: string[]): AnswerOutcome {
  const service = knowledge.services.get(serviceId)!;
  const reply = withText({
    kind: 'clarify',
    headline: MESSAGES.clarifyConcerns(service.name),
    serviceName: service.name,
    sections: [],
    sources: [],
    suggestions: [],
    actions: concernIds.map((id) => askAction(knowledge.concerns.get(id)!.label, serviceId, id)),
  });
  return { reply, answered: false, owner: null, serviceId: service.id, serviceName: service.name, concernLabel: null };
}

function commonParent(knowledge: Knowledge, services: Service[]): Service | undefined {
  const parents = new Set(services.map((s) => s.variantOf));
  const [only] = [...parents];
  return parents.size === 1 && only ? knowledge.services.get(only) : undefined;
}

function topService(knowledge: Knowledge, service: Service): Service {
  return service.variantOf ? (knowledge.services.get(service.variantOf) ?? service) : service;
}

/** Two follow-up questions about the same service, preferring concerns the person also named. */
function suggestions(knowledge: Knowledge, service: Service, concernId: string, otherConcerns: string[]): string[] {
  const picks = [...otherConcerns, 'encryption-at-rest', 'identity-access', 'backups-dr', 'guest-os-patching', 'firewall-rules']
    .filter((id) => id !== concernId && knowledge.concerns.has(id))
    .filter((id) => {
      const answer = knowledge.lookup(service.id, id);
      return !('none' in answer) && answer.origin !== 'default';
    });
  return [...new Set(picks)].slice(0, 2).map((id) => `who owns ${inSentence(knowledge.concerns.get(id)!.label)} on ${service.name}?`);
}
