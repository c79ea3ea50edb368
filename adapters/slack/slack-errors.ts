/** Codes for errors the Slack adapter raises itself. */
export const SLACK_ERROR_CODES = Object.freeze({
  missingSigningSecret: 'slack_missing_signing_secret',
  missingBotToken: 'slack_missing_bot_token',
  misconfiguredRouter: 'slack_router_after_body_parser',
  configInvalid: 'slack_config_invalid',
});
export type SlackErrorCode = (typeof SLACK_ERROR_CODES)[keyof typeof SLACK_ERROR_CODES];

const MESSAGES: Record<SlackErrorCode, string> = {
  slack_missing_signing_secret:
    'SLACK_SIGNING_SECRET is empty: refusing to start, because unsigned requests could not be told from forged ones.',
  slack_missing_bot_token: 'SLACK_BOT_TOKEN is empty: the app cannot post answers without it.',
  slack_router_after_body_parser:
    'The Slack router must be mounted before any body parser: the raw body is needed to check signatures.',
  slack_config_invalid: 'Invalid Slack settings.',
};

/** An error with a stable code, so callers can tell configuration mistakes apart. */
export class SlackAdapterError extends Error {
  readonly code: SlackErrorCode;
  constructor(code: SlackErrorCode, message: string = MESSAGES[code]) {
    super(message);
    this.name = 'SlackAdapterError';
    this.code = code;
  }
}

/** Web API error codes meaning the bot is not in the channel it tried to post to. */
const NOT_A_MEMBER: ReadonlySet<string> = new Set(['not_in_channel', 'channel_not_found']);

/** True when a Web API call failed because the bot has not been invited to the channel. */
export function isNotInChannel(error: unknown): boolean {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' && NOT_A_MEMBER.has(data.error);
}
