import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { srm } from '../helpers/cli.js';
import { KNOWLEDGE_DIR } from '../helpers/knowledge.js';

describe('srm ask', () => {
  it('prints the plain-text answer', async () => {
    const run = await srm(['ask', 'who patches RDS?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^AWS owns .* on Amazon RDS/);
    expect(run.stdout).toContain('What you do:');
    expect(run.stdout).toContain('Source: https://docs.aws.amazon.com/');
  });

  it('prints one JSON object with --json', async () => {
    const run = await srm(['ask', '--json', 'who patches Oracle on EC2?']);
    const result = JSON.parse(run.stdout);
    expect(result).toEqual({
      question: 'who patches Oracle on EC2?',
      intent: 'who-owns',
      answered: true,
      owner: 'customer',
      service: 'Amazon EC2',
      concern: 'Database engine, runtime and platform patching',
      confidence: expect.any(Number),
      text: expect.stringContaining('You (the customer) own'),
    });
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('gives a two-part question the first part\'s owner and every part in "parts"', async () => {
    const result = JSON.parse((await srm(['ask', '--json', 'Windows on EC2 and SQL Server on RDS — who patches each?'])).stdout);
    expect(result.owner).toBe('customer');
    expect(result.parts).toEqual([
      expect.objectContaining({ service: 'Amazon EC2', owner: 'customer' }),
      expect.objectContaining({ service: 'Amazon RDS', owner: 'aws' }),
    ]);
    expect(result.parts.every((p: { concern: unknown }) => typeof p.concern === 'string')).toBe(true);
  });

  it('marks a declined question as not answered, with no owner', async () => {
    const result = JSON.parse((await srm(['ask', '--json', 'how much does S3 cost?'])).stdout);
    expect(result).toMatchObject({ intent: 'decline', answered: false, owner: null, service: null, confidence: 0 });
  });

  it('reads one question per stdin line and writes one JSON line each, in order', async () => {
    const questions = ['who patches RDS?', '', 'who configures security groups on EC2?', 'tell me a joke'];
    const run = await srm(['ask', '--json'], { stdin: `${questions.join('\n')}\n` });
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual(['who patches RDS?', 'who configures security groups on EC2?', 'tell me a joke']);
    expect(lines.map((l) => l.owner)).toEqual(['aws', 'customer', null]);
  });

  it('answers 1,000 questions from stdin', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => (i % 2 ? 'who encrypts EBS volumes?' : `who patches lambda runtime ${i}`));
    const run = await srm(['ask', '--json'], { stdin: many.join('\n') });
    expect(run.stdout.trim().split('\n')).toHaveLength(1000);
  });

  it('shows usage for ask without a question or --json', async () => {
    const run = await srm(['ask']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('Usage: srm ask');
  });
});

describe('srm kb', () => {
  it('prints the counts as JSON', async () => {
    const stats = JSON.parse((await srm(['kb', 'stats', '--json'])).stdout);
    expect(Object.keys(stats).sort()).toEqual(['concepts', 'concerns', 'duties', 'quizQuestions', 'quizScenarios', 'responsibilities', 'services', 'sharedUnsplit', 'unsourced']);
    expect(stats.duties).toBeGreaterThan(stats.responsibilities);
    expect(stats.sharedUnsplit).toBe(0);
    expect(stats.services).toBeGreaterThanOrEqual(50);
    expect(stats.unsourced).toBe(0);
  });

  it('checks the knowledge base and prints a summary', async () => {
    const run = await srm(['kb', 'check']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Knowledge base OK\./);
  });

  it('stops with the file, entry and field of a broken knowledge file, and exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'srm-kb-'));
    cpSync(KNOWLEDGE_DIR, join(dir, 'knowledge'), { recursive: true });
    const file = join(dir, 'knowledge', 'responsibilities', 'ec2.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/- by: customer/, '- by: nobody'));
    const run = await srm(['kb', 'check'], { env: { KNOWLEDGE_DIR: join(dir, 'knowledge') } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/knowledge\/responsibilities\/ec2\.yaml: entry "[a-z-]+", field "duties\.\d+\.by"/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('configuration', () => {
  it('names a malformed variable in one line', async () => {
    const run = await srm(['kb', 'check'], { env: { PORT: 'eighty' } });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('PORT');
  });

  it('requires REDIS_URL when STORE=redis', async () => {
    const run = await srm(['kb', 'check'], { env: { STORE: 'redis' } });
    expect(run.stderr).toContain('REDIS_URL');
  });

  it('rejects an unknown command with usage', async () => {
    const run = await srm(['frobnicate']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('Usage:');
  });
});

describe('srm chat and srm start without credentials', () => {
  it('opens a local chat with a hint, answers, and presses buttons by number', async () => {
    const run = await srm(['chat'], { stdin: 'who patches RDS?\n1\nquit\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Ask who owns a security concern on AWS');
    expect(run.stdout).toContain('AWS owns');
    expect(run.stdout).toMatch(/\[1\] Show everything for Amazon RDS/);
    expect(run.stdout).toContain('Amazon RDS: container service (PaaS)'); // the card button 1 opened
  });

  it('starts the local chat when no Slack or Teams credentials are set', async () => {
    const run = await srm(['start'], { stdin: 'help\n' });
    expect(run.stdout).toContain('I answer who owns a security concern on AWS');
  });

  it('runs a quiz in the console', async () => {
    const run = await srm(['chat'], { stdin: 'quiz classic 2\n1\n' });
    expect(run.stdout).toContain('Question 1');
    expect(run.stdout).toMatch(/\(only you see this\)/);
  });
});
