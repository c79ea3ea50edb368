import { describe, expect, it } from 'vitest';
import { parseSlackConfig } from '../../adapters/slack/slack-config.js';

describe('parseSlackConfig', () => {
  it('is off when no Slack variable is set (blank counts as unset)', () => {
    expect(parseSlackConfig({})).toBeUndefined();
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: ' ', SLACK_SIGNING_SECRET: '' })).toBeUndefined();
  });

  it('reads HTTP mode', () => {
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: 'http://127.0.0.1:9999/api/' })).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 'secret',
      apiUrl: 'http://127.0.0.1:9999/api/',
      onboardingChannels: [],
    });
  });

  it('reads the onboarding channels and refuses anything but channel ids', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };
    expect(parseSlackConfig({ ...base, ONBOARDING_CHANNELS: 'C0123ABCD, G0456EFGH' })?.onboardingChannels).toEqual(['C0123ABCD', 'G0456EFGH']);
    expect(() => parseSlackConfig({ ...base, ONBOARDING_CHANNELS: '#new-hires' })).toThrow(/ONBOARDING_CHANNELS must be Slack channel ids/);
  });

  it('reads Socket Mode without a signing secret', () => {
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toEqual({
      botToken: 'xoxb-1',
      signingSecret: '',
      appToken: 'xapp-1',
      onboardingChannels: [],
    });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_SIGNING_SECRET: 'secret' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 'secret' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }, 'SLACK_APP_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'not a url' }, 'SLACK_API_URL'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'ftp://slack.test/api' }, 'SLACK_API_URL'],
  ])('rejects %j, naming %s and not the values', (env, variable) => {
    let thrown: unknown;
    try {
      parseSlackConfig(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'slack_config_invalid' });
    const message = (thrown as Error).message;
    expect(message).toContain(variable);
    expect(message.split('\n')).toHaveLength(1);
    for (const value of Object.values(env)) if (value.length > 3) expect(message).not.toContain(value);
  });
});
