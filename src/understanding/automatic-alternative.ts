import { hasCue } from './cue-words.js';
import { AUTOMATIC_WORDS, WH_CUES } from './side-words.js';

/**
 * The customer offered as one answer of an either-or question: "…, or do we have to …?", "…, or is it on us?".
 * Matched on padded, normalised text (lower case, punctuation as spaces).
 */
const CUSTOMER_ALTERNATIVE =
  / or (?:(?:do|must|should|will|would|can) (?:we|i)|(?:we|i) (?:have|need|must)|is (?:that|it|this) (?:on|up to|for) (?:us|me)|is (?:that|it|this) (?:our|my)|are (?:we|i)|does (?:that|it|this) (?:fall|land) on)\b/;
/** "…, or does AWS already …?", "…, or does Keyspaces handle it out of the box?": the provider offered as the other. */
const PROVIDER_ALTERNATIVE = / or (?:does|do|will|would|is|are|can) (?!we |i )/;
/** The customer's side of the first alternative: "do we need to switch it on", "something we have to configure". */
const CUSTOMER_MUST = [' we have to ', ' we need to ', ' do we need ', ' do we have ', ' must we ', ' should we ', ' we must ', ' i have to ', ' i need to ',
  ' do i need ', ' do i have ', ' we ve got to ', ' we got to '];
/** "Does AWS …", "will Amazon …": asking whether the provider does the act. */
const AWS_DOES = /^ (?:\S+ ){0,3}(?:does|do|will|would|is|can) (?:aws|amazon)\b/;
/** Words that say the provider does it without being asked, besides the usual "automatically", "by default". */
const ON_ITS_OWN = [...AUTOMATIC_WORDS, ' automatic ', ' already ', ' for us ', ' does it for us', ' handle it ', ' handles it ', ' takes care of it', ' take care of it', ' ahead of time'];

/**
 * "Are ECR images encrypted at rest out of the box, or do we have to set that up?" is the yes/no question of the
 * alternative that says the act happens on its own ("are they encrypted out of the box?"), and so is "do we need to
 * switch on Shield Standard, or does AWS already protect them?". That alternative is judged like any claim that an
 * act happens on its own; the customer's verb in the other is an option offered, not the act asked about.
 * Returns that alternative (padded, ending in "automatically" so later steps read it as that claim), or undefined
 * when the message is not of that shape.
 */
export function automaticAlternative(padded: string): string | undefined {
  const customerAt = padded.search(CUSTOMER_ALTERNATIVE);
  if (customerAt >= 0) {
    const first = `${padded.slice(0, customerAt)} `;
    // "who encrypts it, AWS automatically or do we?" asks who; and the first alternative must say "on its own", or
    // ask whether AWS does it ("does AWS encrypt the package after we upload it, or do we have to?").
    if (!hasCue(first, WH_CUES) && (hasCue(first, ON_ITS_OWN) || AWS_DOES.test(first))) return `${first}automatically `;
  }
  const providerAt = padded.search(PROVIDER_ALTERNATIVE);
  if (providerAt >= 0) {
    const first = `${padded.slice(0, providerAt)} `;
    const second = ` ${padded.slice(providerAt + ' or '.length)}`;
    if (!hasCue(first, WH_CUES) && hasCue(first, CUSTOMER_MUST) && hasCue(second, ON_ITS_OWN)) return `${second}automatically `;
  }
  return undefined;
}
