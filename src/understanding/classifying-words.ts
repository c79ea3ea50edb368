import type { Mention } from './find-mentions.js';

/** Words that say what an earlier thing is ("…, that's network infrastructure, so AWS handles it?"; normalised, "that's" reads "that"). */
const CLASSIFIERS: readonly string[][] = [['that'], ['that', 'is'], ['thats'], ['it', 's'], ['it', 'is'], ['which', 'is'], ['this', 'is']];

/**
 * "network ACL rules on our VPC - that's network infrastructure, so AWS handles it?": a concern named as what
 * an earlier thing is, is the person's reasoning, a weaker reading than the thing itself. Only after another concern.
 */
export function weakenClassifying(mentions: Mention[], words: string[]): Mention[] {
  const firstConcern = Math.min(...mentions.filter((m) => m.targets.some((t) => t.kind === 'concern')).map((m) => m.start));
  return mentions.map((m) => {
    if (m.start <= firstConcern || m.nested) return m;
    const classified = CLASSIFIERS.some((c) => c.every((w, i) => words[m.start - c.length + i] === w));
    return classified ? { ...m, nested: true } : m;
  });
}
