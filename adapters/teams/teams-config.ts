import { z } from 'zod';
import { optionalEnvText } from '../../src/config/env-text.js';
import { AuthType, type AuthConfiguration } from '@microsoft/agents-hosting';
import { TEAMS_ERROR_CODES, TeamsAdapterError } from './teams-errors.js';

/** Azure Bot app types; new multi-tenant bots are deprecated by Microsoft but still accepted. */
export const TEAMS_APP_TYPES = ['SingleTenant', 'MultiTenant', 'UserAssignedMSI'] as const;
export type TeamsAppType = (typeof TEAMS_APP_TYPES)[number];

/** The raw settings, as they appear in the environment (the entry point passes `process.env`). */
export const teamsConfigSchema = z
  .object({
    MicrosoftAppId: optionalEnvText,
    MicrosoftAppPassword: optionalEnvText,
    MicrosoftAppType: optionalEnvText.pipe(z.enum(TEAMS_APP_TYPES).optional()),
    MicrosoftAppTenantId: optionalEnvText,
    TEAMS_ALLOW_UNAUTHENTICATED: optionalEnvText.pipe(z.enum(['true', 'false']).optional()),
    NODE_ENV: optionalEnvText,
  })
  .superRefine((raw, ctx) => {
    if (!raw.MicrosoftAppId) return;
    const type = raw.MicrosoftAppType ?? 'SingleTenant';
    if (type !== 'UserAssignedMSI' && !raw.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: `required for ${type}` });
    }
    if (type !== 'MultiTenant' && !raw.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: `required for ${type}` });
    }
  });
export type TeamsConfigInput = z.input<typeof teamsConfigSchema>;

/** How /api/messages authenticates: a real Azure Bot identity, or none (laptop only). */
export type TeamsAuth =
  | { mode: 'local' }
  | {
      mode: 'authenticated';
      appId: string;
      appType: TeamsAppType;
      password?: string;
      tenantId?: string;
    };

/**
 * Validates the Teams settings once, at the entry point. Without an app id, /api/messages is not
 * served (undefined) unless TEAMS_ALLOW_UNAUTHENTICATED=true asks for the laptop-only local mode,
 * which is refused when NODE_ENV=production. Throws a coded TeamsAdapterError; the message names
 * the settings at fault, never their values.
 */
export function parseTeamsConfig(input: Record<string, string | undefined>): TeamsAuth | undefined {
  const parsed = teamsConfigSchema.safeParse({
    MicrosoftAppId: input.MicrosoftAppId,
    MicrosoftAppPassword: input.MicrosoftAppPassword,
    MicrosoftAppType: input.MicrosoftAppType,
    MicrosoftAppTenantId: input.MicrosoftAppTenantId,
    TEAMS_ALLOW_UNAUTHENTICATED: input.TEAMS_ALLOW_UNAUTHENTICATED,
    NODE_ENV: input.NODE_ENV,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new TeamsAdapterError(
      TEAMS_ERROR_CODES.configInvalid,
      `Invalid Microsoft Teams settings (${problems.join('; ')})`,
    );
  }
  const raw = parsed.data;
  if (!raw.MicrosoftAppId) {
    if (raw.TEAMS_ALLOW_UNAUTHENTICATED !== 'true') return undefined;
    if (raw.NODE_ENV?.toLowerCase() === 'production') {
      throw new TeamsAdapterError(
        TEAMS_ERROR_CODES.localModeInProduction,
        'TEAMS_ALLOW_UNAUTHENTICATED=true with NODE_ENV=production: refusing to serve /api/messages without authentication',
      );
    }
    return { mode: 'local' };
  }
  return {
    mode: 'authenticated',
    appId: raw.MicrosoftAppId,
    appType: raw.MicrosoftAppType ?? 'SingleTenant',
    ...(raw.MicrosoftAppPassword ? { password: raw.MicrosoftAppPassword } : {}),
    ...(raw.MicrosoftAppTenantId ? { tenantId: raw.MicrosoftAppTenantId } : {}),
  };
}

const CONNECTION_NAME = 'srmTeams';

/**
 * Builds the Agents SDK auth configuration from validated settings. The connection is passed
 * explicitly so the SDK does not fall back to its own `Connections__*` environment variables.
 */
export function toAuthConfiguration(auth: TeamsAuth): AuthConfiguration {
  const connection: AuthConfiguration =
    auth.mode === 'local'
      ? {}
      : auth.appType === 'UserAssignedMSI'
        ? { clientId: auth.appId, tenantId: auth.tenantId, authType: AuthType.UserManagedIdentity }
        : {
            clientId: auth.appId,
            clientSecret: auth.password,
            // Multi-tenant bots get their Bot Framework tokens from the botframework.com tenant.
            tenantId: auth.tenantId ?? (auth.appType === 'MultiTenant' ? 'botframework.com' : undefined),
            authType: AuthType.ClientSecret,
          };
  return {
    ...connection,
    connections: new Map([[CONNECTION_NAME, connection]]),
    connectionsMap: [{ serviceUrl: '*', connection: CONNECTION_NAME }],
  };
}
