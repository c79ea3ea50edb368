/**
 * How generated questions are worded. Half of them quote a common misconception, so the player has
 * to think rather than pattern-match; the right answer may confirm or refute the claim.
 */

/** A belief people often hold about a concern; `{service}` is replaced by the service name. */
export const MISCONCEPTIONS: Readonly<Record<string, string>> = {
  'physical-security': 'In the cloud, securing the building is still partly our job',
  'hardware-network': 'We rent the servers, so we maintain the hardware',
  virtualization: 'Our instances are ours, so keeping them isolated from other customers is up to us',
  'host-os-patching': 'On {service} we patch the host operating system underneath',
  'guest-os-patching': 'It all runs on AWS hardware, so AWS patches the operating system',
  'platform-patching': 'Once the engine or runtime is installed, its patches are our problem',
  'application-code': 'If it runs on AWS, AWS answers for the security of our code',
  'network-configuration': 'AWS owns the network, so it configures our {service} networking too',
  'firewall-rules': 'AWS has firewalls at its edge, so we never configure any for {service}',
  'identity-access': 'AWS runs IAM, so who can reach our {service} resources is AWS\u2019s call',
  'encryption-at-rest': '{service} can encrypt by default, so encryption at rest is all AWS\u2019s job',
  'encryption-in-transit': 'AWS endpoints speak TLS, so encryption in transit needs nothing from us',
  'backups-dr': 'AWS keeps several copies of everything, so backups are AWS\u2019s job',
  'high-availability': 'AWS has several Availability Zones, so {service} is highly available by default',
  'logging-monitoring': 'AWS watches its infrastructure, so it also watches what happens in our {service}',
  'data-content': 'Our data sits in AWS data centres, so AWS is responsible for it',
  'data-residency': 'AWS decides which Region our data lives in',
  'ddos-protection': 'Shield Standard is on for everyone, so DDoS resilience needs nothing from us',
  'compliance-evidence': 'AWS is certified, so our {service} workload is compliant automatically',
  'patch-management': 'Patching is always AWS\u2019s job in the cloud',
};

/** A claim that fits any concern, for concerns without their own misconception. */
const GENERIC_MISCONCEPTION = '{service} is an AWS service, so {concern} is AWS\u2019s job';

/** Plain wordings: `{service}` and `{concern}` are filled in. */
export const PLAIN_TEMPLATES: readonly string[] = [
  'On {service}, who is responsible for {concern}?',
  'Your team runs a workload on {service}. Who takes care of {concern}?',
];

/** The misconception wording of a question about one concern on one service. */
export function misconceptionPrompt(concernId: string, service: string, concern: string): string {
  const claim = fill(MISCONCEPTIONS[concernId] ?? GENERIC_MISCONCEPTION, service, concern);
  return `A teammate says: \u201c${claim}.\u201d On ${service}, who is actually responsible for ${concern}?`;
}

/** Fills `{service}` and `{concern}` into a template. */
export function fill(template: string, service: string, concern: string): string {
  return template.replaceAll('{service}', service).replaceAll('{concern}', concern);
}

/** A concern label as it reads mid-sentence ("Guest operating system…" → "guest operating system…"). */
export function midSentence(label: string): string {
  const second = label.charAt(1);
  return second && second === second.toLowerCase() ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
