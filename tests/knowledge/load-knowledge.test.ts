import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/knowledge/knowledge-error.js';
import { knowledgeStats } from '../../src/knowledge/knowledge-stats.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { KNOWLEDGE_DIR, loadTestKnowledge } from '../helpers/knowledge.js';

describe('the shipped knowledge base', () => {
  const knowledge = loadTestKnowledge();
  const stats = knowledgeStats(knowledge);

  it('meets the size the project promises, with nothing unsourced', () => {
    expect(stats.services).toBeGreaterThanOrEqual(50);
    expect(stats.concerns).toBeGreaterThanOrEqual(30);
    expect(stats.responsibilities).toBeGreaterThanOrEqual(800);
    expect(stats.quizScenarios).toBeGreaterThanOrEqual(6);
    expect(stats.unsourced).toBe(0);
  });

  it('applies a default written for a category only to services of that category', () => {
    const ses = knowledge.lookup('ses', 'guest-os-patching');
    expect(ses).toMatchObject({ origin: 'default', owner: 'aws' });
    expect(knowledge.services.get('ses')?.category).toBe('abstracted');
    // A container service with no guest-OS entry of its own gets no abstracted-service default.
    expect(knowledge.services.get('ecs')?.category).toBe('container');
    expect(knowledge.lookup('ecs', 'guest-os-patching')).not.toMatchObject({ origin: 'default' });
    // A service's own entry still wins over its category's default.
    expect(knowledge.lookup('lambda', 'guest-os-patching')).toMatchObject({ origin: 'service' });
  });

  it.each(['ec2', 'ebs', 'vpc', 'lambda', 'rds', 'elastic-beanstalk', 's3', 'dynamodb', 'trusted-advisor', 'shield', 'chime'])(
    'has the seed service %s',
    (id) => {
      expect(knowledge.services.get(id)?.name).toBeTruthy();
    },
  );

  it("has no duty term that is only its own service's name (it would select that duty whenever the service is named)", () => {
    const normal = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const clashes = [...knowledge.services.values()].flatMap((s) => {
      // The service's own names ("AWS Lambda", "aws lambda"); aliases that name a part of it ("web acl") may select its duty.
      const names = new Set([s.id, s.name, ...s.aliases].map(normal).filter((n) => n === normal(s.name) || n === normal(s.id) || /^(aws|amazon) /.test(n)));
      return knowledge.entriesFor(s.id).flatMap((e) =>
        e.duties.flatMap((d) => d.terms.filter((t) => names.has(normal(t))).map((t) => `${s.id}/${e.concernId}: ${t}`)),
      );
    });
    expect(clashes).toEqual([]);
  });

  it('derives every owner from the duties in force: one side only → that side, both → shared', () => {
    for (const id of knowledge.services.keys()) {
      for (const entry of knowledge.entriesFor(id)) {
        const sides = new Set(entry.duties.filter((d) => !d.when).map((d) => d.by));
        expect(entry.owner).toBe(sides.size === 2 ? 'shared' : [...sides][0]);
      }
    }
  });

  it('models the variants that change the answer', () => {
    expect(knowledge.services.get('eks')?.variants.sort()).toEqual(
      ['eks-auto-mode', 'eks-control-plane', 'eks-fargate', 'eks-managed-node-groups', 'eks-self-managed-nodes'],
    );
    expect(knowledge.services.get('ecs')?.variants.sort()).toEqual(['ecs-ec2', 'ecs-fargate', 'ecs-managed-instances']);
    expect(knowledge.services.get('lambda')?.variants.sort()).toEqual(['lambda-container-image', 'lambda-custom-runtime']);
  });

  it('cites only AWS pages', () => {
    for (const id of knowledge.services.keys()) {
      for (const entry of knowledge.entriesFor(id)) {
        for (const url of entry.sources) expect(new URL(url).hostname).toMatch(/^(docs\.)?aws\.amazon\.com$/);
      }
    }
  });

  // Seed 002's activity: the classic deployment, with the seed's owners.
  it.each([
    ['ec2', 'guest-os-patching', 'customer'],
    ['ec2', 'physical-security', 'aws'],
    ['ec2', 'virtualization', 'aws'],
    ['ec2', 'firewall-rules', 'customer'],
    ['ec2', 'application-code', 'customer'],
    ['rds', 'platform-patching', 'aws'],
    ['ec2', 'platform-patching', 'customer'],
    ['s3', 'resource-policies', 'customer'],
  ])('seed activity: %s / %s is %s', (service, concern, owner) => {
    const answer = knowledge.lookup(service, concern);
    expect('none' in answer ? answer : answer.owner).toBe(owner);
  });

  it('has the seed activity as a quiz scenario with the seed answers in order', () => {
    const classic = knowledge.quizScenarios.get('classic-deployment');
    expect(classic?.questions.map((q) => q.answer)).toEqual(
      ['customer', 'aws', 'aws', 'customer', 'customer', 'aws', 'customer', 'customer'],
    );
  });

  it('answers a variant from its parent when it has no entry of its own', () => {
    const answer = knowledge.lookup('lambda-container-image', 'identity-access');
    expect('none' in answer ? answer.none : answer.origin).toBe('parent');
  });
});

describe('a broken knowledge file', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the real knowledge base with one file changed. */
  function brokenCopy(file: string, change: (text: string) => string): string {
    dir = mkdtempSync(join(tmpdir(), 'srm-kb-'));
    const target = join(dir, 'knowledge');
    cpSync(KNOWLEDGE_DIR, target, { recursive: true });
    const path = join(target, file);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
    return target;
  }

  function loadError(target: string): KnowledgeError {
    try {
      loadKnowledge(target);
    } catch (error) {
      if (error instanceof KnowledgeError) return error;
      throw error;
    }
    throw new Error('the knowledge base loaded although it is broken');
  }

  it('names file, entry and field for a bad side on a duty', () => {
    const target = brokenCopy('responsibilities/rds.yaml', (t) => t.replace(/concern: platform-patching\n    duties:\n      - by: aws/, 'concern: platform-patching\n    duties:\n      - by: amazon'));
    const [problem] = loadError(target).problems;
    expect(problem).toMatchObject({ file: 'knowledge/responsibilities/rds.yaml', entry: 'platform-patching', field: 'duties.0.by' });
    expect(loadError(target).message).toContain('knowledge/responsibilities/rds.yaml: entry "platform-patching", field "duties.0.by"');
  });

  it('names the unknown service a file refers to', () => {
    const target = brokenCopy('responsibilities/sqs.yaml', (t) => t.replace('service: sqs', 'service: sqs-classic'));
    expect(loadError(target).problems).toContainEqual(
      expect.objectContaining({ file: 'knowledge/responsibilities/sqs.yaml', field: 'service', message: 'unknown service "sqs-classic"' }),
    );
  });

  it('names an unknown concern in a quiz question', () => {
    const target = brokenCopy('quizzes/classic-deployment.yaml', (t) => t.replace('concern: guest-os-patching', 'concern: os-patching'));
    expect(loadError(target).problems).toContainEqual(
      expect.objectContaining({ file: 'knowledge/quizzes/classic-deployment.yaml', entry: 'classic-deployment-1', field: 'concern' }),
    );
  });

  it('reports a duplicate id', () => {
    const target = brokenCopy('services.yaml', (t) => t.replace('  - id: ebs\n', '  - id: ec2\n'));
    expect(loadError(target).problems).toContainEqual(
      expect.objectContaining({ file: 'knowledge/services.yaml', entry: 'ec2', field: 'id', message: 'duplicate id' }),
    );
  });

  it('reports a second default for the same concern and category', () => {
    const target = brokenCopy('defaults.yaml', (t) => `${t}\n  - concern: guest-os-patching\n    categories: [abstracted]\n    duties:\n      - by: aws\n        does: Again.\n    sources:\n      - https://aws.amazon.com/compliance/shared-responsibility-model/\n`);
    expect(loadError(target).problems).toContainEqual(
      expect.objectContaining({ file: 'knowledge/defaults.yaml', entry: 'guest-os-patching', field: 'concern', message: 'duplicate default for this concern (abstracted)' }),
    );
  });

  it('refuses a category that does not exist on a default', () => {
    const target = brokenCopy('defaults.yaml', (t) => t.replace('categories: [abstracted]', 'categories: [serverless]'));
    expect(loadError(target).problems).toContainEqual(expect.objectContaining({ file: 'knowledge/defaults.yaml', entry: 'guest-os-patching', field: 'categories.0' }));
  });

  it('reports a missing source', () => {
    const target = brokenCopy('defaults.yaml', (t) => t.replace(/    sources:\n      - https:\/\/aws\.amazon\.com\/compliance\/shared-responsibility-model\/\n/, '    sources: []\n'));
    expect(loadError(target).problems).toContainEqual(expect.objectContaining({ file: 'knowledge/defaults.yaml', entry: 'physical-security', field: 'sources' }));
  });

  it('refuses a source outside AWS documentation', () => {
    const target = brokenCopy('defaults.yaml', (t) => t.replace('https://aws.amazon.com/compliance/shared-responsibility-model/', 'https://example.com/srm'));
    expect(loadError(target).problems[0]?.message).toContain('docs.aws.amazon.com or aws.amazon.com');
  });

  it('gives the line of a YAML syntax error', () => {
    const target = brokenCopy('concerns.yaml', (t) => t.replace('  - id: virtualization\n', '  - id: virtualization\n   label: [unclosed\n'));
    const [problem] = loadError(target).problems;
    expect(problem?.file).toBe('knowledge/concerns.yaml');
    expect(problem?.message).toMatch(/^YAML syntax error at line \d+, column \d+/);
  });

  it('refuses an entry whose only duties are conditional', () => {
    const target = brokenCopy('responsibilities/rds.yaml', (t) =>
      t.replace(/concern: platform-patching\n    duties:\n      - by: aws\n/, 'concern: platform-patching\n    duties:\n      - by: aws\n        when: { label: always, terms: [always] }\n'),
    );
    expect(loadError(target).problems).toContainEqual(expect.objectContaining({ file: 'knowledge/responsibilities/rds.yaml', entry: 'platform-patching', field: 'duties' }));
  });

  it('refuses an otherSide note on a shared entry (each side is a duty there)', () => {
    const target = brokenCopy('responsibilities/efs.yaml', (t) =>
      t.replace(/(concern: encryption-at-rest\n    duties:\n)/, '$1      - by: customer\n        does: extra\n').replace(/(concern: encryption-at-rest\n)/, '$1    otherSide: not allowed here\n'),
    );
    expect(loadError(target).problems).toContainEqual(expect.objectContaining({ file: 'knowledge/responsibilities/efs.yaml', entry: 'encryption-at-rest', field: 'otherSide' }));
  });
});
