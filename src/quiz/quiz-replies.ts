import { challengeAction } from '../answers/action-values.js';
import { sourceLink } from '../answers/source-title.js';
import type { ExamQuestion, QuizQuestion } from '../knowledge/types.js';
import { ACTION_IDS, type Reply, type ReplySection } from '../model/reply-model.js';
import type { QuizRecord } from '../store/quiz-records.js';
import { answerValue, rankValue, revealValue, viewValue } from './quiz-ids.js';
import { choicesFor, rightChoice, rightLabel } from './quiz-choices.js';
import { QUIZ_MESSAGES as M } from './quiz-messages.js';
import type { RankedRow } from './quiz-scores.js';

/** Turns a user id into how the reply names that person. */
export type FormatUser = (userId: string) => string;

/** A reply with the empty parts filled in and `text` rendered from headline and sections. */
function reply(kind: Reply['kind'], headline: string, sections: ReplySection[], extra: Partial<Reply> = {}): Reply {
  const text = [headline, ...sections.map((s) => `${s.title}: ${s.body}`)].join('\n');
  return { kind, headline, sections, sources: [], suggestions: [], actions: [], text, ...extra };
}

/** Most people a quiz message names (each name is a mention). */
const MAX_NAMED = 5;
/** Rows on the final scoreboard. */
const SCOREBOARD_SIZE = 10;

const seconds = (quiz: QuizRecord): number => Math.round(quiz.revealAfterMs / 1000);

/** A short notice (refusals, "already answered"). */
export function noticeReply(message: string): Reply {
  return reply('notice', message, []);
}

/** The header posted at the top level of the channel; questions go in its thread. */
export function headerReply(quiz: QuizRecord, user: FormatUser): Reply {
  const body = M.headerBody(quiz.questions.length, seconds(quiz), user(quiz.starterId));
  return reply('quiz', M.headerTitle(quiz.title), [{ title: 'How to play', body }]);
}

/** A question waiting for answers: the prompt, how many answered, and the buttons. */
export function questionReply(quiz: QuizRecord, index: number, answeredCount: number): Reply {
  const question = quiz.questions[index];
  const choices = question ? choicesFor(question) : [];
  const sections: ReplySection[] = [
    { title: question?.exam ? M.examPrompt : M.questionPrompt, body: question ? promptWithOptions(question) : '' },
    { title: 'Answers', body: M.answeredCount(answeredCount) },
    { title: 'Timer', body: M.revealHint(seconds(quiz)) },
  ];
  const actions = [
    ...choices.map((choice) => ({
      actionId: ACTION_IDS.quizAnswer,
      label: choice.label,
      value: answerValue(quiz.id, index, choice.value),
    })),
    { actionId: ACTION_IDS.quizReveal, label: M.revealButton, value: revealValue(quiz.id, index) },
  ];
  const refresh = { actionId: ACTION_IDS.quizView, label: M.refreshButton, value: viewValue(quiz.id, index) };
  const result = reply('quiz', M.questionHeadline(index, quiz.questions.length), sections, { actions, refresh });
  return { ...result, text: `${result.text}\nButtons: ${choices.map((c) => c.label).join(' / ')}` };
}

/**
 * A question as one person sees it: the open question with their own answer ("Your answer: Customer")
 * or, once revealed, the reveal with whether they were right.
 */
export function personalQuestionReply(quiz: QuizRecord, index: number, answeredCount: number, mine: string | undefined, user: FormatUser): Reply {
  const question = quiz.questions[index];
  if (!question) return noticeReply(M.unknownButton);
  const label = mine === undefined ? undefined : (choicesFor(question).find((c) => c.value === mine)?.label ?? mine);
  const revealed = index < quiz.revealed.length;
  const base = revealed ? revealedReply(quiz, index, user) : questionReply(quiz, index, answeredCount);
  const line = label === undefined ? M.youDidNotAnswer(revealed) : revealed ? M.yourAnswerRevealed(label, mine === rightChoice(question)) : M.yourAnswerOpen(label);
  return withOwnLine(base, line);
}

/** A shared message as one person sees it: their own line ("Your answer: …", "You placed 3rd …") first. */
export function withOwnLine(reply: Reply, line: string): Reply {
  return { ...reply, sections: [{ title: M.yourAnswerTitle, body: line }, ...reply.sections], text: `${line}\n${reply.text}` };
}

/** A revealed question: the right answer, why, the source, and who got it right; its one button challenges the ruling. */
export function revealedReply(quiz: QuizRecord, index: number, user: FormatUser): Reply {
  const question = quiz.questions[index];
  const result = quiz.revealed[index] ?? { answered: [], right: [] };
  if (!question) return noticeReply(M.unknownButton);
  // A handful of names at most: in a big channel a name per player would ping hundreds of people.
  const right =
    result.answered.length === 0
      ? M.nobodyAnswered
      : result.right.length === 0
        ? M.nobodyRight
        : M.someNamed(result.right.slice(0, MAX_NAMED).map(user), result.right.length - MAX_NAMED);
  const split = result.split
    ? choicesFor(question).map((c) => `${c.label} ${result.split?.[c.value] ?? 0}`).join(' \u00b7 ')
    : undefined;
  const sections: ReplySection[] = [
    { title: question.exam ? M.examPrompt : M.questionPrompt, body: question.prompt },
    { title: M.answerTitle, body: rightLabel(question) },
    { title: M.whyTitle, body: question.exam ? optionVerdicts(question.exam) : question.explanation },
    ...(result.answered.length > 0 ? [{ title: M.splitTitle, body: M.splitLine(result.answered.length, result.right.length, split) }] : []),
    { title: M.rightTitle, body: right },
  ];
  const urls = question.exam ? [...new Set(question.exam.options.map((o) => o.source).filter(Boolean))] : [question.source].filter(Boolean);
  const sources = urls.map(sourceLink);
  const headline = M.revealedHeadline(index, quiz.questions.length, rightLabel(question));
  // Anyone who thinks the ruling is wrong can challenge it (a form; the starter sees it was filed).
  const actions = [challengeAction(M.challengeButton, quiz.id, index)];
  const base = reply('quiz', headline, sections, { ...(question.exam ? {} : { owner: question.answer }), sources, actions });
  return { ...base, text: urls.length ? `${base.text}\n${urls.length === 1 ? 'Source' : 'Sources'}: ${urls.join(' ')}` : base.text };
}

/** The prompt, and for an exam-style question its lettered options, one per line. */
function promptWithOptions(question: QuizQuestion): string {
  if (!question.exam) return question.prompt;
  return [question.prompt, ...question.exam.options.map((o) => `${o.letter}. ${o.text}`)].join('\n');
}

/** One line per option at the reveal: right or not, and whose it is. */
function optionVerdicts(exam: ExamQuestion): string {
  return exam.options.map((o) => `${o.right ? '\u2713' : '\u2717'} ${o.letter}. ${o.text}: ${o.why}`).join('\n');
}

/** A question that was never revealed because the quiz was stopped. */
export function stoppedQuestionReply(quiz: QuizRecord, index: number): Reply {
  const question = quiz.questions[index];
  return reply('quiz', M.questionHeadline(index, quiz.questions.length), [
    { title: question?.exam ? M.examPrompt : M.questionPrompt, body: question ? promptWithOptions(question) : '' },
    { title: 'Status', body: M.stoppedQuestion },
  ]);
}

/** The scoreboard posted in the thread when the quiz ends. */
export function scoreboardReply(quiz: QuizRecord, scores: RankedRow[], user: FormatUser): Reply {
  const of = quiz.revealed.length;
  const shown = scores.slice(0, SCOREBOARD_SIZE).map((s) => M.scoreLine(s.rank, user(s.userId), s.points, of));
  const more = scores.length > SCOREBOARD_SIZE ? [M.morePlayers(scores.length - SCOREBOARD_SIZE)] : [];
  const body = scores.length === 0 ? M.noPlayers : [...shown, ...more].join('\n');
  const headline = quiz.phase === 'stopped' ? M.scoreboardStoppedHeadline(quiz.title) : M.scoreboardHeadline(quiz.title);
  // "My rank": every player can see their own place privately, however far down the board.
  const rank = { actionId: ACTION_IDS.quizRank, label: M.myRankButton, value: rankValue(quiz.id) };
  // Teams refreshes the card per person with the same action, so each player sees their own place in it.
  return reply('quiz', headline, [{ title: 'Scores', body }], scores.length > 0 ? { actions: [rank], refresh: rank } : {});
}

/** The one-line result posted in the channel when the quiz ends. */
export function resultReply(quiz: QuizRecord, scores: RankedRow[], user: FormatUser): Reply {
  if (quiz.phase === 'stopped') return reply('quiz', M.resultStoppedLine(quiz.title, user(quiz.stoppedBy ?? '')), []);
  const top = scores.filter((s) => s.rank === 1 && s.points > 0);
  const named = top.slice(0, MAX_NAMED).map((s) => user(s.userId));
  return reply('quiz', M.resultLine(quiz.title, named, top[0]?.points ?? 0, quiz.questions.length, top.length - named.length), []);
}

/** The channel leaderboard: this week and all time. */
export function leaderboardReply(
  periods: { week: RankedRow[]; month: RankedRow[]; allTime: RankedRow[] },
  user: FormatUser,
  seasonStart?: number,
): Reply {
  const lines = (rows: RankedRow[]) =>
    rows.length === 0 ? M.leaderboardEmpty : rows.map((r) => M.leaderboardLine(r.rank, user(r.userId), r.points)).join('\n');
  return reply('quiz', M.leaderboardHeadline, [
    { title: M.thisWeekTitle, body: lines(periods.week) },
    { title: M.thisMonthTitle, body: lines(periods.month) },
    { title: seasonStart ? M.seasonTitle(new Date(seasonStart).toISOString().slice(0, 10)) : M.allTimeTitle, body: lines(periods.allTime) },
  ]);
}
