import type { Knowledge } from '../knowledge/types.js';
import type { Owner } from '../model/owner.js';
import type { AnswerOutcome } from './answer-outcome.js';
import { MESSAGES } from './messages.js';
import { withText } from './render-text.js';
import { sourceLink } from './source-title.js';

/** Explains a concept of the model ("security of the cloud", "abstracted services"). */
export function composeConcept(
  knowledge: Knowledge,
  conceptId: string,
  alsoIds: string[] = [],
  concernIds: string[] = [],
  /** Whose the whole of it is, when the question asked that ("is cloud security AWS's job or ours?"). */
  askedOwner?: Owner,
): AnswerOutcome {
  const concept = knowledge.concepts.get(conceptId)!;
  const owner = concept.owner ?? askedOwner;
  const also = alsoIds.flatMap((id) => knowledge.concepts.get(id) ?? []);
  // The concerns the question also names ("… client-side vs server-side?"): each one's general rule, in a line.
  const concerns = concernIds.slice(0, 3).flatMap((id) => knowledge.concerns.get(id) ?? []);
  const related = [...knowledge.concepts.values()].filter((c) => c.id !== concept.id).slice(0, 2);
  const reply = withText({
    kind: 'concept',
    headline: owner ? `${concept.title}: ${MESSAGES.conceptOwner[owner]}` : concept.title,
    sections: [
      { title: 'In short', body: concept.summary },
      ...(concept.points.length ? [{ title: 'Key points', body: concept.points.map((p) => `• ${p}`).join('\n') }] : []),
      // A comparison ("inherited vs shared controls") gets each concept it names, side by side.
      ...also.map((c) => ({ title: c.owner ? `${c.title}: ${MESSAGES.conceptOwner[c.owner]}` : c.title, body: c.summary })),
      ...concerns.map((c) => ({
        title: `${c.label}: ${MESSAGES.conceptOwner[c.general.owner]}`,
        body: [c.general.aws && `AWS: ${c.general.aws}`, c.general.customer && `You: ${c.general.customer}`].filter(Boolean).join(' '),
      })),
    ],
    sources: [
      ...new Map([...[concept, ...also].flatMap((c) => c.sources), ...concerns.flatMap((c) => c.general.sources.slice(0, 1))].map((url) => [url, sourceLink(url)])).values(),
    ].slice(0, 5),
    suggestions: related.map((c) => `what is ${c.title.replace(/\s*\(.*\)$/, '')}?`),
    actions: [],
  });
  return { reply, answered: true, owner: owner ?? null, serviceId: null, serviceName: null, concernLabel: null };
}
