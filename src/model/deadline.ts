/**
 * The promise's value, or `fallback` once `ms` have passed (a rejection also gives `fallback`): for
 * reads that are a nicety, never a reason to wait (a hung store must not hold up an answer).
 */
export async function withDeadline<T, F>(work: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([work.catch(() => fallback), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
