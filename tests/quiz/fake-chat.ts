import type { Effect } from '../../src/model/effects.js';
import type { Reply } from '../../src/model/reply-model.js';
import type { Store } from '../../src/store/store.js';

/** A message as the fake chat platform holds it. */
export interface FakeMessage {
  id: string;
  key: string;
  channelId: string;
  inThreadOf?: string;
  reply: Reply;
  edits: number;
}

/** A stand-in adapter: performs effects the way a real one would and remembers the outcome. */
export interface FakeChat {
  deliver(effects: Effect[]): Promise<void>;
  messages: FakeMessage[];
  privates: Extract<Effect, { type: 'private' }>[];
  replies: Extract<Effect, { type: 'reply' }>[];
  /** The message posted under `key`. */
  byKey(key: string): FakeMessage | undefined;
  /** Points the chat at the store of a new process (the platform keeps its messages across restarts). */
  attach(store: Store): void;
}

/** Creates a fake chat that remembers posted message ids in `store`, as adapters must. */
export function createFakeChat(initial: Store, idPrefix = 'm'): FakeChat {
  let store = initial;
  const messages: FakeMessage[] = [];
  const privates: FakeChat['privates'] = [];
  const replies: FakeChat['replies'] = [];
  return {
    messages,
    privates,
    replies,
    byKey: (key) => messages.find((m) => m.key === key),
    attach: (next) => {
      store = next;
    },
    async deliver(effects) {
      for (const effect of effects) {
        if (effect.type === 'post') {
          const id = `${idPrefix}${messages.length + 1}`;
          messages.push({ id, key: effect.key, channelId: effect.channelId, inThreadOf: effect.inThreadOf, reply: effect.reply, edits: 0 });
          await store.setValue(effect.key, id);
        } else if (effect.type === 'update') {
          const message = messages.find((m) => m.id === effect.messageId);
          if (!message) throw new Error(`update of unknown message ${effect.messageId}`);
          message.reply = effect.reply;
          message.edits++;
        } else if (effect.type === 'private') {
          privates.push(effect);
        } else if (effect.type === 'reply') {
          replies.push(effect);
        }
      }
    },
  };
}
