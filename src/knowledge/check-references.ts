import type { KnowledgeProblem } from './knowledge-error.js';
import type { KnowledgeFiles } from './load-knowledge.js';

/**
 * Cross-file checks that a schema cannot express: duplicate ids, references to unknown services or
 * concerns, a variant of an unknown parent, two files for one service.
 */
export function checkReferences(files: KnowledgeFiles): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const at = (name: string) => `${files.dirLabel}/${name}`;
  const serviceIds = collectIds(files.services.services, at('services.yaml'), problems);
  const concernIds = collectIds(files.concerns.concerns, at('concerns.yaml'), problems);
  collectIds(files.concepts.concepts, at('concepts.yaml'), problems);

  for (const service of files.services.services) {
    if (service.variantOf && !serviceIds.has(service.variantOf)) {
      problems.push({ file: at('services.yaml'), entry: service.id, field: 'variantOf', message: `unknown service "${service.variantOf}"` });
    }
    if (service.primaryConcern && !concernIds.has(service.primaryConcern)) {
      problems.push({ file: at('services.yaml'), entry: service.id, field: 'primaryConcern', message: `unknown concern "${service.primaryConcern}"` });
    }
  }
  for (const concern of files.concerns.concerns) {
    for (const target of concern.resolvesTo) {
      if (!concernIds.has(target)) {
        problems.push({ file: at('concerns.yaml'), entry: concern.id, field: 'resolvesTo', message: `unknown concern "${target}"` });
      }
    }
  }

  const defaultSeen = new Set<string>();
  for (const entry of files.defaults.defaults) {
    const file = at('defaults.yaml');
    if (!concernIds.has(entry.concern)) problems.push({ file, entry: entry.concern, field: 'concern', message: `unknown concern "${entry.concern}"` });
    // One default per concern for every service, and at most one per concern and category.
    const scopes = entry.categories ?? ['every service'];
    for (const scope of scopes) {
      const seen = `${entry.concern}\u0000${scope}`;
      if (defaultSeen.has(seen)) problems.push({ file, entry: entry.concern, field: 'concern', message: `duplicate default for this concern (${scope})` });
      defaultSeen.add(seen);
    }
  }

  const serviceFiles = new Map<string, string>();
  for (const { file, data } of files.responsibilities) {
    if (!serviceIds.has(data.service)) {
      problems.push({ file, field: 'service', message: `unknown service "${data.service}"` });
    }
    const earlier = serviceFiles.get(data.service);
    if (earlier) problems.push({ file, field: 'service', message: `service "${data.service}" already has ${earlier}` });
    serviceFiles.set(data.service, file);
    const seen = new Set<string>();
    for (const entry of data.entries) {
      if (!concernIds.has(entry.concern)) problems.push({ file, entry: entry.concern, field: 'concern', message: `unknown concern "${entry.concern}"` });
      if (seen.has(entry.concern)) problems.push({ file, entry: entry.concern, field: 'concern', message: 'duplicate entry for this concern' });
      seen.add(entry.concern);
    }
    for (const [field, list] of [['notApplicable', data.notApplicable], ['withheld', data.withheld]] as const) {
      for (const concern of list) {
        if (!concernIds.has(concern)) problems.push({ file, field, message: `unknown concern "${concern}"` });
        if (seen.has(concern)) problems.push({ file, entry: concern, field, message: 'concern is both answered and listed here' });
      }
    }
  }

  const questionIds = new Set<string>();
  const scenarioIds = new Set<string>();
  for (const { file, data } of files.quizzes) {
    if (scenarioIds.has(data.id)) problems.push({ file, field: 'id', message: `duplicate scenario id "${data.id}"` });
    scenarioIds.add(data.id);
    for (const q of data.questions) {
      if (questionIds.has(q.id)) problems.push({ file, entry: q.id, field: 'id', message: 'duplicate question id' });
      questionIds.add(q.id);
      if (q.service && !serviceIds.has(q.service)) problems.push({ file, entry: q.id, field: 'service', message: `unknown service "${q.service}"` });
      if (q.concern && !concernIds.has(q.concern)) problems.push({ file, entry: q.id, field: 'concern', message: `unknown concern "${q.concern}"` });
    }
  }
  return problems;
}

function collectIds(items: { id: string }[], file: string, problems: KnowledgeProblem[]): Set<string> {
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) problems.push({ file, entry: item.id, field: 'id', message: 'duplicate id' });
    ids.add(item.id);
  }
  return ids;
}
