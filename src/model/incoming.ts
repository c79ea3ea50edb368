/** Where a message came from; adapters fill this in, the core never looks at platform payloads. */
export type Platform = 'slack' | 'teams' | 'console';

/** A chat message translated into platform-neutral form by an adapter. */
export interface IncomingMessage {
  platform: Platform;
  /** Raw text as typed (mention markup may still be in it; the core strips it). */
  text: string;
  userId: string;
  /** Conversation id: Slack channel id, Teams conversation id, "console". */
  channelId: string;
  /** Thread the message belongs to, when it is in one (Slack thread_ts, Teams reply chain id). */
  threadId?: string;
  /** True in a 1:1 chat with the bot. */
  isDirect: boolean;
  /** Workspace / tenant id, when the platform has one. */
  teamId?: string;
  /**
   * Not addressed to the bot: a reply in a channel thread without a mention. The core answers it only
   * in a thread the bot is part of, and only when it reads as a question it can answer.
   */
  unaddressed?: boolean;
}

/** A button press or card submit, translated by an adapter. */
export interface IncomingAction {
  platform: Platform;
  userId: string;
  channelId: string;
  threadId?: string;
  teamId?: string;
  /** Which kind of action (one of ACTION_IDS). */
  actionId: string;
  /** The opaque value the button carried; the core validates it and never trusts it. */
  value: string;
  /** A submitted form's answers (`choice`, `text`); untrusted like `value`. */
  fields?: Record<string, string>;
}
