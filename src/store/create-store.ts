import { createRedisStore } from './redis-store.js';
import { createSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

/** Which store to open: the embedded SQLite file (default) or a shared Redis. */
export type StoreConfig =
  | { kind: 'sqlite'; dataDir: string; now?: () => number }
  | { kind: 'redis'; url: string; keyPrefix?: string };

/** Opens the configured store; rejects with StoreUnavailableError when it cannot be reached. */
export async function createStore(config: StoreConfig): Promise<Store> {
  return config.kind === 'sqlite'
    ? createSqliteStore({ dataDir: config.dataDir, now: config.now })
    : createRedisStore({ url: config.url, keyPrefix: config.keyPrefix });
}
