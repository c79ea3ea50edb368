import { z } from 'zod';

/** Settings of the bot itself (not of a chat platform), read once at the entry point. */
export const appConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATA_DIR: z.string().trim().min(1).default('./data'),
    STORE: z.enum(['sqlite', 'redis']).default('sqlite'),
    REDIS_URL: z.string().trim().url().optional(),
    QUIZ_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    KNOWLEDGE_DIR: z.string().trim().min(1).optional(),
    ORG_OWNERS_FILE: z.string().trim().min(1).optional(),
    /** Platform user ids (comma separated) allowed to run admin commands in chat. */
    SRM_ADMINS: z
      .string()
      .optional()
      .transform((s) => (s ?? '').split(',').map((id) => id.trim()).filter(Boolean)),
    /**
     * Where the weekly digest goes: `slack:C0123ABCD`, `teams:<conversation id>`, or a bare Slack
     * channel id. Unset: no digest.
     */
    REPORT_CHANNEL: z
      .string()
      .trim()
      .regex(/^((slack|teams):)?[^\s]{3,300}$/, 'must be a Slack channel id, slack:<id> or teams:<conversation id>')
      .optional()
      .transform((s) => {
        if (!s) return undefined;
        const match = /^(slack|teams):(.+)$/.exec(s);
        return match ? { platform: match[1] as 'slack' | 'teams', channelId: match[2]! } : { platform: 'slack' as const, channelId: s };
      }),
    NODE_ENV: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.STORE === 'redis' && !c.REDIS_URL) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: 'is required when STORE=redis' });
    }
  });

export type AppConfig = z.infer<typeof appConfigSchema>;

/** A missing or malformed setting, named in one line. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; throws a ConfigError naming each bad variable (never its value). */
export function parseAppConfig(env: Record<string, string | undefined>): AppConfig {
  const cleaned = Object.fromEntries(
    Object.keys(appConfigSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = appConfigSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
  );
}
