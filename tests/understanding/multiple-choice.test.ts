import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answer-question.js';
import { parseMultipleChoice } from '../../src/understanding/multiple-choice.js';
import { createUnderstand } from '../../src/understanding/understand.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';

const knowledge = loadTestKnowledge();
const understand = createUnderstand(knowledge);
const answer = (q: string) => answerQuestion(knowledge, understand(q));

const OPTIONS = ['Physical security of edge locations', 'Configuring security groups', 'Patching the hypervisor', 'Encrypting data in their S3 buckets', 'Replacing failed disks'];
const STEM = "Which of the following is the customer's responsibility under the AWS shared responsibility model? (Choose TWO)";

describe('reading a pasted multiple-choice question', () => {
  it.each([
    ['on separate lines, A.', `${STEM}\n${OPTIONS.map((o, i) => `${'ABCDE'[i]}. ${o}`).join('\n')}`],
    ['on separate lines, A)', `${STEM}\n${OPTIONS.map((o, i) => `${'ABCDE'[i]}) ${o}`).join('\n')}`],
    ['on separate lines, (A)', `${STEM}\n${OPTIONS.map((o, i) => `(${'ABCDE'[i]}) ${o}`).join('\n')}`],
    ['lower case, a.', `${STEM}\n${OPTIONS.map((o, i) => `${'abcde'[i]}. ${o}`).join('\n')}`],
    ['on one line', `${STEM} ${OPTIONS.map((o, i) => `${'ABCDE'[i]}. ${o}`).join(' ')}`],
  ])('%s', (_layout, text) => {
    const choice = parseMultipleChoice(text);
    expect(choice?.options.map((o) => o.text)).toEqual(OPTIONS);
    expect(choice).toMatchObject({ count: 2, kind: 'customer', negated: false });
  });

  it.each([
    ['A company runs Amazon Aurora. Which of the following does AWS perform? A. x B. y C. z D. w', { kind: 'aws' }],
    ['Which of these tasks does Amazon Neptune handle for the customer? A. x B. y C. z D. w', { kind: 'aws' }],
    ['Which of these is AWS’s responsibility? Select 2 A. x B. y C. z D. w', { kind: 'aws', count: 2, negated: false }],
    ['Which of the following is NOT the customer’s responsibility? A. x B. y C. z D. w', { kind: 'customer', negated: true }],
    ['Which of the following is a shared control between AWS and the customer? A. x B. y C. z D. w', { kind: 'shared-control' }],
    ['Which control does a customer inherit from AWS? A. x B. y C. z D. w', { kind: 'inherited' }],
    ['Which AWS service leaves the most security work to the customer? A. x B. y C. z', { kind: 'more-customer-work' }],
    ['Which statement about the shared responsibility model is true? Choose 3 A. x B. y C. z D. w E. v', { kind: 'true-statement', count: 3 }],
  ])('%s', (text, expected) => {
    expect(parseMultipleChoice(text)).toMatchObject(expected);
  });

  it('is not fooled by an ordinary question that mentions "a." in passing', () => {
    expect(parseMultipleChoice('who patches RDS? a. I think it is AWS')).toBeUndefined();
  });
});

describe('answering it', () => {
  it('picks exactly the letters asked for, letters first, then one line per option with its verdict', () => {
    const outcome = answer(`${STEM}\n${OPTIONS.map((o, i) => `${'ABCDE'[i]}. ${o}`).join('\n')}`);
    expect(outcome.choices).toEqual(['B', 'D']);
    expect(outcome.answered).toBe(true);
    expect(outcome.reply.headline).toBe('Answer: B, D');
    const lines = outcome.reply.sections[0]!.body.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^▫️ A\. Physical security of edge locations — AWS's/);
    expect(lines[1]).toMatch(/^✅ B\. Configuring security groups — yours/);
    expect(outcome.options?.map((o) => o.verdict)).toEqual(['does not fit', 'fits', 'does not fit', 'fits', 'does not fit']);
    expect(outcome.reply.sources.length).toBeGreaterThan(0);
  });

  it('flips the pick for NOT', () => {
    const outcome = answer('Which of the following is NOT the responsibility of the customer? A. Configuring security groups B. Patching the hypervisor C. Writing IAM policies D. Patching the guest OS on EC2');
    expect(outcome.choices).toEqual(['B']);
  });

  it('reads "the customer who owns the instance" as the customer among parties, and anyone else as no party', () => {
    const outcome = answer('Amazon Inspector reports a critical CVE in a package on an EC2 instance. Who must remediate it?\nA) AWS, because Inspector is a managed service\nB) The customer who owns the instance\nC) AWS Support\nD) The package maintainer');
    expect(outcome.choices).toEqual(['B']);
  });

  it('does not take an option that names no act ("Nothing, … by default") as the customer\u2019s act', () => {
    const outcome = answer('Which of the following must a customer configure so viewers reach CloudFront only over HTTPS?\nA) Nothing, CloudFront enforces HTTPS by default\nB) The viewer protocol policy on the cache behaviors\nC) AWS Shield Advanced\nD) Amazon Inspector');
    expect(outcome.options?.find((o) => o.letter === 'A')?.verdict).toBe('does not fit');
    expect(outcome.options?.find((o) => o.letter === 'B')?.verdict).toBe('fits');
  });

  it('picks the service that leaves the customer the most work', () => {
    const outcome = answer('Which of these AWS services leaves the customer the most security work? A. Amazon S3 B. Amazon EC2 C. AWS Lambda D. Amazon DynamoDB');
    expect(outcome.choices).toEqual(['B']);
  });

  it('says it is unsure when an option it cannot judge could change the pick', () => {
    const outcome = answer("Which are the customer's responsibilities? (Choose TWO) A. Configuring security groups B. Flurbling the quantum widget C. Patching the hypervisor D. Guarding the data centres");
    expect(outcome.answered).toBe(false);
    expect(outcome.reply.headline).toMatch(/not sure/);
    expect(outcome.options?.find((o) => o.letter === 'B')?.verdict).toBe('unknown');
  });
});

describe('the sources of the options', () => {
  it('ends every judged option line with the number of a listed AWS page', () => {
    const reply = answer(`${STEM} ${OPTIONS.map((o, i) => `${'ABCDE'[i]}. ${o}`).join(' ')}`).reply;
    const lines = reply.sections[0]?.body.split('\n') ?? [];
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      const n = Number(/\[(\d+)\]$/.exec(line)?.[1]);
      expect(n, line).toBeGreaterThanOrEqual(1);
      expect(reply.sources[n - 1]?.url, line).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//);
    }
  });
});

describe('true-statement options the first version could not judge (new phrasings)', () => {
  const letters = (q: string) => answer(q).choices;

  it('reads a plural party ("Customers must…") as the party it names', () => {
    expect(letters('Which statement about Amazon RDS is true?\nA. Customers must replace failed disks under their DB instances\nB. Customers must create the database users their applications log in with\nC. Customers must patch the hypervisor of the DB hosts')).toEqual(['B']);
  });

  it('judges "X is not responsible for…" as the act being the other side\u2019s alone', () => {
    expect(letters('Which statement about AWS Lambda is true?\nA. AWS is not responsible for the Lambda execution environment\u2019s operating system\nB. Customers are not responsible for the physical servers that run their functions\nC. AWS writes the customer\u2019s function code')).toEqual(['B']);
  });

  it('reads "it" in an option as the subject of the stem, with the words that pick a condition', () => {
    const outcome = answer('Which statement about AWS Shield Standard is true?\nA. It has to be turned on by each customer\nB. It is applied automatically at no extra cost\nC. Customers operate it themselves');
    expect(outcome.choices).toEqual(['B']);
    expect(outcome.reply.text).toContain('Shield Standard');
  });
});

describe('which service leaves the customer more work', () => {
  it('counts over the concerns every option has, so a service with more entries is not more work', () => {
    expect(answer('Which Amazon EKS compute option leaves the customer with the least responsibility?\nA. Self-managed nodes\nB. Managed node groups\nC. AWS Fargate').choices).toEqual(['C']);
    expect(answer('Which Amazon EKS compute option leaves the customer with the most responsibility?\nA. EKS Auto Mode\nB. Self-managed nodes\nC. Managed node groups').choices).toEqual(['B']);
  });
});

describe('an act with the parties as its options', () => {
  it('reads "<act> — A) AWS B) customer C) both" as asking whose it is, and gives the owner', () => {
    const outcome = answer('Physical destruction of failed disks - A) AWS B) the customer C) both');
    expect(outcome.choices).toEqual(['A']);
    expect(outcome.owner).toBe('aws');
    expect(answer('Writing the bucket policy of an S3 bucket (a) AWS (b) customer (c) shared').owner).toBe('customer');
  });
});

describe('options it cannot place', () => {
  it('says it cannot pick when no option of a "most work" question is a service it knows', () => {
    const outcome = answer('Which option leaves the customer with the most security work?\nA. Flux capacitor\nB. Warp drive\nC. Sonic screwdriver');
    expect(outcome.answered).toBe(false);
    expect(outcome.choices).toEqual([]);
  });

  it('does not take services named "Amazon …" for the party AWS', () => {
    expect(answer('For which of these does the customer patch the guest OS?\nA. Amazon DynamoDB\nB. Amazon EC2\nC. AWS Lambda').choices).toEqual(['B']);
  });
});

describe('the owner of a pasted question', () => {
  it('is the party picked, with anyone beside AWS, the customer and both owning nothing', () => {
    const outcome = answer('Which party protects the buildings that house AWS servers? A) The customer B) AWS C) Both D) An outside security firm');
    expect(outcome.choices).toEqual(['B']);
    expect(outcome.owner).toBe('aws');
    expect(outcome.answered).toBe(true);
  });

  it('asks "which party" wherever the stem puts it, beside an option that is no party', () => {
    const outcome = answer('On Amazon DynamoDB tables, which party patches the operating system of the storage nodes? A) The customer B) AWS C) Both D) The database vendor');
    expect(outcome.choices).toEqual(['B']);
    expect(outcome.owner).toBe('aws');
  });

  it('reads "which of these does <service> do for you?" as asking for AWS\u2019s part', () => {
    const outcome = answer('Which of these does Amazon DynamoDB handle for you? A) Designing the partition keys B) Patching the storage servers\u2019 operating system C) Writing the IAM policies D) Deciding which attributes to store');
    expect(outcome.choices).toEqual(['B']);
    expect(outcome.owner).toBe('aws');
  });

  it('is the customer for "which leaves the most to the customer", AWS for "the least"', () => {
    expect(answer('Which service leaves the customer the most patching to do? A) Amazon EC2 B) AWS Lambda C) Amazon S3').owner).toBe('customer');
    expect(answer('Which service leaves the customer the least patching to do? A) Amazon EC2 B) AWS Lambda C) EC2 instances we manage').owner).toBe('aws');
  });

  it('reads "to reduce its responsibility" as asking for the least work, and "belongs to both" as a shared control', () => {
    const reduce = answer('A startup wants to minimise how much OS patching it must do. Which service should it pick? A) Amazon EC2 B) Amazon DynamoDB C) EC2 instances behind an ALB');
    expect(reduce.choices).toEqual(['B']);
    const both = answer('Which of these belongs to both AWS and the customer? A) Guarding data centres B) Configuration management C) Choosing which data to store');
    expect(both.choices).toEqual(['B']);
    expect(both.owner).toBe('shared');
  });

  it('reads options that are kinds of control as a control-type question, whatever the stem says', () => {
    const outcome = answer('Into which bucket does an auditor put the physical and environmental controls of the data centres? A) Inherited B) Shared C) Customer-specific');
    expect(outcome.choices).toEqual(['A']);
    expect(outcome.owner).toBe('aws');
  });

  it('is the one owner the picked options share', () => {
    const outcome = answer('Which of these is the customer\u2019s job on Amazon EC2?\nA. Patching the hypervisor\nB. Patching the guest operating system\nC. Replacing failed disks');
    expect(outcome.choices).toEqual(['B']);
    expect(outcome.owner).toBe('customer');
  });
});

describe('an act shared between the sides, asked for one side', () => {
  const stem = 'Which of these is the customer\u2019s responsibility for Amazon S3?\nA. Replacing failed disks\nB. Encryption at rest for the objects in their buckets';
  it('picks the shared act when no other fits, and names it the side asked for', () => {
    const outcome = answer(`${stem}\nC. Physical security of the data centers`);
    expect(outcome.choices).toEqual(['B']);
    expect(outcome.owner).toBe('customer');
  });

  it('does not fall back on the shared act while an option it could not judge may be that side\u2019s own', () => {
    const outcome = answer(`${stem}\nC. Blorping the frobnicator`);
    expect(outcome.choices).toEqual([]);
    expect(outcome.answered).toBe(false);
    expect(outcome.reply.headline).toMatch(/could not judge every option/);
  });
});

describe('whose act the stem asks for', () => {
  it.each([
    ['A hospital runs Amazon Aurora. Which task belongs to the hospital?', 'customer'],
    ['A studio uses Amazon S3. Which is the studio\u2019s responsibility?', 'customer'],
    ['A bank uses Amazon Macie. Which does AWS maintain?', 'aws'],
    ['A startup keeps its database password in Secrets Manager with managed rotation. Which does the service take care of?', 'aws'],
    ['Which of these happens in Amazon S3 without the customer doing anything?', 'aws'],
  ])('reads %j as asking for the %s', (stem, kind) => {
    expect(parseMultipleChoice(`${stem}\nA) one thing\nB) another thing\nC) a third thing`)?.kind).toBe(kind);
  });
});

describe("a service's own machinery among the options", () => {
  it('reads running, maintaining or patching the service\u2019s endpoints, hosts or hardware as AWS\u2019s', () => {
    const outcome = answer('Which is the customer\u2019s job for Amazon Cognito?\nA) Running the sign-in service endpoints\nB) Setting the password policy of the user pool\nC) Maintaining service hardware');
    expect(outcome.choices).toEqual(['B']);
    expect(outcome.owner).toBe('customer');
    expect(outcome.options?.[0]).toMatchObject({ letter: 'A', owner: 'aws' });
  });

  it('reads an option that names the stem service\u2019s act as that act, though its words also name a concept', () => {
    const outcome = answer('AWS CloudHSM: which of the following must the customer do?\nA) replace failed HSM hardware\nB) run two or more HSMs in different Availability Zones for high availability\nC) power and cool the HSM racks');
    expect(outcome.choices).toEqual(['B']);
    expect(outcome.owner).toBe('customer');
  });

  it('says more options fit than asked for, rather than that it could not judge them', () => {
    const outcome = answer('Which is the customer\u2019s job on Amazon EC2?\nA. Patching the guest operating system\nB. Configuring security groups\nC. Replacing failed disks');
    expect(outcome.answered).toBe(false);
    expect(outcome.reply.headline).toMatch(/more options than the 1 asked for/);
  });
});

describe('parties written out in full', () => {
  it('reads "The customer must …" as the customer and a service named alone as AWS', () => {
    const outcome = answer('Who replaces a failed disk under an Amazon S3 bucket? A) The customer must file a ticket first B) Amazon S3 C) Nobody D) The disk maker');
    expect(outcome.choices).toEqual(['B']);
    expect(outcome.owner).toBe('aws');
  });
});
