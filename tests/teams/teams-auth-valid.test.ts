import { createSign, generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TeamsAuth } from '../../adapters/teams/teams-config.js';
import { SERVICE_URL, mentionMessage } from '../helpers/teams-activities.js';
import { allowOnlyLoopback, mockBotFrameworkKeys } from '../helpers/teams-connector.js';
import { postActivity, startTeamsEndpoint, stopTeamsEndpoint, type TeamsEndpoint } from '../helpers/teams-server.js';

const APP_ID = '00000000-0000-4000-8000-000000000002';
const TENANT = '00000000-0000-4000-8000-0000000000bb';
const auth: TeamsAuth = { mode: 'authenticated', appId: APP_ID, appType: 'SingleTenant', password: 'not-a-real-secret', tenantId: TENANT };
const KID = 'test-signing-key';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

function token(claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid: KID })}.${part({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: SERVICE_URL, nbf: now - 10, exp: now + 600, ...claims })}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
}

describe('Teams endpoint with a valid Bot Framework token', () => {
  let { core, connector, server, log } = {} as TeamsEndpoint;
  let outboundAuth: string[];

  allowOnlyLoopback();
  beforeEach(async () => {
    outboundAuth = [];
    mockBotFrameworkKeys([{ ...publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig', alg: 'RS256' }]);
    // Entra (MSAL) metadata and the client-credentials token for calling the Bot Connector.
    const entra = nock('https://login.microsoftonline.com').persist();
    entra.get(/\/discovery\/instance/).reply(200, {
      tenant_discovery_endpoint: `https://login.microsoftonline.com/${TENANT}/v2.0/.well-known/openid-configuration`,
      metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com'] }],
    });
    entra.get(/\/v2\.0\/\.well-known\/openid-configuration/).reply(200, {
      token_endpoint: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
      authorization_endpoint: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`,
      end_session_endpoint: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/logout`,
      issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      jwks_uri: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
    });
    entra.post(/\/oauth2\/v2\.0\/token/).reply(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'OUTBOUND-TOKEN' });
    ({ core, connector, server, log } = await startTeamsEndpoint({ auth }));
    connector.scope.on('request', (req: { headers: Record<string, string> }) => outboundAuth.push(req.headers.authorization ?? ''));
  });
  afterEach(() => stopTeamsEndpoint(server));

  it('accepts the request, answers, and calls the Bot Connector with its own token', async () => {
    const response = await postActivity(server.url, mentionMessage('who patches EC2?'), { authorization: `Bearer ${token({})}` });

    expect(response.status).toBe(200);
    expect(core.messages).toHaveLength(1);
    expect(connector.calls).toHaveLength(1);
    expect(outboundAuth).toEqual(['Bearer OUTBOUND-TOKEN']);
  });

  it.each([
    ['another app id as audience', { aud: '00000000-0000-4000-8000-00000000dead' }],
    ['an expired token', { nbf: 1_000, exp: 2_000 }],
  ])('rejects a properly signed token with %s', async (_case, claims) => {
    const response = await postActivity(server.url, mentionMessage('who patches EC2?'), { authorization: `Bearer ${token(claims)}` });

    expect(response.status).toBe(401);
    expect(core.messages).toEqual([]);
    expect(connector.calls).toEqual([]);
  });

  it.each([
    ['names another host', { serviceurl: 'https://evil.test.local/' }],
    ['is missing', { serviceurl: undefined }],
  ])('refuses an activity whose serviceUrl the token does not vouch for (claim %s): 401, logged, nothing sent', async (_case, claims) => {
    const response = await postActivity(server.url, mentionMessage('who patches EC2?'), { authorization: `Bearer ${token(claims)}` });

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: 'unauthorized' });
    expect(core.messages).toEqual([]);
    expect(connector.calls).toEqual([]);
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'Teams request refused', fields: expect.objectContaining({ status: 401 }) }));
    expect(JSON.stringify(log.lines)).not.toContain(token(claims).split('.')[1]);
  });
});
