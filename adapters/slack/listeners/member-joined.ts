import type { App } from '@slack/bolt';
import { firstDelivery } from '../dedupe.js';
import type { ReplyTarget } from '../effect-runner.js';
import { runSafely, type ListenerDeps } from './listener-deps.js';

/** Long enough to mean "once": a person is welcomed in a channel again only after a year. */
const WELCOME_ONCE_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Onboarding in channels: someone joining a channel listed in ONBOARDING_CHANNELS gets the short
 * welcome privately (an ephemeral message only they see), once per person per channel. Other
 * channels, and the bot's own joins, get nothing.
 */
export function registerMemberJoined(app: App, deps: ListenerDeps, onboardingChannels: ReadonlySet<string>): void {
  app.event('member_joined_channel', async ({ event }) => {
    if (!onboardingChannels.has(event.channel) || event.user === deps.botUserId) return;
    if (!(await firstDelivery(deps.store, `slack:welcomed:${event.channel}:${event.user}`, WELCOME_ONCE_MS, deps.logger))) return;
    const target: ReplyTarget = { channelId: event.channel, userId: event.user, isDirect: false };
    await runSafely(deps, 'welcome on join', target, async () => {
      await deps.runner.run([{ type: 'private', userId: event.user, channelId: event.channel, reply: deps.core.welcome() }], target);
    });
  });
}
