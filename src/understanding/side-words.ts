import type { Side } from '../knowledge/types.js';

/**
 * Words that say which side of the line a question points at, matched on the normalised text
 * (lower case, single spaces, padded with a space at both ends). Kept as data: extend the lists,
 * not the code that reads them.
 */
export const SIDE_WORDS: Readonly<Record<Side, readonly string[]>> = {
  /** Acts a customer does to its own resources: configuring, enabling, choosing, writing, reviewing. */
  customer: [
    ' configure ', ' configures ', ' configuring ', ' configured ', ' enable ', ' enables ', ' enabling ', ' enabled ',
    ' turn on ', ' turns on ', ' turned on ', ' turning on ', ' switch on ', ' switches on ', ' switching on ',
    ' turn off ', ' turns off ', ' switch off ', ' disable ', ' disables ', ' disabling ', ' activate ', ' activates ',
    ' opt in', ' opts in', ' set up ', ' sets up ', ' setting up ', ' choose ', ' chooses ', ' choosing ', ' chose ',
    ' decide ', ' decides ', ' deciding ', ' decision ', ' decisions ', ' whose call ', ' whose choice ', ' pick ', ' picks ', ' picking ', ' select ', ' selects ', ' selecting ',
    ' write ', ' writes ', ' writing ', ' wrote ', ' author ', ' authors ', ' define ', ' defines ', ' defining ',
    ' review ', ' reviews ', ' reviewing ', ' tune ', ' tunes ', ' tuning ', ' create ', ' creates ', ' creating ', ' grant ', ' grants ',
    ' granting ', ' assign ', ' assigns ', ' classify ', ' classifies ', ' restrict ', ' restricts ', ' enforce ',
    ' enforces ', ' enforcing ', ' attach ', ' attaches ', ' set the ', ' sets the ', ' setting the ', ' sets ', ' set ', ' setting ', ' add ', ' adds ',
    ' adding ', ' install ', ' installs ', ' installing ', ' opt ', ' request ',
    ' kicks off', ' kick off', ' initiate ', ' initiates ', ' initiating ', ' triage', ' respond to it', ' responds to it', ' respond to them',
    ' responds to them', ' respond to finding', ' responds to finding', ' respond to the finding', ' responds to the finding',
    ' respond to alert', ' responds to alert', ' respond to the alert', ' responds to the alert', ' respond when it ', ' responds when it ', ' remediat', ' investigat', ' associate ', ' associates ',
    ' implement ', ' implements ', ' our own ', ' my own ', ' we installed', ' we run ',
    ' we manage', ' we deploy', ' we built', ' we build', ' bring our ', ' byo', ' turn it on', ' turns it on',
    ' switch it on', ' turn them on', ' turns them on', ' switch them on', ' monitor our', ' audit our', ' test our', ' tests our', ' testing our', ' we host', ' we self host', ' self hosted', ' self managed',
    ' ourselves', ' on our own', ' our own staff', ' our staff', ' our engineers', ' our employees',
    ' our developers', ' our devs', ' our people', ' our admins', ' our administrators', ' our workforce',
    ' customer employees', ' customer staff', ' customer developers', ' customer engineers', ' customer people',
    ' customers employees', ' customers staff', ' customers own staff',
    ' rebuild ', ' rebuilds ', ' rebuilding ', ' redeploy', ' re deploy', ' subscribe ', ' subscribes ', ' subscribing ', ' sign up for', ' signs up for', ' signing up for', ' flip ', ' flips ', ' flipping ', ' toggle ', ' toggles ', ' toggling ',
    ' on our premises', ' on premises', ' on prem ', ' on our factory', ' in our factory', ' at our factory', ' at our plant',
    ' in our plant', ' at the plant', ' on the factory floor', ' at our site', ' on our site', ' in our office', ' in our data center',
    ' in our data centre', ' in our datacenter', ' in our own', ' in our building', ' in our warehouse', ' in our colo', ' at our colo',
    ' at the colo ', ' into our colo', ' our colo ', ' our facility', ' our facilities', ' customer site', ' customer s site', ' customer facility', ' customer s facility', ' customer premises', ' customer s premises', ' customer data center', ' customer s data center', ' limit who', ' limits who', ' limiting who', ' our own facility', ' on our end', ' on our side of', ' our end of', ' our side of', ' our office', ' office firewall', ' office network',
    ' office router', ' permission to ', ' permissions to ', ' give their ', ' give our ', ' give my ', ' isolate a ', ' isolates a ', ' isolating a ', ' isolate an ', ' isolates an ', ' isolating an ', ' isolate compromised', ' isolates compromised',
    ' isolating compromised', ' isolate the compromised', ' isolate the affected', ' quarantine', ' colo cage', ' our cage', ' in the colo', ' our router', ' our routers', ' our edge router', ' our edge routers', ' our firewall ',
    ' customer own ', ' customers own ', ' design our', ' designing our', ' design a workload', ' designing a workload',
    ' design the workload', ' designing the workload', ' architect our', ' architecting our', ' architect a workload',
  ],
  /** AWS's side phrased as infrastructure: what is under, behind or inside a service, and AWS's own things. */
  aws: [
    ' underlying', ' underneath', ' beneath', ' physical', ' hardware', ' behind ',
    ' under the hood', ' service itself', ' itself ', ' aws own ', ' amazon own ', ' aws own ', ' amazon own ',
    ' aws staff', ' aws employee', ' aws personnel', ' amazon staff', ' amazon employee', ' aws operator', ' aws engineer',
    ' aws admin', ' amazon operator', ' amazon engineer', ' themselves ', ' data center', ' datacenter',
    ' data centre', ' datacentre', ' facilit', ' firmware', ' hypervisor', ' cabling', ' cable', ' backbone', ' service fleet',
    ' control plane', ' failed disk', ' failed drive', ' failed hard', ' failed server', ' faulty', ' decommission',
    ' shred', ' destroy', ' attestation', ' audit report', ' compliance report', ' soc 1', ' soc 2', ' soc report',
    ' artifact', ' tenant', ' other customers', ' between customers', ' storage replication', ' replicates the storage',
    ' internal replication', ' inside the service', ' rack', ' power and cooling', ' generator', ' server room',
    ' replicates ', ' replicated across', ' redundan', ' fails over', ' failover', ' fail over', ' scales ', ' scaling the ', ' recovers',
    ' recover from', ' detects and', ' publish', ' who releases ', ' releases new ', ' release new ', ' releases the ', ' releases updates', ' aws managed ', ' managed rules', ' standard protection',
    ' keeps it ', ' keep it running', ' replaces failed', ' replace failed', ' replacing failed', ' aws runs', ' aws operates', ' aws infrastructure', ' aws infrastructure',
    ' infrastructure devices', ' network boundary', ' aws side of', ' amazon side of', ' aws s side', ' amazon s side', ' aws s part', ' aws s infrastructure', ' aws s own',
    ' amazon s own', ' aws s data center', ' aws s facilities', ' service s servers', ' service s hosts', ' service s infrastructure', ' service s hardware', ' service s fleet',
  ],
};

/** Turning something on: "who enables Macie?", "who turns GuardDuty on?" (the thing may sit between verb and particle). */
export const TURN_ON = / (?:enable|enables|enabling|activate|activates|activating|subscribe|subscribes|onboard|onboards|(?:turn|turns|turning|switch|switches|switching)(?: \S+){0,3} on)(?= )/;

/**
 * "Operating the authentication endpoints", "patching service hosts", "maintaining the GPU fleet": running a service's own
 * machinery is AWS's (what is "our" is taken out before this is read).
 */
export const RUNNING_THE_SERVICE =
  / (?:operat(?:e|es|ing)|run|runs|running|host|hosts|hosting|maintain|maintains|maintaining|scal(?:e|es|ing)|provision|provisions|provisioning|patch|patches|patching)(?: the| its| their)?(?: (?!those\b|these\b|that\b|this\b|the\b)\S+){0,2} (?:endpoints?|service|services|infrastructure|fleet|fleets|servers|hosts|hardware|api|apis|control plane|data plane|backend)(?= )/;

/** "the servers under our EBS volume", "the layer under our EC2 hosts": machinery beneath a resource of the customer's. */
export const UNDER_A_RESOURCE =
  / (?:servers?|hosts?|layer|layers|disks?|drives?|hardware|storage|infrastructure|machines?|system|hypervisor|racks?|fleet)(?: \S+){0,2} (?:under|beneath|underneath) (?:our|my|the|their) (?!shared\b|responsibility\b|model\b|aws\b|amazon\b)\S+/;

/** Words that, in a yes/no question or a statement, name who the person thinks does the act. */
export const CLAIM_WORDS: Readonly<Record<Side, readonly string[]>> = {
  aws: [' by aws ', ' by amazon ', ' aws job', ' aws responsibility', ' amazon job', ' amazon responsibility',
    ' on aws ', ' up to aws', ' aws side', ' aws job', ' aws responsibility', ' handled by aws', ' done by aws',
    ' does aws ', ' will aws ', ' is aws ', ' aws will ', ' aws is ', ' aws does ', ' aws do ', ' aws always ',
    ' aws automatically', ' aws just ', ' aws takes care', ' amazon takes care', ' amazon always ', ' amazon does ',
    ' amazon will ', ' does amazon ', ' that aws', ' aws alone', ' aws handles', ' amazon handles', ' aws manages',
    ' amazon manages', ' aws patches', ' amazon patches', ' aws encrypts', ' aws upgrades', ' aws rotates',
    ' aws configures', ' aws sets', ' aws applies', ' aws looks after', ' aws backs up', ' aws keeps', ' aws owns',
    ' aws covers', ' aws secures', ' aws protects', ' aws maintains', ' aws runs', ' aws monitors', ' aws writes',
    ' aws enables', ' aws turns', ' aws decides', ' aws chooses', ' aws replaces', ' aws fixes', ' aws updates',
    // "new objects get encrypted even if we never configure anything": it happens without the customer, so by AWS.
    ' even if we never', ' even if we don t', ' even if we do not', ' even if nobody', ' without us doing anything', ' without us having to',
    // "AWS figures out which data is confidential and classifies it for us": done for the customer, so by AWS.
    ' it for us', ' them for us', ' that for us', ' this for us', ' aws figures out', ' amazon figures out', ' aws classifies', ' aws works out'],
  customer: [' on us ', ' on me ', ' by us ', ' by me ', ' our job', ' my job', ' our responsibility',
    ' my responsibility', ' our problem', ' my problem', ' ours ', ' mine ', ' do we ', ' do i ', ' must we ',
    ' must i ', ' should we ', ' should i ', ' am i ', ' are we ', ' we have to ', ' i have to ', ' we need to ',
    ' i need to ', ' up to us', ' up to me', ' customer job', ' customer responsibility', ' the customer does',
    ' is it us ', ' is it me ', ' is that us ', ' that us', ' we do ', ' we handle', ' we are responsible',
    ' i am responsible', ' we must ', ' customer must', ' we ourselves', ' ourselves', ' is the customer responsible',
    ' the customer is responsible', ' customer is responsible', ' customers are responsible', ' are customers responsible'],
};

/**
 * Customer's words that say what a thing is rather than which act is asked about ("self-managed nodes", "a
 * self-hosted Kafka"): they point at the customer in that question, but a follow-up about another thing drops them.
 */
export const NATURE_WORDS: readonly string[] = [' self managed', ' self hosted', ' we self host', ' we host', ' our own '];

/** Words that set the scene as the defaults, nothing configured: "who" then asks what happens without the customer. */
export const DEFAULT_STATE_WORDS: readonly string[] = [' default settings', ' defaults ', ' do nothing', ' don t configure',
  ' do not configure', ' don t set ', ' do not set ', ' don t change', ' do not change', ' don t touch', ' without configuring', ' without changing',
  ' leave everything', ' left everything', ' without setting', ' without specifying', ' without choosing', ' if nobody sets',
  ' if no one sets', ' nobody sets'];

/**
 * Words that say an act happens on its own ("without any setup"): AWS's side in a "who" question, but
 * only the person's belief in a statement ("…is on by default, right?"), so they do not count there.
 */
export const AUTOMATIC_WORDS: readonly string[] = [' automatically', ' by default', ' out of the box', ' without any setup',
  ' don t need to do anything', ' do not need to do anything', ' nothing to do', ' without doing anything', ' isn t something we',
  ' is not something we', ' not something we',
  ' for free', ' on its own', ' without us', ' even if we never', ' even if we don t', ' even if nobody', ...DEFAULT_STATE_WORDS];

/** A customer's verb said not to happen ("if we don't configure anything"): it points at no act of theirs. */
export const NEGATED_ACT = / (?:don t|dont|do not|didn t|did not|never|without|no need to)(?: \S+){1,2}(?= )/g;

/**
 * "… isn't something we set up": the customer's verb denied in a statement, whatever the sentence asks. And a
 * state described ("auto-update is enabled", "the flag was turned on", "with Auto Mode enabled"): how things stand,
 * not an act asked about. So is what the customer stands on ("the AWS infrastructure we run on").
 */
export const DENIED_ACT =
  / (?:(?:isn t|is not|not|nothing) (?:something |anything )?(?:we|i) \S+(?: up| on| off)?|(?:is|are|was|were|is already|are already) (?:enabled|disabled|turned on|turned off|switched on|switched off|configured|set up)|with(?: \S+){1,5} (?:enabled|disabled|turned on|turned off|switched on|switched off|set to \S+)|(?:is|are|was|were|left|stays|kept) set to \S+|set to (?:true|false)|(?:we|i) (?:don t|dont|do not)(?: (?:have|need) to)? \S+(?: anything| up| on| off)?|(?:default|upgrade|update|the|this|that|a|an|same|current) setting|(?:infrastructure|platform|hardware|servers|stack|cloud) (?:we|i) (?:run|build|host|deploy) (?:on|in))(?= )/g;

/** Both sides named as alternatives ("AWS or us?"): a question, not a claim to judge. */
export const EITHER_CUES: readonly string[] = [' or aws', ' aws or ', ' or amazon', ' amazon or ', ' or us ', ' us or ',
  ' or the customer', ' customer or ', ' ours or ', ' or ours', ' or me ', ' me or ', ' or we ', ' we or ', ' or mine',
  ' or is that on', ' or is it on', ' or is that our', ' or is it our', ' or do we ', ' or do i ', ' or does aws', ' or is that us',
  ' or them', ' them or ', ' or the provider', ' or theirs', ' either '];

/** Words of a question that asks who, not whether. */
export const WH_CUES: readonly string[] = [' who ', ' whose ', ' whom ', ' whos ', ' which side', ' which party'];
