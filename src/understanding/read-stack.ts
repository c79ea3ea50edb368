import type { Knowledge } from '../knowledge/types.js';
import { findMentions } from './find-mentions.js';
import type { PhraseIndex } from './phrase-index.js';
import type { SpellingCorrector } from './spelling.js';

/** What "stack …" asked for: the services named, the names not recognised, and whether to save them. */
export interface StackRequest {
  serviceIds: string[];
  /** Names said back because no service has them (normalised words: nothing in them can ping anyone). */
  unknown: string[];
  /** "stack save …": remember these services as the channel's stack. */
  save: boolean;
}

/** "stack" with nothing after it: show the channel's saved stack. */
export const EMPTY_STACK: StackRequest = { serviceIds: [], unknown: [], save: false };

/** Words between names that are not names ("alb and s3", "we run ec2 plus rds"). */
const FILLER = new Set(['and', 'or', 'plus', 'with', 'we', 'i', 'use', 'run', 'our', 'my', 'the', 'a', 'an', 'on', 'in', 'also',
  'aws', 'amazon', 'services', 'service', 'stack', 'is', 'are', 'of', 'using']);

/**
 * Reads the words after "stack": service names in any order, spaced or comma separated, spelling
 * corrected as in questions ("lamdba"). An acronym the bot does not know is never bent into a name.
 */
export function readStack(words: string[], knowledge: Knowledge, index: PhraseIndex, correct: SpellingCorrector): StackRequest {
  const save = words[0] === 'save';
  const named = save ? words.slice(1) : words;
  const { mentions } = findMentions(named, index, correct);
  const serviceIds: string[] = [];
  const covered = new Set<number>();
  for (const m of mentions) {
    const target = m.targets.flatMap((t) => (t.kind === 'service' && !t.generic ? [t] : []))[0];
    if (!target || !knowledge.services.has(target.id)) continue;
    if (!serviceIds.includes(target.id)) serviceIds.push(target.id);
    for (let i = m.start; i < m.start + m.words; i++) covered.add(i);
  }
  const unknown: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) unknown.push(run.join(' '));
    run = [];
  };
  named.forEach((word, i) => {
    if (covered.has(i) || FILLER.has(word)) flush();
    else run.push(word);
  });
  flush();
  return { serviceIds, unknown, save };
}
