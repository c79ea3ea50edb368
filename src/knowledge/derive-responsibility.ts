import type { Owner } from '../model/owner.js';
import type { Duty, Responsibility, Side } from './types.js';

/** An entry as written in a file: its duties, never its owner. */
export interface WrittenResponsibility {
  duties: Duty[];
  otherSide?: string;
  sources: string[];
}

const NOTHING = 'Nothing to operate.';

/** The owner that duties in force imply: one side's duties only → that side; both → shared. */
export function ownerOf(duties: readonly Duty[]): Owner {
  const sides = new Set(duties.map((d) => d.by));
  return sides.size === 2 ? 'shared' : [...sides][0]!;
}

/** The duties in force when no condition is named. */
export function unconditional(duties: readonly Duty[]): Duty[] {
  return duties.filter((d) => !d.when);
}

/** Completes a written entry with what is derived from it: the owner and each side's summary. */
export function deriveResponsibility(written: WrittenResponsibility): Responsibility {
  const base = unconditional(written.duties);
  const owner = ownerOf(base);
  const part = (side: Side) => {
    const own = base.filter((d) => d.by === side).map((d) => d.does);
    return own.length ? own.join(' ') : (written.otherSide ?? NOTHING);
  };
  return { ...written, owner, aws: part('aws'), customer: part('customer') };
}
