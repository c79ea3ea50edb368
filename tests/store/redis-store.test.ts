import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { describeStoreContract } from './store-contract.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const runPrefix = `srm-test:${randomUUID()}:`;
let harnesses = 0;

/** Deletes every key under a prefix (ioredis's keyPrefix does not apply to SCAN patterns). */
async function deleteKeys(prefix: string): Promise<void> {
  const admin = new Redis(REDIS_URL);
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
}

describeStoreContract('redis', async () => {
  const keyPrefix = `${runPrefix}${harnesses++}:`;
  const store = await createStore({ kind: 'redis', url: REDIS_URL, keyPrefix });
  return {
    store,
    passTime: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    cleanup: async () => {
      await store.close();
      await deleteKeys(keyPrefix);
    },
  };
});

describe('redis store', () => {
  afterAll(async () => {
    await deleteKeys(runPrefix);
  });

  it('leaves no keys behind after the contract tests', async () => {
    const admin = new Redis(REDIS_URL);
    const left = await admin.keys(`${runPrefix}*`);
    await admin.quit();
    expect(left).toEqual([]);
  });

  it('rejects with StoreUnavailableError when Redis cannot be reached', async () => {
    await expect(createStore({ kind: 'redis', url: 'redis://127.0.0.1:1', keyPrefix: runPrefix })).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      backend: 'redis',
    });
  });

  it('rejects with StoreUnavailableError once the connection is gone', async () => {
    const store = await createStore({ kind: 'redis', url: REDIS_URL, keyPrefix: runPrefix });
    await store.close();
    await expect(store.claimOnce('k', 1_000)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });
});
