import type { Knowledge } from '../knowledge/types.js';
import type { Mention } from './find-mentions.js';
import type { PlacedRef } from './resolve-services.js';

/**
 * A duty's or condition's own words ("maintenance window", "major version") name its concern, but only
 * for the services the question is about (or for every service, when the words belong to a default or
 * a general rule). Returns the mentions with those concerns added, for concern resolution.
 */
export function withDutyConcerns(mentions: Mention[], refs: PlacedRef[], knowledge: Knowledge): Mention[] {
  const services = servicesOf(refs, knowledge);
  return mentions.map((m) => withConcernsOf(unnestedFor(m, services), services));
}

/** "security group rules" is Cloud9's duty phrase: on EC2, the "security group" inside it is no weaker reading. */
function unnestedFor(m: Mention, services: ReadonlySet<string>): Mention {
  // A single word inside ("maintenance" in "maintenance window") stays a weak reading whatever the service.
  if (!m.nestedBy || m.words < 2 || [...m.nestedBy].some((id) => services.has(id))) return m;
  const { nestedBy: _by, ...rest } = m;
  return { ...rest, nested: false };
}

/**
 * The concerns that service-name mentions also carry through duty words ("Shield Standard" names Shield
 * and its DDoS duty), as mentions of their own: a service's name is used up, its duty words are not.
 */
export function dutyConcernsInNames(names: Mention[], refs: PlacedRef[], knowledge: Knowledge): Mention[] {
  const services = servicesOf(refs, knowledge);
  return names.flatMap((m) => {
    const named = withConcernsOf(m, services).targets.filter((t) => t.kind === 'concern' && t.viaDuty);
    return named.length > 0 ? [{ ...m, targets: named }] : [];
  });
}

function servicesOf(refs: PlacedRef[], knowledge: Knowledge): Set<string> {
  const services = new Set<string>();
  for (const id of refs.flatMap((r) => r.candidates)) {
    services.add(id);
    const service = knowledge.services.get(id);
    if (service?.variantOf) services.add(service.variantOf);
    for (const variant of service?.variants ?? []) services.add(variant);
  }
  return services;
}

function withConcernsOf(m: Mention, services: ReadonlySet<string>): Mention {
  const named = m.targets.flatMap((t) =>
    t.kind === 'duty' && (t.serviceId === undefined || services.has(t.serviceId))
      ? [{ kind: 'concern' as const, id: t.concernId, viaDuty: true, ...(t.condition ? { viaCondition: true } : {}) }]
      : [],
  );
  return named.length > 0 ? { ...m, targets: [...m.targets, ...named] } : m;
}
