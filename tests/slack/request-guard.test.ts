import { describe, expect, it } from 'vitest';
import { checkSlackSignature, MAX_CLOCK_SKEW_SECONDS } from '../../adapters/slack/request-guard.js';
import { SIGNING_SECRET, signedHeaders } from '../helpers/slack-payloads.js';

const NOW_S = 1_700_000_000;
const body = '{"type":"event_callback"}';

function check(headers: Record<string, string>, nowS = NOW_S, raw = body) {
  return checkSlackSignature(
    SIGNING_SECRET,
    raw,
    { signature: headers['x-slack-signature'], timestamp: headers['x-slack-request-timestamp'] },
    nowS * 1000,
  );
}

describe('checkSlackSignature (injected clock)', () => {
  it.each([
    ['exactly now', 0, undefined],
    ['5 minutes old', -MAX_CLOCK_SKEW_SECONDS, undefined],
    ['5 minutes ahead', MAX_CLOCK_SKEW_SECONDS, undefined],
    ['5 minutes and 1 second old', -MAX_CLOCK_SKEW_SECONDS - 1, 'stale_or_future_timestamp'],
    ['5 minutes and 1 second ahead', MAX_CLOCK_SKEW_SECONDS + 1, 'stale_or_future_timestamp'],
    ['10 minutes old', -600, 'stale_or_future_timestamp'],
    ['10 minutes ahead', 600, 'stale_or_future_timestamp'],
  ])('a request signed %s → %s', (_name, offset, expected) => {
    expect(check(signedHeaders(body, { timestamp: NOW_S + offset }))).toBe(expected);
  });

  it.each([
    ['no signature', { 'x-slack-request-timestamp': String(NOW_S) }, 'missing_headers'],
    ['no timestamp', { 'x-slack-signature': 'v0=abc' }, 'missing_headers'],
    ['a non-numeric timestamp', { 'x-slack-request-timestamp': '17e8', 'x-slack-signature': 'v0=abc' }, 'bad_timestamp'],
    ['a short signature', { 'x-slack-request-timestamp': String(NOW_S), 'x-slack-signature': 'v0=abc' }, 'bad_signature'],
    ['another version', { ...signedHeaders(body, { timestamp: NOW_S }), 'x-slack-signature': signedHeaders(body, { timestamp: NOW_S })['x-slack-signature']!.replace('v0=', 'v1=') }, 'bad_signature'],
  ])('%s → %s', (_name, headers, expected) => {
    expect(check(headers as Record<string, string>)).toBe(expected);
  });

  it('rejects a body re-serialised after signing', () => {
    const headers = signedHeaders(body, { timestamp: NOW_S });
    expect(check(headers, NOW_S, JSON.stringify(JSON.parse(body), null, 1))).toBe('bad_signature');
  });
});
