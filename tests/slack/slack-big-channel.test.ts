import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_PACING } from '../../adapters/slack/outbound-queue.js';
import { createCore } from '../../src/core/create-core.js';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { QUIZ_MESSAGES as M } from '../../src/quiz/quiz-messages.js';
import { answerValue, revealValue } from '../../src/quiz/quiz-ids.js';
import type { QuizRecord } from '../../src/store/quiz-records.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';
import { blockAction, RESPONSE_URL_ORIGIN, SLACK_API_ORIGIN, SLACK_IDS, slashCommand } from '../helpers/slack-payloads.js';
import { startSlackTestServer, waitFor, type SlackTestServer } from '../helpers/slack-server.js';

const CLICKS = 300;
const CLICK_WINDOW_MS = 10_000;
const MINUTE = 60_000;
/** Slack's documented limits the fake enforces: ~1 post a second per channel; chat.update ~50 a minute. */
const POST_GAP_MS = 1_000;
const UPDATES_PER_MINUTE = 50;

interface FakeCall {
  method: string;
  channel: string;
  at: number;
  body: Record<string, unknown>;
  status: number;
}

/**
 * A fake Slack Web API that enforces the limits: a post within a second of the last one in the same
 * channel, or a 51st edit within a minute, is refused with 429 and Retry-After: 1; so is any call that
 * comes while a Retry-After is still running for that channel and method (a violation). It also
 * refuses the first count edit once, to see that Retry-After is honoured.
 */
function fakeLimitedSlack() {
  const calls: FakeCall[] = [];
  const violations: string[] = [];
  const heldUntil = new Map<string, number>();
  let ts = 100;
  let forcedOnce = false;
  const handle = (method: string) => (_uri: string, raw: unknown) => {
    const body = (typeof raw === 'string' ? Object.fromEntries(new URLSearchParams(raw)) : raw) as Record<string, unknown>;
    const channel = String(body.channel ?? '');
    const now = Date.now();
    const key = `${channel}/${method}`;
    const record = (status: number) => calls.push({ method, channel, at: now, body, status });
    const refuse = (why: string): [number, unknown, Record<string, string>] => {
      heldUntil.set(key, now + 1000);
      record(429);
      if (why) violations.push(why);
      return [429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' }];
    };
    if ((heldUntil.get(key) ?? 0) > now) return refuse(`${method} in ${channel} during its Retry-After`);
    const accepted = calls.filter((c) => c.status === 200 && c.method === method && c.channel === channel);
    if (method !== 'chat.update' && accepted.length > 0 && now - accepted.at(-1)!.at < POST_GAP_MS) return refuse(`${method} in ${channel} under a second apart`);
    if (method === 'chat.update' && accepted.filter((c) => now - c.at < MINUTE).length >= UPDATES_PER_MINUTE) return refuse(`over ${UPDATES_PER_MINUTE} edits a minute in ${channel}`);
    if (method === 'chat.update' && !forcedOnce && String(body.text ?? '').includes('answered')) {
      forcedOnce = true;
      return refuse('');
    }
    record(200);
    return [200, { ok: true, channel, ts: method === 'chat.update' ? body.ts : `1700000500.000${ts++}` }];
  };
  for (const method of ['chat.postMessage', 'chat.update', 'chat.postEphemeral']) {
    nock(SLACK_API_ORIGIN).persist().post(`/api/${method}`).reply(handle(method));
  }
  return { calls, violations };
}

let server: SlackTestServer;

beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  server = await startSlackTestServer((store) => createCore({ knowledge: loadTestKnowledge(), store, quizRevealMs: 120_000, random: () => 0.5 }), { pacing: SLACK_PACING });
});

afterEach(async () => {
  await server.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('a quiz in a 300-person Slack channel', () => {
  it(
    'counts 300 clicks in 10 seconds once each, acks each privately, keeps Slack\u2019s limits and reveals the right count',
    async () => {
      const slack = fakeLimitedSlack();
      const acks = new Map<string, number>();
      nock(RESPONSE_URL_ORIGIN)
        .persist()
        .post(/.*/)
        .reply((uri, body) => {
          const text = JSON.stringify(body);
          if (text.includes(M.ackAnswer)) acks.set(uri, (acks.get(uri) ?? 0) + 1);
          return [200, { ok: true }];
        });

      await server.send(slashCommand('quiz 1', { user_id: 'USTARTER' }));
      let quiz: QuizRecord | undefined;
      for (let i = 0; i < 200 && !quiz; i++) {
        quiz = await server.store.activeQuiz(SLACK_IDS.channel);
        if (!quiz) await new Promise((r) => setTimeout(r, 20));
      }
      await waitFor(() => slack.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200).length === 2, 'header and question posted', 5_000);
      const choice = quiz!.questions[0]!.exam ? 'A' : 'aws';

      const clicks: Promise<Response>[] = [];
      for (let i = 0; i < CLICKS; i++) {
        const userId = `U${1000 + i}`;
        clicks.push(
          new Promise<Response>((resolve, reject) =>
            setTimeout(() => {
              server.send(blockAction(ACTION_IDS.quizAnswer, answerValue(quiz!.id, 0, choice), { userId, actionTs: `1700000600.${String(i).padStart(6, '0')}` })).then(resolve, reject);
            }, (i * CLICK_WINDOW_MS) / CLICKS),
          ),
        );
      }
      const responses = await Promise.all(clicks);
      expect(responses.every((r) => r.status === 200)).toBe(true);

      // Every answer counted once, every presser told once, privately.
      await waitFor(() => [...acks.values()].reduce((a, b) => a + b, 0) === CLICKS, 'all acks', 10_000);
      expect(acks.size).toBe(CLICKS);
      expect([...acks.values()].every((n) => n === 1)).toBe(true);
      expect(await server.store.quizAnswers(quiz!.id, 0)).toHaveLength(CLICKS);

      // The starter reveals: the question's message ends with the full count.
      await server.send(blockAction(ACTION_IDS.quizReveal, revealValue(quiz!.id, 0), { userId: 'USTARTER', actionTs: '1700000700.000001' }));
      await waitFor(() => slack.calls.some((c) => c.method === 'chat.update' && c.status === 200 && String(c.body.text).includes(`${CLICKS} answered`)), 'reveal with the count', 10_000);

      // Limits kept: nothing sent during a Retry-After, no post under a second apart, no 51st edit in a minute.
      expect(slack.violations).toEqual([]);
      // The forced 429 was retried, and the counts shown only ever went up.
      expect(slack.calls.filter((c) => c.status === 429)).toHaveLength(1);
      const counts = slack.calls
        .filter((c) => c.method === 'chat.update' && c.status === 200)
        .map((c) => /(\d+) (?:people have |person has )?answered/.exec(String(c.body.text))?.[1])
        .filter(Boolean)
        .map(Number);
      expect(counts.length).toBeGreaterThan(1);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      expect(counts.at(-1)).toBe(CLICKS);
      // Far fewer Web API calls than clicks: the count is paced, the acks go through response_url.
      expect(slack.calls.length).toBeLessThan(20);
    },
    60_000,
  );
});
