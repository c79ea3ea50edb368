import { z } from 'zod';
import { optionalEnvText } from '../../src/config/env-text.js';
import { SLACK_ERROR_CODES, SlackAdapterError } from './slack-errors.js';

/** Validated Slack settings; absent (Slack off) when no Slack variable is set. */
export interface SlackConfig {
  botToken: string;
  /** Empty only in Socket Mode, where Slack does not sign requests. */
  signingSecret: string;
  /** Set: Socket Mode. Unset: HTTP mode at /slack/events. */
  appToken?: string;
  apiUrl?: string;
  /** Channels whose new members get the welcome privately. */
  onboardingChannels: string[];
}

/** The raw settings as they appear in the environment. */
export const slackConfigSchema = z
  .object({
    SLACK_BOT_TOKEN: optionalEnvText.pipe(z.string().startsWith('xoxb-', 'must be a bot token (xoxb-…)').optional()),
    SLACK_SIGNING_SECRET: optionalEnvText,
    SLACK_APP_TOKEN: optionalEnvText.pipe(z.string().startsWith('xapp-', 'must be an app-level token (xapp-…)').optional()),
    SLACK_API_URL: optionalEnvText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
    ONBOARDING_CHANNELS: optionalEnvText.pipe(
      z.string().regex(/^\s*[CG][A-Z0-9]{2,}(\s*,\s*[CG][A-Z0-9]{2,})*\s*$/, 'must be Slack channel ids separated by commas (C0123ABCD,C0456EFGH)').optional(),
    ),
  })
  .superRefine((raw, ctx) => {
    const anySet = raw.SLACK_BOT_TOKEN || raw.SLACK_SIGNING_SECRET || raw.SLACK_APP_TOKEN;
    if (!anySet) return;
    if (!raw.SLACK_BOT_TOKEN) ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required to use Slack' });
    if (!raw.SLACK_APP_TOKEN && !raw.SLACK_SIGNING_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)' });
    }
  });

/**
 * Reads the Slack settings once, at the entry point. Returns undefined when none is set (Slack
 * off); throws a SlackAdapterError naming each bad variable, never its value.
 */
export function parseSlackConfig(env: Record<string, string | undefined>): SlackConfig | undefined {
  const parsed = slackConfigSchema.safeParse({
    SLACK_BOT_TOKEN: env.SLACK_BOT_TOKEN,
    SLACK_SIGNING_SECRET: env.SLACK_SIGNING_SECRET,
    SLACK_APP_TOKEN: env.SLACK_APP_TOKEN,
    SLACK_API_URL: env.SLACK_API_URL,
    ONBOARDING_CHANNELS: env.ONBOARDING_CHANNELS,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new SlackAdapterError(SLACK_ERROR_CODES.configInvalid, `Invalid Slack settings: ${problems.join('; ')}`);
  }
  const raw = parsed.data;
  if (!raw.SLACK_BOT_TOKEN) return undefined;
  return {
    botToken: raw.SLACK_BOT_TOKEN,
    signingSecret: raw.SLACK_SIGNING_SECRET ?? '',
    ...(raw.SLACK_APP_TOKEN ? { appToken: raw.SLACK_APP_TOKEN } : {}),
    ...(raw.SLACK_API_URL ? { apiUrl: raw.SLACK_API_URL } : {}),
    onboardingChannels: (raw.ONBOARDING_CHANNELS ?? '').split(',').map((c) => c.trim()).filter(Boolean),
  };
}
