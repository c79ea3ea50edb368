import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answer-question.js';
import { MESSAGES } from '../../src/answers/messages.js';
import { KnowledgeError } from '../../src/knowledge/knowledge-error.js';
import { withOrgOwners } from '../../src/knowledge/org-owners.js';
import { createUnderstand } from '../../src/understanding/understand.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';

const shipped = loadTestKnowledge();
const example = withOrgOwners(shipped, 'knowledge/org-owners.example.yaml');
const understand = createUnderstand(example);
const reply = (q: string) => answerQuestion(example, understand(q)).reply;
const inside = (q: string) => reply(q).sections.find((s) => s.title === MESSAGES.section.inside)?.body;

function overlay(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'srm-owners-')), 'owners.yaml');
  writeFileSync(path, text);
  return path;
}

function problemsOf(text: string): string {
  try {
    withOrgOwners(shipped, overlay(text));
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as Error).message;
  }
  throw new Error('expected the overlay to be refused');
}

describe('the organisation owners overlay (ORG_OWNERS_FILE)', () => {
  it('names the team inside the company for the customer part, a service line winning over the concern line', () => {
    expect(inside('who patches the guest OS on EC2?')).toBe('Compute platform team owns your part (#compute-platform).');
    expect(inside('who patches the guest OS on Lightsail?')).toBe('Platform team owns your part (#platform-help).');
    expect(inside('who writes the security group rules for RDS?')).toBe('Network security team owns your part (#netsec).');
    // The section sits right after the customer's part.
    const titles = reply('who writes the security group rules for RDS?').sections.map((s) => s.title);
    expect(titles.indexOf(MESSAGES.section.inside)).toBe(titles.indexOf(MESSAGES.section.customer) + 1);
  });

  it('says nothing about a team when the act is AWS\u2019s alone', () => {
    expect(inside('who patches the guest OS on RDS?')).toBeUndefined();
  });

  it('changes nothing without an overlay', () => {
    const plain = createUnderstand(shipped);
    const r = answerQuestion(shipped, plain('who patches the guest OS on EC2?')).reply;
    expect(r.sections.map((s) => s.title)).not.toContain(MESSAGES.section.inside);
  });

  it('marks the team on the lines of a stack checklist', () => {
    const text = reply('stack ec2 rds').text;
    expect(text).toContain('\u2192 Compute platform team (#compute-platform)');
    expect(text).toContain('\u2192 Network security team (#netsec)');
  });

  it('refuses a broken file, naming the file, the entry and the field', () => {
    expect(problemsOf('owners:\n  - concern: guest-os-patchin\n    team: X\n')).toMatch(/owners\.yaml: entry "guest-os-patchin", field "concern": unknown concern/);
    expect(problemsOf('owners:\n  - concern: firewall-rules\n    service: ec3\n    team: X\n')).toMatch(/entry "ec3\/firewall-rules", field "service": unknown service/);
    expect(problemsOf('owners:\n  - concern: firewall-rules\n')).toMatch(/entry "firewall-rules", field "team"/);
    expect(problemsOf('owners:\n  - concern: firewall-rules\n    team: "@channel ops"\n')).toMatch(/field "team": must not contain @channel/);
    expect(problemsOf('owners: [\n')).toMatch(/YAML syntax error at line/);
  });
});
