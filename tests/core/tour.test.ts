import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composeOnboardingStep, composeTourCheckResult, ONBOARDING_STEPS, tourCheck } from '../../src/answers/compose-onboarding.js';
import { MESSAGES } from '../../src/answers/messages.js';
import { withOrgOwners } from '../../src/knowledge/org-owners.js';
import { answerValue, revealValue } from '../../src/quiz/quiz-ids.js';
import { rightChoice } from '../../src/quiz/quiz-choices.js';
import { createCore } from '../../src/core/create-core.js';
import type { SrmCore } from '../../src/core/srm-core.js';
import type { Effect } from '../../src/model/effects.js';
import type { Reply } from '../../src/model/reply-model.js';
import { createStore } from '../../src/store/create-store.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';

const knowledge = loadTestKnowledge();
const replyOf = (effects: Effect[]): Reply => {
  const [effect] = effects;
  if (!effect || !('reply' in effect)) throw new Error('expected a reply');
  return effect.reply;
};

describe('the guided tour with check questions', () => {
  const cores: SrmCore[] = [];
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.close();
  });
  const open = async (dataDir: string) => {
    const core = createCore({ knowledge, store: await createStore({ kind: 'sqlite', dataDir }) });
    cores.push(core);
    return core;
  };
  const press = (core: SrmCore, value: string) =>
    core.handleAction({ platform: 'console', userId: 'U0001', channelId: 'D0001', actionId: 'srm_onboarding_next', value }).then(replyOf);
  const say = (core: SrmCore, text: string) => core.handleMessage({ platform: 'console', text, userId: 'U0001', channelId: 'D0001', isDirect: true }).then(replyOf);

  it('has a check question with a sourced answer on every concept step', () => {
    for (let step = 0; step < ONBOARDING_STEPS.length; step++) {
      const check = tourCheck(knowledge, step);
      expect(check?.question, ONBOARDING_STEPS[step]).toBeTruthy();
      expect(check?.source).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//);
    }
  });

  it('ends each step with its check, gives instant feedback with the source, resumes after a restart and sums up at the end', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'srm-tour-'));
    let core = await open(dataDir);
    const first = await say(core, 'tour');
    expect(first.sections.find((s) => s.title === 'Check yourself')?.body).toBe(tourCheck(knowledge, 0)?.question);
    expect(first.actions.map((a) => a.label)).toEqual(['AWS', 'Customer', 'Shared', 'Skip']);

    const right = tourCheck(knowledge, 0)!.owner;
    const feedback = await press(core, `t|0|${right}`);
    expect(feedback.headline).toMatch(/^Right: /);
    expect(feedback.sources.length).toBe(1);
    expect(feedback.actions.map((a) => a.value)).toEqual(['o|1']);

    await press(core, 'o|1');
    const wrong = tourCheck(knowledge, 1)!.owner === 'customer' ? 'aws' : 'customer';
    expect((await press(core, `t|1|${wrong}`)).headline).toMatch(/^Not quite: /);
    // A second answer to the same step does not change the first.
    await press(core, `t|1|${tourCheck(knowledge, 1)!.owner}`);

    // Restart: a new core over the same data directory continues where the person was.
    await core.close();
    cores.splice(0);
    core = await open(dataDir);
    const resumed = await say(core, 'next');
    expect(resumed.headline).toMatch(/^Tour 3\//);

    const end = await press(core, `o|${ONBOARDING_STEPS.length}`);
    expect(end.sections.find((s) => s.title === 'Your checks')?.body).toBe('1 of 2 right.');
    expect(end.sections.map((s) => s.body).join(' ')).toContain('quiz');
  });

  it('treats a tampered check value as a stale button', async () => {
    const core = await open(mkdtempSync(join(tmpdir(), 'srm-tour-')));
    const reply = await press(core, 't|0|nobody');
    expect(reply.kind).not.toBe('onboarding');
  });
});

describe('the welcome\u2019s buttons', () => {
  it('offer the tour, a starter quiz and "my stack", and each does what it says', async () => {
    const store = await createStore({ kind: 'sqlite', dataDir: mkdtempSync(join(tmpdir(), 'srm-welcome-')) });
    const core = createCore({ knowledge, store });
    try {
      const model = core.welcome().sections.find((s) => s.title === 'The model in three lines');
      expect(model?.body.split('\n')).toHaveLength(3);
      expect(core.welcome().sections.find((s) => s.title === 'Try asking')?.body.split('\n')).toHaveLength(3);
      const buttons = core.welcome().actions;
      expect(buttons.map((a) => a.label)).toEqual(['Start the tour', 'A starter quiz', 'My stack']);
      const press = (value: string) => core.handleAction({ platform: 'console', userId: 'U0001', channelId: 'C0001', actionId: 'srm_onboarding_next', value });

      await press(buttons[1]!.value);
      expect((await store.activeQuiz('C0001'))?.questions).toHaveLength(3);

      const stack = replyOf(await press(buttons[2]!.value));
      expect(stack.text).toContain('stack alb ecs-fargate aurora s3');

      const stale = replyOf(await press('c|drop-tables'));
      expect(stale.kind).not.toBe('checklist');
      expect(await store.activeQuiz('C0002')).toBeUndefined();
    } finally {
      await core.close();
    }
  });
});

describe('the App Home quiz record and the owners overlay in the tour', () => {
  it('adds each finished or stopped quiz to the player\u2019s own record, shown on their Home', async () => {
    const store = await createStore({ kind: 'sqlite', dataDir: mkdtempSync(join(tmpdir(), 'srm-record-')) });
    const core = createCore({ knowledge, store, random: () => 0.5 });
    const act = (userId: string, value: string, actionId = 'srm_quiz_answer') =>
      core.handleAction({ platform: 'console', userId, channelId: 'C0001', actionId, value });
    const homeText = async (userId: string) => (await core.home('console', userId)).text;
    try {
      expect(await homeText('U0001')).toContain('No quizzes yet');

      await core.handleMessage({ platform: 'console', text: 'quiz 2', userId: 'U0001', channelId: 'C0001', isDirect: false });
      const quiz = (await store.activeQuiz('C0001'))!;
      const right = (i: number) => rightChoice(quiz.questions[i]!);
      const wrong = (i: number) => (['aws', 'customer', 'shared'] as const).find((o) => o !== right(i))!;
      await act('U0001', answerValue(quiz.id, 0, right(0)));
      await act('U0002', answerValue(quiz.id, 0, wrong(0)));
      await act('U0001', revealValue(quiz.id, 0), 'srm_quiz_reveal');
      await act('U0001', answerValue(quiz.id, 1, wrong(1)));
      await act('U0001', revealValue(quiz.id, 1), 'srm_quiz_reveal');
      expect((await store.loadQuiz(quiz.id))?.phase).toBe('finished');

      expect(await homeText('U0001')).toContain('1 quiz played: 1 of 2 answers right (50%).');
      expect(await homeText('U0002')).toContain('1 quiz played: 0 of 1 answers right (0%).');

      // A second quiz, stopped by its starter after one reveal, adds to the same record.
      await core.handleMessage({ platform: 'console', text: 'quiz 3', userId: 'U0001', channelId: 'C0001', isDirect: false });
      const second = (await store.activeQuiz('C0001'))!;
      await act('U0001', answerValue(second.id, 0, rightChoice(second.questions[0]!)));
      await act('U0001', revealValue(second.id, 0), 'srm_quiz_reveal');
      await core.handleMessage({ platform: 'console', text: 'quiz stop', userId: 'U0001', channelId: 'C0001', isDirect: false });
      expect(await homeText('U0001')).toContain('2 quizzes played: 2 of 3 answers right (67%).');

      // A store that cannot be read costs the line, not the Home tab.
      store.getValue = async () => {
        throw new Error('store down');
      };
      expect(await homeText('U0001')).toContain('unavailable right now');
    } finally {
      await core.close();
    }
  });

  it('names the teams inside the company on the customer-side steps and in check results', async () => {
    const overlaid = withOrgOwners(knowledge, 'knowledge/org-owners.example.yaml');
    const step = ONBOARDING_STEPS.indexOf('security-in-the-cloud');
    const inside = composeOnboardingStep(overlaid, step).sections.find((s) => s.title === MESSAGES.section.inside);
    expect(inside?.body).toContain(`${knowledge.concerns.get('guest-os-patching')?.label} \u2192 Platform team (#platform-help)`);
    expect(inside?.body).toContain('Identity and access team (iam-team@example.com)');
    // Without the overlay, and on the AWS-side steps, there is no such section.
    expect(composeOnboardingStep(knowledge, step).sections.some((s) => s.title === MESSAGES.section.inside)).toBe(false);
    const awsStep = ONBOARDING_STEPS.indexOf('security-of-the-cloud');
    expect(composeOnboardingStep(overlaid, awsStep).sections.some((s) => s.title === MESSAGES.section.inside)).toBe(false);

    // A check whose answer leaves the customer a part says which team holds it.
    const customerCheck = ONBOARDING_STEPS.findIndex((_, i) => {
      const check = tourCheck(overlaid, i);
      return check !== undefined && check.owner !== 'aws' && check.inside !== undefined;
    });
    expect(customerCheck).toBeGreaterThanOrEqual(0);
    const result = composeTourCheckResult(overlaid, customerCheck, tourCheck(overlaid, customerCheck)!.owner);
    expect(result?.sections.find((s) => s.title === MESSAGES.section.inside)?.body).toMatch(/ owns your part/);
  });
});
