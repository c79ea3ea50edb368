import type { Knowledge } from '../knowledge/types.js';
import { findSide } from './find-side.js';
import { phraseKey } from './phrase-index.js';
import { closingPerActQuestion } from './split-clauses.js';
import type { QuestionPart, ServiceRef } from './understanding.js';

/** Words that set two cases of one question side by side. */
const VERSUS: ReadonlySet<string> = new Set(['vs', 'versus']);

/**
 * One service, one concern, two cases ("OS patching on RDS for Oracle vs on RDS Custom for Oracle?"):
 * a part per side of the "vs", each with its own words, when the two sides name different conditions of
 * that entry. Undefined otherwise, so questions with one case read as before.
 */
export function splitByCondition(words: string[], service: ServiceRef, concernId: string, knowledge: Knowledge): QuestionPart[] | undefined {
  const at = words.findIndex((w) => VERSUS.has(w));
  if (at <= 0 || at >= words.length - 1 || words.slice(at + 1).some((w) => VERSUS.has(w))) return undefined;
  // "… vs one we imported — who renews each?": the closing question's act is asked of the first case too.
  const asked = closingPerActQuestion(words) ?? [];
  const halves = [[...words.slice(0, at), ...asked], words.slice(at + 1)].map((h) => ` ${phraseKey(h.join(' '))} `);
  const entry = knowledge.entriesFor(service.candidates[0]!).find((e) => e.concernId === concernId);
  const conditions = (entry?.duties ?? []).flatMap((d) => d.when?.terms ?? []).map((t) => ` ${phraseKey(t)} `);
  const named = halves.map((h) => conditions.filter((c) => h.includes(c)).join('|'));
  if (named[0] === named[1]) return undefined;
  return halves.map((stemmed, i) => {
    const side = findSide(` ${(i === 0 ? words.slice(0, at) : words.slice(at + 1)).join(' ')} `);
    return { service, concernIds: [concernId], stemmed, ...(side ? { side } : {}) };
  });
}
