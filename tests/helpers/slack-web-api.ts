import nock from 'nock';
import { RESPONSE_URL_ORIGIN, SLACK_API_ORIGIN, SLACK_IDS } from './slack-payloads.js';

/** One Web API call as Slack would receive it, with `blocks` parsed back into objects. */
export interface CapturedCall {
  [field: string]: unknown;
  text?: string;
  channel?: string;
  thread_ts?: string;
  blocks?: unknown[];
}

/** Records every call to a Web API method (or response_url path) and answers ok. */
export function captureSlackApi(method: string, reply: Record<string, unknown> = {}): CapturedCall[] {
  const calls: CapturedCall[] = [];
  nock(SLACK_API_ORIGIN)
    .persist()
    .post(`/api/${method}`, (body) => {
      calls.push(normalise(body));
      return true;
    })
    .reply(200, { ok: true, channel: SLACK_IDS.channel, ts: '1700000099.000100', ...reply });
  return calls;
}

/** Records every POST to a response_url under RESPONSE_URL_ORIGIN. */
export function captureResponseUrl(): CapturedCall[] {
  const calls: CapturedCall[] = [];
  nock(RESPONSE_URL_ORIGIN)
    .persist()
    .post(/.*/, (body) => {
      calls.push(normalise(body));
      return true;
    })
    .reply(200, { ok: true });
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
    typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : { ...(body as Record<string, unknown>) };
  if (typeof record.blocks === 'string') record.blocks = JSON.parse(record.blocks);
  return record as CapturedCall;
}
