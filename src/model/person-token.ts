/**
 * People named in a reply ("who got it right") are written as tokens, not names: each adapter turns
 * them into its own form (a Slack mention, a Teams display name, "you" in the console). Only the core
 * writes tokens, from platform-verified user ids; user text never reaches a reply, so it cannot forge one.
 */
const OPEN = '\u27e6@';
const CLOSE = '\u27e7';

/** The token for one person. */
export function personToken(userId: string): string {
  return `${OPEN}${userId.replace(/[\u27e6\u27e7]/g, '')}${CLOSE}`;
}

/** Matches tokens; group 1 is the user id. */
export const PERSON_TOKEN = /\u27e6@([^\u27e6\u27e7]{1,200})\u27e7/g;

/** Replaces every person token in `text` with what `render` makes of the user id. */
export function renderPersons(text: string, render: (userId: string) => string): string {
  return text.replace(PERSON_TOKEN, (_match, id: string) => render(id));
}

/** The user ids named in `text`. */
export function personsIn(text: string): string[] {
  return [...text.matchAll(PERSON_TOKEN)].map((m) => m[1]!);
}
