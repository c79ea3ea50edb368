import type { Knowledge } from '../knowledge/types.js';
import type { Mention } from './find-mentions.js';
import { stem } from './stem.js';

/** Concerns a question names, most specific first. */
export interface ResolvedConcerns {
  ids: string[];
  /** Only context words were found ("who handles oracle on EC2") — a weaker reading. */
  fromContextOnly: boolean;
  /** The two most specific concerns were named equally strongly: two readings are plausible. */
  tied: boolean;
  /** The mention that named the first concern (for finding the service it is about). */
  anchor?: Mention;
}

/** A concern named only by a duty's words ranks just below one named by its own terms. */
const DUTY_WORDS_DISCOUNT = 0.25;

/** A concern named only by a condition's words ("RDS Custom"): the case, not the question; a concern named by its own terms wins, a weak word does not. */
const CONDITION_WEIGHT = 0.8;

/** Single words that name a concern only weakly: a longer or more specific phrase beats them. */
const WEAK_WORDS: ReadonlySet<string> = new Set(
  [
  'data', 'access', 'code', 'account', 'accounts', 'user', 'users', 'region', 'regions', 'content', 'country',
  'identity', 'application', 'applications', 'log', 'logs', 'audit', 'auditor', 'availability', 'scaling',
  'recovery', 'retention', 'incident', 'exposure', 'findings', 'training', 'awareness', 'compliance', 'policies',
  'infrastructure', 'backend', 'fleet', 'maintenance', 'updates', 'upgrade', 'upgrades', 'layer', 'layers', 'respond', 'responds', 'responding', 'keys',
  ].map(stem),
);

/**
 * Resolves concern mentions. An umbrella concern ("patching") becomes the specific one its context
 * points at ("patching" + "oracle" → engine patching) and yields to any other concern named
 * ("who patches the hypervisor" → virtualization). Longer phrases rank first; weak single words last.
 * `dualRole` mentions also name a service ("IAM", "KMS", "VPC"): they count as a concern only when
 * nothing else does.
 */
export function resolveConcerns(mentions: Mention[], knowledge: Knowledge, dualRole: ReadonlySet<Mention>): ResolvedConcerns {
  const scored = new Map<string, { weight: number; at: Mention; byCondition?: boolean }>();
  const context = new Map<string, Mention>();
  const consider = (ms: Mention[]) => {
    for (const m of ms) {
      for (const t of m.targets) {
        if (t.kind === 'concern') {
          const base = m.words === 1 && WEAK_WORDS.has(m.key) ? 0.6 : m.words;
          const weight = t.viaCondition ? CONDITION_WEIGHT : (m.nested ? 0.5 : base) - (t.viaDuty ? DUTY_WORDS_DISCOUNT : 0);
          const prev = scored.get(t.id);
          if (!prev || weight > prev.weight) scored.set(t.id, { weight, at: m, ...(t.viaCondition ? { byCondition: true } : {}) });
        }
        // Context inside a service's name ("runtime" in "Lambda custom runtime") says nothing.
        if (t.kind === 'context' && !m.nested && !context.has(t.concernId)) context.set(t.concernId, m);
      }
    }
  };
  consider(mentions.filter((m) => !dualRole.has(m)));
  if (scored.size === 0) consider(mentions.filter((m) => dualRole.has(m)));

  for (const [id, score] of [...scored]) {
    const umbrella = knowledge.concerns.get(id);
    if (!umbrella || umbrella.resolvesTo.length === 0) continue;
    scored.delete(id);
    // Another concern named at least as strongly ("who patches the hypervisor") is the question.
    if ([...scored.values()].some((other) => other.weight >= score.weight)) continue;
    // A condition named ("in Manual mode, who patches?") says which specific concern the umbrella means, as context does.
    // So does a specific concern named more weakly, by a duty's words ("upgrading our MWAA environment to Airflow 2.10").
    const picked =
      umbrella.resolvesTo.find((specific) => context.has(specific)) ??
      umbrella.resolvesTo.find((specific) => scored.get(specific)?.byCondition) ??
      umbrella.resolvesTo.find((specific) => scored.has(specific));
    if (picked) {
      const prev = scored.get(picked);
      scored.set(picked, { weight: Math.max(prev?.weight ?? 0, score.weight + 1), at: score.at });
    } else {
      scored.set(id, score); // nothing more specific was named: keep "patching" itself
    }
  }

  if (scored.size === 0 && context.size > 0) {
    const [first] = context.values();
    return { ids: [...context.keys()], fromContextOnly: true, tied: context.size > 1, anchor: first };
  }
  // Equal weights, one name right before the other ("sign-in service infrastructure"): the later is the
  // head of the compound, what is asked about; the earlier only says which one.
  const headFirst = (a: Mention, b: Mention) => (b.start + b.words === a.start ? -1 : a.start + a.words === b.start ? 1 : 0);
  const ranked = [...scored.entries()].sort((a, b) => b[1].weight - a[1].weight || headFirst(a[1].at, b[1].at));
  const tied = ranked.length > 1 && ranked[0]![1].weight === ranked[1]![1].weight && headFirst(ranked[0]![1].at, ranked[1]![1].at) === 0;
  return { ids: ranked.map(([id]) => id), fromContextOnly: false, tied, anchor: ranked[0]?.[1].at };
}
