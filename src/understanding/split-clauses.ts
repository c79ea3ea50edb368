/** Words that open a question of its own inside a longer message ("…, and who configures the bucket policies?"). */
const OPENERS: ReadonlySet<string> = new Set(['who', 'whose', 'whos']);

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
    for (let j = i - 1; j >= Math.max(1, i - 4); j--) if (words[j] === 'and' || words[j] === 'but' || words[j] === 'while') return j;
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
