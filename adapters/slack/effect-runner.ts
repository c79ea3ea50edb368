import type { webApi } from '@slack/bolt';
import type { Effect } from '../../src/model/effects.js';
import { plainReply } from '../../src/model/reply-model.js';
import type { SrmCore } from '../../src/core/srm-core.js';
import type { Store } from '../../src/store/store.js';
import { renderBlocks, type SlackMessage } from './render-blocks.js';
import { isNotInChannel } from './slack-errors.js';
import { describe, type LineLogger } from './slack-logger.js';
import { SLACK_STRINGS } from './slack-strings.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { createOutboundQueue, type OutboundQueue } from './outbound-queue.js';
import { renderModal } from './render-modal.js';

/** Slack allows five posts to one response_url. */
export const RESPONSE_URL_MAX_USES = 5;

/** A response_url poster (Bolt's `respond`). */
export type RespondFn = (message: Record<string, unknown>) => Promise<unknown>;

/** Where replies to one incoming message or action go. */
export interface ReplyTarget {
  channelId: string;
  userId: string;
  /** Thread to answer in (mentions: the mention's thread). */
  threadTs?: string;
  isDirect: boolean;
  /** Every reply is private (`/srm -p`). */
  forcePrivate?: boolean;
  /** The press's trigger, for opening a modal form (valid for 3 seconds, once). */
  triggerId?: string;
  /** Public replies go through response_url (slash commands: works where the bot is not a member). */
  publicViaRespond?: boolean;
  respond?: RespondFn;
}

export interface EffectRunnerOptions {
  client: webApi.WebClient;
  /** Paces posts and edits per channel and honours Retry-After (unpaced when absent). */
  queue?: OutboundQueue;
  core: SrmCore;
  store: Store;
  logger: LineLogger;
}

/** Performs the core's effects in order, on Slack. Decides nothing about content. */
export interface EffectRunner {
  /** Performs effects; `target` is absent for timer-driven effects (no conversation to reply to). */
  run(effects: Effect[], target?: ReplyTarget): Promise<void>;
  /** Tells the person something went wrong (or that the bot must be invited, if `error` says so); never throws. */
  apologise(target: ReplyTarget, error?: unknown): Promise<void>;
}

const POST_DEFAULTS = { unfurl_links: false, unfurl_media: false } as const;

/** Builds the effect runner around one Web API client. */
export function createEffectRunner(options: EffectRunnerOptions): EffectRunner {
  const { client, core, store, logger } = options;
  const queue = options.queue ?? createOutboundQueue({ pacing: { postGapMs: 0, updateGapMs: 0, maxRetries: 0 } });
  const post = (args: Parameters<webApi.WebClient['chat']['postMessage']>[0] & { channel: string }) =>
    queue.call(args.channel, 'chat.postMessage', () => client.chat.postMessage(args));
  const ephemeral = (args: Parameters<webApi.WebClient['chat']['postEphemeral']>[0] & { channel: string }) =>
    queue.call(args.channel, 'chat.postEphemeral', () => client.chat.postEphemeral(args));
  const update = (args: Parameters<webApi.WebClient['chat']['update']>[0] & { channel: string }) =>
    queue.call(args.channel, 'chat.update', () => client.chat.update(args));
  const respondUses = new WeakMap<ReplyTarget, number>();

  /** Uses the target's response_url while it has uses left. */
  const tryRespond = async (target: ReplyTarget, body: Record<string, unknown>): Promise<boolean> => {
    const used = respondUses.get(target) ?? 0;
    if (!target.respond || used >= RESPONSE_URL_MAX_USES) return false;
    respondUses.set(target, used + 1);
    await target.respond(body);
    return true;
  };

  const postPublic = async (target: ReplyTarget, message: SlackMessage) => {
    if (target.publicViaRespond && (await tryRespond(target, { response_type: 'in_channel', replace_original: false, ...message }))) return;
    await post({ channel: target.channelId, ...thread(target.threadTs), ...message, ...POST_DEFAULTS });
  };

  const postPrivate = async (target: ReplyTarget, message: SlackMessage) => {
    if (target.isDirect) {
      await post({ channel: target.channelId, ...thread(target.threadTs), ...message, ...POST_DEFAULTS });
      return;
    }
    if (await tryRespond(target, { response_type: 'ephemeral', replace_original: false, ...message })) return;
    await ephemeral({ channel: target.channelId, user: target.userId, ...thread(target.threadTs), ...message });
  };

  const runOne = async (effect: Effect, target: ReplyTarget | undefined) => {
    switch (effect.type) {
      case 'reply': {
        if (!target) {
          logger.warn('slack reply effect without a conversation, skipped');
          return;
        }
        const message = renderBlocks(effect.reply);
        if (effect.visibility === 'private' || target.forcePrivate) await postPrivate(target, message);
        else await postPublic(target, message);
        return;
      }
      case 'post': {
        const threadTs = effect.inThreadOf ? await store.getValue(effect.inThreadOf) : undefined;
        const posted = await post({
          channel: effect.channelId,
          ...thread(threadTs),
          ...renderBlocks(effect.reply),
          ...POST_DEFAULTS,
        });
        if (posted.ts) await core.rememberMessage(effect.key, posted.ts);
        return;
      }
      case 'update':
        await update({ channel: effect.channelId, ts: effect.messageId, ...renderBlocks(effect.reply) });
        return;
      case 'private': {
        const message = renderBlocks(effect.reply);
        const sameConversation = target && target.userId === effect.userId && target.channelId === effect.channelId;
        if (sameConversation) {
          await postPrivate(target, message);
          return;
        }
        await ephemeral({ channel: effect.channelId, user: effect.userId, ...thread(effect.threadId), ...message });
        return;
      }
      case 'personal':
        // Slack has no per-person view of a shared message: the private notice already said it.
        return;
      case 'form': {
        // A modal needs the trigger of the press that asked for it; without one there is nowhere to show it.
        if (!target?.triggerId || target.userId !== effect.userId) {
          logger.warn('slack form effect without a trigger, skipped');
          return;
        }
        const threadTs = target.channelId === effect.channelId ? target.threadTs : effect.threadId;
        await client.views.open({
          trigger_id: target.triggerId,
          view: renderModal(effect.form, { value: effect.form.value, channelId: effect.channelId, ...(threadTs ? { threadTs } : {}) }),
        });
        return;
      }
      case 'file': {
        // Files cannot be ephemeral: it goes where it was asked for, in the thread when there is one.
        const threadTs = target && target.channelId === effect.channelId ? target.threadTs : effect.threadId;
        const where = threadTs ? { channel_id: effect.channelId, thread_ts: threadTs } : { channel_id: effect.channelId };
        await client.files.uploadV2({
          ...where,
          filename: effect.file.name,
          title: effect.file.title,
          content: effect.file.content,
          initial_comment: escapeMrkdwn(effect.reply.headline),
        });
        return;
      }
    }
  };

  return {
    async run(effects, target) {
      for (const effect of effects) await runOne(effect, target);
    },
    async apologise(target, error) {
      try {
        await postPrivate(target, renderBlocks(plainReply('error', isNotInChannel(error) ? SLACK_STRINGS.inviteBot : SLACK_STRINGS.apology)));
      } catch (error) {
        logger.error(`slack apology not delivered: ${describe(error)}`);
      }
    },
  };
}

function thread(threadTs: string | undefined): { thread_ts?: string } {
  return threadTs ? { thread_ts: threadTs } : {};
}
