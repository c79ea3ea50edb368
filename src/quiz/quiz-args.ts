import type { QuizSelection } from './question-bank.js';
import type { TopicFinder } from './quiz-topics.js';

/** What "quiz …" asked for. */
export type QuizCommand =
  | { kind: 'start'; selection: QuizSelection; topicText: string }
  | { kind: 'stop' }
  | { kind: 'leaderboard' }
  /** "quiz stack", "quiz exam stack": about the services this channel saved with "stack save". */
  | { kind: 'stack'; selection: QuizSelection }
  | { kind: 'unknown-topic'; topicText: string }
  /** "quiz schedule …": show, set or turn off the channel's schedule (the text after "schedule"). */
  | { kind: 'schedule'; text: string };

const STOP_WORDS = new Set(['stop', 'end', 'cancel', 'quit']);
const LEADERBOARD_WORDS = new Set(['leaderboard', 'scores', 'scoreboard', 'top']);

/**
 * Parses the text after "quiz": "", "serverless", "rds", "encryption", "10", "rds 10", "stop", and
 * the exam-style forms "exam", "exam rds", "exam 10".
 */
export function parseQuizArgs(text: string, findTopic: TopicFinder): QuizCommand {
  const all = text.trim().split(/\s+/).filter(Boolean);
  if (all[0]?.toLowerCase() === 'schedule') return { kind: 'schedule', text: all.slice(1).join(' ') };
  const exam = all[0]?.toLowerCase() === 'exam';
  const words = exam ? all.slice(1) : all;
  const only = words.length === 1 ? words[0]?.toLowerCase() : undefined;
  if (only && STOP_WORDS.has(only)) return { kind: 'stop' };
  if (only && LEADERBOARD_WORDS.has(only)) return { kind: 'leaderboard' };

  const numbers = words.filter((w) => /^\d{1,3}$/.test(w));
  const topicText = words.filter((w) => !/^\d{1,3}$/.test(w) && !/^questions?$/i.test(w)).join(' ');
  const count = numbers.length > 0 ? Number(numbers[0]) : undefined;
  const style = exam ? { exam: true } : {};
  if (!topicText) return { kind: 'start', selection: { count, ...style }, topicText };
  if (topicText.toLowerCase() === 'stack' || topicText.toLowerCase() === 'my stack') return { kind: 'stack', selection: { count, ...style } };
  const topic = findTopic(topicText);
  return topic ? { kind: 'start', selection: { topic, count, ...style }, topicText } : { kind: 'unknown-topic', topicText };
}
