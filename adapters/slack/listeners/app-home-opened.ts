import type { App } from '@slack/bolt';
import { firstDelivery } from '../dedupe.js';
import { renderBlocks } from '../render-blocks.js';
import { describe } from '../slack-logger.js';
import type { ReplyTarget } from '../effect-runner.js';
import { runSafely, type ListenerDeps } from './listener-deps.js';

/** Long enough to mean "once": a person is welcomed again only after a year. */
const WELCOME_ONCE_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Onboarding: the first time a person opens the app's Messages tab, the bot posts its short welcome
 * (what it does, example questions, the tour button) in that DM.
 */
export function registerAppHomeOpened(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab === 'home') {
      // The Home tab is refreshed every time it is opened: the model, the person's tour progress, what to try.
      try {
        const { blocks } = renderBlocks(await deps.core.home('slack', event.user));
        await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: blocks as never } });
      } catch (error) {
        deps.logger.error(`slack home tab failed: ${describe(error)}`);
      }
      return;
    }
    if (event.tab !== 'messages' || !event.channel) return;
    if (!(await firstDelivery(deps.store, `slack:welcomed:${event.user}`, WELCOME_ONCE_MS, deps.logger))) return;
    const target: ReplyTarget = { channelId: event.channel, userId: event.user, isDirect: true };
    await runSafely(deps, 'welcome', target, async () => {
      await deps.runner.run([{ type: 'reply', visibility: 'public', reply: deps.core.welcome() }], target);
    });
  });
}
