/**
 * "the jump from 5.7 to 8.0", "moving the broker from RabbitMQ 3.13 to 4.x", "get us off 3.6": a move between two version
 * numbers is a version upgrade, major when the leading number changes. The words that say so are added to
 * the question's words (normalised: "5.7" reads "5 7"), so the upgrade's duty and condition are found.
 */

/** A version number, normalised ("5 7", "3 13", "4 x", "v16"), or a runtime identifier's ("nodejs18 x", "python3 11"). */
const VERSION = String.raw`(?:v|[a-z]+(?=\d))?(\d+)(?: (?:\d+|x))*`;
const JUMP = new RegExp(` ${VERSION} (?:to|into|onto) ${VERSION}(?= (\\S+)|$)`);
/** Words that say the numbers are versions, not counts ("from 2 to 4 nodes"). */
const VERSION_CUES = /\b(?:version|versions|upgrade|upgrades|upgrading|upgraded|jump|move|moving|migrate|migrating|bump|go|going|engine|release)\b/;
/** Counted things after the second number: then the numbers are sizes. */
const UNITS: ReadonlySet<string> = new Set(['nodes', 'node', 'instances', 'instance', 'replicas', 'gb', 'tb', 'days', 'hours', 'minutes',
  'vcpu', 'vcpus', 'workers', 'azs', 'regions', 'shards', 'brokers', 'users', 'accounts', 'percent', 'ms', 'seconds']);

/** "get us off 3.6", "move the cluster off of 5.7": leaving a version for a newer one. */
const OFF_VERSION = new RegExp(` (?:off|off of|away from) ${VERSION}(?= |$)`);
const OFF_CUES = /\b(?:upgrade|upgrading|move|moving|get|getting|migrate|migrating)\b/;

export function withVersionJump(words: string[]): string[] {
  const text = ` ${words.join(' ')}`;
  const jump = JUMP.exec(text);
  if (!jump && OFF_VERSION.test(text) && OFF_CUES.test(text)) return [...words, 'engine', 'version', 'upgrade'];
  if (!jump || !VERSION_CUES.test(text) || UNITS.has(jump[3] ?? '')) return words;
  const major = jump[1] !== jump[2];
  return [...words, major ? 'major' : 'minor', 'version', 'upgrade'];
}
