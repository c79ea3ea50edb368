import { describe, expect, it } from 'vitest';
import { createOutboundQueue, SLACK_PACING } from '../../adapters/slack/outbound-queue.js';

/** A clock that only moves when the queue sleeps. */
function fakeClock() {
  let time = 0;
  return { now: () => time, sleep: async (ms: number) => void (time += ms) };
}

const rateLimited = (retryAfter: number) => Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter });

describe('the Slack outbound queue', () => {
  it('spaces posts and edits per channel by Slack\u2019s limits, without holding up other channels', async () => {
    const clock = fakeClock();
    const queue = createOutboundQueue({ ...clock });
    const sent: [string, string, number][] = [];
    const call = (channel: string, method: 'chat.postMessage' | 'chat.update') =>
      queue.call(channel, method, async () => void sent.push([channel, method, clock.now()]));
    await Promise.all([call('C1', 'chat.postMessage'), call('C1', 'chat.postMessage'), call('C1', 'chat.postMessage'), call('C2', 'chat.postMessage')]);
    await Promise.all([call('C1', 'chat.update'), call('C1', 'chat.update')]);
    const at = (channel: string, method: string) => sent.filter(([c, m]) => c === channel && m === method).map(([, , t]) => t);
    const posts = at('C1', 'chat.postMessage');
    expect(posts).toHaveLength(3);
    for (let i = 1; i < posts.length; i++) expect(posts[i]! - posts[i - 1]!).toBeGreaterThanOrEqual(SLACK_PACING.postGapMs);
    expect(at('C2', 'chat.postMessage')[0]).toBeLessThan(SLACK_PACING.postGapMs);
    const edits = at('C1', 'chat.update');
    expect(edits[1]! - edits[0]!).toBeGreaterThanOrEqual(SLACK_PACING.updateGapMs);
  });

  it('holds a channel and method for the Retry-After of a 429, retries, and keeps the order', async () => {
    const clock = fakeClock();
    const limited: number[] = [];
    const queue = createOutboundQueue({ ...clock, onRateLimited: (_c, _m, ms) => void limited.push(ms) });
    const order: string[] = [];
    let refuse = 1;
    const first = queue.call('C1', 'chat.update', async () => {
      if (refuse-- > 0) throw rateLimited(3);
      order.push(`count at ${clock.now()}`);
    });
    const second = queue.call('C1', 'chat.update', async () => void order.push(`reveal at ${clock.now()}`));
    await Promise.all([first, second]);
    expect(limited).toEqual([3000]);
    expect(order).toEqual(['count at 3000', `reveal at ${3000 + SLACK_PACING.updateGapMs}`]);
  });

  it('gives up after its retries, and lets other errors through at once without blocking the line', async () => {
    const clock = fakeClock();
    const queue = createOutboundQueue({ ...clock });
    let tries = 0;
    await expect(
      queue.call('C1', 'chat.postMessage', async () => {
        tries += 1;
        throw rateLimited(1);
      }),
    ).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error' });
    expect(tries).toBe(SLACK_PACING.maxRetries + 1);

    await expect(queue.call('C2', 'chat.postMessage', async () => Promise.reject(new Error('channel_not_found')))).rejects.toThrow('channel_not_found');
    await expect(queue.call('C2', 'chat.postMessage', async () => 'ok')).resolves.toBe('ok');
  });
});
