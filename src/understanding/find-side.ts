import type { Side } from '../knowledge/types.js';
import { hasCue } from './cue-words.js';
import { withoutSceneText } from './scene-clause.js';
import { AUTOMATIC_WORDS, CLAIM_WORDS, DEFAULT_STATE_WORDS, DENIED_ACT, EITHER_CUES, NEGATED_ACT, RUNNING_THE_SERVICE, SIDE_WORDS, TURN_ON, UNDER_A_RESOURCE, WH_CUES } from './side-words.js';

/** "instances behind a load balancer": what stands in front, not what is under the service. */
const BEHIND_A_FRONT = / behind (?:an? |the )?(?:application |network |classic )?(?:load balancers?|alb|nlb|elb|cloudfront|api gateway|proxy|reverse proxy|firewall)(?= )/g;

/** "even if we never configure anything", "even when nobody sets it up". */
const EVEN_IF_NOT = / even (?:if|when|though) (?:we|i|you|nobody|no one) (?:never |don t |do not |didn t |did not )?\S+(?: \S+)?/g;

/** "make sure … is enabled": the state made sure of, kept as the act ("enabled"). */
const ENSURED_STATE = / (?:make|makes|making) sure (?:\S+ ){0,5}?(?:is|are|re|s|gets|get|stays|stay) (?:enabled|turned on|configured|set up|encrypted)(?= )/g;

/** "something we configure", "do we configure": the customer's verb as one alternative of an either-or question. */
const OFFERED_ALTERNATIVE = / (?:something|anything|a thing) (?:we|i) (?:have to |need to |must )?\S+| (?:do|should|must) (?:we|i) \S+(?= (?:or|ourselves|it|that|this)\b)/g;

/** Customer cues that say who does it ("we build", "ourselves") rather than what is done. */
const OWN_ALTERNATIVE = /^ (?:we|i|ourselves|on our own)\b/;

/**
 * Which side of the line the question's act points at. A customer's act (configure, enable, choose…)
 * wins over infrastructure words: "who enables encryption of the underlying storage" asks about enabling.
 * Infrastructure words are read outside the concern's own name (`unnamed`): "Outposts power and cooling —
 * AWS or us?" names a concern, it does not point at AWS.
 */
export function findSide(asked: string, unnamedAsked = asked): Side | undefined {
  // "AWS published a new base image with a CVE fix — who rebuilds our images?": what the message tells before its
  // "who" sets the scene; the question's own words point first, the rest only when they point nowhere.
  const at = whoAt(asked);
  const unnamedAt = whoAt(unnamedAsked);
  if (at > 0 && unnamedAt > 0) {
    // "… who rotates it — can KMS do it automatically?": a guess asked after the question is no act of its own.
    // Only the customer's verbs are read there: "With an Outposts rack in our own DC, who owns physical security?"
    // names the case first, and infrastructure words in the question do not outrank it; nor does a scene of
    // defaults ("some teams do nothing … who creates the backup plan?").
    if (sideOf(asked.slice(at), unnamedAsked.slice(unnamedAt), false) === 'customer') return 'customer';
  }
  // "if we leave the defaults alone, who encrypts objects we put in S3?": with the defaults, the act is AWS's.
  if (at >= 0 && hasCue(withoutSceneText(asked), DEFAULT_STATE_WORDS)) return 'aws';
  return sideOf(asked, unnamedAsked);
}

/** Where the first "who" of a question starts, or -1. */
function whoAt(padded: string): number {
  const found = WH_CUES.map((cue) => padded.indexOf(cue)).filter((i) => i >= 0);
  return found.length > 0 ? Math.min(...found) : -1;
}

function sideOf(asked: string, unnamedAsked: string, automatic = true): Side | undefined {
  // "Moving node groups onto the new AMI after AWS publishes it": the scene's words point at no one.
  const padded = withoutSceneText(asked);
  const unnamed = withoutSceneText(unnamedAsked);
  const asksWho = hasCue(padded, WH_CUES);
  // "if we don't configure anything, who encrypts new objects we upload?": with the defaults, the act is AWS's.
  if (asksWho && hasCue(padded, DEFAULT_STATE_WORDS)) return 'aws';
  // In a "who" question a verb said not to happen is the scene, not the act ("we never enabled it, who…").
  // In "is it something we build or AWS?" the customer's verb is one of the alternatives, not the act.
  const either = hasCue(padded, EITHER_CUES);
  const customerCues = either ? SIDE_WORDS.customer.filter((w) => !OWN_ALTERNATIVE.test(w)) : SIDE_WORDS.customer;
  // "who makes sure encryption is enabled?": a state someone makes sure of is the act asked, not the scene.
  const ensured = padded.replace(ENSURED_STATE, ' enabled ');
  // "is that something we configure or does AWS run it?": the customer's verb is one of the alternatives offered.
  const offered = either ? ensured.replace(OFFERED_ALTERNATIVE, ' ') : ensured;
  const denied = offered.replace(DENIED_ACT, ' ');
  // "…even if we never configure anything": a verb the customer is said not to do is no act of theirs, whatever is asked.
  const acted = (asksWho ? denied.replace(NEGATED_ACT, ' ') : denied).replace(EVEN_IF_NOT, ' ');
  if (hasCue(acted, customerCues)) return 'customer';
  // "who turns GuardDuty on?": the particle after the thing turned on.
  if (asksWho && TURN_ON.test(acted)) return 'customer';
  // "the rack in our facility" is the customer's building: infrastructure words they own do not point at AWS.
  if (hasCue(unnamed.replace(/ (?:our|my) \S+/g, ' ').replace(BEHIND_A_FRONT, ' ').replace(USED_AWS_THING, ' '), SIDE_WORDS.aws)) return 'aws';
  if (UNDER_A_RESOURCE.test(unnamed)) return 'aws';
  if (RUNNING_THE_SERVICE.test(padded.replace(/ (?:our|my|your|their|customer s|customers) \S+(?: \S+)?/g, ' '))) return 'aws';
  // "…encrypted automatically, or is that on me?" asks whose it is as a "who" question does.
  if (automatic && (asksWho || hasCue(padded, EITHER_CUES)) && hasCue(padded, AUTOMATIC_WORDS)) return 'aws';
  return undefined;
}

/** "using the AWS managed base images", "on top of AWS managed rules": an AWS-made thing the customer uses, no act of AWS's. */
const USED_AWS_THING = / (?:using|use|uses|used|with|on top of|from|based on|built on)(?: the| an| a)? (?:aws|amazon) managed(?: \S+){1,2}/g;

/** Asking whether something is shared as a whole. */
const SHARED_ASKED = [' is it a shared', ' is it shared', ' is this shared', ' is that shared', ' a shared thing', ' shared thing', ' so it s shared', ' so its shared'];

/** A wh-word, its verb and its subject, anywhere: a clause that asks ("…, what do we still own?"). */
const WH_CLAUSE = / (?:what|which|how|why|where) (?:do|did|should|must|can|could|will|would|have) (?:we|i|you) /;

/**
 * In a statement or a yes/no question ("the guest OS is patched by Amazon, right?", "do we patch RDS?"),
 * the side the person says does the act. Undefined for "who" questions and for "AWS or us?".
 */
export function findClaim(padded: string): Side | undefined {
  // "what does AWS take on…?" asks, it does not claim: a question opened by a wh-word is not judged.
  // So is one whose later clause asks it ("as we move to Lambda, what do we stop having to patch?").
  if (hasCue(padded, WH_CUES) || hasCue(padded, EITHER_CUES) || /^ (?:for \S+ \S+ )?(?:what|which|how|why|where|when)\b/.test(padded) || WH_CLAUSE.test(padded)) return undefined;
  // "AWS trains their staff, we train ours — so is it a shared thing?" asks whether it is shared: the whole, no side's claim.
  if (hasCue(padded, SHARED_ASKED)) return undefined;
  const aws = hasCue(padded, CLAIM_WORDS.aws);
  const customer = hasCue(padded, CLAIM_WORDS.customer);
  // "VPC flow logs are always on by default, right?" claims it happens without you.
  if (!aws && !customer && hasCue(padded, AUTOMATIC_WORDS)) return 'aws';
  if (aws === customer) return undefined;
  return aws ? 'aws' : 'customer';
}
