import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DELIVERY_TTL_MS } from '../../adapters/slack/dedupe.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

const EVENTS = 50_000;
const HOUR = 60 * 60 * 1000;
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sizeOf(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/** Claims `count` distinct Slack event ids, as the Slack adapter does for each delivery. */
async function deliver(store: Store, batch: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await store.claimOnce(`slack:event:Ev${batch}${i}`, DELIVERY_TTL_MS);
}

describe('the SQLite store stays bounded', () => {
  /** Two batches of 50,000 events, the second after the first's claims have expired. */
  async function twoBatches(prune: boolean): Promise<{ first: number; second: number }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'srm-growth-'));
    dirs.push(dataDir);
    let time = 1_000_000;
    const store = createSqliteStore({ dataDir, now: () => time });
    await deliver(store, 'a', EVENTS);
    await store.prune(0); // checkpoints; nothing has expired yet
    const first = sizeOf(dataDir);
    time += 2 * HOUR; // the first batch's de-duplication claims have now expired
    if (prune) await store.prune(time - 90 * 24 * HOUR);
    await deliver(store, 'b', EVENTS);
    await store.prune(0);
    const second = sizeOf(dataDir);
    await store.close();
    return { first, second };
  }

  it('stops growing once expired claims are pruned: 50,000 more events fit in the space of the first', async () => {
    const { first, second } = await twoBatches(true);
    expect(first).toBeGreaterThan(1_000_000); // 50,000 claims take real room
    expect(second).toBeLessThanOrEqual(first * 1.1);
  }, 60_000);

  it('(the same run without pruning grows, so the check above can fail)', async () => {
    const { first, second } = await twoBatches(false);
    expect(second).toBeGreaterThan(first * 1.5);
  }, 60_000);
});
