import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { rightChoice } from '../../src/quiz/quiz-choices.js';
import { answerValue, revealValue } from '../../src/quiz/quiz-ids.js';
import { ANA, CHANNEL_CONVERSATION, mentionMessage, personalMessage, submitAction, USER_ID } from '../helpers/teams-activities.js';
import { postActivity } from '../helpers/teams-server.js';
import { useTeamsWithRealCore } from '../helpers/teams-real-core.js';

type Card = { body: { type: string; id?: string; choices?: { value: string }[] }[]; actions: { type: string; data?: { actionId: string; value: string } }[] };
const cardOf = (body: Record<string, any> | undefined): Card => body?.attachments?.[0]?.content as Card;

/** A form card's submit: the card's data plus the person's inputs, as Teams sends it. */
function submitForm(data: { actionId: string; value: string }, inputs: Record<string, string>, kind: 'personal' | 'channel', id: string, from = { id: USER_ID, name: 'Ada Lovelace' }) {
  const activity = submitAction(data.actionId, data.value, kind, id, { from });
  return { ...activity, value: { ...data, ...inputs } };
}

describe('Teams: 👎 with "what was wrong?", and challenges', () => {
  const t = useTeamsWithRealCore({ random: () => 0.5 });

  it('records the 👎 with its question, sends the form card, and records the reason it sends back', async () => {
    await postActivity(t.server.url, personalMessage('who turns on encryption for our EFS file systems?'));
    const answer = JSON.stringify(t.connector.calls[0]?.body);
    const down = /"value":"(f\|efs:encryption-at-rest\|0\|[a-f0-9]{16})"/.exec(answer)?.[1];
    expect(down).toBeDefined();
    await new Promise((r) => setTimeout(r, 20));

    await postActivity(t.server.url, submitAction(ACTION_IDS.feedbackDown, down!, 'personal', 'S0301'));
    const form = cardOf(t.connector.calls.at(-1)?.body);
    expect(form.body.find((e) => e.type === 'Input.ChoiceSet')?.choices?.map((c) => c.value)).toEqual(['wrong-owner', 'wrong-service', 'out-of-date', 'other']);
    expect(form.body.some((e) => e.type === 'Input.Text' && e.id === 'text')).toBe(true);
    const send = form.actions[0]?.data;
    expect(send?.actionId).toBe(ACTION_IDS.formSubmit);

    const sent = await postActivity(t.server.url, submitForm(send!, { choice: 'wrong-service', text: 'I asked about EBS' }, 'personal', 'S0302'));
    expect(sent.status).toBe(200);
    const [vote] = await t.store.feedbackSince(0);
    expect(vote).toMatchObject({
      answerId: 'efs:encryption-at-rest',
      question: 'who turns on encryption for our efs file systems',
      verdict: 'customer',
      platform: 'teams',
      reason: 'wrong-service',
      comment: 'I asked about EBS',
    });
    expect(JSON.stringify(t.connector.calls.at(-1)?.body)).toContain('keep the knowledge right');
  });

  it('lets a player challenge a revealed ruling in a channel and records it', async () => {
    await postActivity(t.server.url, mentionMessage('quiz 2', 'channel', 'M0400'));
    const quiz = (await t.store.activeQuiz(CHANNEL_CONVERSATION))!;
    const on = { threadRoot: 'M0400' };
    await postActivity(t.server.url, submitAction(ACTION_IDS.quizAnswer, answerValue(quiz.id, 0, rightChoice(quiz.questions[0]!)), 'channel', 'S0401', { from: ANA, threadRoot: on.threadRoot }));
    await postActivity(t.server.url, submitAction(ACTION_IDS.quizReveal, revealValue(quiz.id, 0), 'channel', 'S0402', { threadRoot: on.threadRoot }));
    expect((await t.store.loadQuiz(quiz.id))?.revealed).toHaveLength(1);

    const before = t.connector.calls.length;
    await postActivity(t.server.url, submitAction(ACTION_IDS.challenge, `h|${quiz.id}|0`, 'channel', 'S0403', { from: ANA, threadRoot: on.threadRoot }));
    const formCall = t.connector.calls.slice(before).find((c) => JSON.stringify(c.body).includes('Input.ChoiceSet'));
    // In a channel the form is a reply in the thread that mentions its person.
    expect(formCall?.body.text).toBe(`<at>${ANA.name}</at>`);
    const send = cardOf(formCall?.body).actions[0]?.data;
    expect(send).toEqual({ actionId: ACTION_IDS.formSubmit, value: `h|${quiz.id}|0` });

    await postActivity(t.server.url, submitForm(send!, { choice: 'unclear-question', text: '' }, 'channel', 'S0404', ANA));
    const [challenge] = await t.store.challengesSince(0);
    expect(challenge).toMatchObject({ quizId: quiz.id, questionIndex: 0, userId: ANA.id, reason: 'unclear-question', platform: 'teams', channelId: CHANNEL_CONVERSATION });
    expect(challenge?.comment).toBeUndefined();
    expect(JSON.stringify(t.connector.calls.slice(before))).toContain('challenged the ruling on question 1');
  });
});
