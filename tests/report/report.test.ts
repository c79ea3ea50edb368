import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core.js';
import type { SrmCore } from '../../src/core/srm-core.js';
import type { IncomingMessage } from '../../src/model/incoming.js';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { buildReport, renderReport } from '../../src/report/build-report.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { srm } from '../helpers/cli.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';
import { slashCommand } from '../helpers/slack-payloads.js';
import { startSlackTestServer, waitFor } from '../helpers/slack-server.js';
import { captureResponseUrl } from '../helpers/slack-web-api.js';

const knowledge = loadTestKnowledge();
const NOW = 1_800_000_000_000;
const DAY = 24 * 60 * 60 * 1000;
const message = (text: string): IncomingMessage => ({ platform: 'console', text, userId: 'U0001', channelId: 'C0001', isDirect: false });

/** Waits until the background question log has caught up. */
async function logged(store: Store, count: number) {
  for (let i = 0; i < 50 && (await store.questionsSince(0)).length < count; i++) await new Promise((r) => setTimeout(r, 10));
}

describe('the misses report', () => {
  let store: Store;
  let core: SrmCore;
  let clock = NOW;

  beforeEach(() => {
    clock = NOW;
    store = createSqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'srm-report-')), now: () => clock });
    core = createCore({ knowledge, store, now: () => clock, random: () => 0.5 });
  });
  afterEach(async () => core.close());

  it('counts questions, groups the same miss asked several ways, and names the file to change', async () => {
    for (const q of [
      'who patches RDS?',
      'who feeds the office cat?',
      'who feeds the office cats',
      'Who feeds the Office Cat??',
      'who patches <@U0SOMEONE> Amazon Flurble?',
      'what does EC2 cost per hour?',
      'who patches the node OS on EKS?',
    ]) {
      await core.handleMessage(message(q));
    }
    await logged(store, 7);
    const report = await buildReport(store, knowledge, { days: 30, now: clock });
    expect(report.questions).toBe(7);
    expect(report.answered).toBe(1);
    const cat = report.misses.find((m) => m.text.includes('cat'));
    expect(cat).toMatchObject({ count: 3, reasons: ['not-understood'], examples: ['who feeds the office cat', 'who feeds the office cats'] });
    expect(cat?.file).toMatch(/^knowledge\/concerns\.yaml/);
    expect(report.misses[0]).toBe(cat);
    const flurble = report.misses.find((m) => m.text.includes('flurble'));
    expect(flurble?.reasons).toEqual(['unknown-service']);
    expect(flurble?.file).toMatch(/^knowledge\/services\.yaml/);
    // Mention markup and user ids never reach the log.
    expect(JSON.stringify(await store.questionsSince(0))).not.toContain('U0SOMEONE');
    expect(JSON.stringify(await store.questionsSince(0))).not.toContain('U0001');
    const eks = report.misses.find((m) => m.reasons.includes('clarify'));
    expect(eks?.file).toMatch(/^knowledge\/responsibilities\/eks.*\.yaml$/);
    expect(report.misses.find((m) => m.text.includes('cost'))?.reasons).toEqual(['pricing']);
    expect(renderReport(report)).toContain('3× \u201cwho feeds the office cat\u201d');
  });

  it('lists 👎 answers with what they said and where to fix them', async () => {
    const [answer] = await core.handleMessage(message('who patches RDS?'));
    const down = answer && 'reply' in answer ? answer.reply.actions.find((a) => a.actionId === ACTION_IDS.feedbackDown) : undefined;
    if (!down) throw new Error('expected a 👎 button');
    await core.handleAction({ platform: 'console', userId: 'U0002', channelId: 'C0001', actionId: down.actionId, value: down.value });
    const report = await buildReport(store, knowledge, { days: 30, now: clock });
    expect(report.feedback).toMatchObject({ helpful: 0, notHelpful: 1 });
    expect(report.feedback.items[0]).toMatchObject({ service: 'Amazon RDS', verdict: 'aws', count: 1, file: 'knowledge/responsibilities/rds.yaml' });
  });

  it('forgets questions older than the retention period', async () => {
    await core.handleMessage(message('who patches the flux capacitor?'));
    await logged(store, 1);
    clock = NOW + 100 * DAY;
    await core.handleMessage(message('who patches the warp drive?'));
    await logged(store, 2);
    await store.prune(clock - 90 * DAY);
    const left = await store.questionsSince(0);
    expect(left.map((q) => q.text)).toEqual(['who patches the warp drive']);
  });
});

describe('srm report', () => {
  it('prints the report as JSON for a data directory, and refuses a bad --days', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'srm-report-cli-'));
    const store = createSqliteStore({ dataDir });
    await store.recordQuestion({ text: 'who patches the flux capacitor', answered: false, reason: 'not-understood', platform: 'slack', channelId: 'C1', at: Date.now() });
    await store.recordQuestion({ text: 'who patches rds', answered: true, serviceId: 'rds', platform: 'slack', channelId: 'C1', at: Date.now() });
    await store.close();
    const run = await srm(['report', '--json', '--days', '7'], { env: { DATA_DIR: dataDir } });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      days: 7,
      questions: 2,
      answered: 1,
      misses: [{ text: 'who patches the flux capacitor', count: 1, reasons: ['not-understood'] }],
      feedback: { helpful: 0, notHelpful: 0, items: [] },
    });
    expect((await srm(['report', '--days', 'soon'], { env: { DATA_DIR: dataDir } })).code).toBe(64);
  });
});

describe('misses through the real Slack endpoint', () => {
  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('logs a declined slash command as a miss', async () => {
    const server = await startSlackTestServer((store) => createCore({ knowledge, store }));
    try {
      const responses = captureResponseUrl();
      await server.send(slashCommand('who feeds the office cat?'));
      await waitFor(() => responses.length === 1, 'response_url');
      await logged(server.store, 1);
      const [logged1] = await server.store.questionsSince(0);
      expect(logged1).toMatchObject({ text: 'who feeds the office cat', answered: false, reason: 'not-understood', platform: 'slack' });
    } finally {
      await server.close();
    }
  });
});

describe('admin report in chat', () => {
  it('shows the report privately to admins and refuses everyone else', async () => {
    const store = createSqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'srm-admin-')) });
    const core = createCore({ knowledge, store, admins: ['UADMIN'] });
    try {
      await core.handleMessage(message('who feeds the office cat?'));
      await logged(store, 1);
      const [refused] = await core.handleMessage(message('admin report'));
      expect(refused).toMatchObject({ type: 'reply', visibility: 'private' });
      expect(refused && 'reply' in refused ? refused.reply.text : '').toContain('for the bot\u2019s admins');
      expect(refused && 'reply' in refused ? refused.reply.text : '').not.toContain('office cat');

      const [shown] = await core.handleMessage({ ...message('admin report'), userId: 'UADMIN' });
      expect(shown).toMatchObject({ type: 'reply', visibility: 'private' });
      expect(shown && 'reply' in shown ? shown.reply.text : '').toContain('1× \u201cwho feeds the office cat\u201d');
    } finally {
      await core.close();
    }
  });
});

describe('leaderboard reset', () => {
  it('is refused privately to others and starts a season for admins and the channel\u2019s quiz owner', async () => {
    const store = createSqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'srm-season-')) });
    const core = createCore({ knowledge, store, admins: ['UADMIN'] });
    try {
      const [refused] = await core.handleMessage(message('leaderboard reset'));
      expect(refused).toMatchObject({ type: 'reply', visibility: 'private' });
      expect(await store.getValue('season:console:C0001')).toBeUndefined();
      const [done] = await core.handleMessage({ ...message('leaderboard reset'), userId: 'UADMIN' });
      expect(done).toMatchObject({ type: 'reply', visibility: 'public' });
      expect(Number(await store.getValue('season:console:C0001'))).toBeGreaterThan(0);

      // The channel's quiz owner (who set its schedule) may reset it too; in another channel they may not.
      await core.handleMessage({ ...message('quiz schedule weekdays 10:00 Europe/Berlin 3'), userId: 'UOWNER' });
      const [byOwner] = await core.handleMessage({ ...message('leaderboard reset'), userId: 'UOWNER' });
      expect(byOwner).toMatchObject({ type: 'reply', visibility: 'public' });
      const [elsewhere] = await core.handleMessage({ ...message('leaderboard reset'), userId: 'UOWNER', channelId: 'C0002' });
      expect(elsewhere).toMatchObject({ type: 'reply', visibility: 'private' });
      expect(await store.getValue('season:console:C0002')).toBeUndefined();
    } finally {
      await core.close();
    }
  });
});
