import { deriveResponsibility } from './derive-responsibility.js';
import type { KnowledgeFiles } from './load-knowledge.js';
import type {
  Concept,
  Concern,
  Knowledge,
  NoAnswerReason,
  QuizScenario,
  ResolvedResponsibility,
  Responsibility,
  Service,
  ServiceCategory,
} from './types.js';

interface ServiceTable {
  entries: Map<string, Responsibility>;
  notApplicable: Set<string>;
  withheld: Set<string>;
}

/** Indexes validated files into the read-only Knowledge the rest of the bot uses. */
export function buildKnowledge(files: KnowledgeFiles): Knowledge {
  const services = new Map<string, Service>();
  for (const s of files.services.services) services.set(s.id, { ...s, variants: [] });
  for (const s of services.values()) if (s.variantOf) services.get(s.variantOf)?.variants.push(s.id);

  const concerns = new Map<string, Concern>(files.concerns.concerns.map((c) => [c.id, { ...c, general: deriveResponsibility(c.general) }]));
  const concepts = new Map<string, Concept>(files.concepts.concepts.map((c) => [c.id, c]));
  // Per concern, the default for every service and those for some categories only.
  const defaults = new Map<string, { categories?: ServiceCategory[]; entry: Responsibility }[]>();
  for (const { concern, categories, ...r } of files.defaults.defaults) {
    defaults.set(concern, [...(defaults.get(concern) ?? []), { ...(categories ? { categories } : {}), entry: deriveResponsibility(r) }]);
  }
  /** The default of a concern for a service: one written for its category first, else the one for every service. */
  const defaultFor = (serviceId: string, concernId: string): Responsibility | undefined => {
    const category = services.get(serviceId)?.category;
    const list = defaults.get(concernId) ?? [];
    return (list.find((d) => category && d.categories?.includes(category)) ?? list.find((d) => !d.categories))?.entry;
  };

  const tables = new Map<string, ServiceTable>();
  const fileOfService = new Map<string, string>();
  for (const { file, data } of files.responsibilities) {
    fileOfService.set(data.service, file);
    tables.set(data.service, {
      entries: new Map(data.entries.map(({ concern, ...r }) => [concern, deriveResponsibility(r)])),
      notApplicable: new Set(data.notApplicable),
      withheld: new Set(data.withheld),
    });
  }

  const quizScenarios = new Map<string, QuizScenario>();
  for (const { data } of files.quizzes) {
    quizScenarios.set(data.id, { ...data, questions: data.questions.map((q) => ({ ...q, scenarioId: data.id })) });
  }

  const resolve = (serviceId: string, concernId: string): ResolvedResponsibility | { none: NoAnswerReason } => {
    let origin: ResolvedResponsibility['origin'] = 'service';
    for (let id: string | undefined = serviceId; id; id = services.get(id)?.variantOf) {
      const table = tables.get(id);
      const entry = table?.entries.get(concernId);
      if (entry) return { ...withDefaultConditions(entry, defaultFor(serviceId, concernId)), serviceId, concernId, origin };
      if (table?.notApplicable.has(concernId)) return { none: 'not-applicable' };
      if (table?.withheld.has(concernId)) return { none: 'withheld' };
      origin = 'parent';
    }
    const fallback = defaultFor(serviceId, concernId);
    if (fallback) return { ...fallback, serviceId, concernId, origin: 'default' };
    return { none: 'unknown' };
  };

  // Resolve everything once: the answer path only reads this table.
  const resolved = new Map<string, ResolvedResponsibility | { none: NoAnswerReason }>();
  const byService = new Map<string, ResolvedResponsibility[]>();
  let count = 0;
  for (const service of services.values()) {
    const list: ResolvedResponsibility[] = [];
    for (const concern of concerns.values()) {
      const answer = resolve(service.id, concern.id);
      resolved.set(key(service.id, concern.id), answer);
      if (!('none' in answer)) list.push(answer);
    }
    byService.set(service.id, list);
    count += list.length;
  }

  return {
    services,
    concerns,
    concepts,
    quizScenarios,
    lookup: (serviceId, concernId) => resolved.get(key(serviceId, concernId)) ?? { none: 'unknown' },
    entriesFor: (serviceId) => byService.get(serviceId) ?? [],
    responsibilityCount: count,
    fileOf: (serviceId) => fileOfService.get(serviceId),
  };
}

/**
 * A service's entry with the conditional duties of the concern's default that it does not state
 * itself: "AWS managed keys → AWS rotates them" holds for S3's keys as for every service's.
 */
function withDefaultConditions(entry: Responsibility, fallback: Responsibility | undefined): Responsibility {
  const extra = (fallback?.duties ?? []).filter((d) => d.when && !entry.duties.some((own) => own.when?.label === d.when!.label));
  return extra.length > 0 ? { ...entry, duties: [...entry.duties, ...extra] } : entry;
}

function key(serviceId: string, concernId: string): string {
  return `${serviceId}\u0000${concernId}`;
}
