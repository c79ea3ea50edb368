import { OWNER_BUTTON_LABEL } from '../model/owner.js';

/** Labels on the answer buttons, in the fixed order AWS, Customer, Shared. */
export const ANSWER_LABEL = OWNER_BUTTON_LABEL;

/** Every user-facing quiz string, so wording stays consistent and tests can refer to it. */
export const QUIZ_MESSAGES = {
  challengeButton: 'Challenge this ruling',
  myRankButton: 'My rank',
  refreshButton: 'Refresh',
  yourAnswerTitle: 'You',
  yourAnswerOpen: (label: string) => `Your answer: ${label}. It is revealed when time runs out.`,
  yourAnswerRevealed: (label: string, right: boolean) => `You answered ${label}: ${right ? 'right' : 'not right'}.`,
  youDidNotAnswer: (revealed: boolean) => (revealed ? 'You did not answer this one.' : 'You have not answered yet.'),
  ownRank: (rank: number, players: number, points: number, of: number) =>
    `You placed ${ordinal(rank)} of ${players} with ${points} of ${of} right.`,
  didNotPlay: 'You did not answer in this quiz, so you have no place on its board.',
  scheduleSet: (what: string, next: string) => `Scheduled: a quiz in this channel ${what}. The next one starts ${next}. \`quiz schedule off\` stops it.`,
  scheduleShow: (what: string, next: string, by: string) => `This channel has a quiz ${what} (set by ${by}). The next one starts ${next}.`,
  scheduleNone: 'No quiz is scheduled in this channel. For example: `quiz schedule weekdays 10:00 Europe/Berlin 5`.',
  scheduleOff: 'The quiz schedule for this channel is off.',
  scheduleInvalid: (problem: string) =>
    `I couldn\u2019t read that schedule: ${problem}. For example: \`quiz schedule weekdays 10:00 Europe/Berlin 5\` (or \`mon,wed,fri 09:30 America/New_York 3 exam\`).`,
  headerTitle: (title: string) => `Quiz: ${title}`,
  headerBody: (count: number, seconds: number, starter: string) =>
    `${count} question${count === 1 ? '' : 's'}, ${seconds} seconds each, started by ${starter}. ` +
    'Answer in the thread: each person\u2019s first answer counts.',
  questionHeadline: (index: number, count: number) => `Question ${index + 1} of ${count}`,
  questionPrompt: 'Who is responsible?',
  examPrompt: 'Pick the answer',
  answeredCount: (n: number) =>
    n === 0 ? 'No answers yet.' : `${n} ${n === 1 ? 'person has' : 'people have'} answered.`,
  // No mention here: every question is a new message, and a mention would ping the starter each time.
  revealHint: (seconds: number) =>
    `The answer is revealed after ${seconds} seconds, or earlier by the person who started the quiz.`,
  revealButton: 'Reveal now',
  revealedHeadline: (index: number, count: number, answer: string) =>
    `Question ${index + 1} of ${count}: ${answer}`,
  answerTitle: 'Answer',
  whyTitle: 'Why',
  rightTitle: 'Got it right',
  nobodyRight: 'Nobody this time.',
  nobodyAnswered: 'Nobody answered.',
  stoppedQuestion: 'The quiz was stopped before this question was revealed.',

  // Acks never name the choice: in Teams (no ephemeral messages) the channel can see them.
  ackAnswer: 'Got it: your answer is in. The answer is revealed when time runs out.',
  alreadyAnswered: 'You have already answered; your first answer counts.',
  tooLate: 'Too late: that question has already been revealed.',
  quizOver: 'That quiz has ended. Start a new one with `quiz`.',
  otherChannel: 'That button belongs to a quiz in another conversation.',
  unknownButton: 'Sorry, I could not make sense of that button. It may be from an old message.',
  onlyStarterReveals: (starter: string) => `Only ${starter}, who started this quiz, can reveal early.`,
  onlyStarterStops: (starter: string) =>
    `Only ${starter}, who started this quiz, can stop it. It ends on its own after the last question.`,

  alreadyRunning: (title: string, index: number, count: number, starter: string) =>
    `A quiz is already running here: \u201c${title}\u201d, question ${index + 1} of ${count}, started by ${starter}. ` +
    'Wait for it to finish, or ask its starter to end it with `quiz stop`.',
  nothingRunning: 'No quiz is running here. Start one with `quiz`.',
  noQuestions: (topic: string) =>
    `I have no quiz questions about \u201c${topic}\u201d. Try \`quiz\` for a mixed quiz, or a service such as \`quiz rds\`.`,
  stoppedBy: (by: string) => `Quiz stopped by ${by}.`,

  scoreboardHeadline: (title: string) => `Final scores: ${title}`,
  scoreboardStoppedHeadline: (title: string) => `Scores so far (quiz stopped): ${title}`,
  scoreLine: (rank: number, user: string, points: number, of: number) => `${rank}. ${user}: ${points}/${of}`,
  noPlayers: 'Nobody answered, so nobody scored.',
  resultLine: (title: string, winners: string[], points: number, of: number, others = 0) =>
    winners.length === 0
      ? `Quiz \u201c${title}\u201d finished: nobody scored.`
      : `Quiz \u201c${title}\u201d finished: ${winners.join(', ')}${others > 0 ? ` and ${others} more` : ''} ${winners.length + others === 1 ? 'wins' : 'tie for first'} with ${points}/${of}.`,
  someNamed: (names: string[], others: number) => `${names.join(', ')}${others > 0 ? ` and ${others} more` : ''}`,
  morePlayers: (n: number) => `\u2026and ${n} more player${n === 1 ? '' : 's'}.`,
  splitTitle: 'How the channel answered',
  splitLine: (answered: number, right: number, split?: string) =>
    `${answered} answered, ${right} right${split ? `: ${split}` : ''}.`,
  resultStoppedLine: (title: string, by: string) => `Quiz \u201c${title}\u201d was stopped by ${by}.`,

  leaderboardHeadline: 'Quiz leaderboard',
  thisWeekTitle: 'This week',
  allTimeTitle: 'All time',
  thisMonthTitle: 'This month',
  seasonTitle: (since: string) => `This season (since ${since})`,
  seasonReset: (by: string) => `Leaderboard reset by ${by}: a new season starts now. Earlier points no longer count here.`,
  resetOnlyAdmins: 'Only this channel\u2019s quiz owner (who set its quiz schedule) or the bot\u2019s admins (SRM_ADMINS) can reset the leaderboard.',
  leaderboardLine: (rank: number, user: string, points: number) =>
    `${rank}. ${user}: ${points} point${points === 1 ? '' : 's'}`,
  leaderboardEmpty: 'No points yet.',

  mixedTitle: 'Shared responsibility mix',
  stackName: 'your stack',
  noStack: 'This channel has no saved stack yet. Save one with `stack save alb ecs-fargate aurora s3` (your services), then `quiz stack`.',
  examTitle: 'Exam practice: shared responsibility',
  examServiceTitle: (name: string) => `Exam practice: ${name}`,
  serviceTitle: (name: string) => `Who owns what on ${name}`,
  concernTitle: (label: string) => `${label}: who owns it?`,
} as const;

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st… */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
