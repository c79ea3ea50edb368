/** Error codes the Teams adapter raises; each message is written once, here. */
export const TEAMS_ERROR_CODES = {
  configInvalid: 'teams_config_invalid',
  localModeInProduction: 'teams_local_mode_in_production',
  appIdInvalid: 'teams_app_id_invalid',
  manifestInvalid: 'teams_manifest_invalid',
  noConversationReference: 'teams_no_conversation_reference',
} as const;
export type TeamsErrorCode = (typeof TEAMS_ERROR_CODES)[keyof typeof TEAMS_ERROR_CODES];

/** An adapter error with a stable code, safe to log (never carries secrets). */
export class TeamsAdapterError extends Error {
  readonly code: TeamsErrorCode;

  constructor(code: TeamsErrorCode, message: string) {
    super(message);
    this.name = 'TeamsAdapterError';
    this.code = code;
  }
}
