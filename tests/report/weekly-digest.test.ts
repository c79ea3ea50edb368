import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeNotice } from '../../src/answers/compose-help.js';
import { parseAppConfig } from '../../src/config/app-config.js';
import { createCore } from '../../src/core/create-core.js';
import type { Effect } from '../../src/model/effects.js';
import type { Platform } from '../../src/model/incoming.js';
import { silentLogger } from '../../src/model/logger.js';
import { createWeeklyDigest, digestDueAt } from '../../src/report/weekly-digest.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';

const knowledge = loadTestKnowledge();
const HOUR = 60 * 60 * 1000;
// Wednesday 2026-12-02 15:00 UTC; the digest for it was due Monday 2026-11-30 09:00 UTC.
const WEDNESDAY = Date.UTC(2026, 11, 2, 15);
const MONDAY_9 = Date.UTC(2026, 10, 30, 9);

async function seed(store: Store) {
  await store.recordQuestion({ text: 'who feeds the office cat', answered: false, reason: 'not-understood', platform: 'slack', channelId: 'C1', at: MONDAY_9 - 2 * HOUR });
  await store.recordQuestion({ text: 'who feeds the office cat', answered: false, reason: 'not-understood', platform: 'slack', channelId: 'C1', at: MONDAY_9 - HOUR });
  await store.recordFeedback({ answerId: 'rds:platform-patching', userId: 'U1', channelId: 'C1', helpful: false, at: MONDAY_9 - HOUR, reason: 'out-of-date', verdict: 'aws' });
  await store.recordChallenge({ quizId: 'qabcdef1', questionIndex: 0, question: 'Who patches RDS?', ruling: 'AWS', userId: 'U2', reason: 'wrong-owner', platform: 'slack', channelId: 'C1', at: MONDAY_9 - HOUR });
  // Outside the week: not in the digest.
  await store.recordQuestion({ text: 'who waters the plants', answered: false, reason: 'not-understood', platform: 'slack', channelId: 'C1', at: MONDAY_9 - 8 * 24 * HOUR });
}

describe('the weekly digest (REPORT_CHANNEL)', () => {
  it('is due every Monday at 09:00 UTC', () => {
    expect(digestDueAt(WEDNESDAY)).toBe(MONDAY_9);
    expect(digestDueAt(MONDAY_9)).toBe(MONDAY_9);
    expect(digestDueAt(MONDAY_9 - 1)).toBe(MONDAY_9 - 7 * 24 * HOUR);
  });

  it('is posted once across replicas, with the week\u2019s misses, 👎 and challenges', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'srm-digest-'));
    const clock = { now: WEDNESDAY };
    const stores = [createSqliteStore({ dataDir, now: () => clock.now }), createSqliteStore({ dataDir, now: () => clock.now })];
    await seed(stores[0]!);
    const posted: { platform: Platform; effects: Effect[] }[] = [];
    const replicas = stores.map((store) =>
      createWeeklyDigest({
        store,
        knowledge,
        channel: { platform: 'slack', channelId: 'CREPORTS' },
        now: () => clock.now,
        logger: silentLogger,
        deliver: async (platform, effects) => void posted.push({ platform, effects }),
        compose: composeNotice,
      }),
    );
    try {
      const results = await Promise.all(replicas.flatMap((r) => [r.runOnce(), r.runOnce()]));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(posted).toHaveLength(1);
      const [effect] = posted[0]!.effects;
      expect(posted[0]!.platform).toBe('slack');
      expect(effect).toMatchObject({ type: 'post', channelId: 'CREPORTS' });
      const text = effect && 'reply' in effect ? effect.reply.text : '';
      expect(text).toContain('Knowledge report for the week to 2026-11-30');
      expect(text).toContain('2\u00d7 \u201cwho feeds the office cat\u201d');
      expect(text).not.toContain('plants');
      expect(text).toContain('on Amazon RDS (said: aws; out-of-date)');
      expect(text).toContain('\u201cWho patches RDS?\u201d ruled AWS');

      // Later the same week: nothing more. Next Monday after 09:00: the next one.
      clock.now = WEDNESDAY + 24 * HOUR;
      expect(await replicas[1]!.runOnce()).toBe(false);
      clock.now = MONDAY_9 + 7 * 24 * HOUR + HOUR;
      expect(await replicas[1]!.runOnce()).toBe(true);
      expect(posted).toHaveLength(2);
    } finally {
      for (const s of stores) await s.close();
    }
  });

  it('retries a post that failed, once its lock lapses', async () => {
    const clock = { now: WEDNESDAY };
    const store = createSqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'srm-digest-retry-')), now: () => clock.now });
    let fail = true;
    const posted: Effect[][] = [];
    const digest = createWeeklyDigest({
      store,
      knowledge,
      channel: { platform: 'teams', channelId: '19:reports@thread.tacv2' },
      now: () => clock.now,
      logger: silentLogger,
      deliver: async (_platform, effects) => {
        if (fail) throw new Error('channel not reachable');
        posted.push(effects);
      },
      compose: composeNotice,
    });
    try {
      expect(await digest.runOnce()).toBe(false);
      fail = false;
      expect(await digest.runOnce()).toBe(false); // still locked by the failed attempt
      clock.now += 6 * 60 * 1000;
      expect(await digest.runOnce()).toBe(true);
      expect(posted).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('runs in the core when REPORT_CHANNEL is set, through the platform\u2019s sink', async () => {
    const config = parseAppConfig({ REPORT_CHANNEL: 'slack:C0REPORTS' });
    expect(config.REPORT_CHANNEL).toEqual({ platform: 'slack', channelId: 'C0REPORTS' });
    expect(parseAppConfig({ REPORT_CHANNEL: 'C0REPORTS' }).REPORT_CHANNEL).toEqual({ platform: 'slack', channelId: 'C0REPORTS' });
    expect(parseAppConfig({ REPORT_CHANNEL: 'teams:19:abc@thread.tacv2' }).REPORT_CHANNEL).toEqual({ platform: 'teams', channelId: '19:abc@thread.tacv2' });
    expect(parseAppConfig({}).REPORT_CHANNEL).toBeUndefined();
    expect(() => parseAppConfig({ REPORT_CHANNEL: 'two words' })).toThrow(/REPORT_CHANNEL/);

    const store = createSqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'srm-digest-core-')), now: () => WEDNESDAY });
    const core = createCore({ knowledge, store, now: () => WEDNESDAY, reportChannel: config.REPORT_CHANNEL! });
    const posted: Effect[] = [];
    core.registerSink('slack', async (effects) => void posted.push(...effects));
    try {
      await core.start();
      for (let i = 0; i < 50 && posted.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(posted).toEqual([expect.objectContaining({ type: 'post', channelId: 'C0REPORTS' })]);
    } finally {
      await core.close();
    }
  });
});
