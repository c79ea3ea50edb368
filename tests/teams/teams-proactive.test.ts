import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_CONVERSATION, membersAdded } from '../helpers/teams-activities.js';
import { allowOnlyLoopback } from '../helpers/teams-connector.js';
import { postActivity, startTeamsEndpoint, stopTeamsEndpoint, type TeamsEndpoint } from '../helpers/teams-server.js';
import { answerReply } from './fake-core.js';

describe('Teams timer effects (registered sink)', () => {
  let { core, store, log, connector, server } = {} as TeamsEndpoint;

  allowOnlyLoopback();
  beforeEach(async () => {
    ({ core, store, log, connector, server } = await startTeamsEndpoint());
  });
  afterEach(() => stopTeamsEndpoint(server));

  it('registers a sink for the teams platform', () => {
    expect(core.sinks.has('teams')).toBe(true);
  });

  it('posts into a conversation saved at install, then into the thread of that post', async () => {
    await postActivity(server.url, membersAdded('channel'));
    connector.calls.length = 0;
    const sink = core.sinks.get('teams')!;

    await sink([{ type: 'post', key: 'quiz:Q1', channelId: CHANNEL_CONVERSATION, reply: answerReply({ headline: 'Quiz time' }) }]);
    await store.setValue('quiz:Q1', core.remembered.get('quiz:Q1')!);
    await sink([
      { type: 'post', key: 'quiz:Q1:reveal', channelId: CHANNEL_CONVERSATION, inThreadOf: 'quiz:Q1', reply: answerReply({ headline: 'The answer is AWS' }) },
    ]);

    expect(connector.calls.map((c) => [c.method, c.conversationId, c.body.summary])).toEqual([
      ['POST', CHANNEL_CONVERSATION, 'Quiz time'],
      ['POST', `${CHANNEL_CONVERSATION};messageid=SENT0002`, 'The answer is AWS'],
    ]);
    expect(JSON.parse(core.remembered.get('quiz:Q1')!)).toEqual([CHANNEL_CONVERSATION, 'SENT0002']);
  });

  it('drops an effect for a conversation it never saw, with a coded warning and nothing sent', async () => {
    await core.sinks.get('teams')!([{ type: 'post', key: 'k', channelId: '19:UNKNOWN@thread.tacv2', reply: answerReply() }]);

    expect(connector.calls).toEqual([]);
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ errorCode: 'teams_no_conversation_reference' }) }),
    );
  });
});
