import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startRetention } from '../../src/store/retention.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';

const DAY = 24 * 60 * 60 * 1000;
const silent = { info: () => {}, warn: () => {}, error: () => {} };

describe('retention', () => {
  it('prunes at start-up what is older than RETENTION_DAYS', async () => {
    const cutoffs: number[] = [];
    const retention = startRetention({ store: { prune: async (before) => (cutoffs.push(before), 0) }, retentionDays: 30, now: () => 100 * DAY, logger: silent });
    retention.stop();
    await retention.runOnce();
    expect(cutoffs).toEqual([70 * DAY, 70 * DAY]);
  });

  it('logs a failed prune and carries on', async () => {
    const warnings: object[] = [];
    const retention = startRetention({
      store: { prune: async () => Promise.reject(new Error('store down')) },
      now: () => DAY,
      logger: { ...silent, warn: (o) => warnings.push(o) },
    });
    retention.stop();
    expect(await retention.runOnce()).toBe(0);
    expect(warnings).toContainEqual({ err: 'store down' });
  });

  it('opens a data directory from before values could expire, and adds the column', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'srm-old-'));
    const old = new Database(join(dataDir, 'srm-bot.sqlite'));
    old.exec('CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    old.prepare('INSERT INTO kv (key, value) VALUES (?, ?)').run('tour:slack:U0001', '2');
    old.close();
    let time = 1_000;
    const store = createSqliteStore({ dataDir, now: () => time });
    expect(await store.getValue('tour:slack:U0001')).toBe('2');
    await store.setValue('context:x', 'y', 10);
    time += 20;
    expect(await store.getValue('context:x')).toBeUndefined();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
