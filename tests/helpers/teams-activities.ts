/** Teams-shaped activities with fixed ids, shared by the Teams tests. */
/** A loopback Bot Connector: local (unauthenticated) mode replies only to loopback serviceUrls. */
export const SERVICE_HOST = 'http://127.0.0.1:3979';
export const SERVICE_URL = `${SERVICE_HOST}/teams/`;
export const BOT_ID = '28:B0001';
export const BOT_NAME = 'srm';
export const USER_ID = '29:U0001';
export const USER_NAME = 'Ada Lovelace';
/** Two more people in the channel, for quizzes. */
export const ANA = Object.freeze({ id: '29:U0002', name: 'Ana' });
export const BEN = Object.freeze({ id: '29:U0003', name: 'Ben' });
export const TENANT_ID = 'T0001';
export const CHANNEL_CONVERSATION = '19:C0001@thread.tacv2';
export const GROUP_CONVERSATION = '19:G0001@thread.v2';
export const PERSONAL_CONVERSATION = 'a:P0001';

export type ConversationKind = 'channel' | 'groupChat' | 'personal';

export interface TestActivity {
  type: string;
  id: string;
  channelId: 'msteams';
  serviceUrl: string;
  timestamp: string;
  locale: string;
  from: { id: string; name: string; aadObjectId?: string };
  recipient: { id: string; name: string };
  conversation: { id: string; conversationType: ConversationKind; tenantId: string; isGroup?: boolean };
  channelData: Record<string, unknown>;
  text?: string;
  name?: string;
  value?: unknown;
  action?: string;
  entities?: unknown[];
  membersAdded?: { id: string; name?: string }[];
  replyToId?: string;
}

const CONVERSATION_IDS: Record<ConversationKind, string> = {
  channel: CHANNEL_CONVERSATION,
  groupChat: GROUP_CONVERSATION,
  personal: PERSONAL_CONVERSATION,
};

/** Channel messages carry their thread in the conversation id; the root is the message itself. */
function conversationFor(kind: ConversationKind, threadRoot: string) {
  return {
    id: kind === 'channel' ? `${CHANNEL_CONVERSATION};messageid=${threadRoot}` : CONVERSATION_IDS[kind],
    conversationType: kind,
    tenantId: TENANT_ID,
    ...(kind === 'personal' ? {} : { isGroup: true }),
  };
}

function base(type: string, id: string, kind: ConversationKind, threadRoot = id): TestActivity {
  return {
    type,
    id,
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    timestamp: '2025-01-01T12:00:00.000Z',
    locale: 'en-US',
    from: { id: USER_ID, name: USER_NAME, aadObjectId: 'AAD-U0001' },
    recipient: { id: BOT_ID, name: BOT_NAME },
    conversation: conversationFor(kind, threadRoot),
    channelData: {
      tenant: { id: TENANT_ID },
      ...(kind === 'channel' ? { team: { id: '19:TEAM0001@thread.tacv2' }, channel: { id: CHANNEL_CONVERSATION } } : {}),
    },
  };
}

const botMention = { type: 'mention', text: `<at>${BOT_NAME}</at>`, mentioned: { id: BOT_ID, name: BOT_NAME } };

/** `@srm <question>` in a channel or group chat. */
export function mentionMessage(question: string, kind: ConversationKind = 'channel', id = 'M0001'): TestActivity {
  return { ...base('message', id, kind), text: `<at>${BOT_NAME}</at> ${question}`, entities: [botMention] };
}

/** A message in a shared conversation that does not mention the bot. */
export function unaddressedMessage(text: string, kind: ConversationKind = 'groupChat', id = 'M0002'): TestActivity {
  return { ...base('message', id, kind), text };
}

/** A message in the 1:1 chat with the bot. */
export function personalMessage(text: string, id = 'M0003'): TestActivity {
  return { ...base('message', id, 'personal'), text };
}

/** The bot (or, with `memberId`, someone else) added to a conversation. */
export function membersAdded(kind: ConversationKind = 'channel', memberId = BOT_ID, id = 'CU0001'): TestActivity {
  const activity = base('conversationUpdate', id, kind);
  return { ...activity, conversation: { ...activity.conversation, id: CONVERSATION_IDS[kind] }, membersAdded: [{ id: memberId }] };
}

/** The app installed in a conversation (Teams sends this next to conversationUpdate). */
export function installationAdded(kind: ConversationKind = 'personal', id = 'IU0001'): TestActivity {
  const activity = base('installationUpdate', id, kind);
  return { ...activity, conversation: { ...activity.conversation, id: CONVERSATION_IDS[kind] }, action: 'add' };
}

/** Where a card lives and who pressed its button (defaults: Ada, a card R0001 in the thread of M0001). */
export interface SubmitOptions {
  from?: { id: string; name: string };
  /** The root of the channel thread the card is in. */
  threadRoot?: string;
  /** The card's own activity id. */
  replyToId?: string;
}

/** An Action.Submit button press: a message with `value` and no text, replying to the card message. */
export function submitAction(
  actionId: string,
  value: string,
  kind: ConversationKind = 'channel',
  id = 'S0001',
  options: SubmitOptions = {},
): TestActivity {
  const activity = base('message', id, kind, options.threadRoot ?? 'M0001');
  return {
    ...activity,
    ...(options.from ? { from: { ...options.from, aadObjectId: `AAD-${options.from.id}` } } : {}),
    value: { actionId, value },
    replyToId: options.replyToId ?? 'R0001',
  };
}

/** An Action.Execute press: an `adaptiveCard/action` invoke. */
export function executeAction(verb: string, data: Record<string, unknown>, kind: ConversationKind = 'channel', id = 'X0001'): TestActivity {
  return {
    ...base('invoke', id, kind, 'M0001'),
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    replyToId: 'R0001',
  };
}

/** An invoke this bot does not handle. */
export function otherInvoke(name: string, id = 'X0002'): TestActivity {
  return { ...base('invoke', id, 'personal'), name, value: {} };
}
