import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { QUIZ_MESSAGES as M } from '../../src/quiz/quiz-messages.js';
import { choicesFor, rightChoice } from '../../src/quiz/quiz-choices.js';
import { answerValue, rankValue, revealValue, viewValue } from '../../src/quiz/quiz-ids.js';
import { ANA, BEN, CHANNEL_CONVERSATION, executeAction, mentionMessage, type TestActivity } from '../helpers/teams-activities.js';
import { postActivity } from '../helpers/teams-server.js';
import { useTeamsWithRealCore } from '../helpers/teams-real-core.js';

/** An Action.Execute press by `from` on a card in the thread of M0500. */
function execute(verb: string, value: string, from: { id: string; name: string }, id: string): TestActivity {
  const activity = executeAction(verb, { actionId: verb, value }, 'channel', id);
  return {
    ...activity,
    from: { ...from, aadObjectId: `AAD-${from.id}` },
    conversation: { ...activity.conversation, id: `${CHANNEL_CONVERSATION};messageid=M0500` },
  };
}

type InvokeBody = { statusCode: number; type: string; value: unknown };

describe('Teams quiz buttons are Universal Actions: each presser is answered alone', () => {
  const t = useTeamsWithRealCore({ quizRevealMs: 60_000, random: () => 0.5 });

  it('acks an answer with the presser\u2019s own card, posts no public reply, and refreshes per person', async () => {
    await postActivity(t.server.url, mentionMessage('quiz 1', 'channel', 'M0500'));
    const quiz = (await t.store.activeQuiz(CHANNEL_CONVERSATION))!;
    const question = quiz.questions[0]!;
    const card = JSON.stringify(t.connector.calls.find((c) => JSON.stringify(c.body).includes(answerValue(quiz.id, 0, rightChoice(question))))?.body);
    expect(card).toContain('"type":"Action.Execute"');
    expect(card).toContain(`"verb":"${ACTION_IDS.quizAnswer}"`);
    expect(card).toContain(`"refresh":{"action":{"type":"Action.Execute","title":"${M.refreshButton}","verb":"${ACTION_IDS.quizView}"`);

    const before = t.connector.calls.length;
    const answered = await postActivity(t.server.url, execute(ACTION_IDS.quizAnswer, answerValue(quiz.id, 0, rightChoice(question)), ANA, 'X0501'));
    expect(answered.status).toBe(200);
    const body = answered.body as InvokeBody;
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const label = choicesFor(question).find((c) => c.value === rightChoice(question))!.label;
    expect(JSON.stringify(body.value)).toContain(M.yourAnswerOpen(label));
    // No public reply mentions Ana: the paced count edit of the question is the only call.
    const after = t.connector.calls.slice(before);
    expect(after.every((c) => c.method === 'PUT')).toBe(true);
    expect(after.some((c) => String(c.body.text ?? '').includes('<at>') || (c.body.entities ?? []).length > 0)).toBe(false);

    // A second press: a short message only Ana sees.
    const again = (await postActivity(t.server.url, execute(ACTION_IDS.quizAnswer, answerValue(quiz.id, 0, rightChoice(question)), ANA, 'X0502'))).body as InvokeBody;
    expect(again).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: M.alreadyAnswered });

    // The card's refresh gives each person their own view.
    const ben = (await postActivity(t.server.url, execute(ACTION_IDS.quizView, viewValue(quiz.id, 0), BEN, 'X0503'))).body as InvokeBody;
    expect(JSON.stringify(ben.value)).toContain(M.youDidNotAnswer(false));
    await postActivity(t.server.url, execute(ACTION_IDS.quizReveal, revealValue(quiz.id, 0), { id: quiz.starterId, name: 'Ada Lovelace' }, 'X0504'));
    const ana = (await postActivity(t.server.url, execute(ACTION_IDS.quizView, viewValue(quiz.id, 0), ANA, 'X0505'))).body as InvokeBody;
    expect(JSON.stringify(ana.value)).toContain(M.yourAnswerRevealed(label, true));

    // "My rank" on the scoreboard: Ana alone is told her place.
    // The scoreboard refreshes per person too: Ana alone sees her place in her copy of it.
    const board = JSON.stringify(t.connector.calls.find((c) => JSON.stringify(c.body).includes(rankValue(quiz.id)))?.body);
    expect(board).toContain(`"refresh":{"action":{"type":"Action.Execute","title":"${M.myRankButton}","verb":"${ACTION_IDS.quizRank}"`);
    const rank = (await postActivity(t.server.url, execute(ACTION_IDS.quizRank, rankValue(quiz.id), ANA, 'X0506'))).body as InvokeBody;
    expect(rank).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(rank.value)).toContain(M.ownRank(1, 1, 1, 1));
    const ben2 = (await postActivity(t.server.url, execute(ACTION_IDS.quizRank, rankValue(quiz.id), BEN, 'X0507'))).body as InvokeBody;
    expect(JSON.stringify(ben2.value)).toContain(M.didNotPlay);
  });
});
