/** Teams mention markup: `<at>Name</at>`, paired with a `mention` entity on the activity. */
const AT_TAG = /<(\/?)at(?=[\s>])/gi;

/**
 * Breaks `<at>` markup in text we send, so words a user typed can never turn into a mention
 * (Teams only mentions with a matching entity, but we do not rely on that alone).
 */
export function neutraliseMentions(text: string): string {
  return text.replace(AT_TAG, '‹$1at');
}

/** A `mention` entity as Teams sends it. */
export interface MentionEntity {
  type: 'mention';
  text?: string;
  mentioned?: { id?: string; name?: string };
}

function isMention(entity: unknown): entity is MentionEntity {
  return typeof entity === 'object' && entity !== null && (entity as { type?: unknown }).type === 'mention';
}

/** Mention entities addressed to `botId`. */
export function botMentions(entities: unknown, botId: string | undefined): MentionEntity[] {
  if (!Array.isArray(entities) || !botId) return [];
  return entities.filter(isMention).filter((entity) => entity.mentioned?.id === botId);
}

/**
 * Removes the bot's own mention markup from a message and turns other people's mention markup
 * into plain `@Name`, so the core sees the words of the question.
 */
export function stripBotMention(text: string, mentions: readonly MentionEntity[]): string {
  let result = text;
  for (const mention of mentions) {
    if (mention.text) result = result.split(mention.text).join(' ');
  }
  // Some clients send the bot mention without a matching entity text; drop a leading <at>…</at> too.
  if (mentions.length > 0) result = result.replace(/^\s*<at>[^<]*<\/at>/i, ' ');
  result = result.replace(/<at>([^<]*)<\/at>/gi, '@$1');
  return result.replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
}
