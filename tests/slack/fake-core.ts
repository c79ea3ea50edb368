import type { Effect } from '../../src/model/effects.js';
import type { IncomingAction, IncomingMessage } from '../../src/model/incoming.js';
import { ACTION_IDS, type Reply } from '../../src/model/reply-model.js';
import { RecordingCore } from '../helpers/fake-core.js';

/** A reply shaped like a real answer that echoes the question (to exercise escaping). */
export function answerReply(question: string): Reply {
  return {
    kind: 'answer',
    headline: 'Who owns it: AWS',
    owner: 'aws',
    serviceName: 'Amazon RDS',
    concernLabel: 'Patching the database engine',
    sections: [
      { title: 'What AWS does', body: 'AWS patches the database engine during your maintenance window.' },
      { title: 'What you do', body: 'You choose the maintenance window and engine version.' },
      { title: 'Why', body: `RDS is an abstracted service. You asked: ${question}` },
    ],
    sources: [{ title: 'Security in Amazon RDS', url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.html' }],
    suggestions: ['Who encrypts RDS?'],
    actions: [
      { actionId: ACTION_IDS.showService, label: 'Show everything for Amazon RDS', value: 'svc:rds' },
      { actionId: ACTION_IDS.feedbackUp, label: '👍', value: 'ans:rds:patching' },
      { actionId: ACTION_IDS.feedbackDown, label: '👎', value: 'ans:rds:patching' },
    ],
    text: `Who owns it: AWS. You asked: ${question}`,
  };
}

/** A stand-in core: records what it was given and answers with answerReply. */
export class FakeCore extends RecordingCore {
  readonly remembered: [string, string][] = [];
  /** Replace to change what handleMessage does (throw, delay, other effects). */
  onMessage: (message: IncomingMessage) => Promise<Effect[]> = async (message) => [
    { type: 'reply', visibility: 'public', reply: answerReply(message.text) },
  ];
  onAction: (action: IncomingAction) => Promise<Effect[]> = async (action) => [
    { type: 'reply', visibility: 'private', reply: { ...answerReply(action.value), actions: [] } },
  ];

  welcome(): Reply {
    return answerReply('hello');
  }
  async rememberMessage(key: string, messageId: string): Promise<void> {
    this.remembered.push([key, messageId]);
  }
}
