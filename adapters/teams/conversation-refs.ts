import type { ConversationReference } from '@microsoft/agents-activity';
import type { Store } from '../../src/store/store.js';

/** Where to find a Teams conversation later, for messages the bot sends on its own (quiz timers). */
export interface ConversationRefs {
  save(reference: ConversationReference): Promise<void>;
  /** The reference saved for a conversation id (without any `;messageid=` thread suffix). */
  get(conversationId: string): Promise<ConversationReference | undefined>;
}

const KEY_PREFIX = 'teams:conversation-ref:';

/**
 * Keeps conversation references in the shared Store. The Store has no dedicated method yet, so
 * references ride on its string key/value pair (rememberMessage / messageId) under their own prefix.
 * TODO(#5): move to a Store.saveConversationRef method when the Store grows one.
 */
export function storeConversationRefs(store: Pick<Store, 'rememberMessage' | 'messageId'>): ConversationRefs {
  return {
    async save(reference) {
      await store.rememberMessage(KEY_PREFIX + reference.conversation.id, JSON.stringify(reference));
    },
    async get(conversationId) {
      const saved = await store.messageId(KEY_PREFIX + conversationId);
      return saved === undefined ? undefined : (JSON.parse(saved) as ConversationReference);
    },
  };
}
