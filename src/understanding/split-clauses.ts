/** Words that open a question of its own inside a longer message ("…, and who configures the bucket policies?"). */
export const OPENERS: ReadonlySet<string> = new Set(['who', 'whose', 'whos']);

/** How far before its "who" a clause may start ("…, and on the EC2 launch type who patches…"). */
const CLAUSE_LEAD = 10;

/**
 * Splits a message that asks two or more "who" questions ("who replaces failed disks and who configures
 * the bucket policies?") into its clauses, as word lists. One clause when it asks only one.
 */
export function splitClauses(words: string[]): string[][] {
  const starts: number[] = [];
  words.forEach((w, i) => {
    if (OPENERS.has(w) && i > 0 && starts.length === 0 && words.slice(0, i).some((p) => OPENERS.has(p))) starts.push(i);
    else if (OPENERS.has(w) && starts.length > 0 && i > starts[starts.length - 1]!) starts.push(i);
  });
  if (starts.length === 0) return [words];
  // Cut at the "and" that opens the clause ("…guest OS, and on RDS who patches…"), a few words before its "who".
  const cuts = starts.map((i) => {
    for (let j = i - 1; j >= Math.max(1, i - CLAUSE_LEAD); j--) {
      if (OPENERS.has(words[j]!)) break;
      if (words[j] === 'and' || words[j] === 'but' || words[j] === 'while') return j;
    }
    return i;
  });
  const clauses: string[][] = [];
  let from = 0;
  for (const cut of cuts) {
    clauses.push(words.slice(from, cut));
    from = cut;
  }
  clauses.push(words.slice(from));
  return clauses.map((c) => (c[0] === 'and' ? c.slice(1) : c)).filter((c) => c.length > 0);
}

/** Words that ask for one answer per act ("whose is each?", "who handles both?"). */
const PER_ACT: ReadonlySet<string> = new Set(['each', 'both', 'respectively']);
/** Words that start the question itself at the end of a message ("… — who handles each?"). */
const ASKERS: ReadonlySet<string> = new Set(['who', 'whose', 'whos', 'which']);
/** Words that join two acts: "vs" first, else the last "and". */
const STRONG_JOINS: ReadonlySet<string> = new Set(['vs', 'versus']);
const JOINS: ReadonlySet<string> = new Set(['and', 'plus', 'while', 'whereas']);

/**
 * "CloudFront edge hardware, and the viewer protocol policy on our distribution — whose is each?":
 * two acts named before one question asked of each. Returns the two acts, each as a "who owns …"
 * question of its own; undefined unless the message asks per act and has one join to cut at.
 */
export function splitActs(words: string[]): string[][] | undefined {
  if (!words.some((w) => PER_ACT.has(w)) && !asksWhoDoesWhat(words)) return undefined;
  const asker = lastAskerAt(words);
  const tail = asker > 0 ? asker : words.length;
  const body = words.slice(0, tail);
  let cut = body.findIndex((w) => STRONG_JOINS.has(w));
  if (cut < 0) for (let i = body.length - 1; i >= 0 && cut < 0; i--) if (JOINS.has(body[i]!)) cut = i;
  if (cut <= 0 || cut >= body.length - 1) return undefined;
  const asked = askedVerb(words.slice(tail));
  return [body.slice(0, cut), body.slice(cut + 1)].map((act) => ['who', ...asked, ...act]);
}

/** "… — who does what?", "… — split it out for me": a question asked per act without "each". */
const WHO_DOES_WHAT: readonly string[][] = [['who', 'does', 'what'], ['who', 'owns', 'what'], ['who', 'handles', 'what'], ['who', 'does', 'which'],
  ['who', 'owns', 'which'], ['split', 'it', 'out'], ['break', 'it', 'down']];

function asksWhoDoesWhat(words: string[]): boolean {
  return WHO_DOES_WHAT.some((phrase) => words.some((_w, i) => phrase.every((p, j) => words[i + j] === p)));
}

/** Words of a per-act question that carry no act ("whose is each of them?", "who does what?"). */
const NO_ACT: ReadonlySet<string> = new Set([...PER_ACT, ...ASKERS, 'is', 'are', 'of', 'them', 'these', 'those', 'one', 'the', 'then', 'for', 'do',
  'does', 'owns', 'own', 'what', 'handles', 'split', 'it', 'out', 'break', 'down', 'me', 'us']);

/**
 * The act a closing per-act question asks of each ("… — who renews each?" → renews), so every act is read with
 * that verb; "owns" when it asks only whose each is.
 */
function askedVerb(tail: string[]): string[] {
  const verb = tail.filter((w) => !NO_ACT.has(w));
  return verb.length > 0 && verb.length <= 3 ? verb : ['owns'];
}

/** The closing question of a message that asks it of several things ("… who renews each?"), or undefined. */
export function closingPerActQuestion(words: string[]): string[] | undefined {
  const at = lastAskerAt(words);
  return at > 0 && words.slice(at).some((w) => PER_ACT.has(w)) ? askedVerb(words.slice(at)) : undefined;
}

/** Where the last question word of a message stands ("… — who renews each?"), after its first word; -1 when none. */
function lastAskerAt(words: string[]): number {
  for (let i = words.length - 1; i > 0; i--) if (ASKERS.has(words[i]!)) return i;
  return -1;
}
