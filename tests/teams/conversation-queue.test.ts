import { describe, expect, it } from 'vitest';
import { createConversationQueue, TEAMS_CONVERSATION_GAP_MS } from '../../adapters/teams/teams-outbox.js';

describe('the Teams per-conversation queue', () => {
  it('spaces sends in one conversation, threads included, and lets other conversations through', async () => {
    const queue = createConversationQueue();
    const started: [string, number][] = [];
    const t0 = Date.now();
    const send = (conversation: string) => queue.call(conversation, 'send', async () => void started.push([conversation, Date.now() - t0]));
    await Promise.all([send('19:a@thread.tacv2'), send('19:a@thread.tacv2'), send('19:b@thread.tacv2')]);
    const a = started.filter(([c]) => c === '19:a@thread.tacv2').map(([, t]) => t);
    expect(a[1]! - a[0]!).toBeGreaterThanOrEqual(TEAMS_CONVERSATION_GAP_MS - 5);
    expect(started.find(([c]) => c === '19:b@thread.tacv2')![1]).toBeLessThan(TEAMS_CONVERSATION_GAP_MS / 2);
  });

  it('keeps the order of edits to one conversation, and a failed call does not stop the next', async () => {
    const queue = createConversationQueue(10);
    const done: string[] = [];
    const failing = queue.call('c', 'update', async () => Promise.reject(new Error('gone')));
    const next = queue.call('c', 'update', async () => void done.push('second'));
    await expect(failing).rejects.toThrow('gone');
    await next;
    expect(done).toEqual(['second']);
  });
});
