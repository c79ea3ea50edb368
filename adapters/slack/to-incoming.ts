import type { IncomingAction, IncomingMessage } from '../../src/model/incoming.js';
import { baseActionId } from './render-blocks.js';

/** The fields of a slash command payload the adapter reads. */
export interface SlashCommandPayload {
  text: string;
  user_id: string;
  channel_id: string;
  channel_name?: string;
  team_id?: string;
}

/** The fields of an `app_mention` or `message` event the adapter reads. */
export interface MessageEventPayload {
  text?: string;
  user?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  team?: string;
}

/** The fields of a `block_actions` payload the adapter reads. */
export interface BlockActionsPayload {
  user: { id: string; team_id?: string };
  team?: { id: string } | null;
  channel?: { id: string };
  container?: { channel_id?: string; message_ts?: string; thread_ts?: string; is_ephemeral?: boolean };
  message?: { ts: string; thread_ts?: string };
}

/** One button press out of a `block_actions` payload. */
export interface ButtonActionPayload {
  action_id: string;
  value?: string;
}

/** A translated slash command: the message for the core and whether the answer is private. */
export interface TranslatedCommand {
  message: IncomingMessage;
  /** `/srm -p …` (or `--private`): answer only the asker. Default: public in the channel. */
  private: boolean;
}

const PRIVATE_FLAG = /^(?:-p|--private)(?:\s+|$)/i;
const LEADING_MENTION = /^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>[\s,:]*/;

/**
 * `/srm <question>` → a public question; `/srm -p <question>` → a private one; `/srm` alone →
 * "help", so the core's help reply is shown.
 */
export function commandToIncoming(command: SlashCommandPayload): TranslatedCommand {
  let text = command.text.trim();
  const isPrivate = PRIVATE_FLAG.test(text);
  if (isPrivate) text = text.replace(PRIVATE_FLAG, '').trim();
  return {
    private: isPrivate,
    message: {
      platform: 'slack',
      text: text.length > 0 ? text : 'help',
      userId: command.user_id,
      channelId: command.channel_id,
      isDirect: command.channel_id.startsWith('D') || command.channel_name === 'directmessage',
      ...(command.team_id ? { teamId: command.team_id } : {}),
    },
  };
}

/**
 * `@srm <question>` in a channel. The bot answers in the thread of the mention, so the thread id
 * is the mention's thread, or the mention itself when it starts one.
 */
export function mentionToIncoming(event: MessageEventPayload, teamId?: string, botUserId?: string): IncomingMessage {
  return {
    platform: 'slack',
    text: stripBotMention(event.text ?? '', botUserId),
    userId: event.user ?? '',
    channelId: event.channel,
    threadId: event.thread_ts ?? event.ts,
    isDirect: false,
    ...teamField(event.team ?? teamId),
  };
}

/** A message in a DM with the app; stays top level unless the person wrote in a thread. */
export function directMessageToIncoming(event: MessageEventPayload, teamId?: string, botUserId?: string): IncomingMessage {
  return {
    platform: 'slack',
    text: stripBotMention(event.text ?? '', botUserId),
    userId: event.user ?? '',
    channelId: event.channel,
    ...(event.thread_ts ? { threadId: event.thread_ts } : {}),
    isDirect: true,
    ...teamField(event.team ?? teamId),
  };
}

/** A button press; the value stays opaque, the core validates it. */
export function actionToIncoming(body: BlockActionsPayload, action: ButtonActionPayload): IncomingAction {
  const threadId = body.message?.thread_ts ?? body.container?.thread_ts ?? body.message?.ts ?? body.container?.message_ts;
  return {
    platform: 'slack',
    userId: body.user.id,
    channelId: body.channel?.id ?? body.container?.channel_id ?? '',
    ...(threadId ? { threadId } : {}),
    ...teamField(body.team?.id ?? body.user.team_id),
    actionId: baseActionId(action.action_id),
    value: action.value ?? '',
  };
}

/**
 * Removes the mention that addresses the bot: every `<@BOT>` when the bot's user id is known,
 * otherwise the first leading mention (an `app_mention` starts with it in the usual case).
 */
export function stripBotMention(text: string, botUserId?: string): string {
  if (botUserId) {
    const own = new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>[\\s,:]*`, 'g');
    return text.replace(own, '').trim();
  }
  return text.replace(LEADING_MENTION, '').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function teamField(teamId: string | undefined): { teamId?: string } {
  return teamId ? { teamId } : {};
}
