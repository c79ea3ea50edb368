import type { Platform } from './incoming.js';

/** What the bot reports about itself for operators (metrics); the core and adapters call it, a server implements it. */
export interface Observer {
  /** A question was handled: its intent, whether it was answered (not declined or clarified), how long it took. */
  question(intent: string, answered: boolean, seconds: number): void;
  /** Something happened in a quiz: a command, an answer press, a reveal press. */
  quizEvent(event: 'command' | 'answer' | 'reveal'): void;
  /** A call to a store method finished. */
  storeCall(operation: string, seconds: number, failed: boolean): void;
  /** A chat platform's API refused or failed a call (`status` 429 for throttling, when known). */
  platformApiError(platform: Platform, status: number | undefined): void;
}

/** An observer that drops everything (tests, the CLI). */
export const silentObserver: Observer = {
  question: () => {},
  quizEvent: () => {},
  storeCall: () => {},
  platformApiError: () => {},
};
