import { createHmac } from 'node:crypto';

/** Fixed ids used by every Slack test. */
export const SLACK_IDS = Object.freeze({
  team: 'T0001',
  channel: 'C0001',
  dm: 'D0001',
  user: 'U0001',
  otherUser: 'U0002',
  thirdUser: 'U0003',
  otherChannel: 'C0002',
  botUser: 'UBOT0001',
  bot: 'B0001',
  apiApp: 'A0001',
});

export const SIGNING_SECRET = 'test-signing-secret-0001';
export const BOT_TOKEN = 'xoxb-0001-test-token';
/** Where the tests point the Web API (nock intercepts it). */
export const SLACK_API_ORIGIN = 'https://slack.test';
export const SLACK_API_URL = `${SLACK_API_ORIGIN}/api/`;
export const RESPONSE_URL_ORIGIN = 'https://hooks.slack.test';
export const RESPONSE_URL_PATH = '/commands/T0001/1/abc';

export type SlackBody = { body: string; contentType: 'application/json' | 'application/x-www-form-urlencoded' };

/** Headers exactly as Slack signs a request: v0= hex HMAC-SHA256 of `v0:{ts}:{rawBody}`. */
export function signedHeaders(body: string, options: { timestamp?: number; secret?: string } = {}): Record<string, string> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const hmac = createHmac('sha256', options.secret ?? SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': `v0=${hmac}` };
}

let triggers = 0;

/** `/srm <text>` as a form-encoded slash command; each call gets its own trigger_id, as from Slack. */
export function slashCommand(text: string, overrides: Record<string, string> = {}): SlackBody {
  const fields = {
    token: 'legacy-verification-token',
    team_id: SLACK_IDS.team,
    team_domain: 'example',
    channel_id: SLACK_IDS.channel,
    channel_name: 'general',
    user_id: SLACK_IDS.user,
    user_name: 'alice',
    command: '/srm',
    text,
    api_app_id: SLACK_IDS.apiApp,
    response_url: `${RESPONSE_URL_ORIGIN}${RESPONSE_URL_PATH}`,
    trigger_id: `1.2.${++triggers}`,
    ...overrides,
  };
  return { body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** An Events API envelope around `event`, as Slack sends it to the app. */
export function eventCallback(event: Record<string, unknown>, eventId: string): SlackBody {
  const body = {
    token: 'legacy-verification-token',
    team_id: SLACK_IDS.team,
    api_app_id: SLACK_IDS.apiApp,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: SLACK_IDS.team, user_id: SLACK_IDS.botUser, is_bot: true, is_enterprise_install: false }],
  };
  return { body: JSON.stringify(body), contentType: 'application/json' };
}

/** `@srm <text>` in C0001; `threadTs` puts the mention inside a thread. */
export function appMention(text: string, options: { eventId?: string; ts?: string; threadTs?: string } = {}): SlackBody {
  return eventCallback(
    {
      type: 'app_mention',
      user: SLACK_IDS.user,
      text: `<@${SLACK_IDS.botUser}> ${text}`,
      ts: options.ts ?? '1700000000.000100',
      channel: SLACK_IDS.channel,
      event_ts: options.ts ?? '1700000000.000100',
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    },
    options.eventId ?? 'Ev0001',
  );
}

/** A message in channel C0001 without a mention; `threadTs` puts it in a thread. */
export function channelMessage(
  text: string,
  options: { eventId?: string; ts?: string; threadTs?: string; botId?: string; subtype?: string; user?: string } = {},
): SlackBody {
  return eventCallback(
    {
      type: 'message',
      channel_type: 'channel',
      user: options.user ?? SLACK_IDS.user,
      text,
      ts: options.ts ?? '1700000000.000500',
      channel: SLACK_IDS.channel,
      event_ts: options.ts ?? '1700000000.000500',
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
      ...(options.botId ? { bot_id: options.botId } : {}),
      ...(options.subtype ? { subtype: options.subtype } : {}),
    },
    options.eventId ?? 'Ev0005',
  );
}

/** A message in the DM D0001 with the app. */
export function directMessage(text: string, options: { eventId?: string; ts?: string; botId?: string } = {}): SlackBody {
  return eventCallback(
    {
      type: 'message',
      channel_type: 'im',
      user: SLACK_IDS.user,
      text,
      ts: options.ts ?? '1700000000.000200',
      channel: SLACK_IDS.dm,
      event_ts: options.ts ?? '1700000000.000200',
      ...(options.botId ? { bot_id: options.botId } : {}),
    },
    options.eventId ?? 'Ev0002',
  );
}

/** A button press on a bot message in C0001 (by U0001 unless `userId` says otherwise). */
export function blockAction(
  actionId: string,
  value: string,
  options: { actionTs?: string; messageTs?: string; threadTs?: string; ephemeral?: boolean; userId?: string; fromHomeTab?: boolean } = {},
): SlackBody {
  if (options.fromHomeTab) return homeTabAction(actionId, value, options.userId ?? SLACK_IDS.user, options.actionTs ?? '1700000001.000001');
  const messageTs = options.messageTs ?? '1700000000.000300';
  const userId = options.userId ?? SLACK_IDS.user;
  const actionTs = options.actionTs ?? '1700000001.000001';
  const payload = {
    type: 'block_actions',
    user: { id: userId, username: userId.toLowerCase(), team_id: SLACK_IDS.team },
    api_app_id: SLACK_IDS.apiApp,
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: messageTs,
      channel_id: SLACK_IDS.channel,
      is_ephemeral: options.ephemeral ?? false,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    },
    trigger_id: '1.2.def',
    team: { id: SLACK_IDS.team, domain: 'example' },
    channel: { id: SLACK_IDS.channel, name: 'general' },
    message: { type: 'message', ts: messageTs, text: 'answer', ...(options.threadTs ? { thread_ts: options.threadTs } : {}) },
    // One response_url per press, as Slack does; the path names the presser so tests can tell acks apart.
    response_url: `${RESPONSE_URL_ORIGIN}${actionResponsePath(userId, actionTs)}`,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'srm_actions',
        text: { type: 'plain_text', text: 'Button' },
        value,
        action_ts: actionTs,
      },
    ],
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** A button pressed on the App Home tab: a view container, no channel, no message, no response_url. */
function homeTabAction(actionId: string, value: string, userId: string, actionTs: string): SlackBody {
  const payload = {
    type: 'block_actions',
    user: { id: userId, username: userId.toLowerCase(), team_id: SLACK_IDS.team },
    api_app_id: SLACK_IDS.apiApp,
    token: 'legacy-verification-token',
    container: { type: 'view', view_id: 'V0HOME' },
    trigger_id: '1.2.home',
    team: { id: SLACK_IDS.team, domain: 'example' },
    view: { id: 'V0HOME', type: 'home' },
    actions: [{ type: 'button', action_id: actionId, block_id: 'srm_actions', text: { type: 'plain_text', text: 'Button' }, value, action_ts: actionTs }],
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** The response_url path of a press by `userId` at `actionTs` (see blockAction). */
export function actionResponsePath(userId: string, actionTs: string): string {
  return `/actions/T0001/${userId}/${actionTs.replace('.', '-')}`;
}

/** Slack's request-URL check. */
export function urlVerification(challenge: string): SlackBody {
  return {
    body: JSON.stringify({ token: 'legacy-verification-token', challenge, type: 'url_verification' }),
    contentType: 'application/json',
  };
}

/**
 * A submitted modal (view_submission) as Slack sends it: the view we opened, with `private_metadata`
 * as we set it and the person's input under `state.values` (block id → action id → value).
 */
export function viewSubmission(view: { callback_id: string; private_metadata: string }, values: Record<string, Record<string, unknown>>, userId: string = SLACK_IDS.user): SlackBody {
  const payload = {
    type: 'view_submission',
    team: { id: SLACK_IDS.team, domain: 'example' },
    user: { id: userId, username: userId.toLowerCase(), team_id: SLACK_IDS.team },
    api_app_id: SLACK_IDS.apiApp,
    token: 'legacy-verification-token',
    trigger_id: '1.2.view',
    view: {
      id: 'V0FORM',
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values },
      hash: '1700000000.abc',
    },
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' };
}
