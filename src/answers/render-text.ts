import { OWNER_LABEL } from '../model/owner.js';
import type { Reply } from '../model/reply-model.js';

/** A reply as plain text: for the console, the CLI, notifications and screen readers. */
export function renderText(reply: Omit<Reply, 'text'>): string {
  const lines: string[] = [reply.headline];
  for (const section of reply.sections) {
    lines.push('', `${section.title}:`, section.body);
  }
  if (reply.table) {
    lines.push('');
    const single = reply.table.columns.length === 1;
    for (const row of reply.table.rows) {
      const cells = row.cells.map((c, i) => {
        const owner = c.owner ? OWNER_LABEL[c.owner] : 'n/a';
        return single ? owner : `${reply.table!.columns[i]}: ${owner}`;
      });
      lines.push(`• ${row.label} — ${cells.join('; ')}`);
    }
  }
  if (reply.sources.length > 0) {
    lines.push('', `Source: ${reply.sources.map((s) => s.url).join(' , ')}`);
  }
  const choices = reply.actions.filter((a) => a.actionId === 'srm_ask');
  if (choices.length > 0) {
    lines.push('', ...choices.map((a, i) => `  ${i + 1}. ${a.label}`));
  }
  if (reply.suggestions.length > 0) {
    lines.push('', `You could also ask: ${reply.suggestions.map((s) => `"${s}"`).join(', ')}`);
  }
  return lines.join('\n');
}

/** Completes a reply with its plain-text rendering. */
export function withText(reply: Omit<Reply, 'text'>): Reply {
  return { ...reply, text: renderText(reply) };
}
