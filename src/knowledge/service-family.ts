import type { Knowledge } from './types.js';

/** The service a variant belongs to ("eks-auto-mode" → "eks"); a service that is no variant is its own. */
export function familyOf(knowledge: Pick<Knowledge, 'services'>, serviceId: string): string {
  return knowledge.services.get(serviceId)?.variantOf ?? serviceId;
}
