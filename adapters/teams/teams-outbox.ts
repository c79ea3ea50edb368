import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { MessageAddress } from './message-address.js';
import { withRetry, type RetryOptions } from './with-retry.js';

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

/** Builds an outbox on a TurnContext created by the SDK adapter. */
export function createOutbox(context: TurnContext, retry: RetryOptions): TeamsOutbox {
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
      const [response] = await withRetry(() => context.adapter.sendActivities(context, [activity]), retry);
      return { conversationId, activityId: response?.id ?? '' };
    },
    async update(address, message) {
      const activity = addressed(address.conversationId, message);
      activity.id = address.activityId;
      await withRetry(() => context.adapter.updateActivity(context, activity), retry);
    },
  };
}
