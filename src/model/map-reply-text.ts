import type { Reply } from './reply-model.js';

/** A copy of `reply` with every piece of text passed through `f` (ids and URLs untouched). */
export function mapReplyText(reply: Reply, f: (text: string) => string): Reply {
  return {
    ...reply,
    headline: f(reply.headline),
    sections: reply.sections.map((s) => ({ title: f(s.title), body: f(s.body) })),
    table: reply.table && {
      columns: reply.table.columns.map(f),
      rows: reply.table.rows.map((r) => ({ label: f(r.label), cells: r.cells.map((c) => ({ ...c, note: c.note && f(c.note) })) })),
    },
    suggestions: reply.suggestions.map(f),
    actions: reply.actions.map((a) => ({ ...a, label: f(a.label) })),
    text: f(reply.text),
  };
}
