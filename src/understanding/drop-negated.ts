import type { PlacedRef } from './resolve-services.js';

/**
 * Words that, just before a service, say the question is not about it: "on EC2, not RDS", a service
 * named only to compare with ("a NAT gateway needs patching just like a NAT instance, right?"), or
 * "self-" before a managed service's name.
 */
const NEGATIONS: readonly string[][] = [['not'], ['not', 'on'], ['not', 'in'], ['instead', 'of'], ['rather', 'than'], ['unlike'], ['no', 'longer'], ['not', 'using'], ['isn', 't'], ['isnt'],
  ['just', 'like'], ['same', 'as'], ['same', 'as', 'with'], ['similar', 'to'], ['as', 'with'],
  // "our self-managed Kafka on EC2" is not the managed service whose name ("managed Kafka") it contains.
  ['self'], ['non'],
  // "move our tasks off Fargate and back onto EC2": the service left is not the one asked about.
  ['off'], ['away', 'from'], ['same', 'way'], ['way'], ['move', 'off'], ['moving', 'off'], ['migrate', 'off'], ['migrating', 'off']];

/** Drops services the question says it is not about, when another service remains. */
export function dropNegated(refs: PlacedRef[], words: string[]): PlacedRef[] {
  const negated = (r: PlacedRef) =>
    NEGATIONS.some((n) => n.every((w, i) => words[r.at.start - n.length + i] === w));
  const kept = refs.filter((r) => !negated(r));
  return kept.length > 0 ? kept : refs;
}

/** Owners before an everyday name: "AWS's own security controls" are AWS's controls, not Security Hub's. */
const OWNED: readonly string[][] = [['own'], ['aws', 's'], ['amazon', 's'], ['aws', 's', 'own'], ['amazon', 's', 'own']];

/** Drops services named only by an everyday term ("security controls") that the words before give to an owner. */
export function dropOwnedGeneric(refs: PlacedRef[], words: string[]): PlacedRef[] {
  return refs.filter((r) => !(r.generic && OWNED.some((n) => n.every((w, i) => words[r.at.start - n.length + i] === w))));
}
