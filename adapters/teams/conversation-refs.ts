import type { ConversationReference } from '@microsoft/agents-activity';
import type { Store } from '../../src/store/store.js';

/** Where to find a Teams conversation later, for messages the bot sends on its own (quiz timers). */
export interface ConversationRefs {
  save(reference: ConversationReference): Promise<void>;
  /** The reference saved for a conversation id (without any `;messageid=` thread suffix). */
  get(conversationId: string): Promise<ConversationReference | undefined>;
}

const KEY_PREFIX = 'teams:conversation-ref:';

/** Keeps conversation references in the shared Store's key/value pair, under their own prefix. */
export function storeConversationRefs(store: Pick<Store, 'setValue' | 'getValue'>): ConversationRefs {
  return {
    async save(reference) {
      await store.setValue(KEY_PREFIX + reference.conversation.id, JSON.stringify(reference));
    },
    async get(conversationId) {
      const saved = await store.getValue(KEY_PREFIX + conversationId);
      return saved === undefined ? undefined : (JSON.parse(saved) as ConversationReference);
    },
  };
}
