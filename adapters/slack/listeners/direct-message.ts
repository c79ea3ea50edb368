import type { App } from '@slack/bolt';
import { DELIVERY_TTL_MS, eventKey, firstDelivery } from '../dedupe.js';
import type { ReplyTarget } from '../effect-runner.js';
import { directMessageToIncoming, type MessageEventPayload } from '../to-incoming.js';
import { runSafely, type ListenerDeps } from './listener-deps.js';

/**
 * A message in a DM with the app (the App Home messages tab): answered in the DM, in the thread
 * when the person wrote in one. Edits, joins and bot messages (subtypes, bot_id) are ignored.
 */
export function registerDirectMessage(app: App, deps: ListenerDeps): void {
  app.event('message', async ({ event, body, context }) => {
    if (event.channel_type !== 'im') return;
    if ('subtype' in event && event.subtype !== undefined) return;
    if ('bot_id' in event && event.bot_id) return;
    if (!(await firstDelivery(deps.store, eventKey(body.event_id), DELIVERY_TTL_MS, deps.logger))) return;
    const payload = event as MessageEventPayload;
    const message = directMessageToIncoming(payload, body.team_id, context.botUserId ?? deps.botUserId);
    const target: ReplyTarget = {
      channelId: payload.channel,
      userId: message.userId,
      ...(payload.thread_ts ? { threadTs: payload.thread_ts } : {}),
      isDirect: true,
    };
    await runSafely(deps, 'direct message', target, async () => {
      await deps.runner.run(await deps.core.handleMessage(message), target);
    });
  });
}
