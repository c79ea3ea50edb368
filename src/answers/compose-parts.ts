import type { Knowledge, Side } from '../knowledge/types.js';
import type { QuestionPart } from '../understanding/understanding.js';
import type { AnswerOutcome } from './answer-outcome.js';
import { type AnswerCues, composeGeneralAnswer, composeOwnerAnswer } from './compose-owner-answer.js';
import { MESSAGES } from './messages.js';
import { composeConfigurationFallback } from './compose-configuration-fallback.js';
import { withText } from './render-text.js';

/**
 * A question about several services at once ("Windows on EC2 and SQL Server on RDS — who patches
 * each?"): every part answered with its own verdict, so no reader takes one part's owner for the other's.
 */
export function composeParts(knowledge: Knowledge, parts: QuestionPart[], claim?: AnswerCues['claim'], choosingFor?: Side): AnswerOutcome {
  const answers = parts
    .filter((p) => p.concernIds.length > 0 || ((p.fallbackFeature || p.turnsOnService) && p.service))
    .map((p) => {
      if ((p.fallbackFeature || p.turnsOnService) && p.service) return composeConfigurationFallback(knowledge, p.service.candidates[0]!, p.fallbackFeature);
      const cues: AnswerCues = { stemmed: p.stemmed, ...(p.side ? { side: p.side } : {}), ...(p.leaning ? { leaning: p.leaning } : {}), ...(claim ? { claim } : {}) };
      return p.service
        ? composeOwnerAnswer(knowledge, p.service.candidates, p.concernIds, false, cues)
        : composeGeneralAnswer(knowledge, p.concernIds[0]!, cues);
    });
  const [first] = answers;
  if (!first) throw new Error('composeParts needs a part with a concern');
  const sources = [...new Map(answers.flatMap((a) => a.reply.sources).map((s) => [s.url, s])).values()];
  const reply = withText({
    kind: 'answer',
    headline: MESSAGES.partsHeadline(answers.map((a) => a.reply.headline)),
    ...(first.owner ? { owner: first.owner } : {}),
    sections: answers.map((a) => ({
      title: a.reply.headline,
      body: a.reply.sections.filter((s) => s.title !== MESSAGES.section.why).map((s) => `${s.title}: ${s.body}`).join('\n'),
    })),
    sources: sources.slice(0, 6),
    suggestions: [],
    actions: first.reply.actions.filter((a) => a.actionId !== 'srm_show_service'),
  });
  // "Which is the customer's: A or B?": the owner of what was asked is that side, when one of the parts is its.
  const chosen = choosingFor && answers.some((a) => a.owner === choosingFor) ? { owner: choosingFor } : {};
  return {
    ...first,
    ...chosen,
    reply,
    answered: answers.every((a) => a.answered),
    parts: answers.map((a) => ({ service: a.serviceName, concern: a.concernLabel, owner: a.owner })),
  };
}
