import type { ExamOption, Knowledge, QuizQuestion, ResolvedResponsibility } from '../knowledge/types.js';
import type { Owner } from '../model/owner.js';
import { ANSWER_LABEL } from './quiz-messages.js';
import { shuffle } from './shuffle.js';

/** Options on a generated exam question (A–D), as on the certification exams. */
export const EXAM_OPTION_COUNT = 4;
/** About one question in three says "Choose TWO". */
const CHOOSE_TWO_SHARE = 1 / 3;
const LETTERS = 'ABCDE';

/** An act one side owns outright, as an option: "Guest operating system patching on Amazon EC2". */
interface Act {
  /** The duty it tests: entries with the same duties (defaults shared by many services) are one act. */
  duty: string;
  serviceId: string;
  concernId: string;
  text: string;
  owner: 'aws' | 'customer';
  why: string;
  source: string;
}

/** Writes exam-style questions (lettered options, "Choose TWO", control types) from the duties. */
export interface ExamQuestionWriter {
  /**
   * Up to `count` questions about the given services (every service when absent). No two
   * questions have the same right act; options keep the order they were written in.
   */
  write(count: number, random: () => number, serviceIds?: ReadonlySet<string>): QuizQuestion[];
}

export function createExamQuestionWriter(knowledge: Knowledge): ExamQuestionWriter {
  const acts: Act[] = [...knowledge.services.values()].flatMap((service) =>
    knowledge.entriesFor(service.id).flatMap((entry) => {
      const act = toAct(knowledge, service.name, entry);
      return act ? [act] : [];
    }),
  );
  // A variant ("Lambda (container image functions)") repeats most of its parent's duties in longer
  // words; it is asked about only when a quiz is about the variant alone.
  const variantIds = new Set([...knowledge.services.values()].flatMap((s) => s.variants));
  const controlConcepts = [...knowledge.concepts.values()].filter((c) => c.exampleOf && c.examples.length > 0 && c.owner);

  /** "Which of these is a shared control?": one example of that kind, the others from the other kinds. */
  const controlQuestion = (random: () => number): QuizQuestion | undefined => {
    const [asked] = shuffle(controlConcepts, random);
    if (!asked?.exampleOf || !asked.owner) return undefined;
    const others = controlConcepts.filter((c) => c !== asked);
    if (others.length === 0) return undefined;
    const [right] = shuffle(asked.examples, random);
    const wrong = shuffle(
      others.flatMap((c) => c.examples.map((text) => ({ text, concept: c }))),
      random,
    ).slice(0, EXAM_OPTION_COUNT - 1);
    const options = shuffle(
      [
        { text: right ?? '', right: true, owner: asked.owner, why: `${capital(asked.exampleOf)}.`, source: asked.sources[0] ?? '' },
        ...wrong.map((w) => ({
          text: w.text,
          right: false,
          owner: w.concept.owner ?? ('shared' as Owner),
          why: `${capital(w.concept.exampleOf ?? w.concept.title)}, not ${asked.exampleOf}.`,
          source: w.concept.sources[0] ?? '',
        })),
      ],
      random,
    ).map((o, i): ExamOption => ({ letter: LETTERS[i] ?? '?', ...o }));
    return {
      id: `exam-control-${asked.id}`,
      prompt: `Under the AWS shared responsibility model, which of these is ${asked.exampleOf}?`,
      answer: asked.owner,
      exam: { options, pick: 1 },
      explanation: asked.summary,
      source: asked.sources[0] ?? '',
    };
  };

  /** "Which of these is the customer's responsibility?": `pick` acts of one side, the rest of the other. */
  const actQuestion = (pool: Act[], used: Set<string>, pick: number, random: () => number): QuizQuestion | undefined => {
    for (const side of shuffle(['customer', 'aws'] as const, random)) {
      const rights = distinct(shuffle(pool.filter((a) => a.owner === side && !used.has(a.duty)), random), pick);
      if (rights.length < pick) continue;
      // Distractors from the same services as the right acts first: they are the plausible ones.
      const services = new Set(rights.map((a) => a.serviceId));
      const others = shuffle(pool.filter((a) => a.owner !== side), random);
      const wrong = distinct(
        [...others.filter((a) => services.has(a.serviceId)), ...others.filter((a) => !services.has(a.serviceId))],
        EXAM_OPTION_COUNT - pick,
        rights,
      );
      if (wrong.length < EXAM_OPTION_COUNT - pick) continue;
      for (const a of rights) used.add(a.duty);
      const options = shuffle([...rights.map((a) => ({ a, right: true })), ...wrong.map((a) => ({ a, right: false }))], random).map(
        ({ a, right }, i): ExamOption => ({ letter: LETTERS[i] ?? '?', text: a.text, owner: a.owner, right, why: a.why, source: a.source }),
      );
      const whose = side === 'customer' ? 'the customer\u2019s' : 'AWS\u2019s';
      return {
        id: `exam-${rights.map((a) => `${a.serviceId}.${a.concernId}`).join('+')}`,
        prompt:
          `Under the AWS shared responsibility model, which of these ${pick === 1 ? 'is' : 'are'} ${whose} responsibility?` +
          (pick === 2 ? ' (Choose TWO)' : ''),
        answer: side,
        exam: { options, pick },
        explanation: rights.map((a) => a.why).join(' '),
        source: rights[0]?.source ?? '',
        service: rights[0]?.serviceId,
      };
    }
    return undefined;
  };

  return {
    write(count, random, serviceIds) {
      const named = serviceIds ? acts.filter((a) => serviceIds.has(a.serviceId)) : acts;
      const main = named.filter((a) => !variantIds.has(a.serviceId));
      const pool = main.length > 0 ? main : named;
      const used = new Set<string>();
      const questions: QuizQuestion[] = [];
      // A mixed exam quiz of three or more questions asks one control-type question from the concepts.
      const control = !serviceIds && count >= 3 ? controlQuestion(random) : undefined;
      const wanted = count - (control ? 1 : 0);
      for (let i = 0; questions.length < wanted && i < wanted * 3; i++) {
        const pick = random() < CHOOSE_TWO_SHARE ? 2 : 1;
        const question = actQuestion(pool, used, pick, random) ?? (pick === 2 ? actQuestion(pool, used, 1, random) : undefined);
        if (!question) break;
        questions.push(question);
      }
      return control ? shuffle([...questions, control], random) : questions;
    },
  };
}

/** An entry one side owns outright (no shared part, no condition needed) as an option; else none. */
function toAct(knowledge: Knowledge, serviceName: string, entry: ResolvedResponsibility): Act | undefined {
  if (entry.owner === 'shared') return undefined;
  const concern = knowledge.concerns.get(entry.concernId);
  const source = entry.sources[0];
  const duty = entry.duties.find((d) => d.by === entry.owner && !d.when);
  if (!concern || !source || !duty) return undefined;
  return {
    duty: entry.duties.map((d) => `${d.by}:${d.does}`).join('|'),
    serviceId: entry.serviceId,
    concernId: entry.concernId,
    text: `${concern.label} on ${serviceName}`,
    owner: entry.owner,
    why: `${ANSWER_LABEL[entry.owner]}: ${duty.does}`,
    source,
  };
}

/** Up to `count` acts with different duties and different wording, none already in `besides`. */
function distinct(acts: Act[], count: number, besides: Act[] = []): Act[] {
  const out: Act[] = [];
  const duties = new Set(besides.map((a) => a.duty));
  const texts = new Set(besides.map((a) => a.text));
  for (const a of acts) {
    if (out.length >= count) break;
    if (duties.has(a.duty) || texts.has(a.text)) continue;
    out.push(a);
    duties.add(a.duty);
    texts.add(a.text);
  }
  return out;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
