import type { Knowledge } from '../knowledge/types.js';
import { type MultipleChoice, STATEMENT_PARTY } from './multiple-choice.js';
import type { Understanding } from './understanding.js';

/** A pasted question with each option read as a question of its own, and its stem read whole and by sentence. */
export type ReadChoice = MultipleChoice & { readings: Understanding[]; stemReadings: Understanding[] };

/**
 * Reads each option as a question of its own: "who is responsible for <option>?", or the statement
 * itself. An option that names no service is read with the service the question is about ("A company
 * runs Lambda… which is theirs? A. Patching the hypervisor"); an option that is only a service is read
 * as the stem's act on it ("For which of these does the customer patch the guest OS? A. Amazon EC2").
 */
export function readMultipleChoice(pasted: MultipleChoice, knowledge: Knowledge, understand: (text: string) => Understanding): ReadChoice {
  const stem = understand(pasted.stem);
  const stemService = stem.services[0] ? knowledge.services.get(stem.services[0].candidates[0]!) : undefined;
  // The stem names an act and no service: the options may be the services to judge it on.
  const stemAct = stem.services.length === 0 && stem.concernIds.length > 0 ? stem : undefined;
  const asQuestion = (option: string) => {
    // "Which statement about AWS Shield Standard is true? … It is included at no charge", "…to turn it on":
    // "it" is the stem's subject, as the stem words it ("AWS Shield Standard" keeps the words that pick a condition).
    const pronoun = stemService && pasted.kind === 'true-statement' && /\b(?:it|this service)\b/i.test(option);
    const subject = /\babout (.+?) (?:is|are) (?:true|correct|accurate)\b/i.exec(pasted.stem)?.[1] ?? stemService?.name;
    if (pronoun && subject) {
      const named = option.replace(/\b(?:it|this service)\b/gi, subject).replace(/[.?!]+$/, '');
      return STATEMENT_PARTY.test(option) ? named.replace(STATEMENT_PARTY, 'who ') + '?' : named;
    }
    const text = option.replace(/[.?!]+$/, '');
    if (pasted.kind === 'more-customer-work' || pasted.kind === 'less-customer-work') return text;
    // A statement's subject becomes the question's "who": "The customer patches the OS…" → "who patches the OS…?"
    if (pasted.kind === 'true-statement') return text.replace(STATEMENT_PARTY, 'who ') + (STATEMENT_PARTY.test(text) ? '?' : '');
    return `who is responsible for ${text}?`;
  };
  const readings = pasted.options.map((o): Understanding => {
    const reading = understand(asQuestion(o.text));
    const [only] = reading.services;
    if (stemAct && only && reading.services.length === 1 && !only.generic && reading.concernIds.length === 0 && pasted.kind !== 'true-statement') {
      const { claim: _claim, claimsAutomatic: _automatic, parts: _parts, ...act } = stemAct;
      return { ...act, services: [only], intent: 'who-owns', confidence: Math.max(act.confidence, 0.8) };
    }
    // An everyday word ("servers") does not name the option's service; the question's service does.
    // An option read as a concept stays one, unless it names an act the stem's service has ("two HSMs in different AZs for
    // high availability" is that service's act, not the concept of high availability).
    const concept = reading.intent === 'concept' && reading.concernIds.length === 0;
    if (reading.services.some((r) => !r.generic) || !stemService || concept) return reading;
    const withService = understand(`${asQuestion(o.text).replace(/\?$/, '')} on ${stemService.name}?`);
    // The service's name only places the option; its words must not pick a duty ("AWS Key Management Service" is no "AWS managed key").
    return { ...withService, stemmed: reading.stemmed, ...(reading.side ? { side: reading.side } : {}) };
  });
  // The stem whole, then each of its sentences: "A customer's auditor asks how the data centres are protected. What kind of control is this?"
  const sentences = pasted.stem.split(/(?<=[.?!])\s+/).filter((s) => s.length > 0);
  const stemReadings = [stem, ...(sentences.length > 1 ? sentences.map((s) => understand(s)) : [])];
  return { ...pasted, readings, stemReadings };
}
