/**
 * A clause that sets the time of the act asked about ("after AWS publishes it", "once we set a retention
 * period"): the scene, not the act. Its words point at no side and pick no duty.
 */

/** Words that open such a clause. */
const SCENE_OPENERS: readonly string[] = ['after', 'once', 'whenever', 'until'];
/** Question words that end it: the act asked about starts there. */
const QUESTION_WORDS: ReadonlySet<string> = new Set(['who', 'whose', 'whos', 'which', 'what']);
/** How many words a scene takes at most. */
const SCENE_WORDS = 6;

const SCENE_IN_TEXT = new RegExp(
  ` (?:${SCENE_OPENERS.join('|')}|as soon as)(?: (?!${[...QUESTION_WORDS].join('\\b|')}\\b)\\S+){1,${SCENE_WORDS}}(?= )`,
  'g',
);

/** The normalised, padded text without its scene clauses. */
export function withoutSceneText(padded: string): string {
  return padded.replace(SCENE_IN_TEXT, ' ');
}

/** `stems` (aligned with `words`) without the first scene clause's words. */
export function withoutSceneStems(words: string[], stems: string[]): string[] {
  const at = words.findIndex((w) => SCENE_OPENERS.includes(w));
  if (at < 0) return stems;
  let end = at + 1;
  while (end < words.length && end <= at + SCENE_WORDS && !QUESTION_WORDS.has(words[end]!)) end++;
  return [...stems.slice(0, at), ...stems.slice(end)];
}
