import type { Knowledge } from '../knowledge/types.js';
import type { Mention } from './find-mentions.js';
import type { ServiceRef } from './understanding.js';

/** A service ref and the mention it came from. */
export interface PlacedRef extends ServiceRef {
  at: Mention;
}

/** Service refs found, the mentions they used up, and mentions that name a service and a concern. */
export interface ResolvedServices {
  refs: PlacedRef[];
  consumed: Set<Mention>;
  /** Mentions such as "IAM" or "VPC" that name both a service and a concern. */
  dualRole: Set<Mention>;
  /** Variants named only by their everyday words without their parent ("auto mode"): a follow-up may mean them. */
  variantHints: string[];
}

/**
 * Turns service mentions into refs. A variant's word counts when its parent is named ("EKS worker
 * nodes" → self-managed nodes) and replaces the parent. Everyday words ("bucket", "servers") count
 * only in a responsibility question that names no service by name.
 */
export function resolveServices(mentions: Mention[], knowledge: Knowledge, responsibilityContext: boolean): ResolvedServices {
  const strongIds = new Set<string>();
  for (const m of mentions) for (const t of m.targets) if (t.kind === 'service' && !t.generic) strongIds.add(t.id);
  // A variant named by name ("Fargate") outranks one named by an everyday word ("hosts").
  const namedVariantOf = new Set<string>();
  for (const m of mentions) {
    for (const t of m.targets) {
      const parent = t.kind === 'service' && !t.generic ? knowledge.services.get(t.id)?.variantOf : undefined;
      if (parent && strongIds.has(parent)) namedVariantOf.add(parent);
    }
  }

  const strong: PlacedRef[] = [];
  const generic: PlacedRef[] = [];
  const consumed = new Set<Mention>();
  const dualRole = new Set<Mention>();
  const replacedParents = new Set<string>();
  const variantHints = new Set<string>();
  for (const m of mentions) {
    const serviceTargets = m.targets.flatMap((t) => (t.kind === 'service' ? [t] : []));
    if (serviceTargets.length === 0) continue;
    const variants = serviceTargets.filter((t) => {
      const parent = knowledge.services.get(t.id)?.variantOf;
      if (parent === undefined || !strongIds.has(parent) || namesService(m, parent)) return false;
      return !t.generic || !namedVariantOf.has(parent);
    });
    if (variants.length > 0) {
      strong.push({ candidates: unique(variants.map((t) => t.id)), generic: false, corrected: m.corrected, at: m });
      for (const t of variants) replacedParents.add(knowledge.services.get(t.id)!.variantOf!);
      consumed.add(m);
      continue;
    }
    const named = serviceTargets.filter((t) => !t.generic);
    const ref = (ids: string[], isGeneric: boolean): PlacedRef => ({ candidates: unique(ids), generic: isGeneric, corrected: m.corrected, at: m });
    if (named.length > 0) {
      strong.push(ref(named.map((t) => t.id), false));
      if (m.targets.some((t) => t.kind === 'concern')) dualRole.add(m);
      else consumed.add(m);
    } else if (responsibilityContext) {
      // A variant's everyday words ("hosts", "worker nodes") point at it only next to its parent's name.
      const plain = serviceTargets.filter((t) => !knowledge.services.get(t.id)?.variantOf);
      if (plain.length > 0) generic.push(ref(plain.map((t) => t.id), true));
    }
    for (const t of serviceTargets) if (t.generic && knowledge.services.get(t.id)?.variantOf) variantHints.add(t.id);
  }

  const kept = strong.filter((r) => !(r.candidates.length === 1 && replacedParents.has(r.candidates[0]!)));
  const refs = dedupe(kept.length > 0 ? kept : generic);
  // "IAM", "VPC" next to another service are the concern, not a second service.
  const withoutDual = refs.filter((r) => !dualRole.has(r.at));
  return { refs: withoutDual.length > 0 ? withoutDual : refs, consumed, dualRole, variantHints: [...variantHints] };
}

function namesService(m: Mention, serviceId: string): boolean {
  return m.targets.some((t) => t.kind === 'service' && t.id === serviceId && !t.generic);
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function dedupe(refs: PlacedRef[]): PlacedRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = [...r.candidates].sort().join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
