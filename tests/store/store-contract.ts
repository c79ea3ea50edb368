import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { quizRecord } from './quiz-record-fixture.js';

/** A store under test, with a way to let time pass for claim expiry. */
export interface StoreHarness {
  store: Store;
  passTime(ms: number): Promise<void>;
  cleanup(): Promise<void>;
}

/** The behaviour every Store implementation must show; run once per backend. */
export function describeStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`${name} store contract`, () => {
    const withStore = (test: (h: StoreHarness) => Promise<void>) => async () => {
      const harness = await open();
      try {
        await test(harness);
      } finally {
        await harness.cleanup();
      }
    };

    it(
      'claimOnce lets the first caller through and refuses the rest until the claim expires',
      withStore(async ({ store, passTime }) => {
        expect(await store.claimOnce('event:Ev1', 100)).toBe(true);
        expect(await store.claimOnce('event:Ev1', 100)).toBe(false);
        expect(await store.claimOnce('event:Ev2', 100)).toBe(true);
        await passTime(150);
        expect(await store.claimOnce('event:Ev1', 100)).toBe(true);
      }),
    );

    it(
      'logs questions (identical ones kept apart), lists them and 👎/👍 from a time on, and prunes old ones',
      withStore(async ({ store }) => {
        const q = { text: 'who feeds the office cat', answered: false, reason: 'not-understood', platform: 'slack', channelId: 'C1' };
        await store.recordQuestion({ ...q, at: 1_000 });
        await store.recordQuestion({ ...q, at: 5_000 });
        await store.recordQuestion({ ...q, at: 5_000 });
        await store.recordQuestion({ text: 'who patches rds', answered: true, serviceId: 'rds', platform: 'slack', channelId: 'C1', at: 9_000 });
        expect((await store.questionsSince(2_000)).map((r) => [r.text, r.at])).toEqual([
          ['who feeds the office cat', 5_000],
          ['who feeds the office cat', 5_000],
          ['who patches rds', 9_000],
        ]);
        await store.recordFeedback({ answerId: 'rds:guest-os-patching', userId: 'U1', channelId: 'C1', helpful: false, at: 3_000 });
        await store.recordFeedback({ answerId: 'rds:guest-os-patching', userId: 'U2', channelId: 'C1', helpful: true, at: 7_000 });
        expect((await store.feedbackSince(4_000)).map((f) => [f.userId, f.helpful])).toEqual([['U2', true]]);
        await store.prune(6_000);
        expect((await store.questionsSince(0)).map((r) => r.at)).toEqual([9_000]);
      }),
    );

    it(
      'keeps what a vote was about and the 👎 reason, a second vote replacing the first',
      withStore(async ({ store }) => {
        const vote = {
          answerId: 'rds:guest-os-patching',
          userId: 'U1',
          channelId: 'C1',
          helpful: false,
          at: 3_000,
          platform: 'slack',
          question: 'who patch the guest os on rds',
          serviceId: 'rds',
          concernId: 'guest-os-patching',
          verdict: 'aws',
        };
        await store.recordFeedback(vote);
        await store.recordFeedback({ ...vote, at: 4_000, reason: 'wrong-owner', comment: 'RDS Custom is ours' });
        expect(await store.feedbackSince(0)).toEqual([{ ...vote, at: 4_000, reason: 'wrong-owner', comment: 'RDS Custom is ours' }]);
      }),
    );

    it(
      'records challenges, lists them from a time on and prunes old ones',
      withStore(async ({ store }) => {
        const challenge = {
          quizId: 'qabc123',
          questionIndex: 1,
          question: 'Who patches the database engine on Amazon RDS?',
          serviceId: 'rds',
          concernId: 'platform-patching',
          ruling: 'aws',
          userId: 'U1',
          reason: 'wrong-owner',
          platform: 'slack',
          channelId: 'C1',
        };
        await store.recordChallenge({ ...challenge, at: 1_000 });
        await store.recordChallenge({ ...challenge, at: 5_000, comment: 'major versions are ours' });
        await store.recordChallenge({ ...challenge, at: 5_000, comment: 'major versions are ours' });
        expect(await store.challengesSince(2_000)).toEqual([
          { ...challenge, at: 5_000, comment: 'major versions are ours' },
          { ...challenge, at: 5_000, comment: 'major versions are ours' },
        ]);
        await store.prune(3_000);
        expect((await store.challengesSince(0)).map((c) => c.at)).toEqual([5_000, 5_000]);
      }),
    );

    it(
      'lists the live values under a key prefix, and nothing else',
      withStore(async ({ store, passTime }) => {
        await store.setValue('schedule:slack:C2', 'b');
        await store.setValue('schedule:slack:C1', 'a');
        await store.setValue('schedule:teams:19:x@thread.tacv2', 'c');
        await store.setValue('schedule:slack:C3', 'gone', 50);
        await store.setValue('schedules-other', 'no');
        await store.setValue('stack:slack:C1', 'no');
        await passTime(100);
        expect(await store.valuesWithPrefix('schedule:')).toEqual([
          { key: 'schedule:slack:C1', value: 'a' },
          { key: 'schedule:slack:C2', value: 'b' },
          { key: 'schedule:teams:19:x@thread.tacv2', value: 'c' },
        ]);
        expect(await store.valuesWithPrefix('nothing:')).toEqual([]);
        await store.deleteValue('schedule:slack:C1');
        await store.deleteValue('schedule:slack:never-set');
        expect((await store.valuesWithPrefix('schedule:')).map((v) => v.key)).toEqual(['schedule:slack:C2', 'schedule:teams:19:x@thread.tacv2']);
        expect(await store.getValue('schedule:slack:C1')).toBeUndefined();
      }),
    );

    it(
      'claimOnce is atomic: of ten simultaneous claims exactly one wins',
      withStore(async ({ store }) => {
        const results = await Promise.all(Array.from({ length: 10 }, () => store.claimOnce('action:A1', 60_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
      }),
    );

    it(
      'forgets a value set with a time to live once it has passed, and keeps one set without',
      withStore(async ({ store, passTime }) => {
        await store.setValue('context:slack:C0001:1.1', '{"serviceId":"rds"}', 100);
        await store.setValue('teams:conversation-ref:19:x', '{}');
        expect(await store.getValue('context:slack:C0001:1.1')).toBe('{"serviceId":"rds"}');
        await passTime(150);
        expect(await store.getValue('context:slack:C0001:1.1')).toBeUndefined();
        expect(await store.getValue('teams:conversation-ref:19:x')).toBe('{}');
      }),
    );

    it(
      'prunes finished quizzes with their answers, feedback and points from before the cut-off, and nothing newer',
      withStore(async ({ store }) => {
        const old = quizRecord({ id: 'qzold', channelId: 'C0009', phase: 'finished', startedAt: 1_000, endedAt: 2_000 });
        const recent = quizRecord({ id: 'qznew', channelId: 'C0008', phase: 'finished', startedAt: 50_000, endedAt: 60_000 });
        const running = quizRecord({ id: 'qzrun', channelId: 'C0007', startedAt: 1_000 });
        for (const q of [old, recent, running]) expect(await store.createQuiz(q)).toBe(true);
        await store.recordAnswer({ quizId: 'qzold', questionIndex: 0, userId: 'U0001', choice: 'aws', at: 1_500 });
        await store.recordAnswer({ quizId: 'qznew', questionIndex: 0, userId: 'U0001', choice: 'aws', at: 55_000 });
        await store.awardPoints({ channelId: 'C0009', quizId: 'qzold', questionIndex: 0, userIds: ['U0001'], at: 1_500 });
        await store.awardPoints({ channelId: 'C0008', quizId: 'qznew', questionIndex: 0, userIds: ['U0001'], at: 55_000 });
        await store.recordFeedback({ answerId: 'a1', userId: 'U0001', channelId: 'C0001', helpful: true, at: 1_500 });

        expect(await store.prune(10_000)).toBeGreaterThanOrEqual(4);

        expect(await store.loadQuiz('qzold')).toBeUndefined();
        expect(await store.quizAnswers('qzold')).toEqual([]);
        expect(await store.leaderboard('C0009', 0)).toEqual([]);
        expect(await store.loadQuiz('qznew')).toBeDefined();
        expect(await store.quizAnswers('qznew')).toHaveLength(1);
        expect(await store.leaderboard('C0008', 0)).toEqual([{ userId: 'U0001', points: 1 }]);
        expect((await store.runningQuizzes()).map((q) => q.id)).toEqual(['qzrun']);
      }),
    );

    it(
      'remembers message ids and overwrites them',
      withStore(async ({ store }) => {
        expect(await store.getValue('quiz:x:header')).toBeUndefined();
        await store.setValue('quiz:x:header', '1700000000.000100');
        await store.setValue('quiz:x:header', '1700000000.000200');
        expect(await store.getValue('quiz:x:header')).toBe('1700000000.000200');
      }),
    );

    it(
      'records feedback without error (a second vote replaces the first)',
      withStore(async ({ store }) => {
        await store.recordFeedback({ answerId: 'a1', userId: 'U0001', channelId: 'C0001', helpful: true, at: 1 });
        await expect(
          store.recordFeedback({ answerId: 'a1', userId: 'U0001', channelId: 'C0001', helpful: false, at: 2 }),
        ).resolves.toBeUndefined();
      }),
    );

    it(
      'allows one running quiz per channel and frees the channel when it ends',
      withStore(async ({ store }) => {
        expect(await store.createQuiz(quizRecord())).toBe(true);
        expect(await store.createQuiz(quizRecord({ id: 'qz0002' }))).toBe(false);
        expect(await store.createQuiz(quizRecord({ id: 'qz0003', channelId: 'C0002' }))).toBe(true);
        expect((await store.activeQuiz('C0001'))?.id).toBe('qz0001');
        expect((await store.runningQuizzes()).map((q) => q.id).sort()).toEqual(['qz0001', 'qz0003']);

        const ended = quizRecord({ version: 2, phase: 'finished', current: 2, endedAt: 50_000 });
        expect(await store.updateQuiz(ended, 1)).toBe(true);
        expect(await store.activeQuiz('C0001')).toBeUndefined();
        expect((await store.runningQuizzes()).map((q) => q.id)).toEqual(['qz0003']);
        expect((await store.loadQuiz('qz0001'))?.phase).toBe('finished');
        expect(await store.createQuiz(quizRecord({ id: 'qz0004' }))).toBe(true);
      }),
    );

    it(
      'updateQuiz is compare-and-set on the version',
      withStore(async ({ store }) => {
        await store.createQuiz(quizRecord());
        const next = quizRecord({ version: 2, current: 1, revealAt: 61_000 });
        const results = await Promise.all([store.updateQuiz(next, 1), store.updateQuiz({ ...next, title: 'Other' }, 1)]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect((await store.loadQuiz('qz0001'))?.version).toBe(2);
        expect(await store.updateQuiz(quizRecord({ version: 3 }), 1)).toBe(false);
        expect(await store.loadQuiz('nope')).toBeUndefined();
      }),
    );

    it(
      "keeps only each person's first answer to a question, even when clicks race",
      withStore(async ({ store }) => {
        const answer = { quizId: 'qz0001', questionIndex: 0, userId: 'U0002', at: 2_000 } as const;
        const results = await Promise.all([
          store.recordAnswer({ ...answer, choice: 'aws' }),
          store.recordAnswer({ ...answer, choice: 'customer' }),
          store.recordAnswer({ ...answer, choice: 'shared' }),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.recordAnswer({ ...answer, userId: 'U0003', choice: 'customer', at: 3_000 })).toBe(true);
        expect(await store.recordAnswer({ ...answer, questionIndex: 1, choice: 'aws', at: 4_000 })).toBe(true);

        expect((await store.quizAnswers('qz0001', 0)).map((a) => a.userId)).toEqual(['U0002', 'U0003']);
        expect(await store.quizAnswers('qz0001')).toHaveLength(3);
        expect(await store.quizAnswers('other')).toEqual([]);
      }),
    );

    it(
      'sums points per channel from a given time, awarding each question once',
      withStore(async ({ store }) => {
        await store.awardPoints({ channelId: 'C0001', quizId: 'qa', questionIndex: 0, userIds: ['U0001', '29:teams-user'], at: 1_000 });
        await store.awardPoints({ channelId: 'C0001', quizId: 'qa', questionIndex: 0, userIds: ['U0001'], at: 1_000 });
        await store.awardPoints({ channelId: 'C0001', quizId: 'qb', questionIndex: 0, userIds: ['U0001'], at: 5_000 });
        await store.awardPoints({ channelId: 'C0001', quizId: 'qb', questionIndex: 1, userIds: [], at: 5_000 });
        await store.awardPoints({ channelId: 'C0002', quizId: 'qc', questionIndex: 0, userIds: ['U0009'], at: 5_000 });

        expect(await store.leaderboard('C0001', 0)).toEqual([
          { userId: 'U0001', points: 2 },
          { userId: '29:teams-user', points: 1 },
        ]);
        expect(await store.leaderboard('C0001', 5_000)).toEqual([{ userId: 'U0001', points: 1 }]);
        expect(await store.leaderboard('C0003', 0)).toEqual([]);
      }),
    );
  });
}
