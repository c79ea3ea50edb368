/** Error codes raised by the stores. */
export const STORE_ERROR_CODES = {
  unavailable: 'STORE_UNAVAILABLE',
} as const;

/** The backing store (SQLite file, Redis server) could not be reached or failed to answer. */
export class StoreUnavailableError extends Error {
  readonly code = STORE_ERROR_CODES.unavailable;

  constructor(
    readonly backend: 'sqlite' | 'redis',
    cause: unknown,
  ) {
    super(`The ${backend} store is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'StoreUnavailableError';
  }
}

/** Runs `work`, turning any failure into a StoreUnavailableError for `backend`. */
export async function guardStore<T>(backend: 'sqlite' | 'redis', work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    throw new StoreUnavailableError(backend, error);
  }
}
