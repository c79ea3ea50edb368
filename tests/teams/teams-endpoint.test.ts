import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEAMS_STRINGS } from '../../adapters/teams/teams-strings.js';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import {
  BOT_ID,
  CHANNEL_CONVERSATION,
  PERSONAL_CONVERSATION,
  SERVICE_URL,
  USER_ID,
  USER_NAME,
  executeAction,
  installationAdded,
  membersAdded,
  mentionMessage,
  otherInvoke,
  personalMessage,
  submitAction,
  unaddressedMessage,
} from '../helpers/teams-activities.js';
import { allowOnlyLoopback, captureConnector } from '../helpers/teams-connector.js';
import { postActivity, startTeamsEndpoint, stopTeamsEndpoint, type TeamsEndpoint } from '../helpers/teams-server.js';
import { answerReply } from './fake-core.js';

const noWait = { sleep: async () => {}, random: () => 0 };

describe('Teams endpoint, local unauthenticated mode', () => {
  let { core, store, log, connector, server } = {} as TeamsEndpoint;

  allowOnlyLoopback();
  beforeEach(async () => {
    ({ core, store, log, connector, server } = await startTeamsEndpoint({ retry: noWait }));
  });
  afterEach(() => stopTeamsEndpoint(server));

  it('warns loudly at start-up that it runs without authentication', () => {
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: TEAMS_STRINGS.localModeWarning }));
  });

  it.each([
    ['a public host', 'https://smba.trafficmanager.net/teams/'],
    ['a private-network host', 'http://10.0.0.5:8080/'],
    ['a host that only starts like loopback', 'http://127.0.0.1.evil.test/'],
    ['no serviceUrl at all', undefined],
  ])('refuses to reply to %s: 403, the core is not called, nothing is sent', async (_case, serviceUrl) => {
    const response = await postActivity(server.url, { ...mentionMessage('who patches EC2?'), serviceUrl });

    expect(response.status).toBe(403);
    expect(response.body).toEqual({ error: 'forbidden' });
    expect(core.messages).toEqual([]);
    expect(connector.calls).toEqual([]);
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'Teams request refused', fields: expect.objectContaining({ status: 403 }) }));
  });

  it('answers an @mention in a channel in the same thread, as an Adaptive Card', async () => {
    const activity = mentionMessage('who patches the guest OS on EC2?');
    const response = await postActivity(server.url, activity);

    expect(response.status).toBe(200);
    expect(core.messages).toEqual([
      {
        platform: 'teams',
        text: 'who patches the guest OS on EC2?',
        userId: USER_ID,
        channelId: CHANNEL_CONVERSATION,
        threadId: 'M0001',
        isDirect: false,
        teamId: 'T0001',
      },
    ]);
    expect(connector.calls).toHaveLength(1);
    const [call] = connector.calls;
    expect(call!.method).toBe('POST');
    expect(call!.conversationId).toBe(`${CHANNEL_CONVERSATION};messageid=M0001`);
    expect(call!.activityId).toBe('M0001');
    expect(call!.body.replyToId).toBe('M0001');
    expect(call!.body.conversation.id).toBe(`${CHANNEL_CONVERSATION};messageid=M0001`);
    expect(call!.body.from.id).toBe(BOT_ID);
    expect(call!.body.summary).toBe('Who owns it: You (the customer)');
    const card = call!.body.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const json = JSON.stringify(card.content);
    expect(card.content.version).toBe('1.5');
    expect(json).toContain('Owner: You (the customer)');
    expect(json).toContain('What AWS does');
    expect(json).toContain('Patch the guest operating system');
    expect(json).toContain('Show everything for Amazon EC2');
    expect(card.content.actions[0]).toEqual({
      type: 'Action.OpenUrl',
      title: TEAMS_STRINGS.openSource,
      url: 'https://aws.amazon.com/compliance/shared-responsibility-model/',
    });
  });

  it('answers in a 1:1 chat without a mention', async () => {
    const response = await postActivity(server.url, personalMessage('who encrypts S3 data?'));

    expect(response.status).toBe(200);
    expect(core.messages[0]).toMatchObject({ text: 'who encrypts S3 data?', isDirect: true, channelId: PERSONAL_CONVERSATION });
    expect(core.messages[0]!.threadId).toBeUndefined();
    expect(connector.calls.map((c) => [c.conversationId, c.body.replyToId])).toEqual([[PERSONAL_CONVERSATION, 'M0003']]);
  });

  it('stays quiet in a group chat when it is not mentioned', async () => {
    const response = await postActivity(server.url, unaddressedMessage('lunch at noon?'));

    expect(response.status).toBe(200);
    expect(core.messages).toEqual([]);
    expect(connector.calls).toEqual([]);
  });

  it('replies once to a duplicate delivery of the same activity id', async () => {
    const activity = mentionMessage('who patches RDS?', 'channel', 'M0042');
    const first = await postActivity(server.url, activity);
    const second = await postActivity(server.url, activity);

    expect([first.status, second.status]).toEqual([200, 200]);
    expect(core.messages).toHaveLength(1);
    expect(connector.calls).toHaveLength(1);
  });

  it('posts the welcome and saves the conversation when the bot is added to a team', async () => {
    const response = await postActivity(server.url, membersAdded('channel'));

    expect(response.status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.conversationId).toBe(CHANNEL_CONVERSATION);
    expect(connector.calls[0]!.activityId).toBeUndefined();
    expect(connector.calls[0]!.body.summary).toBe('Hi, I answer questions about the AWS Shared Responsibility Model');
    const saved = await store.getValue(`teams:conversation-ref:${CHANNEL_CONVERSATION}`);
    expect(JSON.parse(saved!)).toMatchObject({
      serviceUrl: SERVICE_URL,
      conversation: { id: CHANNEL_CONVERSATION, conversationType: 'channel' },
      agent: { id: BOT_ID },
    });
  });

  it('welcomes once when Teams sends both conversationUpdate and installationUpdate', async () => {
    await postActivity(server.url, membersAdded('personal'));
    await postActivity(server.url, installationAdded('personal'));

    expect(connector.calls).toHaveLength(1);
  });

  it('says nothing when someone else joins', async () => {
    await postActivity(server.url, membersAdded('channel', '29:U0002', 'CU0002'));

    expect(connector.calls).toEqual([]);
  });

  it('passes an Action.Submit press to the core as an opaque action and replies in the thread', async () => {
    const response = await postActivity(server.url, submitAction(ACTION_IDS.feedbackUp, 'A0001'));

    expect(response.status).toBe(200);
    expect(core.actions).toEqual([
      {
        platform: 'teams',
        userId: USER_ID,
        channelId: CHANNEL_CONVERSATION,
        threadId: 'M0001',
        teamId: 'T0001',
        actionId: ACTION_IDS.feedbackUp,
        value: 'A0001',
      },
    ]);
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.body.replyToId).toBe('S0001');
    expect(JSON.stringify(connector.calls[0]!.body.attachments[0].content)).toContain(`Thanks for ${ACTION_IDS.feedbackUp}`);
  });

  it('answers an Action.Execute invoke with a 200 invoke response', async () => {
    const response = await postActivity(server.url, executeAction(ACTION_IDS.quizAnswer, { value: 'Q0001:aws' }));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: `Thanks for ${ACTION_IDS.quizAnswer}`,
    });
    expect(core.actions[0]).toMatchObject({ actionId: ACTION_IDS.quizAnswer, value: 'Q0001:aws' });
  });

  it('answers an Action.Execute invoke with an unknown verb with a valid invoke response, not 501', async () => {
    const response = await postActivity(server.url, executeAction('no_such_verb', { value: 'x' }, 'channel', 'X0009'));

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(core.actions[0]).toMatchObject({ actionId: 'no_such_verb', value: 'x' });
  });

  it('answers an invoke it does not handle with 200 and calls no core method', async () => {
    const response = await postActivity(server.url, otherInvoke('composeExtension/query'));

    expect(response.status).toBe(200);
    expect(core.actions).toEqual([]);
    expect(core.messages).toEqual([]);
  });

  it('logs a failed turn once and sends a short apology without a stack trace', async () => {
    core.onMessage = () => {
      throw Object.assign(new Error('knowledge index missing'), { code: 'knowledge_missing' });
    };
    const response = await postActivity(server.url, personalMessage('who patches EC2?', 'M0500'));

    expect(response.status).toBe(200);
    const errors = log.lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.fields).toMatchObject({ errorCode: 'knowledge_missing', activityId: 'M0500' });
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.body.text).toBe(TEAMS_STRINGS.apology);
    expect(JSON.stringify(connector.calls[0]!.body)).not.toMatch(/at .*\.ts|knowledge index missing/);
  });

  it('sends a private effect in a channel as a reply that mentions the person', async () => {
    core.onAction = (action) => [
      { type: 'private', userId: action.userId, channelId: action.channelId, threadId: action.threadId, reply: answerReply({ headline: 'Correct!' }) },
    ];
    await postActivity(server.url, submitAction(ACTION_IDS.quizAnswer, 'Q0001:customer'));

    const body = connector.calls[0]!.body;
    expect(body.text).toBe(`<at>${USER_NAME}</at>`);
    expect(body.entities).toEqual([{ type: 'mention', text: `<at>${USER_NAME}</at>`, mentioned: { id: USER_ID, name: USER_NAME } }]);
    expect(body.replyToId).toBe('S0001');
  });

  it('posts a message the core can edit later, remembers its id, then updates it', async () => {
    core.onMessage = (message) => [{ type: 'post', key: 'quiz:Q1', channelId: message.channelId, reply: answerReply({ kind: 'quiz', headline: 'Quiz: who patches EC2?' }) }];
    core.onAction = (action) => [
      { type: 'update', key: 'quiz:Q1', channelId: action.channelId, messageId: core.remembered.get('quiz:Q1')!, reply: answerReply({ kind: 'quiz', headline: 'Quiz closed' }) },
    ];
    await postActivity(server.url, mentionMessage('quiz'));
    await postActivity(server.url, submitAction(ACTION_IDS.quizAnswer, 'Q1:aws'));

    expect(connector.calls.map((c) => [c.method, c.conversationId, c.activityId])).toEqual([
      ['POST', CHANNEL_CONVERSATION, undefined],
      ['PUT', CHANNEL_CONVERSATION, 'SENT0001'],
    ]);
    expect(connector.calls[0]!.body.replyToId).toBeUndefined();
    expect(connector.calls[1]!.body.summary).toBe('Quiz closed');
  });

  it('retries a throttled send (429, then 502) and delivers once', async () => {
    nock.cleanAll();
    connector = captureConnector({ failFirst: [429, 502] });
    await postActivity(server.url, personalMessage('who patches EC2?', 'M0600'));

    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.conversationId).toBe(PERSONAL_CONVERSATION);
    expect(connector.calls[0]!.body.summary).toBe('Who owns it: You (the customer)');
    expect(log.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('rejects a body that is not an activity with 400', async () => {
    const response = await postActivity(server.url, { hello: 'world' });

    expect(response.status).toBe(400);
    expect(connector.calls).toEqual([]);
  });
});

describe('Teams endpoint, malformed activities', () => {
  let { core, connector, server } = {} as TeamsEndpoint;

  allowOnlyLoopback();
  beforeEach(async () => {
    ({ core, connector, server } = await startTeamsEndpoint({ retry: noWait }));
  });
  afterEach(() => stopTeamsEndpoint(server));

  it.each([
    ['JSON null', null],
    ['an array', [mentionMessage('who patches EC2?')]],
    ['no conversation', { ...mentionMessage('who patches EC2?'), conversation: undefined }],
    ['a conversation id that is not a string', { ...mentionMessage('who patches EC2?'), conversation: { id: 42 } }],
    ['a from that is a string', { ...mentionMessage('who patches EC2?'), from: 'mallory' }],
    ['text that is an object', { ...mentionMessage('who patches EC2?'), text: { evil: true } }],
    ['entities that are not a list', { ...mentionMessage('who patches EC2?'), entities: 'x' }],
  ])('%s → 400, nothing handled or sent', async (_case, body) => {
    const response = await postActivity(server.url, body);
    expect(response.status).toBe(400);
    expect(core.messages).toEqual([]);
    expect(connector.calls).toEqual([]);
  });

  it('a truncated body → 400', async () => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message","conv' });
    expect(response.status).toBe(400);
  });
});
