import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { MessageAddress } from './message-address.js';
import { withRetry, type RetryOptions } from './with-retry.js';
import { createPacedQueue, type PacedQueue } from '../shared/paced-queue.js';

/** An outgoing message body (card, text, mention entities); addressing is added here. */
export interface OutgoingMessage {
  type?: 'message';
  text?: string;
  summary?: string;
  attachments?: readonly unknown[];
  entities?: readonly unknown[];
}

/**
 * Sends through the Bot Connector within one turn context (incoming or proactive), retrying
 * throttled calls. Addresses are explicit so a message can go to a thread other than the turn's.
 */
export interface TeamsOutbox {
  /** The reference of the conversation this context talks to. */
  readonly reference: ConversationReference;
  /** Sends to `conversationId` (a conversation or `…;messageid=` thread); replies to `replyToId` if set. */
  send(conversationId: string, message: OutgoingMessage, replyToId?: string): Promise<MessageAddress>;
  /** Replaces a message sent earlier. */
  update(address: MessageAddress, message: OutgoingMessage): Promise<void>;
}

/** Sends and edits in one Teams conversation, paced (Teams allows about 60 a conversation per 30 s). */
export type ConversationQueue = PacedQueue<'send' | 'update'>;

/** Least time between two sends (or two edits) in one conversation: 2 a second, 60 per 30 s. */
export const TEAMS_CONVERSATION_GAP_MS = 500;

/** The per-conversation queue a Teams handler shares across its turns. */
export function createConversationQueue(gapMs = TEAMS_CONVERSATION_GAP_MS): ConversationQueue {
  return createPacedQueue<'send' | 'update'>({ gapMs: () => gapMs });
}

/**
 * Builds an outbox on a TurnContext created by the SDK adapter. Throttled calls (429, 412, 502, 504)
 * are retried with back-off and jitter; with a queue, calls in one conversation are also paced.
 */
export function createOutbox(context: TurnContext, retry: RetryOptions, queue?: ConversationQueue): TeamsOutbox {
  const paced = <T>(conversationId: string, method: 'send' | 'update', work: () => Promise<T>) =>
    queue ? queue.call(conversationId.split(';messageid=')[0]!, method, work) : work();
  const reference = context.activity.getConversationReference();

  const addressed = (conversationId: string, message: OutgoingMessage, replyToId?: string): Activity => {
    const activity = Activity.fromObject({ type: 'message', ...message });
    activity.applyConversationReference({
      ...reference,
      conversation: { ...reference.conversation, id: conversationId },
      activityId: replyToId,
    });
    if (!replyToId) delete activity.replyToId;
    return activity;
  };

  return {
    reference,
    async send(conversationId, message, replyToId) {
      const activity = addressed(conversationId, message, replyToId);
      const [response] = await paced(conversationId, 'send', () => withRetry(() => context.adapter.sendActivities(context, [activity]), retry));
      return { conversationId, activityId: response?.id ?? '' };
    },
    async update(address, message) {
      const activity = addressed(address.conversationId, message);
      activity.id = address.activityId;
      await paced(address.conversationId, 'update', () => withRetry(() => context.adapter.updateActivity(context, activity), retry));
    },
  };
}
