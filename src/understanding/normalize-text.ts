/** Longest stretch of a message the matcher reads; the rest of a 40,000-character paste is ignored. */
export const MAX_QUESTION_CHARS = 600;

const SLACK_MENTION = /<[@#!][^>]*>/g; // <@U123>, <#C123|general>, <!channel>, <!subteam^S1>
const SLACK_LINK = /<(https?:[^>|]*)(?:\|([^>]*))?>/g;
const TEAMS_MENTION = /<at>[^<]*<\/at>/gi;
const HTML_TAG = /<\/?[a-z][^>]*>/gi;
const URL = /https?:\/\/\S+/g;
const EMOJI_CODE = /:[a-z0-9_+-]+:/g;
const LEADING_COMMAND = /^\s*(?:\/srm\b|@srm\b|srm[:,]?\s)/i;
const TRAILING_THANKS = /\b(?:thanks|thank you|thx|ty|cheers|please|pls|plz)\b/g;
const LEADING_INTERJECTION = /^\s*(?:cool|great|nice|awesome|perfect|gotcha|got it|alright|sweet)\s+(?=\S)/;

/** The message as typed, without mention markup, links and the /srm prefix (a schedule's "10:00 Europe/Berlin" kept). */
export function withoutMarkup(raw: string): string {
  return raw
    .slice(0, MAX_QUESTION_CHARS)
    .replace(TEAMS_MENTION, ' ')
    .replace(SLACK_LINK, (_m, _url: string, label?: string) => ` ${label ?? ''} `)
    .replace(SLACK_MENTION, ' ')
    .replace(HTML_TAG, ' ')
    .replace(LEADING_COMMAND, ' ')
    .trim();
}

/**
 * Strips chat noise (mention markup, the /srm prefix, links, emoji, punctuation) and returns the
 * lower-case words of a message. Mentions are removed, never kept, so nothing echoed can ping anyone.
 */
/** "log into the host", "logging onto our instances": signing in to a machine or console. */
const LOGGING_INTO_A_MACHINE =
  /\blog(?:s|ged|ging)? (?:into|onto|in to|on to) (?=(?:the |an? |our |my |its |their |your )?(?:host|hosts|instance|instances|server|servers|machine|machines|box|boxes|console|account|accounts|node|nodes|vm|vms|bastion|database|databases|db)\b)/g;

/**
 * "policies that control who can read the table", "training for the people who work in AWS facilities": a "who" that is
 * the object of a verb or the start of a relative clause asks nothing; it becomes "whoever", which no cue reads as asking.
 */
const EMBEDDED_WHO =
  /\b(control|controls|controlling|decide|decides|deciding|determine|determines|determining|choose|chooses|choosing|manage|manages|managing|restrict|restricts|restricting|limit|limits|limiting|govern|governs|specify|specifies|define|defines|defining|track|tracks|tracking|log|logs|logging|record|records|recording|see|sees|know|knows|audit|audits|review|reviews|reviewing|check|checks|checking|over|about|people|person|persons|staff|employees|engineers|admins|administrators|users|principals|anyone|someone|everyone|those|humans) who\b/g;

export function normalizeText(raw: string): string[] {
  const text = raw
    .slice(0, MAX_QUESTION_CHARS * 4)
    .replace(TEAMS_MENTION, ' ')
    .replace(SLACK_LINK, (_m, _url: string, label?: string) => ` ${label ?? ''} `)
    .replace(SLACK_MENTION, ' ')
    .replace(HTML_TAG, ' ')
    .replace(URL, ' ')
    .replace(LEADING_COMMAND, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&[a-z]+;/g, ' ')
    .toLowerCase()
    .replace(EMOJI_CODE, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['\u2019]s\b/g, '') // lambda's -> lambda
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(TRAILING_THANKS, ' ')
    // "cool. who decides…": a word of acknowledgement before the question says nothing (not "cooling").
    .replace(LEADING_INTERJECTION, ' ')
    // "logging into the host" signs in; it says nothing about logs ("logging into a bucket" still delivers logs).
    .replace(LOGGING_INTO_A_MACHINE, 'sign in to ')
    .replace(EMBEDDED_WHO, '$1 whoever')
    // "the encrypt-by-default switch": a setting, not a network switch.
    .replace(/\b(default|setting|feature|level|kill|toggle) switch(es)?\b/g, '$1 setting')
    // "switching on GuardDuty", "switched them off", "switches Macie on" turn things on and off; they say nothing about network switches.
    .replace(/\bswitch(es|ed|ing)? ((?:it|them|that|this|those|these|[a-z0-9]+(?: [a-z0-9]+)?) )?(on|off)\b/g, (_m, suffix: string | undefined, object: string | undefined, dir: string) => `turn${suffix === 'es' ? 's' : (suffix ?? '')} ${object ?? ''}${dir}`)
    .slice(0, MAX_QUESTION_CHARS);
  return text.split(' ').filter((t) => t.length > 0);
}
