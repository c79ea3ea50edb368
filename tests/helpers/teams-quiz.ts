import type { CardActionData } from '../../adapters/teams/render-card.js';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { submitAction, type TestActivity } from './teams-activities.js';
import type { ConnectorCall } from './teams-connector.js';

/** Every Action.Submit or Action.Execute `data` on the card a connector call carries, in order. */
export function cardSubmits(call: ConnectorCall): CardActionData[] {
  const found: CardActionData[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Submit' || record.type === 'Action.Execute') found.push(record.data as CardActionData);
      Object.values(record).forEach(walk);
    }
  };
  walk(call.body.attachments);
  return found;
}

/** A quiz question card's buttons by what they mean; throws when one is missing. */
export function quizSubmits(call: ConnectorCall): Record<'aws' | 'customer' | 'shared' | 'reveal', CardActionData> {
  const submits = cardSubmits(call);
  const find = (suffix: string, actionId: string) => {
    const data = submits.find((d) => d.actionId === actionId && d.value.endsWith(`:${suffix}`));
    if (!data) throw new Error(`no ${suffix} button in ${JSON.stringify(submits)}`);
    return data;
  };
  return {
    aws: find('aws', ACTION_IDS.quizAnswer),
    customer: find('customer', ACTION_IDS.quizAnswer),
    shared: find('shared', ACTION_IDS.quizAnswer),
    reveal: find('reveal', ACTION_IDS.quizReveal),
  };
}

/** What a person would read: the notification text and the whole card. */
export function shownText(call: ConnectorCall | undefined): string {
  return call ? `${call.body.text ?? ''}\n${call.body.summary ?? ''}\n${JSON.stringify(call.body.attachments ?? [])}` : '';
}

/** Pressing a card button, as Teams sends it: in the thread of `threadRoot`, replying to the card `cardId`. */
export function pressCard(
  data: CardActionData,
  on: { threadRoot: string; cardId: string },
  by: { id: string; name: string },
  activityId: string,
): TestActivity {
  return submitAction(data.actionId, data.value, 'channel', activityId, { from: by, threadRoot: on.threadRoot, replyToId: on.cardId });
}
