import { describe, expect, it } from 'vitest';
import { parseTeamsConfig, toAuthConfiguration } from '../../adapters/teams/teams-config.js';
import { TeamsAdapterError } from '../../adapters/teams/teams-errors.js';

const APP_ID = '00000000-0000-4000-8000-000000000001';
const TENANT = '00000000-0000-4000-8000-0000000000aa';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof TeamsAdapterError ? error.code : `unexpected ${String(error)}`;
  }
  return undefined;
}

describe('parseTeamsConfig', () => {
  it.each([
    ['nothing set', {}],
    ['blank app id', { MicrosoftAppId: '  ' }],
    ['development', { NODE_ENV: 'development' }],
    ['production', { NODE_ENV: 'production' }],
    ['local mode not asked for explicitly', { TEAMS_ALLOW_UNAUTHENTICATED: 'false' }],
  ])('does not serve Teams without credentials: %s', (_case, env) => {
    expect(parseTeamsConfig(env)).toBeUndefined();
  });

  it('runs in local mode only when TEAMS_ALLOW_UNAUTHENTICATED=true', () => {
    expect(parseTeamsConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' })).toEqual({ mode: 'local' });
  });

  it('refuses the explicit local mode in production', () => {
    expect(codeOf(() => parseTeamsConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', NODE_ENV: 'production' }))).toBe(
      'teams_local_mode_in_production',
    );
  });

  it('rejects a TEAMS_ALLOW_UNAUTHENTICATED that is not true or false', () => {
    expect(codeOf(() => parseTeamsConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'yes' }))).toBe('teams_config_invalid');
  });

  it.each([
    ['SingleTenant without a tenant', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'p' }],
    ['SingleTenant without a password', { MicrosoftAppId: APP_ID, MicrosoftAppTenantId: TENANT }],
    ['an unknown app type', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'p', MicrosoftAppType: 'Anonymous' }],
    ['UserAssignedMSI without a tenant', { MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI' }],
  ])('rejects %s with a coded error', (_case, env) => {
    expect(codeOf(() => parseTeamsConfig(env))).toBe('teams_config_invalid');
  });

  it('never puts the password in the error message', () => {
    try {
      parseTeamsConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'hunter2', MicrosoftAppType: 'Nope' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it.each([
    [
      'SingleTenant',
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'p', MicrosoftAppTenantId: TENANT, NODE_ENV: 'production' },
      { clientId: APP_ID, clientSecret: 'p', tenantId: TENANT, authType: 'ClientSecret' },
    ],
    [
      'MultiTenant',
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'p', MicrosoftAppType: 'MultiTenant' },
      { clientId: APP_ID, clientSecret: 'p', tenantId: 'botframework.com', authType: 'ClientSecret' },
    ],
    [
      'UserAssignedMSI',
      { MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT },
      { clientId: APP_ID, tenantId: TENANT, authType: 'UserManagedIdentity' },
    ],
  ])('maps %s onto one explicit SDK connection', (_case, env, connection) => {
    const auth = parseTeamsConfig(env);
    expect(auth?.mode).toBe('authenticated');
    const config = toAuthConfiguration(auth!);
    expect(config).toMatchObject(connection);
    expect([...config.connections!.values()]).toEqual([expect.objectContaining(connection)]);
    expect(config.connectionsMap).toEqual([{ serviceUrl: '*', connection: 'srmTeams' }]);
  });
});
