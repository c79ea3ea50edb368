import type { Knowledge, NoAnswerReason, ResolvedResponsibility, Side } from '../knowledge/types.js';

/**
 * The entries that answer a concern for a service; for a service with variants and no answer of its own, its variants'.
 * `side`: the side the question's act points at, to pick among an umbrella concern's specific ones.
 */
export function findEntries(
  knowledge: Knowledge,
  serviceId: string,
  concernId: string,
  side?: Side,
): { entries: ResolvedResponsibility[]; reason?: NoAnswerReason } {
  const concrete = concreteConcern(knowledge, serviceId, concernId, side);
  const own = knowledge.lookup(serviceId, concrete);
  if (!('none' in own) && !(own.origin === 'default' && hasVariantAnswers(knowledge, serviceId, concrete))) {
    return { entries: [own] };
  }
  const variants = knowledge.services.get(serviceId)?.variants ?? [];
  const entries = variants.flatMap((v) => {
    const answer = knowledge.lookup(v, concreteConcern(knowledge, v, concernId, side));
    return 'none' in answer ? [] : [answer];
  });
  if (entries.length > 0) return { entries };
  return { entries: [], reason: 'none' in own ? own.none : undefined };
}

/**
 * An umbrella concern ("patching") becomes the first specific concern the service has an answer
 * for (guest OS, then engine/runtime, then host OS), preferring one where `side` has a part ("who picks
 * the maintenance window?" asks about the customer's part of patching). Other concerns are returned unchanged.
 */
export function concreteConcern(knowledge: Knowledge, serviceId: string, concernId: string, side?: Side): string {
  const concern = knowledge.concerns.get(concernId);
  if (!concern || concern.resolvesTo.length === 0) return concernId;
  const service = knowledge.services.get(serviceId);
  const ids = [serviceId, ...(service?.variants ?? [])];
  const answeredHere = (specific: string, by?: Side) =>
    ids.some((id) => {
      const answer = knowledge.lookup(id, specific);
      return !('none' in answer) && answer.origin !== 'default' && (!by || answer.duties.some((d) => d.by === by));
    });
  return (
    (side ? concern.resolvesTo.find((specific) => answeredHere(specific, side)) : undefined) ??
    concern.resolvesTo.find((specific) => answeredHere(specific)) ??
    concern.resolvesTo.find((specific) => !('none' in knowledge.lookup(serviceId, specific))) ??
    concernId
  );
}

function hasVariantAnswers(knowledge: Knowledge, serviceId: string, concernId: string): boolean {
  const variants = knowledge.services.get(serviceId)?.variants ?? [];
  return variants.some((v) => {
    const answer = knowledge.lookup(v, concernId);
    return !('none' in answer) && answer.origin === 'service';
  });
}
