import { generateKeyPairSync, createSign, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeamsHandler } from '../../adapters/teams/teams-bot.js';
import type { TeamsAuth } from '../../adapters/teams/teams-config.js';
import { mentionMessage } from '../helpers/teams-activities.js';
import { allowOnlyLoopback, mockBotFrameworkKeys } from '../helpers/teams-connector.js';
import { postActivity, startTeamsEndpoint, stopTeamsEndpoint, type TeamsEndpoint } from '../helpers/teams-server.js';
import { MemoryStore, captureLogger } from './fake-core.js';

const APP_ID = '00000000-0000-4000-8000-000000000001';
const auth: TeamsAuth = {
  mode: 'authenticated',
  appId: APP_ID,
  appType: 'SingleTenant',
  password: 'not-a-real-secret',
  tenantId: '00000000-0000-4000-8000-0000000000aa',
};

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** A well-formed RS256 JWT for our app id, signed by a key the Bot Framework never published. */
function forgedToken(now = Math.floor(Date.now() / 1000)): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'forged-key' }));
  const payload = base64url(
    JSON.stringify({
      iss: 'https://api.botframework.com',
      aud: APP_ID,
      serviceurl: 'https://smba.test.local/teams/',
      nbf: now - 10,
      exp: now + 600,
      jti: randomUUID(),
    }),
  );
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey);
  return `${header}.${payload}.${base64url(signature)}`;
}

describe('Teams endpoint with Microsoft credentials configured', () => {
  let { core, connector, server } = {} as TeamsEndpoint;

  allowOnlyLoopback();
  beforeEach(async () => {
    // The Bot Framework's published signing keys: none of them signed the forged token.
    mockBotFrameworkKeys([]);
    ({ core, connector, server } = await startTeamsEndpoint({ auth }));
  });
  afterEach(() => stopTeamsEndpoint(server));

  it.each([
    ['no Authorization header', {}],
    ['a token that is not a JWT', { authorization: 'Bearer not-a-jwt' }],
    ['a non-bearer scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['a JWT signed by an unknown key', { authorization: `Bearer ${forgedToken()}` }],
  ])('rejects a request with %s: 401, the core is not called, nothing is sent', async (_case, headers) => {
    const response = await postActivity(server.url, mentionMessage('who patches EC2?'), headers);

    expect(response.status).toBe(401);
    // A fixed body: the SDK's own error text (key fetch failures, parser messages) stays in the log.
    expect(response.body).toEqual({ error: 'unauthorized' });
    expect(core.messages).toEqual([]);
    expect(connector.calls).toEqual([]);
  });

  it('reports its mode', () => {
    const handler = createTeamsHandler({ core, store: new MemoryStore(), auth, logger: captureLogger().logger });
    expect(handler.mode).toBe('authenticated');
  });
});
