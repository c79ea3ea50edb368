import type { Knowledge } from '../knowledge/types.js';
import type { Owner } from '../model/owner.js';
import type { SourceLink } from '../model/reply-model.js';
import type { MultipleChoice } from '../understanding/multiple-choice.js';
import type { Understanding } from '../understanding/understanding.js';
import type { AnswerOutcome, ChoiceOption } from './answer-outcome.js';
import { MESSAGES } from './messages.js';
import { withText } from './render-text.js';

/** The three controls AWS calls shared (patch, configuration management, awareness and training). */
const SHARED_CONTROLS: ReadonlySet<string> = new Set(['patch-management', 'configuration-management', 'awareness-training']);
/** Controls a customer fully inherits from AWS (physical and environmental). */
const INHERITED: ReadonlySet<string> = new Set(['physical-security', 'environmental-controls', 'media-decommissioning', 'personnel-security', 'hardware-network']);
/** How much a service's category leaves to the customer: infrastructure most, abstracted least. */
const CUSTOMER_WORK = { infrastructure: 3, container: 2, abstracted: 1 } as const;

type Answer = (u: Understanding) => AnswerOutcome;
type Judged = ChoiceOption & { fit: boolean | undefined; why: string; sources: SourceLink[]; work?: number };

/**
 * Answers a pasted multiple-choice question: every option judged as its own question against the
 * knowledge, the letters that fit the question picked (as many as it asks for), the letters first,
 * then one line per option with its verdict, why, and the source. When an option cannot be judged
 * and the pick depends on it, the answer says it is uncertain.
 */
export function composeMultipleChoice(knowledge: Knowledge, choice: MultipleChoice & { readings: Understanding[] }, answer: Answer): AnswerOutcome {
  const judged: Judged[] = choice.options.map((option, i) => judge(knowledge, choice, option, choice.readings[i]!, answer));
  if (choice.kind === 'more-customer-work' || choice.kind === 'less-customer-work') {
    const known = judged.filter((j) => j.work !== undefined).map((j) => j.work!);
    const target = choice.kind === 'more-customer-work' ? Math.max(...known) : Math.min(...known);
    for (const j of judged) j.fit = j.work === undefined ? undefined : j.work === target;
  }
  for (const j of judged) if (choice.negated && j.fit !== undefined) j.fit = !j.fit;

  // Too few options fit one side strictly: a shared one holds that side's part too (exam writers count
  // "encrypting data in your buckets" as yours although AWS encrypts by default).
  const wantedCount = choice.count ?? 1;
  if ((choice.kind === 'customer' || choice.kind === 'aws') && !choice.negated) {
    const strict = judged.filter((j) => j.fit === true).length;
    const shared = judged.filter((j) => j.owner === 'shared');
    if (strict < wantedCount && strict + shared.length === wantedCount) for (const j of shared) j.fit = true;
  }
  for (const j of judged) j.verdict = j.fit === undefined ? 'unknown' : j.fit ? 'fits' : 'does not fit';
  const fitting = judged.filter((j) => j.fit === true);
  const unknown = judged.filter((j) => j.fit === undefined);
  const wanted = wantedCount;
  const picked = fitting.slice(0, wanted);
  const sure = choice.kind !== undefined && fitting.length === wanted && (unknown.length === 0 || choice.count !== undefined);
  const letters = picked.map((j) => j.letter);
  const lines = judged.map((j) => `${j.fit === true && letters.includes(j.letter) ? '✅' : j.fit === undefined ? '❔' : '▫️'} ${j.letter}. ${j.text} — ${j.why}`);
  const sources = [...new Map(judged.flatMap((j) => j.sources).map((s) => [s.url, s])).values()].slice(0, 4);
  const reply = withText({
    kind: 'answer',
    headline: letters.length === 0 ? MESSAGES.multipleChoice.none : sure ? MESSAGES.multipleChoice.answer(letters) : MESSAGES.multipleChoice.unsure(letters),
    sections: [{ title: MESSAGES.multipleChoice.options, body: lines.join('\n') }],
    sources,
    suggestions: [],
    actions: [],
  });
  return {
    reply,
    answered: sure && letters.length > 0,
    owner: null,
    serviceId: null,
    serviceName: null,
    concernLabel: null,
    choices: letters,
    options: judged.map(({ letter, text, owner, verdict }) => ({ letter, text, owner, verdict })),
  };
}

function judge(knowledge: Knowledge, choice: MultipleChoice, option: { letter: string; text: string }, reading: Understanding, answer: Answer): Judged {
  const base = { letter: option.letter, text: option.text, owner: null as Owner | null, verdict: 'unknown' as ChoiceOption['verdict'], sources: [] as SourceLink[] };
  if (choice.kind === 'more-customer-work' || choice.kind === 'less-customer-work') {
    const service = reading.services[0] ? knowledge.services.get(reading.services[0].candidates[0]!) : undefined;
    if (!service) return { ...base, fit: undefined, why: MESSAGES.multipleChoice.cannotJudge };
    return { ...base, fit: false, work: CUSTOMER_WORK[service.category], why: MESSAGES.multipleChoice.category(service.name, service.category), sources: [{ title: service.name, url: service.source }] };
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
      // A shared answer is no side's alone: it does not fit a question that asks for one side.
      return { ...judgedBase, fit: owner === choice.kind };
    case 'shared-control':
      return { ...judgedBase, fit: concern !== undefined && SHARED_CONTROLS.has(concern) && reading.services.length === 0 };
    case 'inherited':
      return { ...judgedBase, fit: owner === 'aws' && concern !== undefined && INHERITED.has(concern) };
    case 'true-statement':
      if (!reading.claim) return { ...base, fit: undefined, why: MESSAGES.multipleChoice.cannotJudge };
      return { ...judgedBase, fit: owner === reading.claim };
    default:
      return { ...judgedBase, fit: undefined };
  }
}
