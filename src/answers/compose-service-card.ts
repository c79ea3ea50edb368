import type { Owner } from '../model/owner.js';
import type { OwnerRow } from '../model/reply-model.js';
import type { Knowledge } from '../knowledge/types.js';
import { askAction } from './action-values.js';
import type { AnswerOutcome } from './answer-outcome.js';
import { categoryWhy } from './category-notes.js';
import { findEntries } from './find-entries.js';
import { MESSAGES } from './messages.js';
import { withText } from './render-text.js';
import { sourceLink } from './source-title.js';

/** Everything the knowledge base says about one service (columns per variant for a service that has them). */
export function composeServiceCard(knowledge: Knowledge, serviceId: string): AnswerOutcome {
  const service = knowledge.services.get(serviceId)!;
  const columns = service.variants.length > 0
    ? service.variants.map((id) => knowledge.services.get(id)!)
    : [service];
  const rows: OwnerRow[] = [];
  const counts: Record<Owner, number> = { aws: 0, customer: 0, shared: 0 };
  for (const concern of knowledge.concerns.values()) {
    if (concern.resolvesTo.length > 0) continue; // umbrella concerns repeat their specific ones
    const cells = columns.map((col) => {
      const [entry] = findEntries(knowledge, col.id, concern.id).entries;
      return { owner: entry?.owner ?? null };
    });
    if (cells.every((c) => c.owner === null)) continue;
    for (const c of cells) if (c.owner) counts[c.owner] += 1;
    rows.push({ label: concern.label, cells });
  }
  const reply = withText({
    kind: 'service-card',
    headline: MESSAGES.serviceCardHeadline(service.name, service.category, service.model),
    serviceName: service.name,
    sections: [
      { title: MESSAGES.section.why, body: categoryWhy(service) },
      { title: 'In short', body: MESSAGES.serviceCardSummary(service.name, counts.aws, counts.customer, counts.shared) },
    ],
    table: { columns: columns.map((c) => (c.id === service.id ? service.name : (c.variantLabel ?? c.name))), rows },
    sources: [sourceLink(service.source)],
    suggestions: [`who patches ${service.name}?`, `who encrypts data on ${service.name}?`],
    actions: ['guest-os-patching', 'encryption-at-rest', 'identity-access']
      .filter((id) => columns.some((c) => findEntries(knowledge, c.id, id).entries.length > 0))
      .map((id) => askAction(knowledge.concerns.get(id)!.label, service.id, id)),
  });
  // Security on a service as a whole: shared whenever each side has a part in it.
  const bothSides = (counts.aws > 0 || counts.shared > 0) && (counts.customer > 0 || counts.shared > 0);
  return { reply, answered: true, owner: bothSides ? 'shared' : null, serviceId: service.id, serviceName: service.name, concernLabel: null };
}
