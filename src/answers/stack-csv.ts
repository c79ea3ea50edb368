import type { Knowledge } from '../knowledge/types.js';
import type { ReplyFile } from '../model/reply-model.js';
import { stackChecklist } from './compose-stack.js';

const COLUMNS = ['service', 'concern', 'duty', 'owner', 'condition', 'inside_owner', 'source'] as const;

/**
 * One CSV field: always quoted, quotes doubled. A field that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab/CR) gets a leading apostrophe, so opening the file runs nothing.
 */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The checklist of a team's services as a CSV (service, concern, duty, owner, condition, the team
 * inside the company from ORG_OWNERS_FILE, source): the start of a team's RACI. Every duty, both sides.
 */
export function stackCsv(knowledge: Knowledge, serviceIds: string[]): ReplyFile {
  const rows = stackChecklist(knowledge, serviceIds);
  const lines = rows.map((r) => {
    const inside = r.owner === 'customer' ? knowledge.orgOwner?.(r.serviceId, r.concernId) : undefined;
    const insideText = inside ? `${inside.team}${inside.contact ? ` (${inside.contact})` : ''}` : '';
    return [r.service, r.concern, r.duty, r.owner === 'aws' ? 'AWS' : 'Customer', r.when ?? '', insideText, r.source].map(field).join(',');
  });
  const content = [COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
  return { name: 'srm-stack.csv', title: 'Who owns what across your stack', mediaType: 'text/csv', content, rows: rows.length };
}
