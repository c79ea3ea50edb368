import type { Reply } from '../model/reply-model.js';
import type { Knowledge } from '../knowledge/types.js';
import { OWNER_BUTTON_LABEL, OWNERS, type Owner } from '../model/owner.js';
import { askAction, commandAction, onboardingAction, tourCheckAction } from './action-values.js';
import { composeGeneralAnswer, composeOwnerAnswer } from './compose-owner-answer.js';

import { MESSAGES } from './messages.js';
import type { PlayerRecord } from '../store/player-record.js';
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

/** Steps about the customer's side, where the tour also says who inside the company owns it. */
const CUSTOMER_SIDE_STEPS: ReadonlySet<string> = new Set(['security-in-the-cloud', 'customer-content-responsibilities']);

/**
 * "Inside your company": the teams the owners overlay (ORG_OWNERS_FILE) names for the customer's
 * part of each concern, in general (service-specific lines show up in answers and checklists).
 */
function insideCompanySection(knowledge: Knowledge): { title: string; body: string }[] {
  if (!knowledge.orgOwner) return [];
  const lines = [...knowledge.concerns.values()].flatMap((concern) => {
    const owner = knowledge.orgOwner?.(undefined, concern.id);
    return owner ? [`• ${concern.label} \u2192 ${owner.team}${owner.contact ? ` (${owner.contact})` : ''}`] : [];
  });
  return lines.length > 0 ? [{ title: MESSAGES.section.inside, body: lines.join('\n') }] : [];
}

/** The model in three lines, on the welcome and the Home tab. */
const MODEL_IN_THREE_LINES = [
  '• AWS secures the cloud itself: facilities, hardware, network, the virtualization layer.',
  '• You secure what you put in it: data, identities, configuration, and the OS where you run one.',
  '• How much is yours depends on the service: infrastructure (EC2) > container (RDS) > abstracted (S3, Lambda).',
].join('\n');

/** The short welcome posted when the bot joins a conversation. */
export function composeWelcome(): Reply {
  return withText({
    kind: 'welcome',
    headline: "Hi! I'm srm, and I answer who owns a security concern on AWS: AWS, you, or both.",
    sections: [
      { title: 'The model in three lines', body: MODEL_IN_THREE_LINES },
      {
        title: 'Try asking',
        body: ['• who patches RDS?', '• who configures security groups on EC2?', '• is encrypting S3 data my job?'].join('\n'),
      },
      { title: 'New to the model?', body: 'Say "tour" for a two-minute guided path, or "quiz" to play with your team.' },
    ],
    sources: [],
    suggestions: [],
    actions: [onboardingAction('Start the tour', 0), commandAction('A starter quiz', 'starter-quiz'), commandAction('My stack', 'stack-help')],
  });
}

/** The check question of a tour step, with its answer from the knowledge; undefined when the step has none. */
export function tourCheck(
  knowledge: Knowledge,
  step: number,
): { question: string; owner: Owner; answer: string; source?: string; inside?: string } | undefined {
  const conceptId = ONBOARDING_STEPS[step];
  const check = conceptId ? knowledge.concepts.get(conceptId)?.check : undefined;
  const concern = check ? knowledge.concerns.get(check.concern) : undefined;
  if (!check || !concern) return undefined;
  const service = check.service ? knowledge.services.get(check.service) : undefined;
  const outcome = service ? composeOwnerAnswer(knowledge, [service.id], [concern.id]) : composeGeneralAnswer(knowledge, concern.id);
  if (!outcome.owner) return undefined;
  const what = concern.label.charAt(0).toLowerCase() + concern.label.slice(1);
  const insideOwner = outcome.owner !== 'aws' ? knowledge.orgOwner?.(service?.id, concern.id) : undefined;
  return {
    ...(insideOwner ? { inside: MESSAGES.insideOwner(insideOwner) } : {}),
    question: service ? `On ${service.name}, who owns ${what}?` : `Who owns ${what}?`,
    owner: outcome.owner,
    answer: outcome.reply.headline,
    source: outcome.reply.sources[0]?.url,
  };
}

/** Instant feedback on a check question, the source, and the way on. */
export function composeTourCheckResult(knowledge: Knowledge, step: number, choice: Owner): Reply | undefined {
  const check = tourCheck(knowledge, step);
  if (!check) return undefined;
  const right = check.owner === choice;
  return withText({
    kind: 'onboarding',
    headline: right ? `Right: ${check.answer}.` : `Not quite: ${check.answer}.`,
    sections: [{ title: 'The question', body: check.question }, ...(check.inside ? [{ title: MESSAGES.section.inside, body: check.inside }] : [])],
    sources: check.source ? [sourceLink(check.source)] : [],
    suggestions: [],
    actions: [onboardingAction('Next', step + 1)],
  });
}

/**
 * Step `step` of the tour (0-based), ending with its check question; past the last concept, the
 * closing step with the person's check results (`checks`: how many they answered and got right).
 */
export function composeOnboardingStep(knowledge: Knowledge, step: number, checks?: { answered: number; right: number }): Reply {
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
        { title: 'Play', body: 'Say "quiz" in a channel to run a scenario quiz with your team, or "quiz exam" to practise for the exam.' },
        ...(checks && checks.answered > 0 ? [{ title: 'Your checks', body: `${checks.right} of ${checks.answered} right.` }] : []),
      ],
      sources: [],
      suggestions: [],
      actions: [],
    });
  }
  const check = tourCheck(knowledge, step);
  return withText({
    kind: 'onboarding',
    headline: `Tour ${step + 1}/${TOTAL}: ${concept.title}`,
    sections: [
      { title: 'In short', body: concept.summary },
      ...(concept.points.length ? [{ title: 'Key points', body: concept.points.map((p) => `• ${p}`).join('\n') }] : []),
      ...(CUSTOMER_SIDE_STEPS.has(concept.id) ? insideCompanySection(knowledge) : []),
      ...(check ? [{ title: 'Check yourself', body: check.question }] : []),
    ],
    sources: concept.sources.slice(0, 1).map(sourceLink),
    suggestions: [],
    actions: [
      ...(check ? OWNERS.map((o) => tourCheckAction(OWNER_BUTTON_LABEL[o], step, o)) : []),
      onboardingAction(check ? 'Skip' : 'Next', step + 1),
    ],
  });
}

/** A person's quiz record in one line ("unavailable" when the store could not be read). */
function quizRecordLine(record: PlayerRecord | undefined): string {
  if (!record) return 'Your quiz record is unavailable right now.';
  if (record.quizzes === 0) return 'No quizzes yet: say `/srm quiz` in a channel to play one with your team.';
  const pct = record.answered > 0 ? ` (${Math.round((100 * record.right) / record.answered)}%)` : '';
  return `${record.quizzes} ${record.quizzes === 1 ? 'quiz' : 'quizzes'} played: ${record.right} of ${record.answered} answers right${pct}.`;
}

/** The home page: the model in three lines, the person's tour progress, and what to try. */
export function composeHome(progress: { step?: number; answered: number; right: number }, quizzes?: PlayerRecord): Reply {
  const started = progress.step !== undefined && Number.isInteger(progress.step) && progress.step >= 0;
  const next = started ? Math.min(progress.step! + 1, TOTAL - 1) : 0;
  const tour = !started
    ? 'Not started yet: six short steps, each with one check question.'
    : progress.step! >= TOTAL - 1
      ? `Finished. Checks: ${progress.right} of ${progress.answered} right.`
      : `Step ${progress.step! + 1} of ${TOTAL} seen. Checks so far: ${progress.right} of ${progress.answered} right.`;
  return withText({
    kind: 'welcome',
    headline: 'Who owns what on AWS: the shared responsibility model',
    sections: [
      {
        title: 'At a glance',
        body: MODEL_IN_THREE_LINES,
      },
      { title: 'Your tour', body: tour },
      { title: 'Your quizzes', body: quizRecordLine(quizzes) },
      {
        title: 'Try',
        body: [
          '• Ask in the Messages tab or with `/srm`: who patches RDS?',
          '• `/srm stack alb ecs-fargate aurora s3`: what your team owns',
          '• `/srm quiz` or `/srm quiz exam` in a channel: play with your team',
        ].join('\n'),
      },
    ],
    sources: [],
    suggestions: [],
    // Quick actions: the tour, a question, a quiz and "my stack" (answered in the person's DM with the app).
    actions: [
      onboardingAction(started ? 'Continue the tour' : 'Start the tour', next),
      askAction('Ask: who patches RDS?', 'rds', 'platform-patching'),
      commandAction('A starter quiz', 'starter-quiz'),
      commandAction('My stack', 'stack-help'),
    ],
  });
}
