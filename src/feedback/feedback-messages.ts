import type { ReplyForm } from '../model/reply-model.js';

/** Why a 👎 answer was wrong (the form's choices). */
export const FEEDBACK_REASONS = {
  'wrong-owner': 'Wrong owner',
  'wrong-service': 'Wrong service',
  'out-of-date': 'Out of date',
  other: 'Something else',
} as const;

/** Why a quiz ruling is challenged (the form's choices). */
export const CHALLENGE_REASONS = {
  'wrong-owner': 'The right answer is another owner',
  'unclear-question': 'The question is unclear',
  'source-disagrees': 'The source says otherwise',
  other: 'Something else',
} as const;

/** Every sentence of the correction loop (feedback and challenges), in one place. */
export const FEEDBACK_MESSAGES = {
  thanks: 'Thanks for the feedback.',
  thanksDown: 'Thanks: I have noted that this answer did not help. If you like, say what was wrong (optional).',
  reasonThanks: 'Thanks: your note goes to the people who keep the knowledge right.',
  staleForm: 'That form has expired or was already sent, so nothing was recorded.',
  feedbackForm: (value: string): ReplyForm => ({
    value,
    title: 'What was wrong?',
    intro: 'Optional: it helps the people who keep the knowledge right. Your note is kept with the question, not shared.',
    choiceLabel: 'What was wrong',
    choices: Object.entries(FEEDBACK_REASONS).map(([v, label]) => ({ value: v, label })),
    textLabel: 'Anything else? (optional)',
    submitLabel: 'Send',
  }),
  challengeForm: (value: string, question: string, ruling: string): ReplyForm => ({
    value,
    title: 'Challenge the ruling',
    intro: `\u201c${question}\u201d was ruled: ${ruling}. Why is that wrong?`,
    choiceLabel: 'Why',
    choices: Object.entries(CHALLENGE_REASONS).map(([v, label]) => ({ value: v, label })),
    textLabel: 'Your reason, with a source if you have one (optional)',
    submitLabel: 'File challenge',
  }),
  notRevealedYet: 'That question has not been revealed yet: challenge it after the reveal.',
  challengeFiled: (n: number) => `Your challenge of question ${n} is filed; the knowledge owners see it in the report.`,
  challengeAlreadyFiled: (n: number) => `You already challenged question ${n}; one challenge per person per question.`,
  challengeToStarter: (who: string, n: number, reason: string) => `${who} challenged the ruling on question ${n} of your quiz (${reason}). It is filed for the knowledge owners.`,
} as const;
