import { renderPersons } from '../../src/model/person-token.js';
import type { Reply, ReplyAction } from '../../src/model/reply-model.js';

/** The one person at the console. */
export const CONSOLE_USER = 'you';

/** A reply as terminal text, with its buttons numbered from `firstNumber`. */
export function renderConsole(reply: Reply, firstNumber: number): { text: string; buttons: ReplyAction[] } {
  const buttons = reply.actions.filter((a) => a.actionId !== 'srm_ask' || !reply.text.includes(`. ${a.label}`));
  const lines = [renderPersons(reply.text, (id) => (id === CONSOLE_USER ? 'you' : id))];
  if (buttons.length > 0) {
    lines.push(buttons.map((b, i) => `[${firstNumber + i}] ${b.label}`).join('  '));
  }
  return { text: lines.join('\n'), buttons };
}
