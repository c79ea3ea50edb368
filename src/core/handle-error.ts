import { MESSAGES } from '../answers/messages.js';
import { withText } from '../answers/render-text.js';
import type { Effect } from '../model/effects.js';
import type { Logger } from '../model/logger.js';
import type { Reply } from '../model/reply-model.js';
import { STORE_ERROR_CODES } from '../store/store-errors.js';

/** Friendly words for errors, by code; anything else gets the generic apology. */
const APOLOGIES: Record<string, string> = { STORE_UNAVAILABLE: MESSAGES.apology.storeDown };

/** The one place an error becomes a log line (code and message, never secrets or user text) and a short apology. */
export function handleError(error: unknown, logger: Logger, where: string): Effect[] {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'UNEXPECTED';
  logger.error({ err: { code, message: (error as Error)?.message, name: (error as Error)?.name }, where }, 'request failed');
  // A store outage is told only to the person who pressed or asked, never as a public apology per press.
  const visibility = code === STORE_ERROR_CODES.unavailable ? 'private' : 'public';
  return [{ type: 'reply', visibility, reply: apology(APOLOGIES[code] ?? MESSAGES.apology.generic) }];
}

/** A short notice reply. */
export function notice(headline: string): Reply {
  return withText({ kind: 'notice', headline, sections: [], sources: [], suggestions: [], actions: [] });
}

function apology(text: string): Reply {
  return withText({ kind: 'error', headline: text, sections: [], sources: [], suggestions: [], actions: [] });
}
