import type { App } from '@slack/bolt';
import { DELIVERY_TTL_MS, eventKey, firstDelivery } from '../dedupe.js';
import type { ReplyTarget } from '../effect-runner.js';
import { mentionToIncoming } from '../to-incoming.js';
import { runSafely, type ListenerDeps } from './listener-deps.js';

/**
 * `@srm <question>` in a channel: answered in the thread of the mention. A mention inside a
 * thread the bot already answered continues that thread. Events are acknowledged by Bolt before
 * this runs; a retried delivery (same event_id) is dropped here.
 */
export function registerAppMention(app: App, deps: ListenerDeps): void {
  app.event('app_mention', async ({ event, body, context }) => {
    // DMs are answered by the message listener; skip so a DM is never answered twice.
    if (event.channel.startsWith('D')) return;
    if (!(await firstDelivery(deps.store, eventKey(body.event_id), DELIVERY_TTL_MS, deps.logger))) return;
    const message = mentionToIncoming(event, body.team_id, context.botUserId ?? deps.botUserId);
    const target: ReplyTarget = {
      channelId: event.channel,
      userId: message.userId,
      threadTs: event.thread_ts ?? event.ts,
      isDirect: false,
    };
    await runSafely(deps, 'mention', target, async () => {
      await deps.runner.run(await deps.core.handleMessage(message), target);
    });
  });
}
