import type { Mention } from './find-mentions.js';

/**
 * Words that name a concern as nouns but are also verbs of another sense: "we switched to Fargate" names no network
 * switch, "power off our instances" no data-centre power, "fire up an instance" no fire. Each lists the concern its
 * noun names and the words around it that make it the verb.
 */
const VERB_SENSES: readonly {
  forms: ReadonlySet<string>;
  concern: string;
  verbForms?: ReadonlySet<string>;
  after: ReadonlySet<string>;
  before?: ReadonlySet<string>;
  /** Words a few places away that give the other sense ("a retired platform branch" is no retired disk). */
  near?: ReadonlySet<string>;
}[] = [
  {
    forms: new Set(['switch', 'switched', 'switching', 'switches']),
    concern: 'hardware-network',
    verbForms: new Set(['switched', 'switching']),
    after: new Set(['to', 'from', 'over', 'back', 'off', 'on', 'it', 'them', 'between', 'away', 'out', 'our', 'my', 'everything', 'all', 'that', 'this']),
    before: new Set(['we', 'i', 'you', 'they', 'to', 'will', 'would', 'can', 'could', 'should', 'must', 'might', 'may', 'll', 'd', 'please', 'and', 'or', 'if']),
  },
  {
    // "isolating a compromised instance" is a response to an incident, not the isolation between tenants.
    forms: new Set(['isolate', 'isolates', 'isolating']),
    concern: 'virtualization',
    after: new Set(['an', 'a', 'the', 'our', 'my', 'it', 'them', 'that', 'this', 'compromised', 'affected', 'infected', 'suspicious', 'instance', 'instances', 'host', 'hosts', 'ec2']),
  },
  {
    // Software is retired too: "when the current platform branch is retired", "a retired runtime".
    forms: new Set(['retire', 'retired', 'retires', 'retiring', 'retirement']),
    concern: 'media-decommissioning',
    after: new Set(['platform', 'version', 'versions', 'branch', 'branches', 'runtime', 'runtimes', 'engine', 'api', 'feature']),
    near: new Set(['platform', 'version', 'versions', 'branch', 'branches', 'runtime', 'runtimes', 'engine', 'api', 'feature', 'environment', 'one']),
  },
  { forms: new Set(['power', 'powers', 'powered', 'powering']), concern: 'environmental-controls', after: new Set(['off', 'down', 'on', 'up', 'cycle', 'cycles', 'cycling']) },
  {
    forms: new Set(['fire', 'fires', 'fired', 'firing']),
    concern: 'environmental-controls',
    // "fire up an instance", "when the alarm fires for our zone": a start or a trigger, no fire in a building.
    after: new Set(['up', 'off', 'for', 'when', 'whenever', 'on', 'an', 'a', 'again']),
    before: new Set(['alarm', 'alert', 'rule', 'event', 'it', 'that', 'which', 'metric', 'trigger', 'notification']),
  },
];

/** How far `near` words reach either side. */
const NEAR_WORDS = 4;

/** Drops the concern a one-word mention would name where its word is used as a verb of another sense. */
export function dropVerbSenses(mentions: Mention[], words: string[]): Mention[] {
  return mentions.flatMap((m) => {
    if (m.words !== 1) return [m];
    const word = words[m.start]!;
    const sense = VERB_SENSES.find((s) => s.forms.has(word));
    if (!sense) return [m];
    const next = words[m.start + 1] ?? '';
    const previous = words[m.start - 1] ?? '';
    const around = [...words.slice(Math.max(0, m.start - NEAR_WORDS), m.start), ...words.slice(m.start + 1, m.start + 1 + NEAR_WORDS)];
    const isVerb =
      sense.verbForms?.has(word) || sense.after.has(next) || (sense.before?.has(previous) ?? false) || around.some((w) => sense.near?.has(w));
    if (!isVerb) return [m];
    const targets = m.targets.filter((t) => !(t.kind === 'concern' && t.id === sense.concern));
    if (targets.length === m.targets.length) return [m];
    return targets.length > 0 ? [{ ...m, targets }] : [];
  });
}
