import type { Owner } from '../model/owner.js';
import type { Reply, ReplyAction } from '../model/reply-model.js';
import type { Knowledge, ResolvedResponsibility, Service } from '../knowledge/types.js';
import { answerId, askAction, feedbackActions, serviceAction } from './action-values.js';
import type { AnswerOutcome } from './answer-outcome.js';
import { categoryWhy } from './category-notes.js';
import { concreteConcern, findEntries } from './find-entries.js';
import { capitalise, inSentence, MESSAGES } from './messages.js';
import { withText } from './render-text.js';
import { sourceLink } from './source-title.js';

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
): AnswerOutcome {
  const concernId = concernIds[0]!;
  const found = candidates.flatMap((id) => findEntries(knowledge, id, concernId).entries);
  if (found.length === 0) return composeNoAnswer(knowledge, candidates[0]!, concernId);

  const owners = new Set(found.map((e) => e.owner));
  if (owners.size > 1) return composeClarifyServices(knowledge, found, concernId, candidates);

  if (concernsTied && concernIds[1]) {
    const other = candidates.flatMap((id) => findEntries(knowledge, id, concernIds[1]!).entries);
    if (other.length > 0 && other[0]!.owner !== found[0]!.owner) {
      return composeClarifyConcerns(knowledge, candidates[0]!, [concernId, concernIds[1]]);
    }
  }
  return composeEntryAnswer(knowledge, found[0]!, found.slice(1), concernIds.slice(1));
}

/** The answer card for one resolved entry. */
export function composeEntryAnswer(
  knowledge: Knowledge,
  entry: ResolvedResponsibility,
  alsoTrueFor: ResolvedResponsibility[] = [],
  otherConcerns: string[] = [],
): AnswerOutcome {
  const service = knowledge.services.get(entry.serviceId)!;
  const concern = knowledge.concerns.get(entry.concernId)!;
  const subject = `${inSentence(concern.label)} on ${service.name}`;
  const same = alsoTrueFor.map((e) => knowledge.services.get(e.serviceId)!.name).filter((n) => n !== service.name);
  const sections = [
    { title: MESSAGES.section.aws, body: entry.aws },
    { title: MESSAGES.section.customer, body: entry.customer },
    { title: MESSAGES.section.why, body: categoryWhy(service) + (same.length ? ` ${MESSAGES.sameForAll(same.join(', '))}` : '') },
  ];
  const cardService = topService(knowledge, service);
  const actions: ReplyAction[] = [
    serviceAction(MESSAGES.followUp.showService(cardService.name), cardService.id),
    ...feedbackActions(answerId(service.id, concern.id), { up: MESSAGES.followUp.helpful, down: MESSAGES.followUp.notHelpful }),
  ];
  const reply: Reply = withText({
    kind: 'answer',
    headline: MESSAGES.headline[entry.owner](subject),
    owner: entry.owner,
    serviceName: service.name,
    concernLabel: concern.label,
    sections,
    sources: entry.sources.map(sourceLink),
    suggestions: suggestions(knowledge, service, concern.id, otherConcerns),
    actions,
  });
  return { reply, answered: true, owner: entry.owner, serviceId: service.id, serviceName: service.name, concernLabel: concern.label };
}

/** "Who owns <concern>?" with no service: the general rule. */
export function composeGeneralAnswer(knowledge: Knowledge, concernId: string): AnswerOutcome {
  const concern = knowledge.concerns.get(concernId)!;
  const { owner, aws, customer, sources } = concern.general;
  const reply = withText({
    kind: 'answer',
    headline: MESSAGES.headline[owner](MESSAGES.generalSubject(inSentence(concern.label))),
    owner,
    concernLabel: concern.label,
    sections: [
      { title: MESSAGES.section.aws, body: aws },
      { title: MESSAGES.section.customer, body: customer },
      { title: MESSAGES.section.why, body: WHY_GENERAL[owner] },
    ],
    sources: sources.map(sourceLink),
    suggestions: [`who owns ${inSentence(concern.label)} on EC2?`, `who owns ${inSentence(concern.label)} on Lambda?`],
    actions: feedbackActions(answerId(null, concern.id), { up: MESSAGES.followUp.helpful, down: MESSAGES.followUp.notHelpful }),
  });
  return { reply, answered: true, owner, serviceId: null, serviceName: null, concernLabel: concern.label };
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
    .filter((id) => !('none' in knowledge.lookup(service.id, id)));
  return [...new Set(picks)].slice(0, 2).map((id) => `who owns ${inSentence(knowledge.concerns.get(id)!.label)} on ${service.name}?`);
}
