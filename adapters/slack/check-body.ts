import { z } from 'zod';

/** The least a Slack request must hold for Bolt and our listeners to handle it; anything else is a 400. */
const text = z.string().min(1);
const interaction = z.object({ type: text, user: z.object({ id: text }) });
const slashCommand = z.object({ command: text, user_id: text, channel_id: text, trigger_id: text });
const event = z.discriminatedUnion('type', [
  z.object({ type: z.literal('url_verification'), challenge: text }),
  z.object({ type: z.literal('event_callback'), event_id: text, event: z.object({ type: text }) }),
  z.object({ type: z.literal('app_rate_limited') }),
]);

/**
 * Checks the shape of a signed Slack body, as form fields (slash commands, interactions) or JSON
 * (Events API). Returns why it is refused, or undefined when it can be handed on.
 */
export function checkSlackBody(raw: string, contentType: string | undefined): string | undefined {
  if ((contentType ?? '').includes('application/x-www-form-urlencoded')) {
    const fields = Object.fromEntries(new URLSearchParams(raw));
    if (typeof fields.payload === 'string') {
      const payload = parseJson(fields.payload);
      return interaction.safeParse(payload).success ? undefined : 'malformed interaction payload';
    }
    return slashCommand.safeParse(fields).success ? undefined : 'malformed slash command';
  }
  const body = parseJson(raw);
  return event.safeParse(body).success ? undefined : 'malformed event body';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
