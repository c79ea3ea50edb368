/** How a short message leans on the conversation before it. */
const OPENERS: readonly string[][] = [
  ['and'], ['also'], ['or'], ['what', 'about'], ['how', 'about'], ['same', 'for'], ['same', 'with'], ['same', 'on'],
  ['same', 'goes'], ['same', 'question'], ['now', 'for'], ['then', 'for'], ['what', 'of'], ['for'], ['on'], ['with'],
  ['and', 'what'], ['ok', 'and'], ['okay', 'and'], ['then'], ['same'], ['likewise'], ['ditto'],
  ['what', 'if'], ['and', 'if'], ['but', 'what', 'if'], ['but', 'if'], ['ok', 'what', 'if'], ['ok', 'so'],
];
const PRONOUNS: ReadonlySet<string> = new Set(['it', 'its', 'them', 'that', 'this', 'there', 'those', 'these', 'one']);
const MAX_WORDS = 12;
/** A message that opens like a follow-up and names no service is one up to this long. */
const LONG_FOLLOW_UP_WORDS = 24;
/** Openers that ask the previous question again about something else. */
const SAME: ReadonlySet<string> = new Set(['same', 'ditto', 'likewise']);
/** A follow-up that names a service and a concern is this short at most. */
const SHORT_WORDS = 7;

/** The message opens the way a follow-up does ("and for …", "what about …", "what if …"). */
export function opensLikeFollowUp(words: string[]): boolean {
  return words.length <= MAX_WORDS && OPENERS.some((o) => o.every((w, i) => words[i] === w));
}

/** "same for …", "ditto for …": the previous question asked again about something else. */
export function repeatsQuestion(words: string[]): boolean {
  return SAME.has(words[0] ?? '');
}

/**
 * An elliptical follow-up: short, opening like one ("and for Lambda?", "what about on Fargate?") or
 * pointing back ("who encrypts it?"), and missing a service or a concern. A full question is read
 * on its own, whatever words it starts with.
 */
export function isElliptical(words: string[], hasService: boolean, hasConcern: boolean): boolean {
  // "ok, and who has to upgrade the cluster off 3.6 before extended support runs out?": a longer message that opens
  // like a follow-up and names no service still leans on the thread's service.
  if (!hasService && words.length <= LONG_FOLLOW_UP_WORDS && OPENERS.some((o) => o.every((w, i) => words[i] === w))) return true;
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  const opens = opensLikeFollowUp(words);
  // "and on our RDS automated backups?" names both, yet still leans on the question before it;
  // "same for a Lambda function attached to our VPC?" asks the same question, however long.
  if (hasService && hasConcern) return opens && (repeatsQuestion(words) || words.length <= SHORT_WORDS) && !words.includes('who');
  const pointsBack = !hasService && words.some((w) => PRONOUNS.has(w));
  return opens || pointsBack;
}
