import type { Reply, ReplyAction } from '../../src/core/reply-model.js';

/** A reply as terminal text, with its buttons numbered from `firstNumber`. */
export function renderConsole(reply: Reply, firstNumber: number): { text: string; buttons: ReplyAction[] } {
  const buttons = reply.actions.filter((a) => a.actionId !== 'srm_ask' || !reply.text.includes(`. ${a.label}`));
  const lines = [reply.text];
  if (buttons.length > 0) {
    lines.push(buttons.map((b, i) => `[${firstNumber + i}] ${b.label}`).join('  '));
  }
  return { text: lines.join('\n'), buttons };
}
