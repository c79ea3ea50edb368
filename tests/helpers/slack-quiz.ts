import { ACTION_IDS } from '../../src/model/reply-model.js';
import type { Store } from '../../src/store/store.js';
import { blockAction, type SlackBody } from './slack-payloads.js';
import type { CapturedCall } from './slack-web-api.js';

/** A rendered Block Kit button. */
export interface SlackButton {
  action_id: string;
  value: string;
  text: { text: string };
}

/** Every button of a captured message, in order. */
export function buttonsOf(call: CapturedCall): SlackButton[] {
  return ((call.blocks ?? []) as { type: string; elements?: SlackButton[] }[])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? []);
}

/** A quiz question's buttons by what they mean; throws when one is missing. */
export function quizButtons(call: CapturedCall): Record<'aws' | 'customer' | 'shared' | 'reveal', SlackButton> {
  const buttons = buttonsOf(call);
  const find = (suffix: string, actionId: string) => {
    const button = buttons.find((b) => b.value.endsWith(`:${suffix}`) && b.action_id.startsWith(actionId));
    if (!button) throw new Error(`no ${suffix} button in ${JSON.stringify(buttons)}`);
    return button;
  };
  return {
    aws: find('aws', ACTION_IDS.quizAnswer),
    customer: find('customer', ACTION_IDS.quizAnswer),
    shared: find('shared', ACTION_IDS.quizAnswer),
    reveal: find('reveal', ACTION_IDS.quizReveal),
  };
}

/** The quiz id a question's buttons carry. */
export function quizIdOf(call: CapturedCall): string {
  return quizButtons(call).reveal.value.split(':')[0]!;
}

/** Everything a person would read in a message: fallback text and block text. */
export function shownText(call: CapturedCall | undefined): string {
  return call ? `${call.text ?? ''}\n${JSON.stringify(call.blocks ?? [])}` : '';
}

/** Where a question message lives: its own ts and the thread (header) it is in. */
export interface PostedQuestion {
  ts: string;
  threadTs: string;
}

/** Pressing `button` on a question message, as Slack sends it (signed by the test server). */
export function press(
  button: SlackButton,
  on: PostedQuestion,
  by: { userId: string; actionTs: string },
): SlackBody {
  return blockAction(button.action_id, button.value, {
    userId: by.userId,
    actionTs: by.actionTs,
    messageTs: on.ts,
    threadTs: on.threadTs,
  });
}

/**
 * What `userId` was told privately: ephemerals addressed to them, and ephemeral response_url posts
 * of their own presses (blockAction puts the presser in the response_url path).
 */
export function privateTo(userId: string, ephemerals: CapturedCall[], responses: CapturedCall[]): CapturedCall[] {
  return [
    ...ephemerals.filter((call) => call.user === userId),
    ...responses.filter((call) => call.path?.includes(`/${userId}/`) && call.response_type === 'ephemeral'),
  ];
}

/**
 * Waits until the adapter has remembered a posted message under `key` (it does so just after
 * chat.postMessage returns, a moment after nock saw the post). A press that arrives before that
 * is counted, but its count edit is skipped, so tests press only once the ts is known.
 */
export async function waitForRemembered(store: Pick<Store, 'getValue'>, key: string, ts: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await store.getValue(key)) !== ts) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${key} to be remembered as ${ts}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
