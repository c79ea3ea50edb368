import { describe, expect, it } from 'vitest';
import { createUnderstand } from '../../src/understanding/understand.js';
import { evaluate, readEvalSet, summarise } from '../eval/evaluate.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';

const knowledge = loadTestKnowledge();
const understand = createUnderstand(knowledge);

/**
 * Issue #9's targets are 97 % owner accuracy on both sets, 95 % of concept answers saying what was
 * asked, 97 % of off-topic questions declined and at most 1 % given an owner. `floor` holds what the
 * bot reaches today: a regression below it fails the build; the gap to the target is open work.
 */
const TARGET = { owner: 0.97, concepts: 0.95, offTopicDeclined: 0.97, offTopicWrongOwner: 0.01, parts: 0.9 };

// duties.yaml: the tuning set (≥ 600). holdout-duties.yaml: written blind from AWS pages, run first before any tuning on it.
describe.each([
  { file: 'duties.yaml', minItems: 600, floor: { owner: 0.984, concepts: 0.98, parts: 1 } },
  { file: 'holdout-duties.yaml', minItems: 200, floor: { owner: 1, concepts: 0.95, parts: 1 } },
  // A second blind holdout, written 2026-12-01 by an author who had seen neither the matcher, the knowledge nor the
  // other sets; its first run (79.6% owner) is kept in holdout-2-first-run.txt. Its parts floor went from 0.68 to 0.62
  // when a closing "who patches … for each?" started lending its verb to each act: "who patches the runtime for Lambda
  // container-image functions" now reads as the shared runtime entry (the first version's sets label it shared too).
  { file: 'holdout-2-duties.yaml', minItems: 200, floor: { owner: 0.933, concepts: 1, parts: 0.75 } },
  // A third, written later the same way (and run once, on the version after holdout 2's fixes): first run 81.2% owner,
  // kept in holdout-3-first-run.txt.
  { file: 'holdout-3-duties.yaml', minItems: 200, floor: { owner: 0.95, concepts: 0.866, parts: 0.666 } },
  // A fourth, written at the end of the same day and run once on the version that came of the first three: first run
  // 90.7% owner, kept in holdout-4-first-run.txt.
  { file: 'holdout-4-duties.yaml', minItems: 200, floor: { owner: 0.974, concepts: 0.916, parts: 0.916 } },
  // A fifth, written last, run once on the version after the fourth's fixes: first run 71.5% owner (holdout-5-first-run.txt).
  { file: 'holdout-5-duties.yaml', minItems: 200, floor: { owner: 0.949, concepts: 0.833, parts: 0.916 } },
  // A sixth, written 2026-12-01 by a helper that saw neither the matcher, the knowledge nor the other sets, and run once
  // on the version after the fifth's fixes and five new services: first run 81.3% owner (holdout-6-first-run.txt).
  { file: 'holdout-6-duties.yaml', minItems: 200, floor: { owner: 0.956, concepts: 0.916, parts: 0.916 } },
  // A seventh, written the same morning by another helper blind to the matcher, the knowledge and every other set, and
  // run once on the version after the sixth's fixes: first run 89.1% owner (holdout-7-first-run.txt).
  { file: 'holdout-7-duties.yaml', minItems: 200, floor: { owner: 0.956, concepts: 1, parts: 0.916 } },
  // An eighth, written 2026-12-01 (later that morning) by a helper blind to the matcher, the knowledge and every other set, over 59 services,
  // and run once on the version after the seventh's fixes and eight new services: first run 84.1% owner
  // (holdout-8-first-run.txt).
  { file: 'holdout-8-duties.yaml', minItems: 200, floor: { owner: 0.95, concepts: 1, parts: 0.666 } },
  // A ninth, written right after the eighth's fixes by another blind helper, over 55 services, and run once on the
  // version after those fixes: first run 81.4% owner (holdout-9-first-run.txt).
  { file: 'holdout-9-duties.yaml', minItems: 200, floor: { owner: 0.939, concepts: 0.833, parts: 0.75 } },
  // A tenth, written after the ninth's fixes by another blind helper, over 48 services, and run once on the version
  // after those fixes: first run 87.4% owner (holdout-10-first-run.txt).
  { file: 'holdout-10-duties.yaml', minItems: 200, floor: { owner: 0.961, concepts: 0.916, parts: 0.75 } },
  // An eleventh and a twelfth, written 2026-12-01 (evening) by two helpers at once, each blind to the matcher, the
  // knowledge and every other set, and run once before anything was tuned on them: first runs 87.9% and 82.1% owner
  // (holdout-11-first-run.txt, holdout-12-first-run.txt). The twelfth's brief listed services to cover; ten services it
  // named that the knowledge lacked were added after its first run.
  { file: 'holdout-11-duties.yaml', minItems: 200, floor: { owner: 0.939, concepts: 0.916, parts: 0.916 } },
  { file: 'holdout-12-duties.yaml', minItems: 200, floor: { owner: 0.896, concepts: 1, parts: 0.833 } },
  // A thirteenth, written after the eleventh's and twelfth's first runs by another blind helper that chose its own
  // services (53), run once on the version after some of their fixes: first run 91.8% owner (holdout-13-first-run.txt).
  { file: 'holdout-13-duties.yaml', minItems: 200, floor: { owner: 0.956, concepts: 0.833, parts: 0.916 } },
])('duty-level evaluation set $file', ({ file, minItems, floor }) => {
  const items = readEvalSet(file);
  const report = evaluate(knowledge, understand, items);
  console.log(summarise(file, report));
  const show = (title: string, misses: string[]) => misses.length && console.log(`[${file}] ${title}:\n  ${misses.join('\n  ')}`);
  show('owner misses', report.owner.misses);
  show('concept misses', report.concepts.misses);
  show('off-topic answered', report.offTopic.misses);
  show('two-part misses', report.parts.misses);

  it('is big enough and covers every style the issue lists', () => {
    expect(items.length).toBeGreaterThanOrEqual(minItems);
    for (const style of ['action', 'infrastructure', 'statement', 'exam-option', 'condition', 'two-part', 'follow-up', 'general', 'concept', 'off-topic']) {
      expect(items.filter((i) => i.style === style).length, style).toBeGreaterThan(0);
    }
  });

  const rate = (r: { right: number; total: number }) => r.right / r.total;
  console.log(
    `[${file}] against the issue's targets: owner ${rate(report.owner) >= TARGET.owner ? 'met' : 'not met'}, ` +
      `concepts ${rate(report.concepts) >= TARGET.concepts ? 'met' : 'not met'}, two-part ${rate(report.parts) >= TARGET.parts ? 'met' : 'not met'}`,
  );

  it(`gives the right owner at least as often as today (${floor.owner * 100}%; target ${TARGET.owner * 100}%)`, () => {
    expect(rate(report.owner)).toBeGreaterThanOrEqual(floor.owner);
  });

  it(`answers concept questions with what was asked at least as often as today (${floor.concepts * 100}%; target ${TARGET.concepts * 100}%)`, () => {
    expect(rate(report.concepts)).toBeGreaterThanOrEqual(floor.concepts);
  });

  it('declines at least 97% of off-topic questions, and gives an owner to at most 1%', () => {
    expect(report.offTopic.declined / report.offTopic.total).toBeGreaterThanOrEqual(TARGET.offTopicDeclined);
    expect(report.offTopic.wrongOwner / report.offTopic.total).toBeLessThanOrEqual(TARGET.offTopicWrongOwner);
  });

  it(`answers every part of two-part questions at least as often as today (${floor.parts * 100}%)`, () => {
    expect(rate(report.parts)).toBeGreaterThanOrEqual(floor.parts);
  });
});
