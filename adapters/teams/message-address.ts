/** Where a posted Teams message lives: the conversation (maybe a thread) and the activity id. */
export interface MessageAddress {
  conversationId: string;
  activityId: string;
}

/** Encodes an address as the opaque "message id" the core remembers for later edits. */
export function encodeMessageAddress(address: MessageAddress): string {
  return JSON.stringify([address.conversationId, address.activityId]);
}

/** Decodes a remembered id; a bare activity id (not written by us) is placed in `conversationId`. */
export function decodeMessageAddress(messageId: string, conversationId: string): MessageAddress {
  try {
    const parsed: unknown = JSON.parse(messageId);
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { conversationId: parsed[0], activityId: parsed[1] };
    }
  } catch {
    // Not JSON: an id written by something other than this adapter; use it as a bare activity id.
  }
  return { conversationId, activityId: messageId };
}
