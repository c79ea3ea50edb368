import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core.js';
import type { Effect } from '../../src/model/effects.js';
import type { IncomingAction, IncomingMessage } from '../../src/model/incoming.js';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import type { SrmCore } from '../../src/core/srm-core.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { StoreUnavailableError } from '../../src/store/store-errors.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';

const message = (text: string): IncomingMessage => ({ platform: 'console', text, userId: 'U0001', channelId: 'C0001', isDirect: false });
const action = (actionId: string, value: string): IncomingAction => ({ platform: 'console', userId: 'U0001', channelId: 'C0001', actionId, value });
const onlyReply = (effects: Effect[]) => {
  expect(effects).toHaveLength(1);
  const [effect] = effects;
  if (!effect || !('reply' in effect)) throw new Error('expected a reply');
  return effect.reply;
};

describe('the core', () => {
  let dataDir: string;
  let store: Store;
  let core: SrmCore;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'srm-core-'));
    store = await createStore({ kind: 'sqlite', dataDir });
    core = createCore({ knowledge: loadTestKnowledge(), store, now: () => 1_700_000_000_000, random: () => 0.5 });
  });
  afterEach(async () => core.close());

  it('answers a question with the owner, what each side does, why and a source', async () => {
    const reply = onlyReply(await core.handleMessage(message('who configures security groups on EC2?')));
    expect(reply).toMatchObject({ kind: 'answer', owner: 'customer', serviceName: 'Amazon EC2' });
    // The owner's part comes first.
    expect(reply.sections.map((s) => s.title)).toEqual(['What you do', 'What AWS does', 'Why']);
    expect(reply.sources[0]?.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect(reply.actions.map((a) => a.actionId)).toEqual([ACTION_IDS.showService, ACTION_IDS.feedbackUp, ACTION_IDS.feedbackDown]);
  });

  it('follows its own buttons: the service card and a clarification choice', async () => {
    const answer = onlyReply(await core.handleMessage(message('who patches RDS?')));
    const show = answer.actions.find((a) => a.actionId === ACTION_IDS.showService)!;
    expect(onlyReply(await core.handleAction(action(show.actionId, show.value)))).toMatchObject({ kind: 'service-card', serviceName: 'Amazon RDS' });

    const clarify = onlyReply(await core.handleMessage(message('who patches the node OS on EKS?')));
    expect(clarify.kind).toBe('clarify');
    const fargate = clarify.actions.find((a) => a.label === 'Fargate pods')!;
    expect(onlyReply(await core.handleAction(action(fargate.actionId, fargate.value)))).toMatchObject({ owner: 'aws', serviceName: 'Amazon EKS on AWS Fargate' });
  });

  it('records 👍/👎 once per person and answer, and thanks privately', async () => {
    const answer = onlyReply(await core.handleMessage(message('who patches RDS?')));
    const up = answer.actions.find((a) => a.actionId === ACTION_IDS.feedbackUp)!;
    const down = answer.actions.find((a) => a.actionId === ACTION_IDS.feedbackDown)!;
    const [thanks] = await core.handleAction(action(up.actionId, up.value));
    expect(thanks).toMatchObject({ type: 'private', userId: 'U0001' });
    await core.handleAction(action(down.actionId, down.value));
    const rows = new Database(join(dataDir, 'srm-bot.sqlite'), { readonly: true }).prepare('SELECT answer_id, helpful FROM feedback').all();
    expect(rows).toEqual([{ answer_id: 'rds:guest-os-patching', helpful: 0 }]);
  });

  it.each([
    ['not our format', ACTION_IDS.ask],
    ['a|rds|no-such-concern', ACTION_IDS.ask],
    ['s|no-such-service', ACTION_IDS.showService],
    ['f|rds:guest-os-patching|maybe', ACTION_IDS.feedbackUp],
    ['x'.repeat(2001), ACTION_IDS.ask],
  ])('answers a tampered button value (case %#) with a private notice', async (value, actionId) => {
    const [effect] = await core.handleAction(action(actionId, value));
    expect(effect).toMatchObject({ type: 'private', userId: 'U0001', reply: { kind: 'notice' } });
  });

  it('walks the onboarding tour step by step', async () => {
    const first = onlyReply(await core.handleMessage(message('tour')));
    expect(first.headline).toMatch(/^Tour 1\/\d+:/);
    const next = first.actions.at(-1)!; // Skip the check question
    expect(onlyReply(await core.handleAction(action(next.actionId, next.value))).headline).toMatch(/^Tour 2\/\d+:/);
    expect(onlyReply(await core.handleMessage(message('next'))).headline).toMatch(/^Tour 3\/\d+:/);
  });

  it('reads a follow-up in a thread in the light of the service that thread talked about', async () => {
    const inThread = (text: string, threadId: string) => ({ ...message(text), threadId });
    expect(onlyReply(await core.handleMessage(inThread('who patches RDS?', '1700000000.000100'))).serviceName).toBe('Amazon RDS');
    const followUp = onlyReply(await core.handleMessage(inThread('and who handles backups for it?', '1700000000.000100')));
    expect(followUp).toMatchObject({ serviceName: 'Amazon RDS', owner: 'shared' });
    // Another thread has its own context: the same words there get the general answer.
    expect(onlyReply(await core.handleMessage(inThread('and who handles backups for it?', '1700000000.000200'))).serviceName).toBeUndefined();
  });

  it('welcomes with examples', () => {
    const welcome = core.welcome();
    expect(welcome.kind).toBe('welcome');
    expect(welcome.text).toContain('who patches RDS?');
  });

  it('turns a store that is down into an apology, and still answers questions', async () => {
    const broken: Store = {
      ...store,
      recordFeedback: async () => {
        throw new StoreUnavailableError('sqlite', new Error('disk I/O error'));
      },
    };
    const logged: object[] = [];
    const fragile = createCore({
      knowledge: loadTestKnowledge(),
      store: broken,
      logger: { info: () => {}, warn: () => {}, error: (o) => logged.push(o) },
    });
    const [apology] = await fragile.handleAction(action(ACTION_IDS.feedbackUp, 'f|rds:guest-os-patching|1'));
    if (apology?.type !== 'reply') throw new Error('expected a reply');
    expect(apology.reply.kind).toBe('error');
    expect(apology.reply.headline).toContain('Quizzes are unavailable right now');
    // Told to the person who pressed, not to the whole channel.
    expect(apology).toMatchObject({ type: 'reply', visibility: 'private' });
    expect(logged).toEqual([expect.objectContaining({ err: expect.objectContaining({ code: 'STORE_UNAVAILABLE' }) })]);
    expect(onlyReply(await fragile.handleMessage(message('who patches RDS?'))).owner).toBe('aws');
  });
});
