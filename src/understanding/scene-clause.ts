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

/** Verbs that choose a case: "if we switch to Fargate", "when we enable Auto Mode". */
const CHOICE_VERBS: readonly string[] = ['enable', 'use', 'choose', 'pick', 'adopt', 'switch', 'move', 'migrate', 'go', 'turn', 'opt'];
const CHOICE_SUBJECTS: ReadonlySet<string> = new Set(['we', 'you', 'i']);

const NOT_QUESTION_WORD = `(?!${[...QUESTION_WORDS].join('\\b|')}\\b)`;
/** "looks after the HSMs": a verb that takes "after" as its particle; no time is set. */
const LOOK_VERBS: ReadonlySet<string> = new Set(['look', 'looks', 'looking', 'looked']);
const SCENE_IN_TEXT = new RegExp(`${[...LOOK_VERBS].map((v) => `(?<! ${v})`).join('')} (?:${SCENE_OPENERS.join('|')}|as soon as)(?: ${NOT_QUESTION_WORD}\\S+){1,${SCENE_WORDS}}(?= )`, 'g');
/** "if we switch to", "when we enable": the choosing itself; what is chosen stays, it names the case. */
const CHOICE_IN_TEXT = new RegExp(` (?:if|when) (?:${[...CHOICE_SUBJECTS].join('|')}) (?:${CHOICE_VERBS.join('|')})\\w*(?: to| on| off| for| with)?(?= )`, 'g');

/**
 * "we turned on Auto Mode … who patches the nodes now?": a choice the person says they already made, before the
 * question, names the case; the act asked about is the question's. Only the choosing verb goes.
 */
const PAST_CHOICE_VERBS = ['turned', 'switched', 'enabled', 'chose', 'picked', 'opted', 'moved', 'migrated', 'selected', 'went', 'flipped', 'toggled'];
const PAST_CHOICE_IN_TEXT = new RegExp(` (?:${[...CHOICE_SUBJECTS].join('|')})(?: have| ve| had| just| already| recently)* (?:${PAST_CHOICE_VERBS.join('|')})(?: it| them)?(?: to| on| off| over| for| with| into)?(?= )`, 'g');
const QUESTION_AT = new RegExp(` (?:${[...QUESTION_WORDS].join('|')}) `);

/**
 * "we don't need snapshots because AWS already replicates them, right?": a reason given is not the act judged; it runs
 * to the next question word or to the end.
 */
const REASON_IN_TEXT = new RegExp(` (?:because|since|cause|as)(?= (?:aws|amazon|it|they|the service|we|you)\\b)(?: ${NOT_QUESTION_WORD}\\S+)+(?= )`, 'g');

/** "… it's in OUR building after all": a reason said as a statement ending in "after all" is not the act either. */
const AFTER_ALL_IN_TEXT = / (?:it s|it is|it|that s|that is|that|they re|they are|they|its)(?: \S+){1,6} after all(?= )/g;

/** The normalised, padded text without its scene clauses. */
export function withoutSceneText(padded: string): string {
  const text = padded.replace(REASON_IN_TEXT, ' ').replace(AFTER_ALL_IN_TEXT, ' ').replace(SCENE_IN_TEXT, ' ').replace(CHOICE_IN_TEXT, ' ');
  const at = text.search(QUESTION_AT);
  if (at <= 0) return text;
  return text.slice(0, at).replace(PAST_CHOICE_IN_TEXT, ' ') + text.slice(at);
}

/** Words that stand for something named before them: "… once instances are running off it, who patches them?" */
const PRONOUNS: ReadonlySet<string> = new Set(['them', 'it', 'they', 'those', 'these']);

/**
 * `stems` (aligned with `words`) without the first scene clause's words, unless the question after it only points
 * back into it ("once our image is built and instances are running off it, who patches them?": "them" are the
 * scene's instances, so its words name the act's object).
 */
export function withoutSceneStems(words: string[], stems: string[]): string[] {
  const at = words.findIndex((w, i) => SCENE_OPENERS.includes(w) && !(w === 'after' && LOOK_VERBS.has(words[i - 1] ?? '')));
  if (at < 0) return stems;
  let end = at + 1;
  while (end < words.length && end <= at + SCENE_WORDS && !QUESTION_WORDS.has(words[end]!)) end++;
  const question = words.findIndex((w, i) => i >= end && QUESTION_WORDS.has(w));
  if (question >= 0 && words.slice(question).some((w) => PRONOUNS.has(w))) return stems;
  return [...stems.slice(0, at), ...stems.slice(end)];
}
