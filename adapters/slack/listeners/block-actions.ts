import type { App, BlockAction } from '@slack/bolt';
import { actionKeys, DELIVERY_TTL_MS, DOUBLE_CLICK_TTL_MS, firstDelivery } from '../dedupe.js';
import type { ReplyTarget } from '../effect-runner.js';
import { actionToIncoming } from '../to-incoming.js';
import { runSafely, type ListenerDeps } from './listener-deps.js';

/** Every button the renderer makes has an action id starting with this (see ACTION_IDS). */
const OUR_ACTIONS = /^srm_/;

/**
 * Button presses: acknowledged first, de-duplicated (a retried payload or a double click counts
 * once), then handed to the core. Presses on a private (ephemeral) message are answered privately.
 */
export function registerBlockActions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction>({ type: 'block_actions', action_id: OUR_ACTIONS }, async ({ ack, body, action, respond }) => {
    await ack();
    if (action.type !== 'button') return;
    // A button on the Home tab has no channel: the answer goes to the person's DM with the app.
    const fromHome = (body.container as { type?: string } | undefined)?.type === 'view';
    const read = actionToIncoming(body, action);
    const incoming = fromHome && !read.channelId ? { ...read, channelId: read.userId } : read;
    const keys = actionKeys({
      userId: incoming.userId,
      actionTs: action.action_ts,
      actionId: action.action_id,
      messageTs: body.container?.message_ts ?? body.message?.ts,
      value: incoming.value,
    });
    if (!(await firstDelivery(deps.store, keys.delivery, DELIVERY_TTL_MS, deps.logger))) return;
    if (!(await firstDelivery(deps.store, keys.doubleClick, DOUBLE_CLICK_TTL_MS, deps.logger))) return;

    const isEphemeral = body.container?.is_ephemeral === true;
    const isDirect = fromHome || incoming.channelId.startsWith('D');
    const threadTs = isEphemeral || isDirect ? body.message?.thread_ts ?? body.container?.thread_ts : incoming.threadId;
    const target: ReplyTarget = {
      channelId: incoming.channelId,
      userId: incoming.userId,
      ...(threadTs ? { threadTs } : {}),
      isDirect,
      forcePrivate: isEphemeral,
      ...(body.trigger_id ? { triggerId: body.trigger_id } : {}),
      respond: (message) => respond(message),
    };
    await runSafely(deps, 'button', target, async () => {
      await deps.runner.run(await deps.core.handleAction(incoming), target);
    });
  });
}
