import { describe, expect, it } from 'vitest';
import { withRetry } from '../../adapters/teams/with-retry.js';

function httpError(status: number, retryAfter?: string) {
  return Object.assign(new Error(`status ${status}`), {
    status,
    response: { headers: new Headers(retryAfter ? { 'retry-after': retryAfter } : {}) },
  });
}

describe('withRetry', () => {
  const options = (sleeps: number[]) => ({
    retries: 3,
    baseDelayMs: 100,
    maxDelayMs: 5_000,
    random: () => 1,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
  });

  it.each([429, 412, 502, 504])('retries %i with exponential back-off', async (status) => {
    const sleeps: number[] = [];
    let calls = 0;
    const result = await withRetry(async () => {
      calls += 1;
      if (calls < 3) throw httpError(status);
      return 'sent';
    }, options(sleeps));

    expect(result).toBe('sent');
    expect(sleeps).toEqual([100, 200]);
  });

  it('reports every failed attempt with its status (for the throttling metrics)', async () => {
    const seen: (number | undefined)[] = [];
    let calls = 0;
    await withRetry(async () => {
      calls += 1;
      if (calls < 3) throw httpError(429);
      return 'sent';
    }, { ...options([]), onError: (status) => seen.push(status) });
    expect(seen).toEqual([429, 429]);
  });

  it('honours Retry-After', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    await withRetry(async () => {
      calls += 1;
      if (calls === 1) throw httpError(429, '2');
      return 'sent';
    }, options(sleeps));

    expect(sleeps).toEqual([2_000]);
  });

  it('does not retry a 400, and gives up after the last retry', async () => {
    const sleeps: number[] = [];
    await expect(withRetry(async () => Promise.reject(httpError(400)), options(sleeps))).rejects.toThrow('status 400');
    expect(sleeps).toEqual([]);

    await expect(withRetry(async () => Promise.reject(httpError(429)), options(sleeps))).rejects.toThrow('status 429');
    expect(sleeps).toEqual([100, 200, 400]);
  });
});
