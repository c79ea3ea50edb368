import type { Effect } from '../../src/model/effects.js';
import type { IncomingAction, IncomingMessage } from '../../src/model/incoming.js';
import { ACTION_IDS, type Reply } from '../../src/model/reply-model.js';
import { RecordingCore } from '../helpers/fake-core.js';
import type { TeamsStore } from '../../adapters/teams/teams-bot.js';
import type { Logger } from '../../src/model/logger.js';

/** A typical answer, as the core would build it. */
export function answerReply(overrides: Partial<Reply> = {}): Reply {
  return {
    kind: 'answer',
    headline: 'Who owns it: You (the customer)',
    owner: 'customer',
    serviceName: 'Amazon EC2',
    concernLabel: 'Guest OS patching',
    sections: [
      { title: 'What AWS does', body: 'Patches the hypervisor and the physical hosts.' },
      { title: 'What you do', body: 'Patch the guest operating system and your software.' },
      { title: 'Why', body: 'EC2 is infrastructure as a service: you control the instance.' },
    ],
    sources: [{ title: 'Shared Responsibility Model', url: 'https://aws.amazon.com/compliance/shared-responsibility-model/' }],
    suggestions: ['Who patches RDS?'],
    actions: [
      { actionId: ACTION_IDS.showService, label: 'Show everything for Amazon EC2', value: 'svc:ec2' },
      { actionId: ACTION_IDS.feedbackUp, label: '👍', value: 'A0001' },
      { actionId: ACTION_IDS.feedbackDown, label: '👎', value: 'A0001' },
    ],
    text: 'Who owns it: You (the customer). Patch the guest operating system and your software.',
    ...overrides,
  };
}

export function welcomeReply(): Reply {
  return answerReply({
    kind: 'welcome',
    headline: 'Hi, I answer questions about the AWS Shared Responsibility Model',
    owner: undefined,
    serviceName: undefined,
    concernLabel: undefined,
    sections: [{ title: 'Try asking', body: 'Who patches EC2? Who encrypts S3 data? Quiz me' }],
    actions: [],
    suggestions: [],
    text: 'Hi, I answer questions about the AWS Shared Responsibility Model',
  });
}

/** Records what it was given and answers with scripted effects. */
export class FakeCore extends RecordingCore {
  readonly remembered = new Map<string, string>();
  onMessage: (message: IncomingMessage) => Effect[] | Promise<Effect[]> = () => [
    { type: 'reply', reply: answerReply(), visibility: 'public' },
  ];
  onAction: (action: IncomingAction) => Effect[] | Promise<Effect[]> = (action) => [
    { type: 'reply', reply: answerReply({ kind: 'notice', headline: `Thanks for ${action.actionId}` }), visibility: 'public' },
  ];

  welcome(): Reply {
    return welcomeReply();
  }
  async rememberMessage(key: string, messageId: string): Promise<void> {
    this.remembered.set(key, messageId);
  }
}

/** The Store methods the Teams adapter uses, in memory, with an injectable clock. */
export class MemoryStore implements TeamsStore {
  private readonly claims = new Map<string, number>();
  readonly messages = new Map<string, string>();
  constructor(private readonly now: () => number = () => 0) {}

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const until = this.claims.get(key);
    if (until !== undefined && until > this.now()) return false;
    this.claims.set(key, this.now() + ttlMs);
    return true;
  }
  async setValue(key: string, value: string): Promise<void> {
    this.messages.set(key, value);
  }
  async getValue(key: string): Promise<string | undefined> {
    return this.messages.get(key);
  }
}

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

/** A logger that keeps its lines for assertions. */
export function captureLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (fields: object, message?: string) => {
    lines.push({ level, fields: fields as Record<string, unknown>, message: message ?? '' });
  };
  return { logger: { info: at('info'), warn: at('warn'), error: at('error') }, lines };
}
