import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Effect } from '../../src/model/effects.js';
import type { Platform } from '../../src/model/incoming.js';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import type { Knowledge } from '../../src/knowledge/types.js';
import type { QuizContext } from '../../src/quiz/quiz-engine.js';
import { createQuizService, type QuizService } from '../../src/quiz/quiz-service.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { createFakeChat, type FakeChat } from './fake-chat.js';
import { createFakeTime, type FakeTime } from './fake-time.js';
import { fixtureKnowledge, sequenceRandom } from './fixtures.js';

/** A quiz service on a real SQLite file, fake time and a fake chat. */
export interface QuizHarness {
  service: QuizService;
  store: Store;
  time: FakeTime;
  chat: FakeChat;
  dataDir: string;
  /** Platform of each timer delivery that moved a quiz on (a reveal); paced count edits are not counted. */
  timerPlatforms: Platform[];
  /** Runs a service call and delivers its effects to the chat. */
  run(effects: Promise<Effect[]>): Promise<Effect[]>;
  /** Presses a button as `userId` in `channelId`. */
  press(userId: string, value: string, actionId?: string, channelId?: string): Promise<Effect[]>;
  /** Closes the service and the store (the data directory stays, as after a crash). */
  shutdown(): Promise<void>;
}

export interface HarnessOptions {
  knowledge?: Knowledge;
  dataDir?: string;
  time?: FakeTime;
  store?: Store;
  revealAfterMs?: number;
  /** The chat of an earlier harness (a restart keeps the platform's messages). */
  chat?: FakeChat;
  /** How often the service sweeps for due reveals and looks for due schedules (service defaults otherwise). */
  sweepEveryMs?: number;
  scheduleEveryMs?: number;
}

/** A conversation context in channel C0001 (or another). */
export const ctx = (userId = 'U0001', channelId = 'C0001'): QuizContext => ({ platform: 'slack', userId, channelId });

/** Builds a harness; pass `dataDir` and `time` of an earlier one to simulate a restart. */
export function createHarness(options: HarnessOptions = {}): QuizHarness {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'srm-quiz-'));
  const time = options.time ?? createFakeTime();
  const store = options.store ?? createSqliteStore({ dataDir, now: time.now });
  const chat = options.chat ?? createFakeChat(store);
  chat.attach(store);
  const timerPlatforms: Platform[] = [];
  const service = createQuizService({
    knowledge: options.knowledge ?? fixtureKnowledge(),
    store,
    now: time.now,
    random: sequenceRandom(),
    revealAfterMs: options.revealAfterMs ?? 30_000,
    timers: time.timers,
    ...(options.sweepEveryMs ? { sweepEveryMs: options.sweepEveryMs } : {}),
    ...(options.scheduleEveryMs ? { scheduleEveryMs: options.scheduleEveryMs } : {}),
    onTimerEffects: async (platform, effects) => {
      // A reveal always posts (the next question or the scoreboard); a paced count refresh only edits.
      if (effects.some((e) => e.type === 'post')) timerPlatforms.push(platform);
      await chat.deliver(effects);
    },
    onError: (error) => {
      throw error;
    },
  });
  const run = async (call: Promise<Effect[]>) => {
    const effects = await call;
    await chat.deliver(effects);
    return effects;
  };
  return {
    service,
    store,
    time,
    chat,
    dataDir,
    timerPlatforms,
    run,
    press: (userId, value, actionId = ACTION_IDS.quizAnswer, channelId = 'C0001') =>
      run(service.handleAction({ platform: 'slack', userId, channelId, actionId, value })),
    async shutdown() {
      await service.close();
      await store.close();
    },
  };
}

/** Removes a harness's data directory. */
export function removeDataDir(harness: QuizHarness): void {
  rmSync(harness.dataDir, { recursive: true, force: true });
}
