import type { OwnerRow } from '../model/reply-model.js';
import type { Knowledge } from '../knowledge/types.js';
import { serviceAction } from './action-values.js';
import type { AnswerOutcome } from './answer-outcome.js';
import { categoryWhy } from './category-notes.js';
import { concreteConcern, findEntries } from './find-entries.js';
import { inSentence, MESSAGES } from './messages.js';
import { withText } from './render-text.js';
import { sourceLink } from './source-title.js';

/** Concerns compared when the question names services but no concern. */
const COMPARED_CONCERNS = [
  'guest-os-patching',
  'platform-patching',
  'application-code',
  'network-configuration',
  'firewall-rules',
  'identity-access',
  'encryption-at-rest',
  'backups-dr',
  'high-availability',
  'data-content',
];

/** Side by side: who owns each concern on each service. */
export function composeComparison(knowledge: Knowledge, serviceIds: string[], concernId?: string): AnswerOutcome {
  const services = serviceIds.map((id) => knowledge.services.get(id)!);
  const concernIds = concernId ? [concernId] : COMPARED_CONCERNS;
  const rows: OwnerRow[] = concernIds.map((id) => ({
    label: knowledge.concerns.get(concreteConcern(knowledge, services[0]!.id, id))?.label ?? id,
    cells: services.map((s) => {
      const [entry] = findEntries(knowledge, s.id, id).entries;
      return { owner: entry?.owner ?? null };
    }),
  }));
  const owners = new Set(rows.flatMap((r) => r.cells.map((c) => c.owner)));
  const single = concernId && owners.size === 1 ? [...owners][0] : null;
  const names = services.map((s) => s.name).join(' vs ');
  const sources = concernId
    ? services.flatMap((s) => findEntries(knowledge, s.id, concernId).entries.slice(0, 1).flatMap((e) => e.sources.slice(0, 1)))
    : services.map((s) => s.source);
  const reply = withText({
    kind: 'comparison',
    headline: concernId ? MESSAGES.compareConcernHeadline(inSentence(rows[0]!.label)) : MESSAGES.compareHeadline(names),
    owner: single ?? undefined,
    concernLabel: concernId ? rows[0]!.label : undefined,
    // Each service's category and what it means for each side: the "why" behind the table.
    sections: services.map((s) => ({ title: s.name, body: categoryWhy(s) })),
    table: { columns: services.map((s) => s.name), rows },
    sources: [...new Set(sources)].map(sourceLink),
    suggestions: [],
    actions: services.map((s) => serviceAction(MESSAGES.followUp.showService(s.name), s.id)),
  });
  return { reply, answered: true, owner: single ?? null, serviceId: null, serviceName: null, concernLabel: concernId ? rows[0]!.label : null };
}
