import type { Knowledge, QuizQuestion, ResolvedResponsibility } from '../knowledge/types.js';
import { createExamQuestionWriter } from './exam-questions.js';
import { QUIZ_MESSAGES } from './quiz-messages.js';
import type { QuizTopic } from './quiz-topics.js';
import { fill, midSentence, misconceptionPrompt, PLAIN_TEMPLATES } from './question-templates.js';
import { shuffle } from './shuffle.js';

/** Questions in a quiz unless the starter asks for another number. */
export const DEFAULT_QUIZ_LENGTH = 5;
/** Longest quiz allowed (a long quiz blocks the channel and floods the thread). */
export const MAX_QUIZ_LENGTH = 20;

/** What to ask: an optional topic and a length. */
export interface QuizSelection {
  topic?: QuizTopic;
  count?: number;
  /** Exam-style: lettered options instead of AWS / Customer / Shared buttons. */
  exam?: boolean;
  /**
   * Question ids asked in this channel before: not asked again until the pool is used up (then the
   * pool starts over and the plan says so). A scenario is exempt: it is a story, asked in order.
   */
  avoid?: ReadonlySet<string>;
}

/** A chosen set of questions with a title for the quiz header. */
export interface QuizPlan {
  title: string;
  questions: QuizQuestion[];
  /** The channel had used up the pool, so questions asked before were allowed again. */
  poolReset?: boolean;
}

/** Picks quiz questions from the knowledge base. */
export interface QuestionBank {
  /** Questions for a selection, in asking order; empty when nothing matches. */
  select(selection: QuizSelection, random: () => number): QuizPlan;
}

interface Entry {
  entry: ResolvedResponsibility;
  serviceName: string;
  concernLabel: string;
}

/** Builds the bank once per knowledge load: scenario questions and every answerable (service, concern). */
export function createQuestionBank(knowledge: Knowledge): QuestionBank {
  const allScenarioQuestions = [...knowledge.quizScenarios.values()].flatMap((s) => s.questions);
  const allEntries: Entry[] = [...knowledge.services.values()].flatMap((service) =>
    knowledge.entriesFor(service.id).flatMap((entry) => {
      const concern = knowledge.concerns.get(entry.concernId);
      return concern ? [{ entry, serviceName: service.name, concernLabel: concern.label }] : [];
    }),
  );

  const generate = (e: Entry, random: () => number): QuizQuestion => {
    const concern = midSentence(e.concernLabel);
    const variant = Math.floor(random() * (PLAIN_TEMPLATES.length + 1));
    const template = PLAIN_TEMPLATES[variant];
    return {
      id: generatedId(e),
      prompt: template
        ? fill(template, e.serviceName, concern)
        : misconceptionPrompt(e.entry.concernId, e.serviceName, concern),
      answer: e.entry.owner,
      explanation: explain(e.entry),
      source: e.entry.sources[0] ?? '',
      service: e.entry.serviceId,
      concern: e.entry.concernId,
    };
  };

  const mix = (
    fromScenarios: QuizQuestion[],
    fromEntries: Entry[],
    count: number,
    scenarioShare: number,
    random: () => number,
  ): QuizQuestion[] => {
    const picked = shuffle(fromScenarios, random).slice(0, Math.ceil(count * scenarioShare));
    const seen = new Set(picked.map((q) => `${q.service}/${q.concern}`));
    const fresh = fromEntries.filter((e) => !seen.has(`${e.entry.serviceId}/${e.entry.concernId}`));
    const generated = spread(shuffle(fresh, random), count - picked.length);
    return shuffle([...picked, ...generated.map((e) => generate(e, random))], random).slice(0, count);
  };

  const examWriter = createExamQuestionWriter(knowledge);

  return {
    select(selection, random) {
      const avoid = selection.avoid;
      if (!avoid || avoid.size === 0 || selection.topic?.kind === 'scenario') return pick(selection, random, ALLOW_ALL);
      const fresh = pick(selection, random, (id) => !avoid.has(id));
      if (fresh.questions.length >= quizLength(selection.count)) return fresh;
      return { ...pick(selection, random, ALLOW_ALL), poolReset: true };
    },
  };

  /** The plan for a selection, from the questions `allowed` lets through. */
  function pick({ topic, count, exam }: QuizSelection, random: () => number, allowed: (id: string) => boolean): QuizPlan {
    const scenarioQuestions = allScenarioQuestions.filter((q) => allowed(q.id));
    const entries = allEntries.filter((e) => allowed(generatedId(e)));
    const length = quizLength(count);
    if (exam) {
      // Written fresh each time: ask for spares, keep the ones not asked before.
      const write = (services?: ReadonlySet<string>) => examWriter.write(allowed === ALLOW_ALL ? length : length * 3, random, services).filter((q) => allowed(q.id)).slice(0, length);
      if (!topic) return { title: QUIZ_MESSAGES.examTitle, questions: write() };
      // Exam questions are written per service; a scenario or a concern has no exam version.
      if (topic.kind !== 'service') return { title: QUIZ_MESSAGES.examTitle, questions: [] };
      return { title: QUIZ_MESSAGES.examServiceTitle(topic.name), questions: write(new Set(topic.ids)) };
    }
    if (!topic) {
      return { title: QUIZ_MESSAGES.mixedTitle, questions: mix(scenarioQuestions, entries, length, 0.5, random) };
    }
    if (topic.kind === 'scenario') {
      // A scenario is asked in its written order: it tells a story.
      const scenario = knowledge.quizScenarios.get(topic.id);
      return { title: topic.title, questions: (scenario?.questions ?? []).slice(0, count ?? MAX_QUIZ_LENGTH) };
    }
    const ids = new Set(topic.ids);
    const key = topic.kind === 'service' ? 'service' : 'concern';
    const title = topic.kind === 'service' ? QUIZ_MESSAGES.serviceTitle(topic.name) : QUIZ_MESSAGES.concernTitle(topic.label);
    const questions = mix(
      scenarioQuestions.filter((q) => q[key] !== undefined && ids.has(q[key])),
      entries.filter((e) => ids.has(key === 'service' ? e.entry.serviceId : e.entry.concernId)),
      length,
      0.5,
      random,
    );
    return { title, questions };
  }
}

const ALLOW_ALL = (_id: string): boolean => true;

/** How many questions a quiz asks: the number asked for, within 1…MAX_QUIZ_LENGTH. */
function quizLength(count: number | undefined): number {
  return Math.max(1, Math.min(MAX_QUIZ_LENGTH, count ?? DEFAULT_QUIZ_LENGTH));
}

/** The id of the question generated from an entry (the same whichever wording is picked). */
function generatedId(e: Entry): string {
  return `gen-${e.entry.serviceId}-${e.entry.concernId}`;
}

/** One to two lines: what AWS does and, when there is anything, what the customer does. */
/** A reveal stays short in a thread: each side's part is cut to this many characters, at a sentence or clause end. */
const SIDE_CHARS = 280;

/** `text` cut at the last sentence or clause end before `max` characters (or the last word, with "…"). */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const end = Math.max(head.lastIndexOf('. '), head.lastIndexOf('; '));
  if (end > max / 3) return `${head.slice(0, end)}.`;
  return `${head.slice(0, head.lastIndexOf(' '))}…`;
}

function explain(entry: ResolvedResponsibility): string {
  const customerHasWork = !/^nothing\b/i.test(entry.customer.trim());
  const aws = `AWS: ${clip(entry.aws, SIDE_CHARS)}`;
  const customer = `You: ${clip(entry.customer, SIDE_CHARS)}`;
  if (entry.owner === 'customer') return `${customer} ${aws}`;
  return customerHasWork ? `${aws} ${customer}` : aws;
}

/**
 * Takes up to `count` entries, preferring ones whose service and concern are not yet used, so a
 * mixed quiz does not ask about the same service (or the same concern) twice in a row.
 */
function spread(entries: Entry[], count: number): Entry[] {
  const out: Entry[] = [];
  const services = new Set<string>();
  const concerns = new Set<string>();
  for (const e of entries) {
    if (out.length >= count) break;
    if (services.has(e.entry.serviceId) || concerns.has(e.entry.concernId)) continue;
    out.push(e);
    services.add(e.entry.serviceId);
    concerns.add(e.entry.concernId);
  }
  for (const e of entries) {
    if (out.length >= count) break;
    if (!out.includes(e)) out.push(e);
  }
  return out;
}
