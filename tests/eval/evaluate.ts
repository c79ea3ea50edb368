import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { answerQuestion, type ConversationContext, nextContext } from '../../src/answers/answer-question.js';
import type { AnswerOutcome } from '../../src/answers/answer-outcome.js';
import type { Knowledge } from '../../src/knowledge/types.js';
import type { Understand } from '../../src/understanding/understand.js';

/** One labelled question of a duty-level evaluation set (the sets are described in the README, "Accuracy and speed"). */
export interface EvalItem {
  q: string;
  owner: 'aws' | 'customer' | 'shared' | null;
  service: string | null;
  act?: string;
  style: string;
  context?: string[];
  parts?: { service: string; owner: 'aws' | 'customer' | 'shared' }[];
  mentions?: string[];
  concept?: boolean;
}

/** Figures for one set, and the items behind each shortfall. */
export interface EvalReport {
  owner: { right: number; total: number; misses: string[] };
  concepts: { right: number; total: number; misses: string[] };
  offTopic: { declined: number; wrongOwner: number; total: number; misses: string[] };
  parts: { right: number; total: number; misses: string[] };
  byStyle: Record<string, { right: number; total: number }>;
}

export function readEvalSet(file: string): EvalItem[] {
  return (parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')) as { questions: EvalItem[] }).questions;
}

/** Answers `item` as chat would: earlier messages of its thread first, then the question with their context. */
function answer(knowledge: Knowledge, understand: Understand, item: EvalItem): AnswerOutcome {
  let context: ConversationContext | undefined;
  for (const earlier of item.context ?? []) {
    const u = understand(earlier);
    context = nextContext(answerQuestion(knowledge, u, context), u, context) ?? context;
  }
  return answerQuestion(knowledge, understand(item.q), context);
}

const describe = (item: EvalItem, o: AnswerOutcome) =>
  `${item.q}  → ${o.answered ? o.owner : 'no answer'} (${o.serviceName ?? '-'} / ${o.concernLabel ?? '-'}), want ${item.owner}`;

/** Runs a set: owner accuracy, concept answers that say what was asked, off-topic declines, two-part completeness. */
export function evaluate(knowledge: Knowledge, understand: Understand, items: EvalItem[]): EvalReport {
  const report: EvalReport = {
    owner: { right: 0, total: 0, misses: [] },
    concepts: { right: 0, total: 0, misses: [] },
    offTopic: { declined: 0, wrongOwner: 0, total: 0, misses: [] },
    parts: { right: 0, total: 0, misses: [] },
    byStyle: {},
  };
  for (const item of items) {
    const o = answer(knowledge, understand, item);
    const style = (report.byStyle[item.style] ??= { right: 0, total: 0 });
    if (item.style === 'off-topic') {
      report.offTopic.total += 1;
      style.total += 1;
      const declined = !o.answered && o.owner === null;
      if (declined) {
        report.offTopic.declined += 1;
        style.right += 1;
      } else report.offTopic.misses.push(`${item.q}  → ${o.reply.kind} ${o.owner ?? ''}`);
      if (o.owner !== null) report.offTopic.wrongOwner += 1;
      continue;
    }
    if (item.mentions) {
      report.concepts.total += 1;
      const text = o.reply.text.toLowerCase();
      const missing = item.mentions.filter((m) => !text.includes(m.toLowerCase()));
      if (o.answered && missing.length === 0) report.concepts.right += 1;
      else report.concepts.misses.push(`${item.q}  → ${o.reply.kind}: "${o.reply.headline}" lacks ${missing.join(', ') || '(not answered)'}`);
    }
    if (item.owner !== null) {
      report.owner.total += 1;
      style.total += 1;
      if (o.answered && o.owner === item.owner) {
        report.owner.right += 1;
        style.right += 1;
      } else report.owner.misses.push(`[${item.style}] ${describe(item, o)}`);
    } else if (item.mentions) {
      style.total += 1;
      if (o.answered) style.right += 1;
    }
    if (item.parts) {
      report.parts.total += 1;
      const got = (o.parts ?? []).map((p) => p.owner);
      const want = item.parts.map((p) => p.owner);
      if (got.length === want.length && got.every((g, i) => g === want[i])) report.parts.right += 1;
      else report.parts.misses.push(`${item.q}  → [${got.join(', ')}], want [${want.join(', ')}]`);
    }
  }
  return report;
}

/** A one-paragraph summary of a report, for the test log. */
export function summarise(name: string, r: EvalReport): string {
  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}% (${a}/${b})`);
  const styles = Object.entries(r.byStyle).map(([s, v]) => `${s} ${pct(v.right, v.total)}`).join(', ');
  return [
    `[${name}] owner accuracy: ${pct(r.owner.right, r.owner.total)}`,
    `[${name}] concept answers that say what was asked: ${pct(r.concepts.right, r.concepts.total)}`,
    `[${name}] off-topic declined: ${pct(r.offTopic.declined, r.offTopic.total)}; wrong owner on off-topic: ${pct(r.offTopic.wrongOwner, r.offTopic.total)}`,
    `[${name}] two-part questions with every part right: ${pct(r.parts.right, r.parts.total)}`,
    `[${name}] by style: ${styles}`,
  ].join('\n');
}
