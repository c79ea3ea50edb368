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
}

/** A chosen set of questions with a title for the quiz header. */
export interface QuizPlan {
  title: string;
  questions: QuizQuestion[];
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
  const scenarioQuestions = [...knowledge.quizScenarios.values()].flatMap((s) => s.questions);
  const entries: Entry[] = [...knowledge.services.values()].flatMap((service) =>
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
      id: `gen-${e.entry.serviceId}-${e.entry.concernId}`,
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
    select({ topic, count, exam }, random) {
      const length = Math.max(1, Math.min(MAX_QUIZ_LENGTH, count ?? DEFAULT_QUIZ_LENGTH));
      if (exam) {
        if (!topic) return { title: QUIZ_MESSAGES.examTitle, questions: examWriter.write(length, random) };
        // Exam questions are written per service; a scenario or a concern has no exam version.
        if (topic.kind !== 'service') return { title: QUIZ_MESSAGES.examTitle, questions: [] };
        return { title: QUIZ_MESSAGES.examServiceTitle(topic.name), questions: examWriter.write(length, random, new Set(topic.ids)) };
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
    },
  };
}

/** One to two lines: what AWS does and, when there is anything, what the customer does. */
function explain(entry: ResolvedResponsibility): string {
  const customerHasWork = !/^nothing\b/i.test(entry.customer.trim());
  const aws = `AWS: ${entry.aws}`;
  const customer = `You: ${entry.customer}`;
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
