import type { Condition, Duty, Responsibility, Side } from '../knowledge/types.js';
import { phraseKey } from './phrase-index.js';

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
}

const keys = new WeakMap<object, string[]>();

/** Stemmed keys of a list of terms, computed once per list. */
function keysOf(owner: object, terms: readonly string[]): string[] {
  let found = keys.get(owner);
  if (!found) {
    found = terms.map(phraseKey).filter((k) => k.length > 0).map((k) => ` ${k} `);
    keys.set(owner, found);
  }
  return found;
}

/** Terms this long match with their words in any order; shorter ones ("function update") only as written. */
const ANY_ORDER_WORDS = 4;

/**
 * Words of the longest of `terms` found in the question (0 when none is). A long term matches with its
 * words in any order ("auto minor version upgrade is switched off" has "auto minor version upgrade off").
 */
function longestMatch(stemmed: string, owner: object, terms: readonly string[]): number {
  let best = 0;
  for (const key of keysOf(owner, terms)) {
    const words = [...new Set(key.trim().split(' '))];
    if (words.length <= best) continue;
    const found = words.length >= ANY_ORDER_WORDS ? words.every((w) => stemmed.includes(` ${w} `)) : stemmed.includes(key);
    if (found) best = words.length;
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
  let best: { duty: Duty; score: number } | undefined;
  for (const duty of entry.duties) {
    if (!duty.when) continue;
    const score = longestMatch(cues.stemmed, duty.when, duty.when.terms);
    if (score > 0 && (!best || score > best.score)) best = { duty, score };
  }
  if (best) {
    const focus = best.duty;
    return { focus, condition: focus.when, inForce: [focus, ...usual.filter((d) => d.by !== focus.by)] };
  }
  const bySide = cues.side ? usual.find((d) => d.by === cues.side) ?? otherSideAct(entry, cues.side) : undefined;
  if (bySide) return { focus: bySide, inForce: bySide.when === undefined && !usual.includes(bySide) ? [bySide, ...usual] : usual };
  for (const duty of usual) {
    const score = longestMatch(cues.stemmed, duty, duty.terms);
    if (score > 0 && (!best || score > best.score)) best = { duty, score };
  }
  if (best) return { focus: best.duty, inForce: usual };
  return { inForce: usual };
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
