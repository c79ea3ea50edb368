import { withoutArticles } from './articles.js';
import type { Mention } from './find-mentions.js';

/** Concerns about AWS's own buildings: a data centre or facility that is the customer's names none of them. */
const AWS_FACILITY_CONCERNS: ReadonlySet<string> = new Set(['physical-security', 'environmental-controls']);
/** Words that make the place after them the customer's ("our colo", "my facility", "our own data center"). */
const OWNERS: ReadonlySet<string> = new Set(['our', 'my', 'own']);

/**
 * "the router in our own data center that terminates the VPN", "servers in our colo": the customer's building is
 * where the act happens, not the concern of AWS's data centres. Drops those facility concerns named right after an
 * owner word. `words` are the message's words with articles ("our" is one), `mentions` are placed on them without.
 */
export function dropOwnPremises(mentions: Mention[], words: string[]): Mention[] {
  const owned = ownedPositions(words);
  return mentions.flatMap((m) => {
    if (!owned.has(m.start)) return [m];
    const targets = m.targets.filter((t) => !(t.kind === 'concern' && AWS_FACILITY_CONCERNS.has(t.id)));
    if (targets.length === m.targets.length) return [m];
    return targets.length > 0 ? [{ ...m, targets }] : [];
  });
}

/** Positions, among the words without articles, of the words right after an owner word. */
function ownedPositions(words: string[]): Set<number> {
  const owned = new Set<number>();
  let position = 0;
  let afterOwner = false;
  for (const w of words) {
    if (withoutArticles([w]).length === 0) {
      afterOwner ||= OWNERS.has(w);
      continue;
    }
    if (afterOwner && w !== 'own') owned.add(position);
    afterOwner = OWNERS.has(w) || (afterOwner && w === 'own');
    position += 1;
  }
  return owned;
}
