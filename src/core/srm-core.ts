import type { Effect } from '../model/effects.js';
import type { IncomingAction, IncomingMessage, Platform } from '../model/incoming.js';
import type { Reply } from '../model/reply-model.js';

/** Delivers effects that the core produces on its own (quiz timers), not in answer to a message. */
export type EffectSink = (effects: Effect[]) => Promise<void>;

/** The platform-neutral bot. Adapters translate to and from it; it knows nothing of Slack or Teams. */
export interface SrmCore {
  /** Understands a message and returns what to do about it. Never throws for bad input. */
  handleMessage(message: IncomingMessage): Promise<Effect[]>;
  /** Handles a button press / card submit. Unknown or tampered values get a polite notice. */
  handleAction(action: IncomingAction): Promise<Effect[]>;
  /** The short welcome posted when the bot joins a conversation or a person first says hello. */
  welcome(): Reply;
  /** A person's home page (Slack App Home): the model at a glance, their tour progress, what to try. */
  home(platform: Platform, userId: string): Promise<Reply>;
  /** Records the platform id of a message posted for a `post` effect. */
  rememberMessage(key: string, messageId: string): Promise<void>;
  /** Registers where timer-driven effects for one platform go. */
  registerSink(platform: Platform, sink: EffectSink): void;
  /** Resumes quizzes that were running before a restart; call once the sinks are registered. */
  start(): Promise<void>;
  /** Stops timers and closes the store. */
  close(): Promise<void>;
}
