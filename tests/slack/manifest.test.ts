import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH } from '../../adapters/slack/slack-app.js';

const manifest = parse(readFileSync(join(import.meta.dirname, '../../adapters/slack/manifest.yaml'), 'utf8'));

describe('manifest.yaml', () => {
  it('asks only for the bot scopes the adapter uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'channels:history', 'channels:read', 'chat:write', 'commands', 'files:write', 'groups:history', 'groups:read', 'im:history']);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('points the slash command, events and interactivity at the one request URL', () => {
    const urls = [
      manifest.features.slash_commands[0].url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.features.slash_commands[0].command).toBe('/srm');
  });

  it('subscribes to mentions and DMs, enables the Messages tab, and defaults to HTTP mode', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im', 'app_home_opened', 'member_joined_channel', 'message.channels', 'message.groups']);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });
});
