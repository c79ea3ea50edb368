import { describe, expect, it } from 'vitest';
import { answerQuestion, nextContext, type ConversationContext } from '../../src/answers/answer-question.js';
import { selectDuty } from '../../src/understanding/select-duty.js';
import { createUnderstand } from '../../src/understanding/understand.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';

const knowledge = loadTestKnowledge();
const understand = createUnderstand(knowledge);
const answer = (q: string, context?: ConversationContext) => answerQuestion(knowledge, understand(q), context);

describe('the owner of the act asked about', () => {
  it.each([
    // One side's act on a shared entry gets that side, not "shared".
    ['who turns on encryption at rest for our EFS file systems?', 'customer'],
    ['who is responsible for encryption at rest on EFS?', 'shared'],
    ['who replaces a failed disk under our S3 buckets?', 'aws'],
    ['who writes the lifecycle rules for our S3 buckets?', 'customer'],
    ['who picks the maintenance window for our RDS instances?', 'customer'],
    ['who runs the EKS control plane?', 'aws'],
    ['who keeps the SQS service itself available?', 'aws'],
    ['who trains AWS employees on security?', 'aws'],
    ['who trains our own staff on security awareness?', 'customer'],
    ['who tests our disaster recovery plan?', 'customer'],
    // Asking whether something is shared, with both sides' parts named, asks about the whole.
    ['security awareness training - AWS trains their staff, we train ours? so is it a shared thing?', 'shared'],
    ['L3/L4 DDoS protection for the DNS infrastructure serving our Route 53 hosted zones - automatic from AWS or do we have to build something?', 'aws'],
    // A duty's words with the service's name between them still pick the duty.
    ['who generates the GuardDuty findings?', 'aws'],
    ['when a disk segment fails under an Aurora cluster volume, who detects and repairs it?', 'aws'],
    ['if we want DynamoDB items encrypted before they ever leave our app, whose job is that?', 'customer'],
    ['who isolates a compromised EC2 instance?', 'customer'],
    ['who turns on Macie automated sensitive data discovery?', 'customer'],
    // "certs" is what people type for certificates.
    ['/srm managing the X.509 certs on our 2k sensors connecting to IoT Core - us or AWS?', 'customer'],
    ['who handles security of the Lambda execution environment?', 'aws'],
    ['who upgrades OpenSearch to a new version?', 'customer'],
    ['who provides the baseline L3/L4 DDoS protection we get without paying for Advanced?', 'aws'],
    // "the default auto-upgrade setting" is a noun, not the customer setting something.
    ['saw on a forum: Athena automatically upgrades workgroups that are on the default auto-upgrade setting. is that right', 'aws'],
    ['compliance needs WORM retention on our backups. who applies Vault Lock to the backup vault, is that something AWS Backup does on its own?', 'customer'],
    // The question's own customer verb outweighs a scene of defaults ("some teams do nothing").
    ['right now some teams do manual snapshots and some do nothing. who is responsible for creating the backup plan in AWS Backup?', 'customer'],
    ['EFS Regional file system: keeping the data stored redundantly across multiple AZs is handled by AWS, right?', 'aws'],
    ['who creates the EFS mount targets in each AZ?', 'customer'],
    // A service named only to compare with ("the same way Fargate does") is not the one asked about.
    ['I think the EC2 container instances in our ECS cluster get patched by AWS the same way Fargate does. correct me if wrong', 'customer'],
    ['DM: who actually owns and controls the content/data we put into AWS?', 'customer'],
    // AWS DMS: AWS patches replication instances; the replication engine version upgrade is the customer's.
    ['DMS replication instance: software patches on the instance itself, who applies them?', 'aws'],
    ['who upgrades our DMS replication instance to a newer replication engine version?', 'customer'],
    ['DMS applies patches to replication instances during the weekly maintenance window without us doing anything, yeah?', 'aws'],
    // A setting said as a state ("with AllowVersionUpgrade set to true") is the case, not the customer's act.
    ['Redshift cluster with AllowVersionUpgrade set to true: who applies the version upgrades?', 'aws'],
    ['We have an Outposts rack going into our colo next month. Who controls physical access to it in our facility?', 'customer'],
    ['Kafka 3.5 on our MSK cluster is going end of support. Whose job is the version upgrade before the EOS date?', 'customer'],
    ['stopping prompt injection in our Bedrock app is Bedrock\u2019s responsibility, right?', 'customer'],
    ['Macie found credit card numbers in an S3 bucket. Who acts on that finding?', 'customer'],
    // Of two concerns named as strongly, the one after "but" is asked.
    ['DynamoDB already encrypts at rest, but we need the data protected before it reaches AWS. who does client-side encryption?', 'customer'],
    // Audit words typed in capitals (SOC 2 Type II, QSA, HVAC) are not unknown services.
    ["Our auditor asked for AWS's SOC 2 Type II and ISO 27001 reports. Who provides those?", 'aws'],
    ["QSA wants evidence for PCI DSS covering AWS's side of the infrastructure. Who produces it?", 'aws'],
    ['who gives our auditors\u2019 IAM identities permission to download reports from AWS Artifact?', 'customer'],
    ['who decides how to split workloads into separate VPCs so prod is isolated from dev?', 'customer'],
    // An everyday name owned by AWS ("AWS's own security controls") is not the service of that name (Security Hub).
    ["the third-party audits of AWS's own security controls are AWS's side, right?", 'aws'],
    ['who samples S3 objects for sensitive data with Macie?', 'aws'],
    ['who keeps our EC2 instances isolated from other customers?', 'aws'],
    ['when a new account joins the organization, who applies our Firewall Manager policy to it?', 'aws'],
    ['who is responsible for Glue job script security?', 'customer'],
    ['which of these is a shared control: patch management?', 'shared'],
    // The head of a compound is what is asked about: the infrastructure, not the sign-in.
    ['who operates the AWS sign-in service infrastructure?', 'aws'],
    ['who has the infrastructure audited by third-party auditors?', 'aws'],
  ])('%s → %s', (question, owner) => {
    const outcome = answer(question);
    expect(outcome.answered).toBe(true);
    expect(outcome.owner).toBe(owner);
  });

  it('puts the owner of the act first and the other side one line below', () => {
    const outcome = answer('who turns on encryption at rest for our EFS file systems?');
    expect(outcome.reply.headline).toBe('You (the customer) own this part of encryption at rest on Amazon EFS');
    expect(outcome.reply.sections.map((s) => s.title)).toEqual(['What you do', 'What AWS does', 'Why']);
  });
});

describe('conditions that flip the owner', () => {
  it.each([
    ['who patches the Lambda runtime?', 'aws', undefined],
    ['who patches the Lambda runtime when the runtime update mode is Manual?', 'customer', 'runtime update mode: Manual'],
    ['who renews certificates in ACM?', 'aws', undefined],
    ['who renews certificates we imported into ACM?', 'customer', 'certificate imported into ACM'],
    ['who rotates AWS managed keys for S3?', 'aws', 'AWS managed keys'],
    ['who does major version upgrades on RDS?', 'customer', 'major version upgrade'],
    // SageMaker HyperPod: the cluster software update is yours unless auto-patching is configured on the instance group.
    ['who patches the nodes of our SageMaker HyperPod cluster?', 'customer', 'SageMaker HyperPod cluster (no auto-patching)'],
    ['SageMaker HyperPod cluster: if we configured ClusterAutoPatchConfig on the instance group, who applies the security patch AMI updates?', 'aws', 'HyperPod auto-patching configured'],
    // Patch Manager: patching is yours; AWS defines the predefined patch baselines.
    ['who patches our EC2 instances with Patch Manager?', 'customer', undefined],
    ['Patch Manager with the predefined AWS patch baseline for Amazon Linux: who defines what is in that baseline?', 'aws', "AWS's predefined patch baseline"],
    // Moving to a newer runtime (language version) is the customer's; Lambda patches the runtime chosen.
    ['moving our functions from python3.11 to python3.13 runtime - is that customer-driven?', 'customer', 'moving to a new runtime (a newer language version)'],
    ['does lambda bump our functions from nodejs18.x to nodejs22.x automatically or is that on us', 'customer', 'moving to a new runtime (a newer language version)'],
    ['Lambda function on a managed runtime in Auto mode: who publishes the new runtime version with the latest patches?', 'aws', undefined],
    ['is it true that S3 encrypts every new object upload by default now, even if we don\u2019t configure anything?', 'aws', undefined],
    // A condition's words after "never" are not in force; and naming the setting wins over naming the product.
    ['who applies the security patch AMIs to our SageMaker HyperPod cluster if we never configured auto-patching?', 'customer', 'SageMaker HyperPod cluster (no auto-patching)'],
    ['HyperPod instance group with AutoPatchConfig enabled - who applies the security-only AMI patches?', 'aws', 'HyperPod auto-patching configured'],
    ['we pinned our Athena workgroup to a specific engine version, who upgrades it?', 'customer', 'workgroup engine version chosen manually'],
    // AWS Glue: AWS patches supported Glue versions; moving jobs to a newer one, above all at end of support, is yours.
    ['who patches the Spark runtime on Glue?', 'aws', undefined],
    ['who chooses the Glue version of our jobs?', 'customer', undefined],
    ["moving Glue ETL jobs off a Glue version that has reached end of support - that's our task, right?", 'customer', 'Glue version at end of support'],
    ['who rotates KMS keys with imported key material?', 'customer', 'keys with imported key material'],
    // A state said to come later is not in force: "hits end of support next quarter" is not past it.
    ['our MSK cluster is past end of support, who upgrades it?', 'aws', 'Kafka version past its end-of-support date'],
    ['our MSK cluster is still on a Kafka version that hits end of support next quarter, who upgrades it?', 'customer', undefined],
    // An AWS-run process that fails hands the fix back: Beanstalk notifies you and you resolve and retry.
    ['who applies Beanstalk platform updates when managed updates are on?', 'aws', 'managed platform updates on'],
    ['who fixes a failed managed update on Elastic Beanstalk?', 'customer', 'a managed update fails'],
    // The RDS master password is yours to set and rotate unless RDS manages it in Secrets Manager.
    ['who rotates the RDS master password?', 'customer', undefined],
    ['we let RDS manage the master user password in Secrets Manager; who rotates it?', 'aws', 'RDS manages the master password in Secrets Manager'],
    // A second service named as where the first one's thing is kept is not a second part.
    ['our RDS master password is managed in Secrets Manager by RDS. who runs the rotation?', 'aws', 'RDS manages the master password in Secrets Manager'],
  ])('%s → %s', (question, owner, condition) => {
    const outcome = answer(question);
    expect(outcome.owner).toBe(owner);
    if (condition) expect(outcome.reply.headline).toContain(`(${condition})`);
  });

  it('reads EC2 named as the machines of a way to run containers as that way ("EC2 nodes" in an Auto Mode cluster)', () => {
    expect(answer('with EKS Auto Mode enabled, who patches the EC2 instances that act as our worker nodes?')).toMatchObject({ owner: 'aws', serviceName: 'Amazon EKS Auto Mode' });
    expect(answer('eks cluster running in auto mode - who patches the ec2 nodes?')).toMatchObject({ owner: 'aws', serviceName: 'Amazon EKS Auto Mode' });
    expect(answer('we use ECS on EC2; who patches the EC2 instances?')).toMatchObject({ owner: 'customer', serviceName: 'Amazon ECS on EC2' });
  });

  it('answers "what do we still patch on X?" with what is left to the customer there: the service card', () => {
    expect(answer('what part of ECS on Fargate do we still patch?').reply.kind).toBe('service-card');
    expect(answer('who still patches the OS on Fargate?').owner).toBe('aws');
  });

  it('reads "with DNS validation" as the kind of certificate, not the validation record asked about', () => {
    const outcome = answer('ACM: renewal of a cert we requested in ACM with DNS validation vs one we imported - who is on the hook for each');
    expect(outcome.parts?.map((p) => p.owner)).toEqual(['aws', 'customer']);
    expect(answer('who keeps the DNS validation record in place for ACM renewals?').owner).toBe('customer');
  });

  it('reads what comes after a "but" as the question, and what comes before as granted', () => {
    const outcome = answer('EKS upgrades: AWS handles the control plane side, fine. but updating the kubelet on the worker nodes — theirs or ours?');
    expect(outcome).toMatchObject({ owner: 'customer', serviceName: 'Amazon EKS self-managed nodes' });
    expect(outcome.parts).toBeUndefined();
  });

  it('reads the service a question means when it names one it does not mean', () => {
    const outcome = answer('who patches PostgreSQL we installed ourselves on EC2, not RDS?');
    expect(outcome).toMatchObject({ owner: 'customer', serviceName: 'Amazon EC2' });
  });
});

describe('picking a duty', () => {
  const entry = knowledge.lookup('efs', 'encryption-at-rest');
  if ('none' in entry) throw new Error('EFS encryption at rest must be in the knowledge base');

  it('answers the whole entry when the question points at neither side', () => {
    expect(selectDuty(entry, { stemmed: ' who own encryption ' }).focus).toBeUndefined();
  });

  it("answers one side's duty when the question points at it", () => {
    expect(selectDuty(entry, { stemmed: ' x ', side: 'customer' }).focus?.by).toBe('customer');
    expect(selectDuty(entry, { stemmed: ' x ', side: 'aws' }).focus?.by).toBe('aws');
  });

  it("judges a statement on the other side's part", () => {
    expect(selectDuty(entry, { stemmed: ' x ', claim: 'aws' }).focus?.by).toBe('customer');
  });
});

describe('statements and exam-option phrasing', () => {
  it.each([
    ['the guest OS on our EC2 instances is patched by Amazon, right?', 'customer', 'No — '],
    ['so AWS patches the hypervisor under EC2, right?', 'aws', 'Yes — '],
    ['hypervisor patching — ours or AWS?', 'aws', 'AWS owns'],
    ['configuring security groups on EC2: AWS or us?', 'customer', 'You (the customer) own'],
  ])('%s → %s', (question, owner, start) => {
    const outcome = answer(question);
    expect(outcome.owner).toBe(owner);
    expect(outcome.reply.headline.startsWith(start)).toBe(true);
  });
});

describe('two-part questions', () => {
  it('answers every part with its own verdict', () => {
    const outcome = answer('Windows on EC2 and SQL Server on RDS — who patches each?');
    expect(outcome.owner).toBe('customer');
    expect(outcome.parts?.map((p) => [p.service, p.owner])).toEqual([
      ['Amazon EC2', 'customer'],
      ['Amazon RDS', 'aws'],
    ]);
  });

  it('splits two "who" questions about one service', () => {
    const outcome = answer('S3 — who replaces failed disks and who configures the bucket policies?');
    expect(outcome.parts?.map((p) => p.owner)).toEqual(['aws', 'customer']);
  });
});

describe('two acts of one service, then "who does what?"', () => {
  it('answers each act', () => {
    expect(answer('DocumentDB: required engine patches vs minor version upgrades, who does what?').parts?.map((p) => p.owner)).toEqual(['aws', 'customer']);
    expect(answer('WAF: maintaining the AWS managed rule groups, and maintaining our own custom rule group - who does what?').parts?.map((p) => p.owner)).toEqual(['aws', 'customer']);
  });
});

describe('follow-ups', () => {
  const after = (first: string) => {
    const u = understand(first);
    return nextContext(answerQuestion(knowledge, u), u);
  };

  it('an elliptical follow-up keeps the concern and the side, and changes the service', () => {
    const context = after('who turns on encryption at rest for our EFS file systems?');
    expect(context).toMatchObject({ serviceId: 'efs', concernId: 'encryption-at-rest', side: 'customer' });
    const outcome = answer('and for Kinesis?', context);
    expect(outcome).toMatchObject({ owner: 'customer', serviceName: 'Amazon Kinesis Data Streams' });
  });

  it('a full question is read on its own, whatever the thread was about', () => {
    const context = after('who patches RDS?');
    const outcome = answer('and who configures security groups on EC2?', context);
    expect(outcome).toMatchObject({ owner: 'customer', serviceName: 'Amazon EC2' });
  });

  it('a condition alone reuses the service and concern', () => {
    const context = after('who renews the certificates ACM issued for us?');
    expect(answer('and the ones we imported?', context).owner).toBe('customer');
  });

  it('a message that only tells a case of the entry just answered keeps its service and concern', () => {
    const context = after('who patches the OS on our Elastic Beanstalk environments?');
    for (const q of ['fyi we turned managed updates off last year', 'we have managed platform updates disabled, so who patches it now?']) {
      expect(answer(q, context), q).toMatchObject({ owner: 'customer', serviceName: 'AWS Elastic Beanstalk', concernId: 'guest-os-patching' });
    }
    // After an answer under one position of a switch, moving "them" to the other position asks about that case.
    const onContext = after('on our RDS instances auto minor version upgrade is on: who applies minor versions?');
    expect(onContext?.condition).toBe('automatic minor version upgrade on');
    expect(answer('we turned it off yesterday, who does it now?', onContext).owner).toBe('customer');
    // A longer message that opens like a follow-up and names no service leans on the thread, and "off 3.6" is an upgrade.
    const docdb = after('who applies the required engine patches on our DocumentDB cluster?');
    expect(answer('ok, and then who is supposed to move the whole cluster off 4.0 before the extended support window closes?', docdb).owner).toBe('customer');
    // A follow-up that names its own thing does not take a side the earlier thing's nature gave ("the hypervisor").
    expect(answer('and the guest OS?', after('who patches the hypervisor under our EC2 instances?')).owner).toBe('customer');
    // "ones" stands for the condition's noun: "and the customer managed ones?" after AWS managed keys.
    expect(answer('and the customer managed ones?', after('who rotates the AWS managed KMS keys?')).owner).toBe('customer');
    // A condition said as a clause ("when a managed update fails") moves the thread's entry to that case.
    expect(answer('and when a managed update fails?', after('who keeps our Beanstalk platform patched when managed updates are turned on?')).owner).toBe('customer');
    // A side that only a service's name gave ("self-managed nodes") is what the thing is, not the act: not carried.
    expect(answer('and with Auto Mode?', after('who patches the OS on self-managed EKS nodes?')).owner).toBe('aws');
    // "do we have to turn it on, or is it automatic?" is judged as a claim, but the thread keeps asking about turning on.
    expect(answer('and shield advanced?', after('shield standard - do we have to turn it on for our cloudfront distro or is it automatic?')).owner).toBe('customer');
    // A message about something else is read on its own.
    expect(answer('fyi we turned on GuardDuty last year', context).serviceName).not.toBe('AWS Elastic Beanstalk');
  });
});

describe('a feature the knowledge lacks', () => {
  it('answers a configure-type question as yours, at lower confidence, citing the model', () => {
    const u = understand('who sets the usage plans on our API Gateway?');
    const outcome = answerQuestion(knowledge, u);
    expect(outcome.owner).toBe('customer');
    expect(outcome.reply.headline).toBe('Configuring usage plans on Amazon API Gateway is yours');
    expect(outcome.reply.sources[0]?.url).toBe('https://aws.amazon.com/compliance/shared-responsibility-model/');
    expect(u.confidence).toBeLessThan(0.7);
  });

  it('never gives AWS a verdict that way', () => {
    expect(understand('who is responsible for the usage plans on our API Gateway?').fallbackFeature).toBeUndefined();
  });
});

describe('reply text', () => {
  it('says "in general" once', () => {
    expect(answer('who does patch management?').reply.headline).not.toMatch(/in general\).*in general/);
  });

  it('does not repeat a service named for its concern', () => {
    expect(answer('who manages identity and access management on IAM?').reply.headline).not.toMatch(/identity and access management on AWS Identity and Access Management/i);
  });

  it('answers thanks with a short "you\'re welcome", not the help page', () => {
    const outcome = answer('thanks!');
    expect(outcome.reply.kind).toBe('notice');
    expect(outcome.reply.headline).toMatch(/welcome/i);
  });
});

describe('service names that start with "AWS"', () => {
  it('are not read as the party: "…on AWS Lambda?" claims nothing for AWS', () => {
    const outcome = answer('is the customer responsible for patching the operating system of the execution environment on AWS Lambda?');
    expect(understand('is the customer responsible for patching the operating system of the execution environment on AWS Lambda?').claim).toBe('customer');
    expect(outcome.owner).toBe('aws');
    expect(outcome.reply.headline).toMatch(/^No\b/);
  });

  it('do not select a duty whose term is the service name ("who patches AWS Lambda?" is about patching)', () => {
    const u = understand('who patches AWS Lambda?');
    expect(u.concernIds).not.toContain('key-secrets-management');
    expect(answer('who patches AWS Lambda?').reply.headline).toMatch(/patching/i);
  });
});
