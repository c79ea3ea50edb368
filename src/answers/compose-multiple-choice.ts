import type { Knowledge } from '../knowledge/types.js';
import type { Owner } from '../model/owner.js';
import type { SourceLink } from '../model/reply-model.js';
import { type ChoiceKind, type MultipleChoice, STATEMENT_PARTY } from '../understanding/multiple-choice.js';
import type { ReadChoice } from '../understanding/read-multiple-choice.js';
import type { Understanding } from '../understanding/understanding.js';
import type { AnswerOutcome, ChoiceOption } from './answer-outcome.js';
import { MESSAGES } from './messages.js';
import { withText } from './render-text.js';

/** The three controls AWS calls shared (patch, configuration management, awareness and training). */
const SHARED_CONTROLS: ReadonlySet<string> = new Set(['patch-management', 'configuration-management', 'awareness-training']);
/** Controls a customer fully inherits from AWS (physical and environmental). */
const INHERITED: ReadonlySet<string> = new Set(['physical-security', 'environmental-controls', 'media-decommissioning', 'personnel-security', 'hardware-network']);

type Answer = (u: Understanding) => AnswerOutcome;
type Judged = ChoiceOption & { fit: boolean | undefined; why: string; sources: SourceLink[]; serviceId?: string };

/**
 * Answers a pasted multiple-choice question: every option judged as its own question against the
 * knowledge, the letters that fit the question picked (as many as it asks for), the letters first,
 * then one line per option with its verdict, why, and the source. When an option cannot be judged
 * and the pick depends on it, the answer says it is uncertain.
 */
export function composeMultipleChoice(
  knowledge: Knowledge,
  choice: ReadChoice,
  answer: Answer,
): AnswerOutcome {
  // "Who deploys security updates for Fargate? A. The customer… B. AWS": the options are parties, the stem the act.
  // "What kind of control is this?": the options are control types, the stem the act.
  const controls = choice.kind === 'control-type' ? choice.options.map((o) => controlTypeOf(o.text)) : [];
  const bothAct = choice.kind === 'control-type' && /\baws\b[^.?]*\b(?:while|and|whereas)\b[^.?]*\bcustomers?\b/i.test(choice.stem);
  const asksWho =
    /^(?:who|which party|which entity)\b/i.test(choice.stem) || /\b(?:who|whose|which party|which entity)\b[^?]*\?\s*(?:\(.*\))?$/i.test(choice.stem) || choice.partiesOnly;
  const parties = choice.kind === 'control-type' ? controls : asksWho ? choice.options.map((o, i) => partyOnly(o.text, choice.readings[i])) : [];
  const stemOutcome =
    choice.kind !== 'true-statement' && parties.filter(Boolean).length >= 2 ? firstAnswered(choice.stemReadings, answer) : undefined;
  const stemOwner: Owner | undefined = bothAct ? 'shared' : (stemOutcome?.owner ?? undefined);
  // "A) The customer B) AWS C) Both D) A third-party auditor": beside the parties, anyone else owns nothing in the model.
  const partyQuestion = stemOwner !== undefined && choice.kind !== 'control-type' && parties.filter(Boolean).length >= 2;
  const judged: Judged[] = choice.options.map((option, i) =>
    partyQuestion && !parties[i]
      ? { letter: option.letter, text: option.text, owner: null, verdict: 'unknown', fit: false, why: MESSAGES.multipleChoice.notAParty, sources: [] }
      : stemOwner && parties[i]
      ? {
          letter: option.letter,
          text: option.text,
          owner: parties[i]!,
          verdict: 'unknown',
          fit: parties[i] === stemOwner,
          why: stemOutcome ? `${MESSAGES.ownerWord[stemOwner]}: ${stemOutcome.reply.headline}` : MESSAGES.ownerWord[stemOwner]!,
          sources: stemOutcome?.reply.sources.slice(0, 1) ?? [],
        }
      : judge(knowledge, choice, option, choice.readings[i]!, answer),
  );
  if (choice.kind === 'more-customer-work' || choice.kind === 'less-customer-work') {
    const work = customerWork(knowledge, judged.flatMap((j) => j.serviceId ?? []));
    const known = [...work.values()];
    const target = choice.kind === 'more-customer-work' ? Math.max(...known) : Math.min(...known);
    for (const j of judged) j.fit = j.serviceId === undefined ? undefined : work.get(j.serviceId) === target;
  }
  for (const j of judged) {
    if (!choice.negated || j.fit === undefined) continue;
    // "Which is NOT the customer's?": a shared act is partly the customer's, so it is no answer either.
    j.fit = (choice.kind === 'customer' || choice.kind === 'aws') && j.owner === 'shared' ? false : !j.fit;
  }

  // Too few options fit one side strictly: a shared one holds that side's part too (exam writers count
  // "encrypting data in your buckets" as yours although AWS encrypts by default).
  const wantedCount = choice.count ?? 1;
  if ((choice.kind === 'customer' || choice.kind === 'aws') && !choice.negated) {
    const strict = judged.filter((j) => j.fit === true).length;
    const shared = judged.filter((j) => j.owner === 'shared');
    // Only when every option could be judged: an unjudged one may be the side's own act.
    const allJudged = judged.every((j) => j.fit !== undefined);
    if (allJudged && strict < wantedCount && strict + shared.length === wantedCount) for (const j of shared) j.fit = true;
  }
  for (const j of judged) j.verdict = j.fit === undefined ? 'unknown' : j.fit ? 'fits' : 'does not fit';
  const fitting = judged.filter((j) => j.fit === true);
  const picked = fitting.slice(0, wantedCount);
  // As many options fit as the question asks for: the pick is settled, even if an option could not be judged.
  const sure = (choice.kind !== undefined || stemOwner !== undefined) && fitting.length === wantedCount;
  const letters = picked.map((j) => j.letter);
  // Each option names its page; the pages themselves are linked once, in the reply's sources.
  const sources = [...new Map(judged.flatMap((j) => j.sources).map((s) => [s.url, s])).values()].slice(0, 6);
  const lines = judged.map((j) => {
    const mark = j.fit === true && letters.includes(j.letter) ? '✅' : j.fit === undefined ? '❔' : '▫️';
    const page = j.sources[0] ? ` [${sources.findIndex((s) => s.url === j.sources[0]!.url) + 1 || '+'}]` : '';
    return `${mark} ${j.letter}. ${j.text} — ${j.why}${page}`;
  });
  const reply = withText({
    kind: 'answer',
    headline: letters.length === 0
      ? (judged.some((j) => j.fit === undefined) ? MESSAGES.multipleChoice.noneJudged : MESSAGES.multipleChoice.none)
      : !sure && fitting.length > wantedCount
        ? MESSAGES.multipleChoice.tooMany(letters, wantedCount)
        : sure ? MESSAGES.multipleChoice.answer(letters) : MESSAGES.multipleChoice.unsure(letters),
    sections: [{ title: MESSAGES.multipleChoice.options, body: lines.join('\n') }],
    sources,
    suggestions: [],
    actions: [],
  });
  return {
    reply,
    answered: sure && letters.length > 0,
    // The owner of what was picked: the party picked, or the one owner all picked options share ("which is the customer's?").
    owner: sure ? (partyQuestion ? stemOwner! : ((choice.kind && WORK_OWNER[choice.kind]) ?? sideAsked(choice) ?? pickedOwner(picked))) : null,
    serviceId: null,
    serviceName: null,
    concernLabel: null,
    choices: letters,
    options: judged.map(({ letter, text, owner, verdict }) => ({ letter, text, owner, verdict })),
  };
}

/** "Which service leaves the most work to the customer?": the picked service makes it the customer's; "the least": AWS's. */
const WORK_OWNER: Readonly<Partial<Record<ChoiceKind, Owner>>> = { 'more-customer-work': 'customer', 'less-customer-work': 'aws' };

/** "Which is the customer's responsibility?": the picked act is named as that side's, whatever else it holds. */
function sideAsked(choice: ReadChoice): Owner | undefined {
  return (choice.kind === 'customer' || choice.kind === 'aws') && !choice.negated ? choice.kind : undefined;
}

/** The owner every picked option shares, if they share one. */
function pickedOwner(picked: Judged[]): Owner | null {
  const owners = new Set(picked.map((j) => j.owner));
  const [only] = owners;
  return owners.size === 1 && only ? only : null;
}

/**
 * The party an option that is only a party names, perhaps with how ("AWS", "AWS Lambda, automatically",
 * "The customer, by patching each task's host", "Both AWS and the customer"); undefined for anything else.
 */
function partyOnly(text: string, reading?: Understanding): Owner | undefined {
  const head = text.split(/[,;(]/)[0]!.trim().toLowerCase();
  if (/^(?:both(?: aws and the customer)?|aws and the customer|shared)\b/.test(head)) return 'shared';
  // "The customer", "The customer must enable it": the customer, however it goes on.
  // "The customer who owns the instance": the customer, whichever one.
  if (/^(?:the )?(?:customers?|company|developer|team|us|we)$/.test(head) || /^(?:the )?customers? (?:must|does|do|is|are|has|have|should|needs?|who|that|which)\b/.test(head)) return 'customer';
  if (/^(?:aws|amazon(?: web services)?)(?: (?!support\b|partner)[a-z0-9]+){0,2}$/.test(head)) return 'aws';
  // "Lambda", "Amazon MSK automatically": a service named alone is AWS doing it.
  const [service] = reading?.services ?? [];
  const nameOnly = !/^(?:the|a|an|its|their|your)\b/.test(head) && head.split(' ').length <= 3;
  if (service && !service.generic && !service.corrected && reading!.services.length === 1 && reading!.concernIds.length === 0 && nameOnly) return 'aws';
  return undefined;
}

/** The control type an option names: inherited (AWS's), shared, or customer-specific. */
function controlTypeOf(text: string): Owner | undefined {
  const t = text.toLowerCase();
  if (/inherit/.test(t)) return 'aws';
  if (/shared/.test(t)) return 'shared';
  if (/customer[- ]specific|customer must implement|customer implements/.test(t)) return 'customer';
  return undefined;
}

/** The first of the stem's sentences that gets an owner ("A customer's auditor asks how the data centres … are protected."). */
function firstAnswered(readings: Understanding[], answer: Answer): AnswerOutcome | undefined {
  for (const reading of readings) {
    const outcome = answer(reading);
    if (outcome.answered && outcome.owner) return outcome;
  }
  return undefined;
}

/**
 * How much of the work each service leaves to the customer, counted over the concerns all of them have
 * (a service with more entries is not more work): a customer entry counts 1, a shared one 0.5.
 */
function customerWork(knowledge: Knowledge, serviceIds: string[]): Map<string, number> {
  const entries = new Map(serviceIds.map((id) => [id, knowledge.entriesFor(id)]));
  if (entries.size === 0) return new Map();
  const common = [...entries.values()].map((es) => new Set(es.map((e) => e.concernId))).reduce((a, b) => new Set([...a].filter((c) => b.has(c))));
  return new Map(
    [...entries].map(([id, es]) => [id, es.filter((e) => common.has(e.concernId)).reduce((sum, e) => sum + (e.owner === 'customer' ? 1 : e.owner === 'shared' ? 0.5 : 0), 0)]),
  );
}

/** An option that says no act is needed: "Nothing, …", "No action is required", "None of the above". */
const NO_ACT = /^\s*(?:nothing|none|no action|no configuration|no need)\b/i;

/** A party said not to be responsible for an act: "customers are not responsible for…", "AWS does not need to…". */
const NOT_RESPONSIBLE = /\b(aws|amazon|the customer|customers?)\s+(?:is|are|does|do)(?:\s+not|n't)\s+(?:responsible|need to|have to|required to)\b/i;

/** The party an option names, when it is one ("AWS", "The customer, by patching…", "Both"). */
function partyOf(text: string): Owner | undefined {
  const t = text.toLowerCase();
  if (/^(?:aws|amazon(?: web services)?)\b(?! (?:lambda|ec2|s3|rds|fargate|eks|ecs|kms|iam)\b)/.test(t)) return 'aws';
  if (/^(?:the )?(?:customers?|company|companies|developers?|users?|teams?|you)\b/.test(t)) return 'customer';
  if (/^(?:both|aws and the customer|shared)\b/.test(t)) return 'shared';
  return undefined;
}

function judge(knowledge: Knowledge, choice: MultipleChoice, option: { letter: string; text: string }, reading: Understanding, answer: Answer): Judged {
  const base = { letter: option.letter, text: option.text, owner: null as Owner | null, verdict: 'unknown' as ChoiceOption['verdict'], sources: [] as SourceLink[] };
  if (choice.kind === 'more-customer-work' || choice.kind === 'less-customer-work') {
    const service = reading.services[0] ? knowledge.services.get(reading.services[0].candidates[0]!) : undefined;
    if (!service) return { ...base, fit: undefined, why: MESSAGES.multipleChoice.cannotJudge };
    return { ...base, fit: false, serviceId: service.id, why: MESSAGES.multipleChoice.category(service.name, service.category), sources: [{ title: service.name, url: service.source }] };
  }
  const outcome = answer(reading);
  if (!outcome.answered || outcome.owner === null) return { ...base, fit: undefined, why: MESSAGES.multipleChoice.cannotJudge };
  const owner = outcome.owner;
  const concern = outcome.concernId ?? reading.concernIds[0];
  const why = `${MESSAGES.ownerWord[owner]}: ${outcome.reply.headline}`;
  const judgedBase = { ...base, owner, why, sources: outcome.reply.sources.slice(0, 1) };
  switch (choice.kind) {
    case 'customer':
    case 'aws':
      // "Nothing, CloudFront enforces HTTPS by default": an option that names no act is nobody's act.
      if (NO_ACT.test(option.text)) return { ...judgedBase, fit: false };
      // A shared answer is no side's alone: it does not fit a question that asks for one side.
      return { ...judgedBase, fit: owner === choice.kind };
    case 'shared-control':
      return { ...judgedBase, fit: reading.conceptId === 'shared-controls' || (concern !== undefined && SHARED_CONTROLS.has(concern) && reading.services.length === 0) };
    case 'inherited':
      return { ...judgedBase, fit: reading.conceptId === 'inherited-controls' || (owner === 'aws' && concern !== undefined && INHERITED.has(concern)) };
    case 'true-statement': {
      // The statement's subject is its claim: "AWS writes the function code", "The customer patches the OS…".
      // "Customers are not responsible for securing the compute infrastructure": true when the act is the other side's alone.
      const denied = NOT_RESPONSIBLE.exec(option.text);
      if (denied && !/\b(?:never|only|all|removes?)\b/i.test(option.text)) {
        const party = partyOf(denied[1]!);
        if (party !== 'aws' && party !== 'customer') return { ...base, fit: undefined, why: MESSAGES.multipleChoice.cannotJudge };
        return { ...judgedBase, fit: owner === (party === 'aws' ? 'customer' : 'aws') };
      }
      // Any other negated statement ("… are never rotated", "… removes all …") is beyond a yes/no on its act.
      if (/\b(?:not|never|no longer|cannot|can't|don't|doesn't|isn't|aren't|removes? all|only)\b/i.test(option.text)) {
        return { ...base, fit: undefined, why: MESSAGES.multipleChoice.cannotJudge };
      }
      const claim = STATEMENT_PARTY.test(option.text) ? partyOf(option.text) : reading.claim;
      if (!claim || claim === 'shared') return { ...base, fit: undefined, why: MESSAGES.multipleChoice.cannotJudge };
      return { ...judgedBase, fit: owner === claim };
    }
    default:
      return { ...judgedBase, fit: undefined };
  }
}
