import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answer-question.js';
import { createUnderstand } from '../../src/understanding/understand.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';

const knowledge = loadTestKnowledge();
const understand = createUnderstand(knowledge);
const ask = (q: string) => answerQuestion(knowledge, understand(q));

describe('general causes found by the holdout (new phrasings, not its questions)', () => {
  it('reads words as one service name at most: a name inside a longer one is not a second service', () => {
    const read = understand('our EKS self-managed node group: who patches those nodes?');
    expect(read.services.map((s) => s.candidates[0])).toEqual(['eks-self-managed-nodes']);
    expect(read.parts).toBeUndefined();
  });

  it('reads "switching on" as turning a thing on, not as network switches', () => {
    const outcome = ask('who is responsible for switching on encryption for our EFS file systems?');
    expect(outcome).toMatchObject({ owner: 'customer', serviceName: 'Amazon EFS', concernId: 'encryption-at-rest' });
  });

  it('answers two acts named before one "whose is each?", even on one service', () => {
    const outcome = ask('the physical security of the data centres under S3, and the bucket policies on our buckets: whose is each?');
    expect(outcome.parts?.map((p) => p.owner)).toEqual(['aws', 'customer']);
  });

  it('keeps a part that configures a feature the knowledge has no entry for', () => {
    const outcome = ask('turning on GuardDuty, and the hardware GuardDuty runs on: who owns each?');
    expect(outcome.parts?.map((p) => p.owner)).toEqual(['customer', 'aws']);
  });
});
