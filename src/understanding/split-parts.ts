import type { Knowledge } from '../knowledge/types.js';
import type { Mention } from './find-mentions.js';
import { contrastSides } from './contrast-sides.js';
import { findSide } from './find-side.js';
import { resolveConcerns } from './resolve-concerns.js';
import type { PlacedRef } from './resolve-services.js';
import type { QuestionPart } from './understanding.js';

/** Words that join the parts of a question about several services. */
const CONNECTORS: ReadonlySet<string> = new Set(['and', 'but', 'while', 'whereas', 'plus', 'also', 'then', 'vs', 'versus', 'or']);
/** Words that ask for an answer per service ("who patches each?"). */
const PER_SERVICE: ReadonlySet<string> = new Set(['each', 'both', 'respectively', 'either']);
/** Words that ask: a stretch without them only sets the scene. */
const ASKING: ReadonlySet<string> = new Set(['who', 'whose', 'whos', 'which', 'what', 'whom']);
/** Prepositions that repeat a question for another service ("and for Redshift", "and on EC2"). */
const PARALLEL: ReadonlySet<string> = new Set(['for', 'on', 'in', 'with', 'under']);

/**
 * Splits a question about several services into one part per service, each with the concern named
 * in its own stretch of words ("Windows on EC2 and SQL Server on RDS — who patches each?"), or the
 * question's concern when its stretch names none. Undefined when the question is about one of the
 * services only (the others are context: "Beanstalk with an RDS database — who patches the database?").
 */
export function splitParts(
  refs: PlacedRef[],
  mentions: Mention[],
  words: string[],
  stems: string[],
  knowledge: Knowledge,
  dualRole: ReadonlySet<Mention>,
  questionConcerns: string[],
  /** The question compares the services ("RDS vs EC2 — who patches the engine?"): always one part each. */
  compared = false,
): QuestionPart[] | undefined {
  if (refs.length < 2) return undefined;
  const sorted = [...refs].sort((a, b) => a.at.start - b.at.start);
  // "AWS handles the control plane side, fine. but the kubelet on the nodes — theirs or ours?": what comes before a
  // "but" that asks nothing is granted, not a part asked about.
  const but = words.lastIndexOf('but');
  if (but > 0 && !words.slice(0, but).some((w) => ASKING.has(w)) && sorted.some((r) => r.at.start > but) && sorted.some((r) => r.at.start < but)) return undefined;
  const bounds = [0];
  let joined = false;
  for (let i = 1; i < sorted.length; i++) {
    const from = sorted[i - 1]!.at.start + sorted[i - 1]!.at.words;
    let cut = sorted[i]!.at.start;
    for (let w = cut - 1; w >= from; w--) {
      if (CONNECTORS.has(words[w]!)) {
        cut = w;
        joined = true;
        break;
      }
    }
    bounds.push(cut);
  }
  bounds.push(words.length);

  const serviceMentions = new Set(sorted.map((r) => r.at));
  const own = sorted.map((_r, i) =>
    resolveConcerns(
      mentions.filter((m) => !serviceMentions.has(m) && m.start >= bounds[i]! && m.start < bounds[i + 1]!),
      knowledge,
      dualRole,
    ).ids,
  );
  const listed = sorted.slice(1).every((r, i) => {
    const prev = sorted[i]!;
    return words.slice(prev.at.start + prev.at.words, r.at.start).every((w) => w === 'and' || w === 'or');
  });
  const perService = words.some((w) => PER_SERVICE.has(w));
  // "…for our EBS volumes, and for our Redshift cluster?": the same act asked again for another service.
  const parallel = sorted.slice(1).some((r, i) => {
    const between = words.slice(sorted[i]!.at.start + sorted[i]!.at.words, r.at.start);
    return between.includes('and') && between.some((w) => PARALLEL.has(w));
  });
  // Each stretch names its own concern, and a connector joins them: "the password managed in Secrets Manager by RDS"
  // names a second service only as where the first one's thing is kept.
  const eachNamesOne = joined && own.filter((ids) => ids.length > 0).length >= 2;
  if (!compared && !listed && !perService && !parallel && !eachNamesOne) return undefined;
  if (questionConcerns.length === 0 && !eachNamesOne) return undefined;
  const questionSide = findSide(` ${words.join(' ')} `);
  const parts = sorted.map((r, i): QuestionPart => {
    // A part that names its own act has its own side; one that only names a service shares the question's.
    const side = findSide(` ${words.slice(bounds[i], bounds[i + 1]).join(' ')} `) ?? (own[i]!.length > 0 ? undefined : questionSide);
    return {
      service: { candidates: r.candidates, generic: r.generic, corrected: r.corrected },
      concernIds: own[i]!.length > 0 ? own[i]! : questionConcerns,
      // A part's own words pick its duty; a part that names no concern reads the whole question's.
      stemmed: ` ${(own[i]!.length > 0 ? stems.slice(bounds[i], bounds[i + 1]) : stems).join(' ')} `,
      ...(side ? { side } : {}),
    };
  });
  // "EFS vs S3 with default settings — who encrypts?": parts set against each other are halves of a contrast.
  return compared || perService ? contrastSides(parts) : parts;
}
