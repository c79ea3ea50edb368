import type { App } from '@slack/bolt';
import { DELIVERY_TTL_MS, eventKey, firstDelivery } from '../dedupe.js';
import type { ReplyTarget } from '../effect-runner.js';
import { mentionToIncoming, type MessageEventPayload } from '../to-incoming.js';
import { runSafely, type ListenerDeps } from './listener-deps.js';

/**
 * A reply in a channel thread without a mention (`message.channels` / `message.groups`). The core
 * answers it only in a thread it answered in before and only when it reads as a question; top-level
 * chatter, other bots, edits, joins and messages that mention the bot (the mention listener's) are
 * dropped here, before any work.
 */
export function registerThreadReply(app: App, deps: ListenerDeps): void {
  app.event('message', async ({ event, body, context }) => {
    if (event.channel_type !== 'channel' && event.channel_type !== 'group') return;
    if ('subtype' in event && event.subtype !== undefined) return;
    if ('bot_id' in event && event.bot_id) return;
    const payload = event as MessageEventPayload;
    if (!payload.thread_ts || payload.thread_ts === payload.ts || !payload.text) return;
    const botUserId = context.botUserId ?? deps.botUserId;
    if (botUserId && payload.text.includes(`<@${botUserId}>`)) return;
    if (!(await firstDelivery(deps.store, eventKey(body.event_id), DELIVERY_TTL_MS, deps.logger))) return;
    const message = { ...mentionToIncoming(payload, body.team_id, botUserId), unaddressed: true };
    const target: ReplyTarget = { channelId: payload.channel, userId: message.userId, threadTs: payload.thread_ts, isDirect: false };
    await runSafely(deps, 'thread reply', target, async () => {
      const effects = await deps.core.handleMessage(message);
      if (effects.length > 0) await deps.runner.run(effects, target);
    });
  });
}
