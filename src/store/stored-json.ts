import type { z } from 'zod';

/** A JSON value read back from the store, checked against its schema; undefined when absent or unreadable. */
export function parseStored<S extends z.ZodTypeAny>(raw: string | undefined, schema: S): z.infer<S> | undefined {
  if (!raw) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
