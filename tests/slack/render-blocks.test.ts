import { describe, expect, it } from 'vitest';
import { baseActionId, renderBlocks, SLACK_LIMITS } from '../../adapters/slack/render-blocks.js';
import type { Owner } from '../../src/model/owner.js';
import { personToken } from '../../src/model/person-token.js';
import { ACTION_IDS, type Reply } from '../../src/model/reply-model.js';
import { answerReply } from './fake-core.js';

type AnyBlock = {
  type: string;
  block_id?: string;
  text?: { type: string; text: string };
  elements?: { type: string; text: string | { text: string }; action_id?: string; value?: string }[];
};

function sectionTexts(blocks: AnyBlock[]): string[] {
  return blocks.filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
}

function buttons(blocks: AnyBlock[]) {
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
}

function hugeReply(): Reply {
  const long = 'The customer configures security groups & network ACLs <!here>. '.repeat(200);
  return {
    kind: 'service-card',
    headline: 'Everything for Amazon EC2 '.repeat(20),
    owner: 'shared',
    serviceName: 'Amazon EC2',
    sections: Array.from({ length: 80 }, (_, i) => ({ title: `Concern ${i}`, body: long })),
    table: {
      columns: ['Amazon EC2'],
      rows: Array.from({ length: 200 }, (_, i) => ({ label: `Row ${i}`, cells: [{ owner: 'customer' as Owner, note: 'n' }] })),
    },
    sources: Array.from({ length: 30 }, (_, i) => ({ title: `Doc ${i}`, url: `https://docs.aws.amazon.com/${i}` })),
    suggestions: Array.from({ length: 30 }, (_, i) => `question ${i}`),
    actions: [
      ...Array.from({ length: 40 }, (_, i) => ({ actionId: ACTION_IDS.ask, label: `Choice ${i} `.repeat(20), value: `c${i}` })),
      { actionId: ACTION_IDS.ask, label: 'too long a value', value: 'v'.repeat(2001) },
      { actionId: ACTION_IDS.feedbackUp, label: '👍', value: 'ans:ec2' },
      { actionId: ACTION_IDS.feedbackDown, label: '👎', value: 'ans:ec2' },
    ],
    text: 'x'.repeat(50_000),
  };
}

describe('renderBlocks limits', () => {
  const { text, blocks } = renderBlocks(hugeReply()) as { text: string; blocks: AnyBlock[] };

  it('keeps at most 50 blocks and a conservative total size', () => {
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.maxBlocks);
    expect(JSON.stringify(blocks).length).toBeLessThanOrEqual(SLACK_LIMITS.blocksBudgetChars);
  });

  it('keeps every section at 3,000 characters or fewer and says the answer was shortened', () => {
    const texts = sectionTexts(blocks);
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(JSON.stringify(blocks)).toContain('shortened to fit');
  });

  it('never cuts an escaped entity in half', () => {
    for (const t of sectionTexts(blocks)) expect(t).not.toMatch(/&(?:a|am|amp|l|lt|g|gt)?$/);
  });

  it('keeps button text ≤ 75, values ≤ 2,000, ids ≤ 255 and unique within a block', () => {
    for (const block of blocks.filter((b) => b.type === 'actions')) {
      const ids = (block.elements ?? []).map((e) => e.action_id ?? '');
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonsPerBlock);
      expect((block.block_id ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.idLength);
    }
    const all = buttons(blocks);
    for (const button of all) {
      expect((button.text as { text: string }).text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
      expect((button.value ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
      expect((button.action_id ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.idLength);
    }
    expect(all.some((b) => (b.value ?? '').length > 2000)).toBe(false);
  });

  it('keeps the feedback buttons even when the body is trimmed', () => {
    const ids = buttons(blocks).map((b) => baseActionId(b.action_id ?? ''));
    expect(ids).toContain(ACTION_IDS.feedbackUp);
    expect(ids).toContain(ACTION_IDS.feedbackDown);
  });

  it('caps context elements at 10 and the fallback text at 3,000', () => {
    for (const block of blocks.filter((b) => b.type === 'context')) {
      expect((block.elements ?? []).length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
    }
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(text.length).toBeGreaterThan(0);
  });
});

describe('renderBlocks content', () => {
  it.each([
    ['aws', ':cloud:', 'AWS'],
    ['customer', ':bust_in_silhouette:', 'You'],
    ['shared', ':handshake:', 'Shared'],
  ] as const)('shows owner %s at a glance (%s %s)', (owner, emoji, name) => {
    const { blocks } = renderBlocks({ ...answerReply('q'), owner }) as { blocks: AnyBlock[] };
    expect(blocks[0]?.type).toBe('header');
    expect(blocks[0]?.text?.text.startsWith(emoji)).toBe(true);
    expect(JSON.stringify(blocks[1])).toContain(`${emoji} *${name}*`);
  });

  it('renders what AWS does, what you do, why, the source link and the buttons', () => {
    const { blocks } = renderBlocks(answerReply('who patches RDS?')) as { blocks: AnyBlock[] };
    const texts = sectionTexts(blocks).join('\n');
    expect(texts).toContain('*What AWS does*');
    expect(texts).toContain('*What you do*');
    expect(texts).toContain('*Why*');
    expect(JSON.stringify(blocks)).toContain('<https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.html|Security in Amazon RDS>');
    expect(buttons(blocks).map((b) => [b.action_id, b.value])).toEqual([
      ['srm_show_service:0', 'svc:rds'],
      ['srm_feedback_up:0', 'ans:rds:patching'],
      ['srm_feedback_down:1', 'ans:rds:patching'],
    ]);
    expect(JSON.stringify(blocks)).toContain('Was this helpful?');
  });

  it.each(['<!channel>', '<!here>', '<!everyone>', '<@U0002>', '<!subteam^S0001>', '<https://evil.example|click>'])(
    'escapes %s in every text field',
    (injection) => {
      const reply: Reply = {
        ...answerReply(injection),
        headline: injection,
        serviceName: injection,
        concernLabel: injection,
        suggestions: [injection],
        sources: [{ title: injection, url: 'https://docs.aws.amazon.com/x' }],
        actions: [{ actionId: ACTION_IDS.ask, label: injection, value: 'c1' }],
        text: injection,
      };
      const message = renderBlocks(reply);
      const all = JSON.stringify(message);
      expect(all).not.toContain(injection);
      expect(all).toContain(injection.replace(/</g, '&lt;').replace(/>/g, '&gt;').slice(0, 12));
    },
  );

  it('drops source links that are not http(s)', () => {
    const reply = { ...answerReply('q'), sources: [{ title: 'bad', url: 'javascript:alert(1)' }, { title: 'pipe', url: 'https://a.example/x|y' }] };
    expect(JSON.stringify(renderBlocks(reply).blocks)).not.toMatch(/javascript:|a\.example/);
  });

  it('always sets plain text, falling back to the headline', () => {
    expect(renderBlocks({ ...answerReply('q'), text: '' }).text).toBe('Who owns it: AWS');
  });

  it('renders a comparison table row per concern with each owner', () => {
    const reply: Reply = {
      ...answerReply('q'),
      kind: 'comparison',
      table: {
        columns: ['Amazon EC2', 'AWS Lambda'],
        rows: [{ label: 'OS patching', cells: [{ owner: 'customer' }, { owner: 'aws' }] }],
      },
    };
    expect(sectionTexts(renderBlocks(reply).blocks as AnyBlock[]).join('\n')).toContain(
      '• *OS patching* — Amazon EC2: :bust_in_silhouette: You  ·  AWS Lambda: :cloud: AWS',
    );
  });

  it('uses a bold section instead of a header for a long headline', () => {
    const { blocks } = renderBlocks({ ...answerReply('q'), headline: 'h'.repeat(200) }) as { blocks: AnyBlock[] };
    expect(blocks[0]?.type).toBe('section');
  });

  it('uses a bold section, with a real mention, for a headline that names a person', () => {
    const headline = `Quiz finished: ${personToken('U0002')} wins with 2/2.`;
    const { blocks } = renderBlocks({ ...answerReply('q'), owner: undefined, headline }) as { blocks: AnyBlock[] };
    expect(blocks[0]?.type).toBe('section');
    expect(blocks[0]?.text?.text).toBe('*Quiz finished: <@U0002> wins with 2/2.*');
  });
});

describe('a pasted multiple-choice question', () => {
  it('renders the letters first and the options as a compact list with the picked ones marked, user text escaped', async () => {
    const { answerQuestion } = await import('../../src/answers/answer-question.js');
    const { createUnderstand } = await import('../../src/understanding/understand.js');
    const { loadTestKnowledge } = await import('../helpers/knowledge.js');
    const knowledge = loadTestKnowledge();
    const reply = answerQuestion(
      knowledge,
      createUnderstand(knowledge)("Which is the customer's responsibility? A. Configuring security groups <!channel> B. Patching the hypervisor C. Guarding the data centres D. Replacing failed disks"),
    ).reply;
    const { blocks } = renderBlocks(reply);
    const text = JSON.stringify(blocks);
    expect(text).toContain('Answer: A');
    expect(text).toContain('✅ A. Configuring security groups');
    expect(text).toContain('▫️ B. Patching the hypervisor');
    expect(text).not.toContain('<!channel>');
  });
});
