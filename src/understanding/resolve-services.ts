import type { Knowledge } from '../knowledge/types.js';
import type { Mention } from './find-mentions.js';
import type { ServiceRef } from './understanding.js';

/** Service refs found, and the mentions they used up (so those are not read as concerns too). */
export interface ResolvedServices {
  refs: ServiceRef[];
  consumed: Set<Mention>;
}

/**
 * Turns service mentions into refs. A variant's word counts when its parent is named ("EKS worker
 * nodes" → self-managed nodes; "ECS on EC2 instances" → ECS on EC2) and then replaces the parent.
 * Everyday words ("bucket") count only when the question is clearly about responsibility.
 */
export function resolveServices(mentions: Mention[], knowledge: Knowledge, responsibilityContext: boolean): ResolvedServices {
  const strongIds = new Set<string>();
  for (const m of mentions) for (const t of m.targets) if (t.kind === 'service' && !t.generic) strongIds.add(t.id);

  const refs: ServiceRef[] = [];
  const consumed = new Set<Mention>();
  const replacedParents = new Set<string>();
  for (const m of mentions) {
    const serviceTargets = m.targets.flatMap((t) => (t.kind === 'service' ? [t] : []));
    if (serviceTargets.length === 0) continue;
    const variants = serviceTargets.filter((t) => {
      const parent = knowledge.services.get(t.id)?.variantOf;
      return parent !== undefined && strongIds.has(parent) && !namesService(m, parent);
    });
    if (variants.length > 0) {
      refs.push({ candidates: unique(variants.map((t) => t.id)), generic: false, corrected: m.corrected });
      for (const t of variants) replacedParents.add(knowledge.services.get(t.id)!.variantOf!);
      consumed.add(m);
      continue;
    }
    const strong = serviceTargets.filter((t) => !t.generic);
    if (strong.length > 0) {
      refs.push({ candidates: unique(strong.map((t) => t.id)), generic: false, corrected: m.corrected });
      if (!m.targets.some((t) => t.kind !== 'service')) consumed.add(m);
      continue;
    }
    if (responsibilityContext) {
      refs.push({ candidates: unique(serviceTargets.map((t) => t.id)), generic: true, corrected: m.corrected });
    }
  }

  const kept = refs.filter((r) => !(r.candidates.length === 1 && replacedParents.has(r.candidates[0]!)));
  return { refs: dedupe(kept), consumed };
}

function namesService(m: Mention, serviceId: string): boolean {
  return m.targets.some((t) => t.kind === 'service' && t.id === serviceId && !t.generic);
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function dedupe(refs: ServiceRef[]): ServiceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = [...r.candidates].sort().join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
