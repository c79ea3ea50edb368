import type { Observer } from '../model/observer.js';
import type { Store } from './store.js';

/** The store with every call timed and every failure counted through `observer`; behaviour unchanged. */
export function observeStore(store: Store, observer: Observer): Store {
  const observed = {} as Record<string, unknown>;
  for (const name of Object.keys(store) as (keyof Store)[]) {
    const method = store[name] as (...args: unknown[]) => Promise<unknown>;
    observed[name] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        const result = await method(...args);
        observer.storeCall(name, (performance.now() - started) / 1000, false);
        return result;
      } catch (error) {
        observer.storeCall(name, (performance.now() - started) / 1000, true);
        throw error;
      }
    };
  }
  return observed as unknown as Store;
}
