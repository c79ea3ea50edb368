import type { QuizRecord } from '../store/quiz-records.js';

/** A person's place on a board. Equal points share a rank (1, 1, 3: "competition ranking"). */
export interface RankedRow {
  rank: number;
  userId: string;
  points: number;
}

/** Ranks rows by points, highest first; ties share a rank and are listed by user id. */
export function rankRows(rows: readonly { userId: string; points: number }[]): RankedRow[] {
  const sorted = [...rows].sort((a, b) => b.points - a.points || a.userId.localeCompare(b.userId));
  return sorted.map((row, i) => {
    const firstWithSame = sorted.findIndex((r) => r.points === row.points);
    return { rank: (firstWithSame === -1 ? i : firstWithSame) + 1, userId: row.userId, points: row.points };
  });
}

/** Points per player in one quiz, from the questions revealed so far (players with 0 included). */
export function quizScores(quiz: QuizRecord): RankedRow[] {
  const points = new Map<string, number>();
  for (const result of quiz.revealed) {
    for (const userId of result.answered) points.set(userId, points.get(userId) ?? 0);
    for (const userId of result.right) points.set(userId, (points.get(userId) ?? 0) + 1);
  }
  return rankRows([...points].map(([userId, p]) => ({ userId, points: p })));
}

/** Start of the current week (Monday 00:00 UTC) for the "this week" leaderboard. */
export function weekStart(now: number): number {
  const day = new Date(now);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - sinceMonday);
}

/** Start of the calendar month (UTC) containing `now`. */
export function monthStart(now: number): number {
  const day = new Date(now);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1);
}
