import { describe, expect, it } from 'vitest';
import { splitConversationId, toInbound } from '../../adapters/teams/to-incoming.js';
import { CHANNEL_CONVERSATION, executeAction, installationAdded, membersAdded, mentionMessage } from '../helpers/teams-activities.js';
import { otherInvoke, personalMessage, submitAction, unaddressedMessage } from '../helpers/teams-activities.js';

describe('toInbound', () => {
  it.each([
    ['a channel @mention', mentionMessage('who patches EC2?'), 'who patches EC2?'],
    ['a group chat @mention', mentionMessage('  who encrypts S3?  ', 'groupChat'), 'who encrypts S3?'],
    ['a 1:1 message', personalMessage('quiz'), 'quiz'],
    ['a 1:1 message that mentions the bot anyway', { ...mentionMessage('help', 'personal') }, 'help'],
    ['a mention of someone else kept as plain text', { ...mentionMessage('does <at>Bob</at> patch RDS?') }, 'does @Bob patch RDS?'],
  ])('reads %s as a message', (_case, activity, text) => {
    const inbound = toInbound(activity);
    expect(inbound.kind).toBe('message');
    expect(inbound.kind === 'message' && inbound.message.text).toBe(text);
  });

  it.each([
    ['an unaddressed group chat message', unaddressedMessage('lunch?'), 'not addressed to the bot'],
    ['an unaddressed channel message', unaddressedMessage('lunch?', 'channel'), 'not addressed to the bot'],
    ['a bare mention', mentionMessage(''), 'empty message'],
    ['someone else joining', membersAdded('channel', '29:U0002'), 'membership change'],
    ['an invoke we do not handle', otherInvoke('task/fetch'), 'unsupported invoke'],
    ['a typing indicator', { ...personalMessage(''), type: 'typing' }, 'activity type typing'],
  ])('ignores %s', (_case, activity, reason) => {
    expect(toInbound(activity)).toEqual({ kind: 'ignore', reason });
  });

  it.each([
    ['the bot added to a team', membersAdded('channel')],
    ['the app installed in a chat', installationAdded('personal')],
  ])('welcomes on %s', (_case, activity) => {
    expect(toInbound(activity)).toEqual({ kind: 'welcome' });
  });

  it('reads Action.Submit data as an opaque action', () => {
    expect(toInbound(submitAction('srm_feedback_up', 'A0001'))).toMatchObject({
      kind: 'action',
      via: 'submit',
      action: { actionId: 'srm_feedback_up', value: 'A0001', channelId: CHANNEL_CONVERSATION, threadId: 'M0001' },
    });
  });

  it('passes a tampered, non-string submit value on as JSON for the core to refuse', () => {
    const activity = { ...submitAction('srm_quiz_answer', ''), value: { actionId: 'srm_quiz_answer', value: { score: 100 } } };
    expect(toInbound(activity)).toMatchObject({ kind: 'action', action: { actionId: 'srm_quiz_answer', value: '{"score":100}' } });
  });

  it('reads Action.Execute: the verb is the action id', () => {
    expect(toInbound(executeAction('srm_quiz_answer', { value: 'Q1:aws', actionId: 'ignored' }))).toMatchObject({
      kind: 'action',
      via: 'execute',
      action: { actionId: 'srm_quiz_answer', value: 'Q1:aws' },
    });
  });

  it('splits a channel thread id off the conversation id', () => {
    expect(splitConversationId(`${CHANNEL_CONVERSATION};messageid=1700000000000`)).toEqual({
      channelId: CHANNEL_CONVERSATION,
      threadId: '1700000000000',
    });
    expect(splitConversationId('a:P0001')).toEqual({ channelId: 'a:P0001' });
  });
});
