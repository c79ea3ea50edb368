import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

/** Slack settings from the environment. Slack is enabled when SLACK_BOT_TOKEN is set. */
export const slackConfigSchema = z
  .object({
    SLACK_BOT_TOKEN: optionalText.pipe(z.string().regex(/^xoxb-/, 'must be a bot token (xoxb-…)').optional()),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.pipe(z.string().regex(/^xapp-/, 'must be an app-level token (xapp-…)').optional()),
    SLACK_API_URL: optionalText.pipe(z.string().url().optional()),
  })
  .superRefine((c, ctx) => {
    if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)' });
    }
    if (!c.SLACK_BOT_TOKEN && (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN)) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required when other SLACK_ settings are set' });
    }
  });

/** Validated Slack settings, or undefined when Slack is not configured. */
export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  appToken?: string;
  apiUrl?: string;
}

/** Reads the Slack settings; throws an Error naming the bad variables (never their values). */
export function parseSlackConfig(env: Record<string, string | undefined>): SlackConfig | undefined {
  const parsed = slackConfigSchema.safeParse({
    SLACK_BOT_TOKEN: env.SLACK_BOT_TOKEN,
    SLACK_SIGNING_SECRET: env.SLACK_SIGNING_SECRET,
    SLACK_APP_TOKEN: env.SLACK_APP_TOKEN,
    SLACK_API_URL: env.SLACK_API_URL,
  });
  if (!parsed.success) {
    throw new Error(`Invalid Slack settings: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  const c = parsed.data;
  if (!c.SLACK_BOT_TOKEN) return undefined;
  return { botToken: c.SLACK_BOT_TOKEN, signingSecret: c.SLACK_SIGNING_SECRET ?? '', appToken: c.SLACK_APP_TOKEN, apiUrl: c.SLACK_API_URL };
}
