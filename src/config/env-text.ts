import { z } from 'zod';

/** An optional environment variable: surrounding spaces trimmed, and a blank value means "not set". */
export const optionalEnvText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));
