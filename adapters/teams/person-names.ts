import { mapReplyText } from '../../src/model/map-reply-text.js';
import { personsIn, renderPersons } from '../../src/model/person-token.js';
import type { Reply } from '../../src/model/reply-model.js';
import type { Store } from '../../src/store/store.js';

const KEY = (userId: string) => `teams:user-name:${userId}`;
const SOMEONE = 'a teammate';
const NAME_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Teams display names for the core's person tokens ("who got it right"). Names are learnt from
 * incoming activities (`from.name`) and kept in the shared store, so every replica can use them.
 */
export function personNames(store: Pick<Store, 'setValue' | 'getValue'>) {
  return {
    /** Remembers a person's display name (called for each incoming activity). */
    async remember(userId: string, name: string | undefined): Promise<void> {
      // A display name is refreshed on every message; one not seen for a month is forgotten.
      if (userId && name) await store.setValue(KEY(userId), name.slice(0, 100), NAME_TTL_MS);
    },
    /** The reply with tokens replaced by display names (or "a teammate" for someone never seen). */
    async resolve(reply: Reply): Promise<Reply> {
      const ids = [...new Set(personsIn(reply.text + reply.sections.map((s) => s.body).join('\n') + reply.headline))];
      if (ids.length === 0) return reply;
      const names = new Map<string, string>();
      for (const id of ids) names.set(id, (await store.getValue(KEY(id))) ?? SOMEONE);
      return mapReplyText(reply, (text) => renderPersons(text, (id) => names.get(id) ?? SOMEONE));
    },
  };
}
