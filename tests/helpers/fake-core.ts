import type { Effect } from '../../src/model/effects.js';
import type { IncomingAction, IncomingMessage, Platform } from '../../src/model/incoming.js';
import type { Reply } from '../../src/model/reply-model.js';
import type { EffectSink, SrmCore } from '../../src/core/srm-core.js';

/**
 * The part of a stand-in core that every adapter's tests share: records the messages and actions it
 * was given, hands them to the replaceable `onMessage` / `onAction`, and keeps the registered sinks.
 * Each platform's fake-core.ts says what it answers, what its welcome is and how it remembers messages.
 */
export abstract class RecordingCore implements SrmCore {
  readonly messages: IncomingMessage[] = [];
  readonly actions: IncomingAction[] = [];
  readonly sinks = new Map<Platform, EffectSink>();
  /** Replace to change what handleMessage does (throw, delay, other effects). */
  abstract onMessage: (message: IncomingMessage) => Effect[] | Promise<Effect[]>;
  /** Replace to change what handleAction does. */
  abstract onAction: (action: IncomingAction) => Effect[] | Promise<Effect[]>;

  async handleMessage(message: IncomingMessage): Promise<Effect[]> {
    this.messages.push(message);
    return this.onMessage(message);
  }
  async handleAction(action: IncomingAction): Promise<Effect[]> {
    this.actions.push(action);
    return this.onAction(action);
  }
  abstract welcome(): Reply;
  /** The home page: the platform's welcome stands in for it. */
  async home(): Promise<Reply> {
    return this.welcome();
  }
  abstract rememberMessage(key: string, messageId: string): Promise<void>;
  registerSink(platform: Platform, sink: EffectSink): void {
    this.sinks.set(platform, sink);
  }
  async start(): Promise<void> {}
  async close(): Promise<void> {}
}
