import type { App } from '@slack/bolt';
import type { ReplyTarget } from '../effect-runner.js';
import { commandKey, DELIVERY_TTL_MS, firstDelivery } from '../dedupe.js';
import { commandToIncoming } from '../to-incoming.js';
import { runSafely, type ListenerDeps } from './listener-deps.js';

/** The slash command the manifest declares. */
export const SLASH_COMMAND = '/srm';

/**
 * `/srm <question>`: acknowledged at once (empty ack), then answered through response_url —
 * public in the channel by default, only to the asker with `-p`.
 */
export function registerSlashCommand(app: App, deps: ListenerDeps, command = SLASH_COMMAND): void {
  app.command(command, async ({ command: payload, ack, respond }) => {
    await ack();
    // A replayed command (same trigger_id, even with a fresh signature) is answered once.
    if (!(await firstDelivery(deps.store, commandKey(payload.trigger_id), DELIVERY_TTL_MS, deps.logger))) return;
    const { message, private: isPrivate } = commandToIncoming(payload);
    const target: ReplyTarget = {
      channelId: message.channelId,
      userId: message.userId,
      isDirect: message.isDirect,
      forcePrivate: isPrivate,
      publicViaRespond: true,
      respond: (body) => respond(body),
    };
    await runSafely(deps, 'slash command', target, async () => {
      await deps.runner.run(await deps.core.handleMessage(message), target);
    });
  });
}
