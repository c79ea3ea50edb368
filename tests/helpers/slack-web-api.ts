import nock from 'nock';
import { RESPONSE_URL_ORIGIN, SLACK_API_ORIGIN, SLACK_IDS } from './slack-payloads.js';

/** One Web API call as Slack would receive it, with `blocks` parsed back into objects. */
export interface CapturedCall {
  [field: string]: unknown;
  text?: string;
  channel?: string;
  thread_ts?: string;
  blocks?: unknown[];
  /** For response_url posts: the path posted to (each press has its own). */
  path?: string;
  /** For capturePostsWithTs: the ts Slack answered with (the message's id). */
  postedTs?: string;
}

/** Records every call to a Web API method (or response_url path) and answers ok. */
export function captureSlackApi(method: string, reply: Record<string, unknown> = {}): CapturedCall[] {
  return recordSlackApi(method, { ok: true, channel: SLACK_IDS.channel, ts: '1700000099.000100', ...reply });
}

/**
 * Records every chat.postMessage and answers with a fresh ts per message, as Slack does
 * (`{prefix}.000101`, `{prefix}.000102`, …), echoing the channel it was posted to.
 */
export function capturePostsWithTs(prefix = '1700000500'): CapturedCall[] {
  const calls: CapturedCall[] = [];
  nock(SLACK_API_ORIGIN)
    .persist()
    .post('/api/chat.postMessage')
    .reply((_uri, body) => {
      const ts = `${prefix}.${String(101 + calls.length).padStart(6, '0')}`;
      const call = { ...normalise(body), postedTs: ts };
      calls.push(call);
      return [200, { ok: true, channel: call.channel, ts }];
    });
  return calls;
}

/** Makes every call to a Web API method fail as Slack does: HTTP 200 with `ok: false` and an error code. */
export function failSlackApi(method: string, error: string): CapturedCall[] {
  return recordSlackApi(method, { ok: false, error });
}

/** Records every call to a Web API method and answers each with HTTP 200 and the same `response`. */
function recordSlackApi(method: string, response: Record<string, unknown>): CapturedCall[] {
  const calls: CapturedCall[] = [];
  nock(SLACK_API_ORIGIN)
    .persist()
    .post(`/api/${method}`, (body) => {
      calls.push(normalise(body));
      return true;
    })
    .reply(200, response);
  return calls;
}

/** Records every POST to a response_url under RESPONSE_URL_ORIGIN, with the path it went to. */
export function captureResponseUrl(): CapturedCall[] {
  const calls: CapturedCall[] = [];
  nock(RESPONSE_URL_ORIGIN)
    .persist()
    .post(/.*/)
    .reply((uri, body) => {
      calls.push({ ...normalise(body), path: uri });
      return [200, { ok: true }];
    });
  return calls;
}

/** Any request nock had no interceptor for (must stay empty in the rejection tests). */
export function watchUnmatched(): string[] {
  const unmatched: string[] = [];
  nock.emitter.on('no match', (req: { method?: string; path?: string; host?: string; hostname?: string }) => {
    const host = req.hostname ?? req.host ?? '';
    if (!host.startsWith('127.0.0.1')) unmatched.push(`${req.method ?? ''} ${host}${req.path ?? ''}`);
  });
  return unmatched;
}

function normalise(body: unknown): CapturedCall {
  const record: Record<string, unknown> =
    typeof body !== 'string'
      ? { ...(body as Record<string, unknown>) }
      : body.trimStart().startsWith('{')
        ? (JSON.parse(body) as Record<string, unknown>)
        : Object.fromEntries(new URLSearchParams(body));
  if (typeof record.blocks === 'string') record.blocks = JSON.parse(record.blocks);
  return record as CapturedCall;
}
