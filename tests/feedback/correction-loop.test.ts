import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core.js';
import type { SrmCore } from '../../src/core/srm-core.js';
import { FEEDBACK_MESSAGES } from '../../src/feedback/feedback-messages.js';
import type { Effect } from '../../src/model/effects.js';
import type { IncomingAction } from '../../src/model/incoming.js';
import { personToken } from '../../src/model/person-token.js';
import { ACTION_IDS, FORM_TEXT_MAX, type Reply } from '../../src/model/reply-model.js';
import { buildReport, renderReport } from '../../src/report/build-report.js';
import { rightChoice, rightLabel } from '../../src/quiz/quiz-choices.js';
import { answerValue, revealValue } from '../../src/quiz/quiz-ids.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';

const knowledge = loadTestKnowledge();
const NOW = 1_800_000_000_000;
const DAY = 24 * 60 * 60 * 1000;

const press = (userId: string, actionId: string, value: string, fields?: Record<string, string>): IncomingAction => ({
  platform: 'console',
  userId,
  channelId: 'C0001',
  actionId,
  value,
  ...(fields ? { fields } : {}),
});
const noticeOf = (effect: Effect | undefined): string => (effect && 'reply' in effect ? (effect.reply as Reply).headline : '');

describe('the correction loop: feedback with its question, and the "what was wrong?" form', () => {
  let store: Store;
  let core: SrmCore;
  let clock = NOW;

  beforeEach(() => {
    clock = NOW;
    store = createSqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'srm-loop-')), now: () => clock });
    core = createCore({ knowledge, store, now: () => clock, random: Math.random });
  });
  afterEach(async () => core.close());

  /** Asks, then returns the answer's 👍 and 👎 buttons. */
  async function ask(text: string) {
    const [answer] = await core.handleMessage({ platform: 'console', text, userId: 'U0001', channelId: 'C0001', isDirect: false });
    const actions = answer && 'reply' in answer ? answer.reply.actions : [];
    const up = actions.find((a) => a.actionId === ACTION_IDS.feedbackUp);
    const down = actions.find((a) => a.actionId === ACTION_IDS.feedbackDown);
    if (!up || !down) throw new Error('expected 👍/👎 buttons');
    // The question reference is written in the background; let it land.
    await new Promise((r) => setTimeout(r, 20));
    return { up, down };
  }

  it('records a 👎 with the question, service, concern, duty and verdict, and offers the form privately', async () => {
    const { down } = await ask('who turns on encryption for our EFS file systems?');
    expect(down.value).toMatch(/^f\|efs:encryption-at-rest\|0\|[a-f0-9]{16}$/);
    const effects = await core.handleAction(press('U0002', down.actionId, down.value));

    expect(effects.map((e) => e.type)).toEqual(['private', 'form']);
    expect(noticeOf(effects[0])).toBe(FEEDBACK_MESSAGES.thanksDown);
    const form = effects[1]?.type === 'form' ? effects[1] : undefined;
    expect(form).toMatchObject({ userId: 'U0002', channelId: 'C0001' });
    expect(form?.form.choices.map((c) => c.value)).toEqual(['wrong-owner', 'wrong-service', 'out-of-date', 'other']);

    const [vote] = await store.feedbackSince(0);
    expect(vote).toMatchObject({
      answerId: 'efs:encryption-at-rest',
      userId: 'U0002',
      helpful: false,
      platform: 'console',
      question: 'who turns on encryption for our efs file systems',
      serviceId: 'efs',
      concernId: 'encryption-at-rest',
      verdict: 'customer',
    });
    expect(vote?.duty).toBeTruthy();
    expect(vote?.reason).toBeUndefined();

    // The form comes back: the same vote now carries its reason and note.
    const sent = await core.handleAction(press('U0002', ACTION_IDS.formSubmit, form!.form.value, { choice: 'wrong-owner', text: '  AWS encrypts it by default now  ' }));
    expect(noticeOf(sent[0])).toBe(FEEDBACK_MESSAGES.reasonThanks);
    const votes = await store.feedbackSince(0);
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ question: 'who turns on encryption for our efs file systems', reason: 'wrong-owner', comment: 'AWS encrypts it by default now' });
  });

  it('keeps each answer\u2019s 👎 on its own question, even with the core\u2019s randomness fixed', async () => {
    const fixed = createCore({ knowledge, store, now: () => clock, random: () => 0.5 });
    try {
      const ask2 = async (text: string) => {
        const [answer] = await fixed.handleMessage({ platform: 'console', text, userId: 'U0001', channelId: 'C0001', isDirect: false });
        return answer && 'reply' in answer ? answer.reply.actions.find((a) => a.actionId === ACTION_IDS.feedbackDown)! : undefined;
      };
      const rds = await ask2('who patches RDS?');
      const efs = await ask2('who turns on encryption for our EFS file systems?');
      expect(rds?.value.split('|')[3]).not.toBe(efs?.value.split('|')[3]);
      await new Promise((r) => setTimeout(r, 20));
      await fixed.handleAction(press('U0009', rds!.actionId, rds!.value));
      expect((await store.feedbackSince(0))[0]?.question).toBe('who patches rds');
    } finally {
      await fixed.close().catch(() => undefined);
    }
  });

  it('thanks a 👍 without a form, keeps an unknown choice as "other" and cuts long notes', async () => {
    const { up, down } = await ask('who patches RDS?');
    const upEffects = await core.handleAction(press('U0003', up.actionId, up.value));
    expect(upEffects.map((e) => e.type)).toEqual(['private']);

    const [, form] = await core.handleAction(press('U0004', down.actionId, down.value));
    if (form?.type !== 'form') throw new Error('expected a form');
    await core.handleAction(press('U0004', ACTION_IDS.formSubmit, form.form.value, { choice: '<!channel>', text: 'x'.repeat(40_000) }));
    const vote = (await store.feedbackSince(0)).find((v) => v.userId === 'U0004');
    expect(vote?.reason).toBe('other');
    expect(vote?.comment).toHaveLength(FORM_TEXT_MAX);
  });

  it('answers tampered feedback and form values with a notice and records nothing', async () => {
    for (const [actionId, value] of [
      [ACTION_IDS.feedbackDown, 'f|rds:guest-os-patching|0|NOT-A-REF'],
      [ACTION_IDS.formSubmit, 'w|rds:guest-os-patching'],
      [ACTION_IDS.formSubmit, 'w|../etc|-'],
      [ACTION_IDS.formSubmit, 'h|qnope|x'],
      [ACTION_IDS.feedbackDown, 'w|rds:guest-os-patching|-'],
    ] as const) {
      const [effect] = await core.handleAction(press('U0005', actionId, value, { choice: 'wrong-owner' }));
      expect(effect?.type).toBe('private');
    }
    expect(await store.feedbackSince(0)).toEqual([]);
  });
});

describe('the correction loop: challenges of quiz rulings', () => {
  let store: Store;
  let core: SrmCore;
  let clock = NOW;

  beforeEach(() => {
    clock = NOW;
    store = createSqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'srm-challenge-')), now: () => clock });
    core = createCore({ knowledge, store, now: () => clock, random: () => 0.5 });
  });
  afterEach(async () => core.close());

  it('lets a player challenge a revealed ruling once, records it, tells the starter, and reports it', async () => {
    await core.handleMessage({ platform: 'console', text: 'quiz 2', userId: 'USTARTER', channelId: 'C0001', isDirect: false });
    const quiz = (await store.activeQuiz('C0001'))!;
    const question = quiz.questions[0]!;
    const challenge = `h|${quiz.id}|0`;

    // Not before the reveal.
    const early = await core.handleAction(press('UANA', ACTION_IDS.challenge, challenge));
    expect(noticeOf(early[0])).toBe(FEEDBACK_MESSAGES.notRevealedYet);

    await core.handleAction(press('UANA', ACTION_IDS.quizAnswer, answerValue(quiz.id, 0, rightChoice(question))));
    await core.handleAction(press('USTARTER', ACTION_IDS.quizReveal, revealValue(quiz.id, 0)));

    const [form] = await core.handleAction(press('UANA', ACTION_IDS.challenge, challenge));
    if (form?.type !== 'form') throw new Error('expected the challenge form');
    expect(form.form.value).toBe(challenge);
    expect(form.form.intro).toContain(question.prompt);

    const filed = await core.handleAction(press('UANA', ACTION_IDS.formSubmit, challenge, { choice: 'source-disagrees', text: 'The page says otherwise' }));
    expect(noticeOf(filed[0])).toBe(FEEDBACK_MESSAGES.challengeFiled(1));
    expect(filed[1]).toMatchObject({ type: 'private', userId: 'USTARTER', channelId: 'C0001' });
    expect(noticeOf(filed[1])).toBe(FEEDBACK_MESSAGES.challengeToStarter(personToken('UANA'), 1, 'The source says otherwise'));

    const again = await core.handleAction(press('UANA', ACTION_IDS.formSubmit, challenge, { choice: 'other' }));
    expect(noticeOf(again[0])).toBe(FEEDBACK_MESSAGES.challengeAlreadyFiled(1));
    // The starter's own challenge is filed without telling themself.
    const own = await core.handleAction(press('USTARTER', ACTION_IDS.formSubmit, challenge, { choice: 'wrong-owner' }));
    expect(own.map((e) => e.type)).toEqual(['private']);

    const challenges = await store.challengesSince(0);
    expect(challenges).toHaveLength(2);
    expect(challenges[0]).toMatchObject({
      quizId: quiz.id,
      questionIndex: 0,
      question: question.prompt,
      ruling: rightLabel(question),
      userId: 'UANA',
      reason: 'source-disagrees',
      comment: 'The page says otherwise',
      platform: 'console',
      channelId: 'C0001',
    });

    const report = await buildReport(store, knowledge, { days: 30, now: clock });
    expect(report.challenges).toEqual([
      expect.objectContaining({ question: question.prompt, ruling: rightLabel(question), count: 2, reasons: ['source-disagrees', 'wrong-owner'], notes: ['The page says otherwise'] }),
    ]);
    expect(report.challenges[0]?.file).toMatch(/^knowledge\//);
    expect(renderReport(report)).toContain(`2\u00d7 \u201c${question.prompt}\u201d ruled ${rightLabel(question)}`);

    // Another channel cannot challenge this quiz; a stale id gets a notice.
    const elsewhere = await core.handleAction({ ...press('UBEN', ACTION_IDS.challenge, challenge), channelId: 'C0002' });
    expect(noticeOf(elsewhere[0])).toBe(FEEDBACK_MESSAGES.staleForm);

    // Retention: a challenge older than the period is gone, and the report no longer shows it.
    clock = NOW + 100 * DAY;
    await store.prune(clock - 90 * DAY);
    expect((await buildReport(store, knowledge, { days: 365, now: clock })).challenges).toEqual([]);
  });
});
