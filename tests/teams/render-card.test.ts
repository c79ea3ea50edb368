import { describe, expect, it } from 'vitest';
import { CARD_BYTE_BUDGET, byteSize, renderCard, renderCardMessage } from '../../adapters/teams/render-card.js';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { answerReply } from './fake-core.js';

function find(card: unknown, predicate: (node: Record<string, any>) => boolean): Record<string, any>[] {
  const found: Record<string, any>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (predicate(node as Record<string, any>)) found.push(node as Record<string, any>);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}
const texts = (card: unknown) => find(card, (n) => n.type === 'TextBlock').map((n) => n.text as string);

describe('renderCard', () => {
  it('shows the owner at a glance, the three sections and the source', () => {
    const card = renderCard(answerReply());

    expect(card.version).toBe('1.5');
    expect(texts(card)).toEqual([
      'Who owns it: You (the customer)',
      'Owner: You (the customer)',
      'What AWS does',
      'Patches the hypervisor and the physical hosts.',
      'What you do',
      'Patch the guest operating system and your software.',
      'Why',
      'EC2 is infrastructure as a service: you control the instance.',
      'Source: Shared Responsibility Model',
    ]);
    expect(find(card, (n) => n.type === 'FactSet')[0]!.facts).toEqual([
      { title: 'Service', value: 'Amazon EC2' },
      { title: 'Concern', value: 'Guest OS patching' },
    ]);
    expect(card.fallbackText).toContain('Patch the guest operating system');
  });

  it('turns reply actions and suggestions into Action.Submit buttons carrying {actionId, value}', () => {
    const buttons = find(renderCard(answerReply()), (n) => n.type === 'Action.Submit');

    expect(buttons.map((b) => [b.title, b.data])).toEqual([
      ['Show everything for Amazon EC2', { actionId: ACTION_IDS.showService, value: 'svc:ec2' }],
      ['👍', { actionId: ACTION_IDS.feedbackUp, value: 'A0001' }],
      ['👎', { actionId: ACTION_IDS.feedbackDown, value: 'A0001' }],
      ['Who patches RDS?', { actionId: ACTION_IDS.ask, value: 'Who patches RDS?' }],
    ]);
  });

  it('renders quiz answer buttons, five per row at most', () => {
    const actions = ['aws', 'customer', 'shared', 'a', 'b', 'c'].map((v) => ({ actionId: ACTION_IDS.quizAnswer, label: v, value: `Q1:${v}` }));
    const card = renderCard(answerReply({ kind: 'quiz', actions, suggestions: [] }));
    const sets = find(card, (n) => n.type === 'ActionSet');

    expect(sets.map((s) => s.actions.length)).toEqual([5, 1]);
  });

  it('neutralises <at> markup echoed from user text so nobody gets mentioned', () => {
    const card = renderCard(answerReply({ headline: 'You asked about <at>Bob</at>', text: '<at id="1">Bob</at>' }));

    expect(JSON.stringify(card)).not.toMatch(/<\/?at[\s>]/);
    expect(texts(card)[0]).toBe('You asked about ‹at>Bob‹/at>');
  });

  it('renders a comparison table with owners per service', () => {
    const card = renderCard(
      answerReply({
        kind: 'comparison',
        table: { columns: ['Amazon EC2', 'AWS Lambda'], rows: [{ label: 'OS patching', cells: [{ owner: 'customer' }, { owner: 'aws' }] }] },
      }),
    );
    const table = find(card, (n) => n.type === 'Table')[0]!;

    expect(table.rows).toHaveLength(2);
    expect(texts(table)).toEqual(['', 'Amazon EC2', 'AWS Lambda', 'OS patching', 'You (the customer)', 'AWS']);
  });

  it('keeps a huge reply well under the Teams message limit', () => {
    const long = 'x'.repeat(40_000);
    const reply = answerReply({
      text: long,
      sections: Array.from({ length: 20 }, (_, i) => ({ title: `Section ${i}`, body: long })),
      table: { columns: ['A'], rows: Array.from({ length: 200 }, (_, i) => ({ label: `row ${i} ${'y'.repeat(500)}`, cells: [{ owner: 'aws' as const }] })) },
    });
    const message = renderCardMessage(reply);

    expect(byteSize(message)).toBeLessThan(CARD_BYTE_BUDGET + 2_000);
    expect(byteSize(message)).toBeLessThan(80_000);
  });

  it('drops buttons whose value is over 2,000 characters and links that are not https', () => {
    const card = renderCard(
      answerReply({
        actions: [{ actionId: ACTION_IDS.showService, label: 'big', value: 'v'.repeat(2_001) }],
        suggestions: [],
        sources: [{ title: 'bad', url: 'javascript:alert(1)' }],
      }),
    );

    expect(find(card, (n) => n.type === 'Action.Submit')).toEqual([]);
    expect(card.actions).toEqual([]);
  });
});
