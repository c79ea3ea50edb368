import type { Reply, ReplyFile, ReplyForm } from './reply-model.js';

/**
 * What the core asks an adapter to do after a message or an action. Adapters perform effects in
 * order and never decide anything themselves.
 */
export type Effect =
  /** Answer in the same conversation (in the thread of the message, when there is one). */
  | { type: 'reply'; reply: Reply; visibility: 'public' | 'private' }
  /**
   * Post a new message the core may edit later. `key` names it; after posting, the adapter calls
   * `core.rememberMessage(key, platformMessageId)`. `inThreadOf` is the key of an earlier message
   * whose thread this goes in (absent: top level of the channel).
   */
  | { type: 'post'; key: string; channelId: string; inThreadOf?: string; reply: Reply }
  /** Replace a message posted earlier (by key); `messageId` is what the adapter remembered. */
  | { type: 'update'; key: string; channelId: string; messageId: string; reply: Reply }
  /** Tell one person something only they see (Slack ephemeral; Teams/console: a direct reply). */
  | { type: 'private'; userId: string; channelId: string; threadId?: string; reply: Reply }
  /**
   * Send a file to one person where they asked for it (Slack: uploaded in the conversation, or the
   * thread; Teams: a file card in the personal chat, after they accept it). `reply` says what it is.
   */
  | { type: 'file'; userId: string; channelId: string; threadId?: string; file: ReplyFile; reply: Reply }
  /**
   * Show a short form to one person (Slack: a modal, which needs the trigger of the press that asked
   * for it; Teams: a card with inputs; console: numbered choices). Where no form can open, nothing is shown.
   */
  | { type: 'form'; userId: string; channelId: string; threadId?: string; form: ReplyForm }
  /**
   * How one person sees a message they just acted on (a quiz question with their own answer in it).
   * Platforms with per-person card views (Teams Universal Actions) show it to that person only, in
   * place of the message; others may ignore it (a private notice says the same).
   */
  | { type: 'personal'; userId: string; channelId: string; reply: Reply };
