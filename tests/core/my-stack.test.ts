import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ask } from '../../adapters/cli/ask-json.js';
import { answerQuestion } from '../../src/answers/answer-question.js';
import { stackChecklist } from '../../src/answers/compose-stack.js';
import { MESSAGES } from '../../src/answers/messages.js';
import { stackCsv } from '../../src/answers/stack-csv.js';
import { withOrgOwners } from '../../src/knowledge/org-owners.js';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { createCore } from '../../src/core/create-core.js';
import type { SrmCore } from '../../src/core/srm-core.js';
import type { Effect } from '../../src/model/effects.js';
import type { IncomingMessage } from '../../src/model/incoming.js';
import { QUIZ_MESSAGES } from '../../src/quiz/quiz-messages.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { teamStackKey } from '../../src/store/team-stack.js';
import { createUnderstand } from '../../src/understanding/understand.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';

const knowledge = loadTestKnowledge();
const understand = createUnderstand(knowledge);
const message = (text: string, channelId = 'C0001'): IncomingMessage => ({ platform: 'console', text, userId: 'U0001', channelId, isDirect: false });
const replyOf = (effects: Effect[]) => {
  const [effect] = effects;
  if (!effect || !('reply' in effect)) throw new Error('expected a reply');
  return effect.reply;
};

describe('"stack …": what a team owns across its services', () => {
  it('finds the services with fuzzy and spaced or comma-separated names, and says back the unknown ones', () => {
    const u = understand('stack alb, ecs-fargate aurora s3 lamdba flux capacitor');
    expect(u.intent).toBe('stack');
    expect(u.stack?.serviceIds).toEqual(['elb', 'ecs-fargate', 'aurora', 's3', 'lambda']);
    expect(u.stack?.unknown).toEqual(['flux capacitor']);
  });

  it('gives intent, official names and unknown names in srm ask --json, with the checklist as text', () => {
    const result = ask(knowledge, understand, 'stack alb ecs-fargate aurora s3 frobnicator');
    expect(result).toMatchObject({
      intent: 'stack',
      answered: true,
      services: ['Elastic Load Balancing', 'Amazon ECS on AWS Fargate', 'Amazon Aurora', 'Amazon S3'],
      unknown: ['frobnicator'],
    });
    expect(result.text).toContain('What your team owns across Elastic Load Balancing, Amazon ECS on AWS Fargate, Amazon Aurora and Amazon S3');
    expect(result.text).toContain('Not recognised');
    expect(result.text).toContain('\u201cfrobnicator\u201d');
  });

  it('lists every customer duty of those services, grouped by concern, and collapses what AWS alone covers', () => {
    const { text, sections } = answerQuestion(knowledge, understand('stack ec2 lambda')).reply;
    const rows = stackChecklist(knowledge, ['ec2', 'lambda']);
    const mine = rows.filter((r) => r.owner === 'customer');
    expect(mine.length).toBeGreaterThan(10);
    for (const row of mine) expect(text).toContain(row.duty);
    // EC2's guest OS is the customer's; on Lambda it is AWS's: the checklist names EC2 only.
    const guest = sections.find((s) => s.title === knowledge.concerns.get('guest-os-patching')?.label);
    expect(guest?.body).toContain('Amazon EC2');
    expect(guest?.body).not.toContain('AWS Lambda');
    const aws = sections.find((s) => s.title === MESSAGES.stack.awsCoversTitle);
    expect(aws?.body).toContain(knowledge.concerns.get('physical-security')?.label);
    expect(aws?.body).not.toContain(guest?.title);
  });

  it('shows the conditions that change a duty', () => {
    const text = ask(knowledge, understand, 'stack aurora').text;
    expect(text).toMatch(/Amazon Aurora, if [^:]+: /);
  });

  it('asks for names when none is given, and declines politely when none is known', () => {
    const result = ask(knowledge, understand, 'stack flux capacitor');
    expect(result.answered).toBe(false);
    expect(result.text).toContain(MESSAGES.stack.noServices);
    expect(result.unknown).toBeUndefined();
    expect(result.text).toContain('\u201cflux capacitor\u201d');
  });
});

describe('a channel\u2019s saved stack', () => {
  let store: Store;
  let core: SrmCore;

  beforeEach(async () => {
    store = await createStore({ kind: 'sqlite', dataDir: mkdtempSync(join(tmpdir(), 'srm-stack-')) });
    core = createCore({ knowledge, store, now: () => 1_700_000_000_000, random: () => 0.5 });
  });
  afterEach(async () => core.close());

  it('is saved with "stack save …", shown by "stack", and only in its own channel', async () => {
    const empty = replyOf(await core.handleMessage(message('stack')));
    expect(empty.text).toContain(MESSAGES.stack.nothingSaved);

    const saved = replyOf(await core.handleMessage(message('stack save rds s3')));
    expect(saved.text).toContain(MESSAGES.stack.saved(['Amazon RDS', 'Amazon S3']));
    expect(await store.getValue(teamStackKey('console', 'C0001'))).toBe('["rds","s3"]');

    const shown = replyOf(await core.handleMessage(message('stack')));
    expect(shown.headline).toBe(MESSAGES.stack.headline(['Amazon RDS', 'Amazon S3']));
    expect(replyOf(await core.handleMessage(message('stack', 'C0002'))).text).toContain(MESSAGES.stack.nothingSaved);
  });

  it('still gives the checklist when the store cannot save it', async () => {
    store.setValue = async () => {
      throw new Error('store down');
    };
    const reply = replyOf(await core.handleMessage(message('stack save rds')));
    expect(reply.text).toContain(MESSAGES.stack.notSaved);
    expect(reply.headline).toBe(MESSAGES.stack.headline(['Amazon RDS']));
  });

  it('"quiz stack" quizzes the channel on exactly those services', async () => {
    const none = replyOf(await core.handleMessage(message('quiz stack')));
    expect(none.text).toBe(QUIZ_MESSAGES.noStack);

    await core.handleMessage(message('stack save rds'));
    await core.handleMessage(message('quiz exam stack 4'));
    const quiz = await store.activeQuiz('C0001');
    expect(quiz?.title).toBe(QUIZ_MESSAGES.examServiceTitle(QUIZ_MESSAGES.stackName));
    expect(quiz?.questions.length).toBe(4);
    for (const q of quiz?.questions ?? []) for (const o of q.exam?.options ?? []) expect(o.text).toMatch(/ on Amazon RDS$/);
  });
});

/** The fields of one CSV line written by stackCsv (every field quoted, quotes doubled). */
function csvFields(line: string): string[] {
  return [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"'));
}

describe('the checklist as a CSV download', () => {
  let core: SrmCore;

  beforeEach(async () => {
    const store = await createStore({ kind: 'sqlite', dataDir: mkdtempSync(join(tmpdir(), 'srm-csv-')) });
    core = createCore({ knowledge: withOrgOwners(knowledge, 'knowledge/org-owners.example.yaml'), store, now: () => 1_700_000_000_000 });
  });
  afterEach(async () => core.close());

  const press = (value: string) =>
    core.handleAction({ platform: 'console', userId: 'U0001', channelId: 'C0001', threadId: '1700000000.000100', actionId: ACTION_IDS.download, value });

  it('offers a Download CSV button on the checklist, naming the services found (not the unknown ones)', async () => {
    const reply = replyOf(await core.handleMessage(message('stack ec2 flux capacitor s3')));
    const button = reply.actions.find((a) => a.actionId === ACTION_IDS.download);
    expect(button).toEqual({ actionId: ACTION_IDS.download, label: MESSAGES.stack.csvButton, value: 'x|ec2,s3' });
  });

  it('sends every duty of the stack, one per row, with owner, condition, the team inside the company and the source', async () => {
    const [effect, ...rest] = await press('x|ec2,aurora');
    expect(rest).toHaveLength(0);
    if (effect?.type !== 'file') throw new Error(`expected a file effect, got ${effect?.type}`);
    expect(effect).toMatchObject({ userId: 'U0001', channelId: 'C0001', threadId: '1700000000.000100' });
    const { file } = effect;
    expect(file.name).toBe('srm-stack.csv');
    expect(file.mediaType).toBe('text/csv');
    const lines = file.content.trimEnd().split('\r\n');
    expect(lines[0]).toBe('service,concern,duty,owner,condition,inside_owner,source');
    const rows = stackChecklist(knowledge, ['ec2', 'aurora']);
    expect(lines).toHaveLength(rows.length + 1);
    expect(file.rows).toBe(rows.length);
    const parsed = lines.slice(1).map(csvFields);
    for (const fields of parsed) {
      expect(fields).toHaveLength(7);
      expect(['AWS', 'Customer']).toContain(fields[3]);
      expect(fields[6]).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//);
    }
    // The overlay names the team for EC2's guest OS; AWS's rows never get a team.
    const guest = parsed.find((f) => f[0] === 'Amazon EC2' && f[1] === knowledge.concerns.get('guest-os-patching')?.label && f[3] === 'Customer');
    expect(guest?.[5]).toBe('Compute platform team (#compute-platform)');
    expect(parsed.filter((f) => f[3] === 'AWS').every((f) => f[5] === '')).toBe(true);
    // Conditions are carried: Aurora has duties that apply only under one.
    expect(parsed.some((f) => f[0] === 'Amazon Aurora' && f[4] !== '')).toBe(true);
    expect(effect.reply.headline).toBe(MESSAGES.stack.csvSent(rows.length, ['Amazon EC2', 'Amazon Aurora']));
  });

  it('keeps a spreadsheet from running a field as a formula', () => {
    const tampered = { ...knowledge, orgOwner: () => ({ team: '=HYPERLINK("http://evil.example")', contact: '@here' }) };
    const { content } = stackCsv(tampered, ['ec2']);
    const inside = content.split('\r\n').slice(1).map(csvFields).find((f) => f[3] === 'Customer')?.[5];
    expect(inside).toBe(`'=HYPERLINK("http://evil.example") (@here)`);
  });

  it('answers a tampered or stale value with a notice, not a file', async () => {
    for (const value of ['x|', 'x|flux-capacitor', 'x|EC2', 'x|ec2|s3']) {
      const [effect] = await press(value);
      expect(effect?.type).toBe('private');
      if (effect?.type === 'private') expect(effect.reply.headline).toBe(MESSAGES.staleButton);
    }
  });
});
