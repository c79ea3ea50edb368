import nock from 'nock';
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
