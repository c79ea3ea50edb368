import type { Mention } from './find-mentions.js';

/** Concerns about AWS's own buildings: a data centre or facility that is the customer's names none of them. */
const AWS_FACILITY_CONCERNS: ReadonlySet<string> = new Set(['physical-security', 'environmental-controls']);
/** Words just before a place that make it the customer's ("our own data center", "my facility"). */
const OWNERS: ReadonlySet<string> = new Set(['our', 'my', 'own', 'customer', 'customers', 'company', 'on-premises', 'premises', 'colo']);

/**
 * "the router in our own data center that terminates the VPN": the customer's building is where the act
 * happens, not the concern of AWS's data centres. Drops those facility concerns named right after an owner word.
 */
export function dropOwnPremises(mentions: Mention[], words: string[]): Mention[] {
  return mentions.flatMap((m) => {
    if (!OWNERS.has(words[m.start - 1] ?? '')) return [m];
    const targets = m.targets.filter((t) => !(t.kind === 'concern' && AWS_FACILITY_CONCERNS.has(t.id)));
    if (targets.length === m.targets.length) return [m];
    return targets.length > 0 ? [{ ...m, targets }] : [];
  });
}
