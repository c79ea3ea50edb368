import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';
import { SERVICE_HOST } from './teams-activities.js';

/** One call the bot made to the Bot Connector at the activity's serviceUrl. */
export interface ConnectorCall {
  method: string;
  path: string;
  /** Conversation id from the path (decoded). */
  conversationId: string;
  /** Activity id from the path (reply-to or updated id), if any. */
  activityId?: string;
  body: Record<string, any>;
  /** The activity id the connector answered with (what a later PUT would address). */
  sentId: string;
}

/**
 * Captures Bot Connector calls with nock (the outer HTTP edge). `failFirst` makes the first calls
 * fail with the given statuses, to exercise retries.
 */
export function captureConnector(options: { failFirst?: number[]; host?: string } = {}) {
  const calls: ConnectorCall[] = [];
  const failures = [...(options.failFirst ?? [])];
  let next = 1;
  const pattern = /^\/teams\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/;
  const record = (method: string) =>
    function (this: unknown, uri: string, body: unknown): [number, unknown, Record<string, string>?] {
      const failure = failures.shift();
      if (failure !== undefined) return [failure, { error: { code: 'Throttled' } }, { 'retry-after': '0' }];
      const match = pattern.exec(uri);
      const sentId = `SENT${String(next++).padStart(4, '0')}`;
      calls.push({
        method,
        path: uri,
        conversationId: decodeURIComponent(match?.[1] ?? ''),
        ...(match?.[2] ? { activityId: decodeURIComponent(match[2]) } : {}),
        body: (typeof body === 'string' ? JSON.parse(body) : body) as Record<string, any>,
        sentId,
      });
      return [200, { id: sentId }];
    };
  const scope = nock(options.host ?? SERVICE_HOST)
    .persist()
    .post(pattern)
    .reply(record('POST'))
    .put(pattern)
    .reply(record('PUT'));
  return { calls, scope };
}

/**
 * Call inside a describe block (or at the top of a file): while it runs, nock refuses every real
 * connection except to the loopback test server; afterwards the network is open again.
 */
export function allowOnlyLoopback(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => nock.enableNetConnect());
}

/** The Bot Framework's published token signing keys (JWKS), as the authenticated endpoint fetches them. */
export function mockBotFrameworkKeys(keys: object[]): void {
  nock('https://login.botframework.com').persist().get('/v1/.well-known/keys').reply(200, { keys });
}
