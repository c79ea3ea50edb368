import { hasCue } from './cue-words.js';
import { AUTOMATIC_WORDS, WH_CUES } from './side-words.js';

/**
 * The second alternative of "is it automatic, or do we have to …?": the customer offered as the other answer.
 * Matched on padded, normalised text (lower case, punctuation as spaces).
 */
const CUSTOMER_ALTERNATIVE =
  / or (?:(?:do|must|should|will|would|can) (?:we|i)|(?:we|i) (?:have|need|must)|is (?:that|it|this) (?:on|up to|for) (?:us|me)|is (?:that|it|this) (?:our|my)|are (?:we|i)|does (?:that|it|this) (?:fall|land) on)\b/;

/**
 * "Are ECR images encrypted at rest out of the box, or do we have to set that up?" is the yes/no question of its
 * first alternative ("are they encrypted out of the box?"), judged like any claim that an act happens on its own:
 * the customer's verb in the second alternative is an option offered, not the act asked about.
 * Returns the first alternative (padded), or undefined when the message is not of that shape.
 */
export function automaticAlternative(padded: string): string | undefined {
  const at = padded.search(CUSTOMER_ALTERNATIVE);
  if (at < 0) return undefined;
  const first = `${padded.slice(0, at)} `;
  // "who encrypts it, AWS automatically or do we?" asks who; and the first alternative must say "on its own".
  if (hasCue(first, WH_CUES) || !hasCue(first, AUTOMATIC_WORDS)) return undefined;
  return first;
}
