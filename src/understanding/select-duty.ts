import type { Condition, Duty, Responsibility, Side } from '../knowledge/types.js';
import { phraseKey } from './phrase-index.js';
import { stem } from './stem.js';

/** Which of an entry's duties a question is about, and under which condition. */
export interface DutyChoice {
  /** The duty the question asks about; absent when it asks about the whole entry. */
  focus?: Duty;
  /** The condition named in the question that put `focus` in force. */
  condition?: Condition;
  /** Every duty in force for this reading (the condition's duties replace the usual ones of their side). */
  inForce: Duty[];
}

/** What select-duty needs of an understood question. */
export interface DutyCues {
  /** Stemmed words of the question, space-joined and padded (" turn on encrypt "). */
  stemmed: string;
  side?: Side;
  /** A side suggested by the question's shape, not its words (a part set against another): outweighed by any duty word. */
  leaning?: Side;
  /** In a statement, the side the person says does it. */
  claim?: Side;
  /** The statement says the act happens on its own ("S3 encrypts new objects automatically, right?"). */
  claimsAutomatic?: boolean;
}

/** A duty that happens without the customer doing anything, in its own words. */
const AUTOMATIC_ACT = /\b(?:automatic|automatically|by default|always on)\b/i;

/** A condition that is a switch's position or mode ("managed platform updates on", "runtime update mode: Manual"). */
function isSetting(condition: Condition): boolean {
  return /\b(?:on|off)$|\bmode\b/i.test(condition.label);
}

/** What the side a verb points at weighs against a duty's own words (2 per word). */
const SIDE_WEIGHT = 4.5;
/** What a leaning weighs: more than one duty word, less than two. */
const LEANING_WEIGHT = 2.5;

const keys = new WeakMap<object, string[]>();

/** Stemmed keys of a list of terms, computed once per list. */
function keysOf(owner: object, terms: readonly string[]): string[] {
  let found = keys.get(owner);
  if (!found) {
    const written = terms.map(phraseKey).filter((k) => k.length > 0);
    // "and our customer managed ones?": a three-word term with "one(s)" for its noun, as a follow-up says it (as written only).
    const pronouns = written.filter((k) => k.split(' ').length === 3).map((k) => k.replace(/ \S+$/, ' one'));
    found = [...written, ...pronouns].map((k) => ` ${k} `);
    keys.set(owner, found);
  }
  return found;
}

/** Terms this long match with their words in any order; shorter ones ("function update") only as written. */
const ANY_ORDER_WORDS = 4;
/** A term found reordered counts as if it were this many words shorter. */
const ANY_ORDER_DISCOUNT = 0.5;
/** A term found in order with other words between its own counts this much shorter. */
const IN_ORDER_DISCOUNT = 0.25;

/** The words appear in `stemmed` in this order, perhaps with others between them. */
function inOrder(stemmed: string, words: string[]): boolean {
  let from = 0;
  for (const w of words) {
    const at = stemmed.indexOf(` ${w} `, from);
    if (at < 0) return false;
    from = at + w.length + 1;
  }
  return true;
}

/** Words that turn the term after them into its opposite: "non-critical updates" are not "critical updates". */
const NEGATING_PREFIXES: ReadonlySet<string> = new Set(['non', 'not', 'no']);

/** Words that deny a verb before a term ("never configured …", "didn't enable …"). */
const NEVER: ReadonlySet<string> = new Set(['never', 'not', 'didn', 'haven', 'hasn', 'without'].map(stem));

/** Words that put a state still to come: "before it reaches end of support", "approaching end of support". */
const NOT_YET: ReadonlySet<string> = new Set(['before', 'until', 'prior', 'approaching', 'upcoming', 'nearing'].map(stem));
/** How far back such a word reaches ("before the current one reaches …"). */
const NOT_YET_WORDS = 4;
/** Words after the state that put it later: "hits end of support next quarter", "…end of life soon". */
const LATER: ReadonlySet<string> = new Set(['next', 'soon', 'later', 'shortly'].map(stem));
/** How far forward such a word reaches. */
const LATER_WORDS = 3;

/** `key` (padded) is in `stemmed`, somewhere not right after a negating word, nor put still to come around it. */
function includesAffirmed(stemmed: string, key: string): boolean {
  for (let at = stemmed.indexOf(key); at >= 0; at = stemmed.indexOf(key, at + 1)) {
    const previous = stemmed.slice(0, at).trim().split(' ').slice(-NOT_YET_WORDS);
    const following = stemmed.slice(at + key.length).trim().split(' ').slice(0, LATER_WORDS);
    // "non-critical", and "we never configured auto-patching": a negation right before, or one word earlier.
    const negated = NEGATING_PREFIXES.has(previous.at(-1) ?? '') || NEVER.has(previous.at(-1) ?? '') || NEVER.has(previous.at(-2) ?? '');
    if (!negated && !previous.some((w) => NOT_YET.has(w)) && !following.some((w) => LATER.has(w))) return true;
  }
  return false;
}

/**
 * Words of the longest of `terms` found in the question (0 when none is). A long term matches with its
 * words in any order ("auto minor version upgrade is switched off" has "auto minor version upgrade off").
 */
function longestMatch(stemmed: string, owner: object, terms: readonly string[]): number {
  let best = 0;
  for (const key of keysOf(owner, terms)) {
    const words = [...new Set(key.trim().split(' '))];
    if (words.length <= best - ANY_ORDER_DISCOUNT) continue;
    // As written beats the same words with others between them ("customer managed AWS KMS key"), which beats them
    // in another order ("customer managed KMS keys … by AWS" is not "AWS managed KMS keys").
    const spread = words.length >= ANY_ORDER_WORDS && words.every((w) => includesAffirmed(stemmed, ` ${w} `));
    const score = includesAffirmed(stemmed, key)
      ? words.length
      : spread
        ? words.length - (inOrder(stemmed, words) ? IN_ORDER_DISCOUNT : ANY_ORDER_DISCOUNT)
        : 0;
    if (score > best) best = score;
  }
  return best;
}

/**
 * Picks the duty a question is about: a named condition first ("runtime update mode: Manual"),
 * then a duty's own words ("lifecycle rules"), then the side the question points at ("who turns on…").
 * With none of these the question is about the whole entry.
 */
export function selectDuty(entry: Pick<Responsibility, 'duties' | 'owner' | 'otherSide'>, cues: DutyCues): DutyChoice {
  const usual = entry.duties.filter((d) => !d.when);
  // A switch's position named beside another case ("auto minor upgrades are on — who does the major version?") sets
  // the scene; the other case is the one asked about.
  let best: { duty: Duty; score: number; setting: boolean } | undefined;
  for (const duty of entry.duties) {
    if (!duty.when) continue;
    const score = longestMatch(cues.stemmed, duty.when, duty.when.terms);
    const setting = isSetting(duty.when);
    const better = !best || (best.setting && !setting) || (best.setting === setting && score > best.score);
    if (score > 0 && better) best = { duty, score, setting };
  }
  if (best) {
    const focus = best.duty;
    return { focus, condition: focus.when, inForce: [focus, ...usual.filter((d) => d.by !== focus.by)] };
  }
  // The side a verb points at outweighs a duty's own words of one or two words; a longer phrase outweighs the side.
  let pick: { duty: Duty; score: number } | undefined;
  // In a yes/no question the verbs belong to the claim ("do I need to configure firewalls for S3?"), not to an act.
  const pointed = cues.side ?? cues.leaning;
  const candidates = pointed && !cues.claim && !usual.some((d) => d.by === pointed) ? [...usual, ...optional(otherSideAct(entry, pointed))] : usual;
  for (const duty of candidates) {
    const score =
      2 * longestMatch(cues.stemmed, duty, duty.terms) + (duty.by === cues.side ? SIDE_WEIGHT : 0) + (!cues.side && duty.by === cues.leaning ? LEANING_WEIGHT : 0);
    if (score > 0 && (!pick || score > pick.score)) pick = { duty, score };
  }
  if (pick) return { focus: pick.duty, inForce: usual.includes(pick.duty) ? usual : [pick.duty, ...usual] };
  // A statement about a shared entry that AWS does it ("AWS does it automatically, right?") is judged on the customer's part,
  // unless it says the act happens on its own and AWS's part is just that ("encrypts every new object automatically").
  const sides = new Set(usual.map((d) => d.by));
  const automaticByAws = cues.claimsAutomatic ? usual.find((d) => d.by === 'aws' && AUTOMATIC_ACT.test(d.does)) : undefined;
  if (automaticByAws && cues.claim === 'aws') return { focus: automaticByAws, inForce: usual };
  // "…is AWS's job, right?" misses the customer's part; "is encryption our job?" is right about the customer's part.
  if (cues.claim === 'aws' && sides.size === 2) return { focus: usual.find((d) => d.by !== cues.claim), inForce: usual };
  if (cues.claim === 'customer' && sides.size === 2) return { focus: usual.find((d) => d.by === 'customer'), inForce: usual };
  return { inForce: usual };
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/**
 * On a one-sided entry, what the other side does there (its `otherSide` note) when the question asks
 * about that side's act: "who chooses SSE-KMS for S3?" asks about the customer's choice, though AWS
 * owns encryption at rest on S3. Nothing when the note says there is nothing to do.
 */
function otherSideAct(entry: Pick<Responsibility, 'owner' | 'otherSide'>, side: Side): Duty | undefined {
  if (entry.owner === 'shared' || entry.owner === side || !entry.otherSide || /^nothing\b/i.test(entry.otherSide)) return undefined;
  return { by: side, does: entry.otherSide, terms: [] };
}
