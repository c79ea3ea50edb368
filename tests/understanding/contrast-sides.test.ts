import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answer-question.js';
import { contrastSides } from '../../src/understanding/contrast-sides.js';
import { createUnderstand } from '../../src/understanding/understand.js';
import type { QuestionPart } from '../../src/understanding/understanding.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';

const knowledge = loadTestKnowledge();
const understand = createUnderstand(knowledge);
const ask = (q: string) => answerQuestion(knowledge, understand(q));

const part = (extra: Partial<QuestionPart> = {}): QuestionPart => ({
  service: { candidates: ['elastic-beanstalk'], generic: false, corrected: false },
  concernIds: ['platform-patching'],
  stemmed: ' ',
  ...extra,
});

describe('two acts set against each other', () => {
  it('leans the act whose words point nowhere to the other side of the one that points', () => {
    expect(contrastSides([part({ side: 'aws' }), part()])).toEqual([part({ side: 'aws' }), part({ leaning: 'customer' })]);
    expect(contrastSides([part(), part({ side: 'customer' })])).toEqual([part({ leaning: 'aws' }), part({ side: 'customer' })]);
  });

  it('leaves parts alone when both or neither point, or when one turns a service on', () => {
    const both = [part({ side: 'aws' }), part({ side: 'aws' })];
    expect(contrastSides(both)).toBe(both);
    const neither = [part(), part()];
    expect(contrastSides(neither)).toBe(neither);
    const turnsOn = [part({ side: 'customer', turnsOnService: true, concernIds: [] }), part()];
    expect(contrastSides(turnsOn)).toBe(turnsOn);
  });

  it('does not contrast with a side that only says what a thing is ("self-managed")', () => {
    const named = [part({ side: 'customer', sideFromName: true }), part()];
    expect(contrastSides(named)).toEqual(named);
  });

  it('answers "who publishes…, and who moves us onto…" as the two halves of the split', () => {
    const outcome = ask('Elastic Beanstalk: who releases new platform versions, and who moves our environments onto a supported one?');
    expect(outcome.parts?.map((p) => p.owner)).toEqual(['aws', 'customer']);
  });

  it('lets a part\'s own duty words outweigh the leaning', () => {
    const outcome = ask('Route 53 DNSSEC: who manages the zone-signing key, and who owns the customer managed KMS key behind the KSK?');
    expect(outcome.parts?.map((p) => p.owner)).toEqual(['aws', 'customer']);
  });
});
