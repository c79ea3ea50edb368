import type { Reply } from '../model/reply-model.js';
import type { Knowledge } from '../knowledge/types.js';
import { onboardingAction } from './action-values.js';
import { withText } from './render-text.js';
import { sourceLink } from './source-title.js';

/** The guided path for new people: one concept per step, then an invitation to ask and to play. */
export const ONBOARDING_STEPS = [
  'shared-responsibility-model',
  'security-of-the-cloud',
  'security-in-the-cloud',
  'service-categories-compared',
  'shared-controls',
  'customer-content-responsibilities',
] as const;

const TOTAL = ONBOARDING_STEPS.length + 1;

/** The short welcome posted when the bot joins a conversation. */
export function composeWelcome(): Reply {
  return withText({
    kind: 'welcome',
    headline: "Hi! I'm srm, and I answer who owns a security concern on AWS: AWS, you, or both.",
    sections: [
      {
        title: 'Try asking',
        body: ['• who patches RDS?', '• who configures security groups on EC2?', '• is encrypting S3 data my job?'].join('\n'),
      },
      { title: 'New to the model?', body: 'Say "tour" for a two-minute guided path, or "quiz" to play with your team.' },
    ],
    sources: [],
    suggestions: [],
    actions: [onboardingAction('Start the tour', 0)],
  });
}

/** Step `step` of the tour (0-based); past the last concept, the closing step. */
export function composeOnboardingStep(knowledge: Knowledge, step: number): Reply {
  const conceptId = ONBOARDING_STEPS[step];
  const concept = conceptId ? knowledge.concepts.get(conceptId) : undefined;
  if (!concept) {
    return withText({
      kind: 'onboarding',
      headline: `Tour ${TOTAL}/${TOTAL}: your turn`,
      sections: [
        {
          title: 'Ask me anything about who owns what',
          body: ['• who patches the OS on EC2?', '• who manages the Kubernetes control plane on EKS?', '• EC2 vs RDS vs Lambda'].join('\n'),
        },
        { title: 'Play', body: 'Say "quiz" in a channel to run a scenario quiz with your team.' },
      ],
      sources: [],
      suggestions: [],
      actions: [],
    });
  }
  return withText({
    kind: 'onboarding',
    headline: `Tour ${step + 1}/${TOTAL}: ${concept.title}`,
    sections: [
      { title: 'In short', body: concept.summary },
      ...(concept.points.length ? [{ title: 'Key points', body: concept.points.map((p) => `• ${p}`).join('\n') }] : []),
    ],
    sources: concept.sources.slice(0, 1).map(sourceLink),
    suggestions: [],
    actions: [onboardingAction('Next', step + 1)],
  });
}
