import type { Knowledge } from '../knowledge/types.js';
import type { Feedback, QuestionRecord, Store } from '../store/store.js';
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

/** 👎 on one answer, grouped. */
export interface FeedbackItem {
  service: string | null;
  concern: string;
  /** The owner the answer gave. */
  verdict: string | null;
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
  const [questions, feedback] = await Promise.all([store.questionsSince(since), store.feedbackSince(since)]);
  const fileFor = (serviceId: string | undefined, reason?: string) => knowledgeFile(knowledge, serviceId, reason);
  return {
    days: options.days,
    questions: questions.length,
    answered: questions.filter((q) => q.answered).length,
    misses: groupMisses(questions.filter((q) => !q.answered), fileFor),
    feedback: summariseFeedback(feedback, knowledge, fileFor),
  };
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
  const items = new Map<string, FeedbackItem>();
  for (const vote of votes.filter((v) => !v.helpful)) {
    const [serviceId = 'general', concernId = ''] = vote.answerId.split(':');
    const service = serviceId === 'general' ? undefined : knowledge.services.get(serviceId);
    const entry = service ? knowledge.lookup(service.id, concernId) : undefined;
    const item = items.get(vote.answerId) ?? {
      service: service?.name ?? null,
      concern: knowledge.concerns.get(concernId)?.label ?? concernId,
      verdict: entry && 'owner' in entry ? entry.owner : (knowledge.concerns.get(concernId)?.general.owner ?? null),
      count: 0,
      file: service ? fileFor(service.id) : 'knowledge/concerns.yaml',
    };
    item.count += 1;
    items.set(vote.answerId, item);
  }
  return {
    helpful: votes.filter((v) => v.helpful).length,
    notHelpful: votes.filter((v) => !v.helpful).length,
    items: [...items.values()].sort((a, b) => b.count - a.count),
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
export function renderReport(report: Report): string {
  const pct = report.questions ? Math.round((report.answered / report.questions) * 100) : 0;
  const lines = [
    `Last ${report.days} days: ${report.questions} questions, ${report.answered} answered outright (${pct}%).`,
    '',
    `Misses (${report.misses.length} groups):`,
    ...(report.misses.length ? report.misses.slice(0, 25).map((m) => `  ${m.count}× \u201c${m.text}\u201d [${m.reasons.join(', ')}] \u2192 ${m.file}`) : ['  none']),
    '',
    `Feedback: ${report.feedback.helpful} helpful, ${report.feedback.notHelpful} not helpful.`,
    ...report.feedback.items.slice(0, 25).map((i) => `  ${i.count}× 👎 ${i.concern}${i.service ? ` on ${i.service}` : ''} (said: ${i.verdict ?? 'n/a'}) \u2192 ${i.file}`),
  ];
  return lines.join('\n');
}
