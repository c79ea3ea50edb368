import type { Knowledge } from '../knowledge/types.js';
import type { Challenge, Feedback, QuestionRecord, Store } from '../store/store.js';
import { stem } from '../understanding/stem.js';

/** A group of the same miss asked several ways. */
export interface MissGroup {
  text: string;
  count: number;
  reasons: string[];
  examples: string[];
  /** The knowledge file to change to fix it. */
  file: string;
}

/** 👎 on one answer to one question, grouped. */
export interface FeedbackItem {
  /** The question as logged (normalised words), when the vote was on a logged answer. */
  question: string | null;
  service: string | null;
  concern: string;
  /** The duty the answer led with, if it led with one. */
  duty: string | null;
  /** The owner the answer gave. */
  verdict: string | null;
  /** The reason given most often in the "what was wrong?" form (null when none was given). */
  reason: string | null;
  reasons: string[];
  /** Free-text notes from the form (at most three). */
  notes: string[];
  count: number;
  file: string;
}

/** Challenges of one quiz question's ruling, grouped. */
export interface ChallengeItem {
  question: string;
  ruling: string;
  service: string | null;
  concern: string | null;
  reasons: string[];
  notes: string[];
  count: number;
  file: string;
}

/** What `srm report` prints. */
export interface Report {
  days: number;
  questions: number;
  answered: number;
  misses: MissGroup[];
  feedback: { helpful: number; notHelpful: number; items: FeedbackItem[] };
  challenges: ChallengeItem[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_EXAMPLES = 3;

/**
 * The correction loop's figures for the last `days`: questions asked and answered outright, the
 * misses grouped (the same words, stemmed, with the same service and concern are one group), and the
 * 👎 answers — each with the knowledge file an owner should change. Sorted by count.
 */
export async function buildReport(store: Store, knowledge: Knowledge, options: { days: number; now: number }): Promise<Report> {
  const since = options.now - options.days * DAY_MS;
  const [questions, feedback, challenges] = await Promise.all([store.questionsSince(since), store.feedbackSince(since), store.challengesSince(since)]);
  const fileFor = (serviceId: string | undefined, reason?: string) => knowledgeFile(knowledge, serviceId, reason);
  return {
    days: options.days,
    questions: questions.length,
    answered: questions.filter((q) => q.answered).length,
    misses: groupMisses(questions.filter((q) => !q.answered), fileFor),
    feedback: summariseFeedback(feedback, knowledge, fileFor),
    challenges: groupChallenges(challenges, knowledge, fileFor),
  };
}

/** Adds `value` to `list` once, keeping at most `max`. */
function addOnce(list: string[], value: string | undefined, max = MAX_EXAMPLES): void {
  if (value && !list.includes(value) && list.length < max) list.push(value);
}

function groupChallenges(challenges: Challenge[], knowledge: Knowledge, fileFor: (serviceId: string | undefined) => string): ChallengeItem[] {
  const groups = new Map<string, ChallengeItem>();
  for (const c of challenges) {
    const key = `${c.question}|${c.ruling}`;
    const item = groups.get(key) ?? {
      question: c.question,
      ruling: c.ruling,
      service: c.serviceId ? (knowledge.services.get(c.serviceId)?.name ?? c.serviceId) : null,
      concern: c.concernId ? (knowledge.concerns.get(c.concernId)?.label ?? c.concernId) : null,
      reasons: [],
      notes: [],
      count: 0,
      file: c.serviceId ? fileFor(c.serviceId) : 'knowledge/quizzes/ (the scenario) or knowledge/concerns.yaml',
    };
    item.count += 1;
    addOnce(item.reasons, c.reason, 10);
    addOnce(item.notes, c.comment);
    groups.set(key, item);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

function groupMisses(misses: QuestionRecord[], fileFor: (serviceId: string | undefined, reason?: string) => string): MissGroup[] {
  const groups = new Map<string, MissGroup>();
  for (const m of misses) {
    const key = `${m.text.split(' ').map(stem).join(' ')}|${m.serviceId ?? ''}|${m.concernId ?? ''}`;
    const group = groups.get(key) ?? { text: m.text, count: 0, reasons: [], examples: [], file: fileFor(m.serviceId, m.reason) };
    group.count += 1;
    if (m.reason && !group.reasons.includes(m.reason)) group.reasons.push(m.reason);
    if (group.examples.length < MAX_EXAMPLES && !group.examples.includes(m.text)) group.examples.push(m.text);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

function summariseFeedback(votes: Feedback[], knowledge: Knowledge, fileFor: (serviceId: string | undefined) => string): Report['feedback'] {
  const items = new Map<string, FeedbackItem & { reasonCounts: Map<string, number> }>();
  for (const vote of votes.filter((v) => !v.helpful)) {
    const [idService = 'general', idConcern = ''] = vote.answerId.split(':');
    const serviceId = vote.serviceId ?? (idService === 'general' ? undefined : idService);
    const concernId = vote.concernId ?? idConcern;
    const service = serviceId ? knowledge.services.get(serviceId) : undefined;
    const entry = service ? knowledge.lookup(service.id, concernId) : undefined;
    const key = `${vote.answerId}|${vote.question ?? ''}|${vote.verdict ?? ''}`;
    const item = items.get(key) ?? {
      question: vote.question ?? null,
      service: service?.name ?? null,
      concern: knowledge.concerns.get(concernId)?.label ?? concernId,
      duty: vote.duty ?? null,
      verdict: vote.verdict ?? (entry && 'owner' in entry ? entry.owner : (knowledge.concerns.get(concernId)?.general.owner ?? null)),
      reason: null,
      reasons: [],
      notes: [],
      count: 0,
      file: service ? fileFor(service.id) : 'knowledge/concerns.yaml',
      reasonCounts: new Map<string, number>(),
    };
    item.count += 1;
    if (vote.reason) item.reasonCounts.set(vote.reason, (item.reasonCounts.get(vote.reason) ?? 0) + 1);
    addOnce(item.notes, vote.comment);
    items.set(key, item);
  }
  return {
    helpful: votes.filter((v) => v.helpful).length,
    notHelpful: votes.filter((v) => !v.helpful).length,
    items: [...items.values()]
      .map(({ reasonCounts, ...item }) => {
        const reasons = [...reasonCounts].sort((a, b) => b[1] - a[1]).map(([r]) => r);
        return { ...item, reason: reasons[0] ?? null, reasons };
      })
      .sort((a, b) => b.count - a.count),
  };
}

/** Where to fix a miss: the service's responsibilities file, or services/concerns for a missing name or word. */
function knowledgeFile(knowledge: Knowledge, serviceId: string | undefined, reason: string | undefined): string {
  if (reason === 'unknown-service') return 'knowledge/services.yaml (add the service or an alias)';
  if (!serviceId) return 'knowledge/concerns.yaml (a word people use for the concern)';
  const service = knowledge.services.get(serviceId);
  const file = knowledge.fileOf(serviceId) ?? (service?.variantOf ? knowledge.fileOf(service.variantOf) : undefined);
  return file ?? 'knowledge/responsibilities/ (a new file for this service)';
}

/** The report as plain text, for the terminal and for admins in chat. */
export function renderReport(report: Report, top = 25): string {
  const pct = report.questions ? Math.round((report.answered / report.questions) * 100) : 0;
  const lines = [
    `Last ${report.days} days: ${report.questions} questions, ${report.answered} answered outright (${pct}%).`,
    '',
    `Misses (${report.misses.length} groups):`,
    ...(report.misses.length ? report.misses.slice(0, top).map((m) => `  ${m.count}× \u201c${m.text}\u201d [${m.reasons.join(', ')}] \u2192 ${m.file}`) : ['  none']),
    '',
    `Feedback: ${report.feedback.helpful} helpful, ${report.feedback.notHelpful} not helpful.`,
    ...report.feedback.items
      .slice(0, top)
      .map(
        (i) =>
          `  ${i.count}× 👎 ${i.question ? `\u201c${i.question}\u201d: ` : ''}${i.concern}${i.service ? ` on ${i.service}` : ''} (said: ${i.verdict ?? 'n/a'}` +
          `${i.reason ? `; ${i.reasons.join(', ')}` : ''})${i.notes.length ? ` \u2014 ${i.notes.map((n) => `\u201c${n}\u201d`).join(' ')}` : ''} \u2192 ${i.file}`,
      ),
    '',
    `Challenges (${report.challenges.reduce((n, c) => n + c.count, 0)}):`,
    ...(report.challenges.length
      ? report.challenges
          .slice(0, top)
          .map(
            (c) =>
              `  ${c.count}× \u201c${c.question}\u201d ruled ${c.ruling} [${c.reasons.join(', ')}]` +
              `${c.notes.length ? ` \u2014 ${c.notes.map((n) => `\u201c${n}\u201d`).join(' ')}` : ''} \u2192 ${c.file}`,
          )
      : ['  none']),
  ];
  return lines.join('\n');
}
