import { describe, expect, it } from 'vitest';
import {
  actionToIncoming,
  commandToIncoming,
  directMessageToIncoming,
  mentionToIncoming,
  stripBotMention,
} from '../../adapters/slack/to-incoming.js';

const command = (text: string, channel = 'C0001') => ({ text, user_id: 'U0001', channel_id: channel, team_id: 'T0001' });

describe('commandToIncoming', () => {
  it.each([
    ['who patches RDS?', 'who patches RDS?', false],
    ['-p who patches RDS?', 'who patches RDS?', true],
    ['--private who patches RDS?', 'who patches RDS?', true],
    ['  -P   who patches RDS?', 'who patches RDS?', true],
    ['', 'help', false],
    ['-p', 'help', true],
    ['help', 'help', false],
    ['-pwho', '-pwho', false],
  ])('/srm %j → text %j, private %s', (text, expected, isPrivate) => {
    const translated = commandToIncoming(command(text));
    expect(translated.message.text).toBe(expected);
    expect(translated.private).toBe(isPrivate);
  });

  it('marks a command typed in a DM as direct', () => {
    expect(commandToIncoming(command('q', 'D0001')).message.isDirect).toBe(true);
    expect(commandToIncoming(command('q')).message).toEqual({
      platform: 'slack',
      text: 'q',
      userId: 'U0001',
      channelId: 'C0001',
      isDirect: false,
      teamId: 'T0001',
    });
  });
});

describe('mentions and DMs', () => {
  it('threads a top-level mention on itself and strips the bot mention', () => {
    expect(mentionToIncoming({ text: '<@UBOT0001> who patches RDS?', user: 'U0001', channel: 'C0001', ts: '1.1' }, 'T0001', 'UBOT0001')).toEqual({
      platform: 'slack',
      text: 'who patches RDS?',
      userId: 'U0001',
      channelId: 'C0001',
      threadId: '1.1',
      isDirect: false,
      teamId: 'T0001',
    });
  });

  it('keeps a mention inside a thread in that thread', () => {
    expect(mentionToIncoming({ text: '<@UBOT0001> and S3?', user: 'U0001', channel: 'C0001', ts: '2.2', thread_ts: '1.1' }).threadId).toBe('1.1');
  });

  it('leaves a DM at the top level unless written in a thread', () => {
    expect(directMessageToIncoming({ text: 'hi', user: 'U0001', channel: 'D0001', ts: '1.1' }).threadId).toBeUndefined();
    expect(directMessageToIncoming({ text: 'hi', user: 'U0001', channel: 'D0001', ts: '2.2', thread_ts: '1.1' })).toMatchObject({
      threadId: '1.1',
      isDirect: true,
    });
  });

  it.each([
    ['<@UBOT0001> who patches RDS?', 'UBOT0001', 'who patches RDS?'],
    ['<@UBOT0001>, who patches RDS?', 'UBOT0001', 'who patches RDS?'],
    ['<@UBOT0001|srm> who patches RDS?', 'UBOT0001', 'who patches RDS?'],
    ['hey <@UBOT0001> who patches RDS?', 'UBOT0001', 'hey who patches RDS?'],
    ['<@U0002> <@UBOT0001> ask <@U0002>', 'UBOT0001', '<@U0002> ask <@U0002>'],
    ['<@UBOT0001> who patches RDS?', undefined, 'who patches RDS?'],
    ['who patches RDS?', undefined, 'who patches RDS?'],
  ])('stripBotMention(%j, %s) → %j', (text, bot, expected) => {
    expect(stripBotMention(text, bot)).toBe(expected);
  });
});

describe('actionToIncoming', () => {
  it('drops the renderer index from the action id and keeps the value opaque', () => {
    const body = {
      user: { id: 'U0001', team_id: 'T0001' },
      team: { id: 'T0001' },
      channel: { id: 'C0001' },
      container: { channel_id: 'C0001', message_ts: '5.5' },
      message: { ts: '5.5', thread_ts: '1.1' },
    };
    expect(actionToIncoming(body, { action_id: 'srm_quiz_answer:2', value: '{"not":"trusted"}' })).toEqual({
      platform: 'slack',
      userId: 'U0001',
      channelId: 'C0001',
      threadId: '1.1',
      teamId: 'T0001',
      actionId: 'srm_quiz_answer',
      value: '{"not":"trusted"}',
    });
  });
});
