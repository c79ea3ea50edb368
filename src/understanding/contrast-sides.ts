import type { Side } from '../knowledge/types.js';
import type { QuestionPart } from './understanding.js';

const OTHER: Readonly<Record<Side, Side>> = { aws: 'customer', customer: 'aws' };

/**
 * "SageMaker notebooks: who releases the kernel updates, and who restarts the instance so they apply?": two acts on
 * the same thing asked side by side are the two halves of its split. When one act's words point at a side and the
 * other's point nowhere, the other leans to the other side: its own duty words still decide first.
 */
export function contrastSides(parts: QuestionPart[]): QuestionPart[] {
  if (parts.length !== 2) return parts;
  const [a, b] = (parts as [QuestionPart, QuestionPart]).map((p) => (p.sideFromName ? { ...p, side: undefined } : p)) as [QuestionPart, QuestionPart];
  const acts = a.concernIds.length > 0 && b.concernIds.length > 0 && !a.fallbackFeature && !b.fallbackFeature && !a.turnsOnService && !b.turnsOnService;
  if (!acts || (a.side === undefined) === (b.side === undefined)) return parts;
  return a.side ? [parts[0]!, { ...parts[1]!, leaning: OTHER[a.side] }] : [{ ...parts[0]!, leaning: OTHER[b.side!] }, parts[1]!];
}
