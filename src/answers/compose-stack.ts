import type { Knowledge, Service } from '../knowledge/types.js';
import type { Reply, ReplySection } from '../model/reply-model.js';
import type { StackRequest } from '../understanding/read-stack.js';
import type { AnswerOutcome } from './answer-outcome.js';
import { categoriesWhy } from './category-notes.js';
import { MESSAGES } from './messages.js';
import { withText } from './render-text.js';
import { sourceLink } from './source-title.js';
import { stackCsvAction } from './action-values.js';

/** One line of a team's checklist: a customer duty on one service. */
export interface ChecklistRow {
  serviceId: string;
  concernId: string;
  service: string;
  concern: string;
  duty: string;
  owner: 'customer' | 'aws';
  /** The condition that puts the duty in force, when it is not always in force. */
  when?: string;
  source: string;
}

/**
 * Every duty across the services, customer duties first, in concern order; what AWS does is kept
 * for the collapsed "AWS covers" part and the CSV.
 */
export function stackChecklist(knowledge: Knowledge, serviceIds: string[]): ChecklistRow[] {
  const services = serviceIds.flatMap((id) => knowledge.services.get(id) ?? []);
  const rows: ChecklistRow[] = [];
  for (const concern of knowledge.concerns.values()) {
    for (const service of services) {
      const entry = knowledge.entriesFor(service.id).find((e) => e.concernId === concern.id);
      if (!entry) continue;
      for (const duty of entry.duties) {
        rows.push({
          serviceId: service.id,
          concernId: concern.id,
          service: service.name,
          concern: concern.label,
          duty: duty.does,
          owner: duty.by,
          ...(duty.when ? { when: duty.when.label } : {}),
          source: entry.sources[0] ?? service.source,
        });
      }
    }
  }
  return rows;
}

/** The checklist reply: what the team owns, grouped by concern; conditions that change it; AWS's part collapsed. */
export function composeStack(knowledge: Knowledge, stack: StackRequest): AnswerOutcome {
  const services = stack.serviceIds.flatMap((id) => knowledge.services.get(id) ?? []);
  const unknown = stack.unknown.length > 0 ? [{ title: MESSAGES.stack.unknownTitle, body: MESSAGES.stack.unknown(stack.unknown) }] : [];
  if (services.length === 0) {
    const reply = withText({
      kind: 'checklist', headline: MESSAGES.stack.noServices, sections: [...unknown, { title: MESSAGES.stack.howTitle, body: MESSAGES.stack.how }],
      sources: [], suggestions: [], actions: [],
    });
    return { reply, answered: false, owner: null, serviceId: null, serviceName: null, concernLabel: null };
  }
  const rows = stackChecklist(knowledge, stack.serviceIds);
  const insideNote = (r: ChecklistRow) => {
    const o = knowledge.orgOwner?.(r.serviceId, r.concernId);
    return o ? ` \u2192 ${o.team}${o.contact ? ` (${o.contact})` : ''}` : '';
  };
  const byConcern = new Map<string, ChecklistRow[]>();
  for (const row of rows.filter((r) => r.owner === 'customer')) byConcern.set(row.concern, [...(byConcern.get(row.concern) ?? []), row]);
  const sections: ReplySection[] = [...byConcern].map(([concern, mine]) => ({
    title: concern,
    body: mine.map((r) => (r.when ? `• ${r.service}, ${MESSAGES.stack.when(r.when)}: ${r.duty}` : `• ${r.service}: ${r.duty}`) + insideNote(r)).join('\n'),
  }));
  // Concerns where no service leaves the customer anything: AWS's alone, one collapsed line.
  const awsOnly = [...new Set(rows.filter((r) => r.owner === 'aws' && !byConcern.has(r.concern)).map((r) => r.concern))];
  if (awsOnly.length > 0) sections.push({ title: MESSAGES.stack.awsCoversTitle, body: awsOnly.join(' · ') });
  sections.push({ title: MESSAGES.stack.whyTitle, body: categoriesWhy(services) });
  const names = services.map((s: Service) => s.name);
  const reply = withText({
    kind: 'checklist',
    headline: MESSAGES.stack.headline(names),
    sections: [...sections, ...unknown],
    sources: [...new Set(services.map((s) => s.source))].map(sourceLink),
    suggestions: [],
    actions: [stackCsvAction(MESSAGES.stack.csvButton, services.map((s) => s.id))],
  });
  return { reply, answered: true, owner: null, serviceId: null, serviceName: null, concernLabel: null, stack: { services: names, unknown: stack.unknown } };
}

/** The reply with a short note first ("Saved as this channel's stack: …"). */
export function withNote(reply: Reply, note: string): Reply {
  const { text: _text, ...rest } = reply;
  return withText({ ...rest, sections: [{ title: MESSAGES.stack.noteTitle, body: note }, ...rest.sections] });
}
