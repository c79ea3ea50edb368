import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import { StoreUnavailableError } from '../../src/store/store-errors.js';
import { quizRecord } from './quiz-record-fixture.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('sqlite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'srm-store-'));
  let time = 1_000;
  const store = createSqliteStore({ dataDir, now: () => time });
  return {
    store,
    passTime: async (ms) => {
      time += ms;
    },
    cleanup: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});

describe('sqlite store', () => {
  it('keeps quizzes in the file across a reopen', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'srm-store-'));
    const first = await createStore({ kind: 'sqlite', dataDir });
    await first.createQuiz(quizRecord());
    await first.recordAnswer({ quizId: 'qz0001', questionIndex: 0, userId: 'U0002', choice: 'aws', at: 2_000 });
    await first.close();

    const second = await createStore({ kind: 'sqlite', dataDir });
    expect((await second.activeQuiz('C0001'))?.title).toBe('Test quiz');
    expect(await second.quizAnswers('qz0001')).toEqual([
      { quizId: 'qz0001', questionIndex: 0, userId: 'U0002', choice: 'aws', at: 2_000 },
    ]);
    await second.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('turns a closed database into a coded StoreUnavailableError', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'srm-store-'));
    const store = createSqliteStore({ dataDir });
    await store.close();
    const failure = store.claimOnce('k', 1_000);
    await expect(failure).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(failure).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', backend: 'sqlite' });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a data directory that is a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'srm-store-'));
    const notADir = join(dir, 'file');
    writeFileSync(notADir, 'x');
    await expect(createStore({ kind: 'sqlite', dataDir: notADir })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    rmSync(dir, { recursive: true, force: true });
  });
});
