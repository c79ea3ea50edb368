import { renderPersons } from '../../src/model/person-token.js';

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,30}$/;

/**
 * Slack's three control characters. Escaping them turns `<!channel>`, `<!here>`, `<@U…>`,
 * `<!subteam^…>` and `<url|label>` into inert text, so echoed user words can never ping anyone.
 * The core's person tokens (quiz players) then become real mentions, for well-formed user ids only.
 */
export function escapeMrkdwn(text: string): string {
  return renderPersons(escapeControl(text), (id) => (SLACK_USER_ID.test(id) ? `<@${id}>` : `@${id}`));
}

/** For plain_text fields (headers, buttons), where Slack shows mention syntax literally. */
export function escapePlain(text: string): string {
  return renderPersons(escapeControl(text), (id) => `@${id}`);
}

function escapeControl(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts `text` to at most `max` characters, ending with an ellipsis, never inside an `&…;` entity. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, Math.max(0, max));
  return backOffEntity(text, max - 1) + '…';
}

/**
 * Splits already-escaped text into pieces of at most `max` characters, preferring line breaks,
 * then spaces, and never cutting an `&amp;`-style entity in half.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = backOffEntity(rest, max).length;
    const piece = rest.slice(0, cut).trimEnd();
    if (piece.length > 0) pieces.push(piece);
    rest = rest.slice(cut).replace(/^[\n ]+/, '');
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

/** `text.slice(0, end)`, moved back so that it does not end inside an `&…;` entity. */
function backOffEntity(text: string, end: number): string {
  const head = text.slice(0, end);
  const amp = head.lastIndexOf('&');
  if (amp >= 0 && amp >= end - 5 && !head.slice(amp).includes(';')) return head.slice(0, amp);
  return head;
}
