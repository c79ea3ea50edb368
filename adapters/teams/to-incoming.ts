import type { IncomingAction, IncomingMessage } from '../../src/model/incoming.js';
import { botMentions, stripBotMention } from './mentions.js';
import { FORM_INPUT_IDS } from './render-card.js';

/** The fields of a Bot Framework activity this adapter reads (an SDK Activity satisfies it). */
export interface TeamsActivityLike {
  type?: string;
  id?: string;
  name?: string;
  text?: string;
  value?: unknown;
  action?: string;
  from?: { id?: string; name?: string };
  recipient?: { id?: string; name?: string };
  conversation?: { id: string; conversationType?: string; isGroup?: boolean; tenantId?: string };
  entities?: unknown[];
  channelData?: unknown;
  membersAdded?: { id?: string }[];
}

/** What an incoming activity means to the bot, before the core sees it. */
export type TeamsInbound =
  | { kind: 'message'; message: IncomingMessage }
  | { kind: 'action'; action: IncomingAction; via: 'submit' | 'execute' }
  | { kind: 'welcome' }
  /** The person accepted or declined a file consent card; `fileKey` names the file offered. */
  | { kind: 'file-consent'; accepted: boolean; fileKey: string; upload?: FileUploadInfo }
  | { kind: 'ignore'; reason: string };

export const ADAPTIVE_CARD_ACTION_INVOKE = 'adaptiveCard/action';
export const FILE_CONSENT_INVOKE = 'fileConsent/invoke';

/** Where Teams lets the bot put an accepted file (the person's OneDrive), and where it then lives. */
export interface FileUploadInfo {
  name: string;
  uploadUrl: string;
  contentUrl: string;
  uniqueId: string;
  fileType: string;
}

function readUploadInfo(raw: unknown): FileUploadInfo | undefined {
  const info = (raw ?? {}) as Record<string, unknown>;
  const fields = ['name', 'uploadUrl', 'contentUrl', 'uniqueId', 'fileType'] as const;
  if (!fields.every((f) => typeof info[f] === 'string')) return undefined;
  // Only ever PUT to an https URL: the file goes to the person's OneDrive, never anywhere local.
  try {
    if (new URL(info.uploadUrl as string).protocol !== 'https:') return undefined;
  } catch {
    return undefined;
  }
  return Object.fromEntries(fields.map((f) => [f, info[f] as string])) as unknown as FileUploadInfo;
}

function fromFileConsent(activity: TeamsActivityLike): TeamsInbound {
  const value = (activity.value ?? {}) as { action?: unknown; context?: { fileKey?: unknown }; uploadInfo?: unknown };
  const fileKey = value.context?.fileKey;
  if (typeof fileKey !== 'string' || !/^[a-z0-9-]{8,64}$/.test(fileKey)) return { kind: 'ignore', reason: 'file consent without a file' };
  if (value.action !== 'accept') return { kind: 'file-consent', accepted: false, fileKey };
  const upload = readUploadInfo(value.uploadInfo);
  return upload ? { kind: 'file-consent', accepted: true, fileKey, upload } : { kind: 'ignore', reason: 'file consent without an https upload URL' };
}
const THREAD_MARKER = ';messageid=';

/** Splits a Teams conversation id into the conversation and, in channels, the reply chain id. */
export function splitConversationId(conversationId: string): { channelId: string; threadId?: string } {
  const at = conversationId.indexOf(THREAD_MARKER);
  if (at < 0) return { channelId: conversationId };
  const threadId = conversationId.slice(at + THREAD_MARKER.length);
  return { channelId: conversationId.slice(0, at), ...(threadId ? { threadId } : {}) };
}

/** True in a 1:1 chat with the bot, where no mention is needed. */
export function isPersonal(activity: TeamsActivityLike): boolean {
  const type = activity.conversation?.conversationType;
  return type ? type === 'personal' : activity.conversation?.isGroup !== true;
}

function tenantOf(activity: TeamsActivityLike): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return activity.conversation?.tenantId ?? (typeof fromChannelData === 'string' ? fromChannelData : undefined);
}

function where(activity: TeamsActivityLike) {
  const { channelId, threadId } = splitConversationId(activity.conversation?.id ?? '');
  const teamId = tenantOf(activity);
  return {
    platform: 'teams' as const,
    userId: activity.from?.id ?? '',
    channelId,
    ...(threadId ? { threadId } : {}),
    ...(teamId ? { teamId } : {}),
  };
}

/** Keeps a button's value opaque: strings pass as they are, anything else is passed as JSON. */
function asOpaque(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return JSON.stringify(value);
}

/** A form card's inputs, sent back next to `actionId` and `value` (strings only, each at most 2,000 characters). */
function formFields(record: Record<string, unknown>): Record<string, string> | undefined {
  const fields = Object.fromEntries(
    Object.values(FORM_INPUT_IDS)
      .filter((id) => typeof record[id] === 'string')
      .map((id) => [id, (record[id] as string).slice(0, 2_000)]),
  );
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/** `verb` (Action.Execute) wins over `data.actionId` (Action.Submit). */
function fromCardData(data: unknown, verb?: unknown): { actionId: string; value: string; fields?: Record<string, string> } {
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const actionId = typeof verb === 'string' && verb ? verb : record.actionId;
  const fields = formFields(record);
  return {
    actionId: typeof actionId === 'string' ? actionId : '',
    value: asOpaque(record.value ?? (typeof data === 'string' ? data : undefined)),
    ...(fields ? { fields } : {}),
  };
}

function fromMessage(activity: TeamsActivityLike): TeamsInbound {
  if (activity.value !== undefined && activity.value !== null && !activity.text?.trim()) {
    return { kind: 'action', via: 'submit', action: { ...where(activity), ...fromCardData(activity.value) } };
  }
  const mentions = botMentions(activity.entities, activity.recipient?.id);
  const direct = isPersonal(activity);
  if (!direct && mentions.length === 0) return { kind: 'ignore', reason: 'not addressed to the bot' };
  const text = stripBotMention(activity.text ?? '', mentions);
  if (!text) return { kind: 'ignore', reason: 'empty message' };
  return { kind: 'message', message: { ...where(activity), text, isDirect: direct } };
}

function fromInvoke(activity: TeamsActivityLike): TeamsInbound {
  if (activity.name === FILE_CONSENT_INVOKE) return fromFileConsent(activity);
  if (activity.name !== ADAPTIVE_CARD_ACTION_INVOKE) return { kind: 'ignore', reason: 'unsupported invoke' };
  const action = (activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
  return { kind: 'action', via: 'execute', action: { ...where(activity), ...fromCardData(action?.data, action?.verb) } };
}

function botWasAdded(activity: TeamsActivityLike): boolean {
  if (activity.type === 'installationUpdate') return activity.action === 'add';
  const botId = activity.recipient?.id;
  return Boolean(botId) && (activity.membersAdded ?? []).some((member) => member.id === botId);
}

/** Translates a Teams activity into a neutral message, a button press, a welcome, or nothing. */
export function toInbound(activity: TeamsActivityLike): TeamsInbound {
  if (!activity.conversation?.id) return { kind: 'ignore', reason: 'no conversation' };
  switch (activity.type) {
    case 'message':
      return fromMessage(activity);
    case 'invoke':
      return fromInvoke(activity);
    case 'conversationUpdate':
    case 'installationUpdate':
      return botWasAdded(activity) ? { kind: 'welcome' } : { kind: 'ignore', reason: 'membership change' };
    default:
      return { kind: 'ignore', reason: `activity type ${activity.type ?? 'missing'}` };
  }
}
