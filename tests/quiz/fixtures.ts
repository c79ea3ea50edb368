import { deriveResponsibility } from '../../src/knowledge/derive-responsibility.js';
import type { Owner } from '../../src/model/owner.js';
import type {
  Concern,
  Knowledge,
  QuizScenario,
  ResolvedResponsibility,
  Service,
} from '../../src/knowledge/types.js';

const service = (id: string, name: string, aliases: string[], variants: string[] = []): Service => ({
  id,
  name,
  aliases,
  genericTerms: [],
  category: 'infrastructure',
  categoryNote: '',
  model: 'IaaS',
  modelNote: '',
  source: `https://docs.aws.amazon.com/${id}`,
  variants,
});

const concern = (id: string, label: string, terms: string[], resolvesTo: string[] = []): Concern => ({
  id,
  label,
  terms,
  general: deriveResponsibility({ duties: [{ by: 'aws', does: 'General AWS part.', terms: [] }], otherSide: 'General customer part.', sources: ['https://aws.amazon.com/g'] }),
  resolvesTo,
  contextTerms: [],
});

const entry = (serviceId: string, concernId: string, owner: Owner): ResolvedResponsibility => ({
  serviceId,
  concernId,
  ...deriveResponsibility({
    duties: [
      ...(owner === 'customer' ? [] : [{ by: 'aws' as const, does: `AWS part for ${serviceId}/${concernId}.`, terms: [] }]),
      ...(owner === 'aws' ? [] : [{ by: 'customer' as const, does: `Customer part for ${serviceId}/${concernId}.`, terms: [] }]),
    ],
    ...(owner === 'aws' ? { otherSide: 'Nothing.' } : owner === 'customer' ? { otherSide: `AWS part for ${serviceId}/${concernId}.` } : {}),
    sources: [`https://docs.aws.amazon.com/${serviceId}/${concernId}`],
  }),
  origin: 'service',
});

/** Three services, four concerns and one scenario: enough to exercise every selection path. */
export const SERVICES = [
  service('ec2', 'Amazon EC2', ['ec2', 'elastic compute cloud']),
  service('rds', 'Amazon RDS', ['rds', 'relational database service']),
  service('s3', 'Amazon S3', ['s3', 'simple storage service']),
];
export const CONCERNS = [
  concern('guest-os-patching', 'Guest operating system patching', ['guest os', 'os patching']),
  concern('encryption-at-rest', 'Encryption at rest', ['at rest', 'sse']),
  concern('encryption-in-transit', 'Encryption in transit', ['tls', 'https']),
  concern('patch-management', 'Patch management', ['patching', 'patches'], ['guest-os-patching']),
];
const ENTRIES: ResolvedResponsibility[] = [
  entry('ec2', 'guest-os-patching', 'customer'),
  entry('ec2', 'encryption-at-rest', 'customer'),
  entry('ec2', 'encryption-in-transit', 'customer'),
  entry('rds', 'guest-os-patching', 'aws'),
  entry('rds', 'encryption-at-rest', 'shared'),
  entry('rds', 'encryption-in-transit', 'shared'),
  entry('s3', 'encryption-at-rest', 'aws'),
  entry('s3', 'encryption-in-transit', 'shared'),
];

/** The scenario "serverless-app" with three questions whose answers are aws, customer, shared. */
export const SERVERLESS: QuizScenario = {
  id: 'serverless-app',
  title: 'A serverless app',
  summary: 'Lambda behind API Gateway.',
  tags: ['serverless', 'rds'],
  questions: [
    { id: 'sl-1', prompt: 'Who patches the Lambda runtime?', answer: 'aws', explanation: 'AWS patches managed runtimes.', source: 'https://docs.aws.amazon.com/lambda/1', scenarioId: 'serverless-app' },
    { id: 'sl-2', prompt: 'Who secures the function code?', answer: 'customer', explanation: 'Your code is yours.', source: 'https://docs.aws.amazon.com/lambda/2', scenarioId: 'serverless-app' },
    { id: 'sl-3', prompt: 'Who handles encryption in transit to the API?', answer: 'shared', explanation: 'AWS offers TLS; you enforce it.', source: 'https://docs.aws.amazon.com/lambda/3', concern: 'encryption-in-transit', scenarioId: 'serverless-app' },
  ],
};

/** A hand-made Knowledge for quiz tests. */
export function fixtureKnowledge(scenarios: QuizScenario[] = [SERVERLESS]): Knowledge {
  return {
    services: new Map(SERVICES.map((s) => [s.id, s])),
    concerns: new Map(CONCERNS.map((c) => [c.id, c])),
    concepts: new Map(),
    quizScenarios: new Map(scenarios.map((s) => [s.id, s])),
    lookup: (serviceId, concernId) =>
      ENTRIES.find((e) => e.serviceId === serviceId && e.concernId === concernId) ?? { none: 'unknown' },
    entriesFor: (serviceId) => ENTRIES.filter((e) => e.serviceId === serviceId),
    fileOf: () => undefined,
    responsibilityCount: ENTRIES.length,
  };
}

/** A deterministic random: a fixed repeating sequence. */
export function sequenceRandom(values: number[] = [0.1, 0.7, 0.3, 0.9, 0.5, 0.2, 0.8]): () => number {
  let i = 0;
  return () => values[i++ % values.length] as number;
}
