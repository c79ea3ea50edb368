import type { Knowledge } from '../knowledge/types.js';
import type { Mention } from './find-mentions.js';

/** Concerns a question names, most specific first. */
export interface ResolvedConcerns {
  ids: string[];
  /** Only context words were found ("who handles oracle on EC2") — a weaker reading. */
  fromContextOnly: boolean;
}

/**
 * Resolves concern mentions: an umbrella concern ("patching") becomes the specific one its context
 * points at ("patching" + "oracle" → database engine patching); longer phrases rank first.
 */
export function resolveConcerns(mentions: Mention[], knowledge: Knowledge): ResolvedConcerns {
  const weights = new Map<string, number>();
  const context = new Set<string>();
  for (const m of mentions) {
    for (const t of m.targets) {
      if (t.kind === 'concern') weights.set(t.id, Math.max(weights.get(t.id) ?? 0, m.words));
      if (t.kind === 'context') context.add(t.concernId);
    }
  }

  for (const [id, weight] of [...weights]) {
    const umbrella = knowledge.concerns.get(id);
    if (!umbrella || umbrella.resolvesTo.length === 0) continue;
    if (umbrella.resolvesTo.some((specific) => weights.has(specific))) {
      weights.delete(id);
      continue;
    }
    const picked = umbrella.resolvesTo.find((specific) => context.has(specific));
    if (picked) {
      weights.delete(id);
      weights.set(picked, weight);
    }
  }

  if (weights.size === 0 && context.size > 0) {
    return { ids: [...context], fromContextOnly: true };
  }
  const ids = [...weights.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  return { ids, fromContextOnly: false };
}
