import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { LeaderboardRow, PointsAward, QuizAnswerRecord, QuizRecord } from './quiz-records.js';
import { SQLITE_MIGRATIONS, SQLITE_SCHEMA } from './sqlite-schema.js';
import { guardStore, StoreUnavailableError } from './store-errors.js';
import type { Challenge, Feedback, QuestionRecord, Store } from './store.js';

/** What a vote carries beyond its key columns (kept as JSON in `feedback.details`). */
function feedbackDetails(f: Feedback): Partial<Feedback> {
  const { answerId: _a, userId: _u, channelId: _c, helpful: _h, at: _t, ...details } = f;
  return details;
}

export interface SqliteStoreOptions {
  /** Directory that holds the database file; created if missing. */
  dataDir: string;
  /** File name inside dataDir. */
  fileName?: string;
  /** Clock for claim expiry (injected so tests need no real time). */
  now?: () => number;
}

interface AnswerRow {
  quiz_id: string;
  question_index: number;
  user_id: string;
  choice: string;
  at: number;
}

/** Opens the database file in WAL mode and creates the tables; failures become StoreUnavailableError. */
function openDatabase(dataDir: string, fileName: string): Database.Database {
  try {
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(join(dataDir, fileName));
    db.pragma('journal_mode = WAL');
    // WAL with NORMAL sync cannot corrupt the file; at worst a power cut loses the last few claims.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 2000');
    db.exec(SQLITE_SCHEMA);
    // A table created by an earlier release keeps its columns under CREATE TABLE IF NOT EXISTS: add the new ones.
    for (const { table, column, definition } of SQLITE_MIGRATIONS) {
      const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
      if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
    }
    return db;
  } catch (error) {
    throw new StoreUnavailableError('sqlite', error);
  }
}

/** Opens (or creates) the SQLite store under `dataDir`, in WAL mode. */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const now = options.now ?? Date.now;
  const db = openDatabase(options.dataDir, options.fileName ?? 'srm-bot.sqlite');

  const run = <T>(work: () => T): Promise<T> => guardStore('sqlite', work);
  // Each statement is prepared once: preparing is a large part of a small query's cost.
  const statements = new Map<string, Database.Statement>();
  const sql = (text: string): Database.Statement => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
  const toAnswer = (row: AnswerRow): QuizAnswerRecord => ({
    quizId: row.quiz_id,
    questionIndex: row.question_index,
    userId: row.user_id,
    choice: row.choice,
    at: row.at,
  });
  const parseQuiz = (row: { json: string } | undefined): QuizRecord | undefined =>
    row ? (JSON.parse(row.json) as QuizRecord) : undefined;

  /** A log ordered by time (the `questions` and `challenges` tables: id, at, json). */
  const logAppend = (table: 'questions' | 'challenges', record: { at: number }): void => {
    sql(`INSERT INTO ${table} (at, json) VALUES (?, ?)`).run(record.at, JSON.stringify(record));
  };
  const logSince = <T>(table: 'questions' | 'challenges', since: number): T[] =>
    (sql(`SELECT json FROM ${table} WHERE at >= ? ORDER BY at, id`).all(since) as { json: string }[]).map((r) => JSON.parse(r.json) as T);

  /** One statement: a new key is inserted; an expired one is taken over; a live one is left alone (0 changes). */
  const claim = (key: string, expiresAt: number, at: number): boolean =>
    sql(
      'INSERT INTO claims (key, expires_at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE claims.expires_at <= ?',
    ).run(key, expiresAt, at).changes === 1;

  const prune = db.transaction((at: number, before: number): number => {
    let deleted = 0;
    deleted += sql('DELETE FROM claims WHERE expires_at <= ?').run(at).changes;
    deleted += sql('DELETE FROM kv WHERE expires_at IS NOT NULL AND expires_at <= ?').run(at).changes;
    deleted += sql('DELETE FROM feedback WHERE at < ?').run(before).changes;
    deleted += sql('DELETE FROM quiz_points WHERE at < ?').run(before).changes;
    deleted += sql('DELETE FROM questions WHERE at < ?').run(before).changes;
    deleted += sql('DELETE FROM challenges WHERE at < ?').run(before).changes;
    const old = db
      .prepare("SELECT id FROM quizzes WHERE running = 0 AND COALESCE(json_extract(json, '$.endedAt'), json_extract(json, '$.startedAt')) < ?")
      .all(before) as { id: string }[];
    for (const { id } of old) {
      deleted += sql('DELETE FROM quiz_answers WHERE quiz_id = ?').run(id).changes;
      deleted += sql('DELETE FROM quizzes WHERE id = ?').run(id).changes;
    }
    return deleted;
  });

  return {
    claimOnce: (key, ttlMs) =>
      run(() => {
        const at = now();
        return claim(key, at + ttlMs, at);
      }),

    recordFeedback: (f: Feedback) =>
      run(() => {
        sql(
          `INSERT INTO feedback (answer_id, user_id, channel_id, helpful, at, details) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (answer_id, user_id) DO UPDATE SET helpful = excluded.helpful, at = excluded.at,
             channel_id = excluded.channel_id, details = excluded.details`,
        ).run(f.answerId, f.userId, f.channelId, f.helpful ? 1 : 0, f.at, JSON.stringify(feedbackDetails(f)));
      }),

    recordQuestion: (q) => run(() => logAppend('questions', q)),
    questionsSince: (since) => run(() => logSince<QuestionRecord>('questions', since)),

    feedbackSince: (since) =>
      run(() =>
        (
          sql('SELECT answer_id, user_id, channel_id, helpful, at, details FROM feedback WHERE at >= ? ORDER BY at').all(since) as {
            answer_id: string;
            user_id: string;
            channel_id: string;
            helpful: number;
            at: number;
            details: string | null;
          }[]
        ).map((r) => ({
          ...(r.details ? (JSON.parse(r.details) as Partial<Feedback>) : {}),
          answerId: r.answer_id,
          userId: r.user_id,
          channelId: r.channel_id,
          helpful: r.helpful === 1,
          at: r.at,
        })),
      ),

    recordChallenge: (c) => run(() => logAppend('challenges', c)),
    challengesSince: (since) => run(() => logSince<Challenge>('challenges', since)),

    deleteValue: (key) =>
      run(() => {
        sql('DELETE FROM kv WHERE key = ?').run(key);
      }),

    valuesWithPrefix: (prefix) =>
      run(
        () =>
          sql('SELECT key, value FROM kv WHERE key >= ? AND key < ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY key').all(
            prefix,
            `${prefix}\uffff`,
            now(),
          ) as { key: string; value: string }[],
      ),

    setValue: (key, value, ttlMs) =>
      run(() => {
        sql(
          'INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
        ).run(key, value, ttlMs === undefined ? null : now() + ttlMs);
      }),

    getValue: (key) =>
      run(() => {
        const row = sql('SELECT value FROM kv WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)').get(key, now()) as
          | { value: string }
          | undefined;
        return row?.value;
      }),

    prune: (before) =>
      run(() => {
        const deleted = prune(now(), before);
        // Hand the freed pages back to the main file so new rows reuse them instead of growing it.
        db.pragma('wal_checkpoint(TRUNCATE)');
        return deleted;
      }),

    createQuiz: (quiz) =>
      run(() => {
        try {
          sql('INSERT INTO quizzes (id, channel_id, running, version, json) VALUES (?, ?, ?, ?, ?)').run(
            quiz.id,
            quiz.channelId,
            quiz.phase === 'asking' ? 1 : 0,
            quiz.version,
            JSON.stringify(quiz),
          );
          return true;
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
          throw error;
        }
      }),

    updateQuiz: (quiz, expectedVersion) =>
      run(
        () =>
          db
            .prepare('UPDATE quizzes SET running = ?, version = ?, json = ? WHERE id = ? AND version = ?')
            .run(quiz.phase === 'asking' ? 1 : 0, quiz.version, JSON.stringify(quiz), quiz.id, expectedVersion)
            .changes === 1,
      ),

    loadQuiz: (quizId) =>
      run(() => parseQuiz(sql('SELECT json FROM quizzes WHERE id = ?').get(quizId) as { json: string } | undefined)),

    activeQuiz: (channelId) =>
      run(() =>
        parseQuiz(
          sql('SELECT json FROM quizzes WHERE channel_id = ? AND running = 1').get(channelId) as
            | { json: string }
            | undefined,
        ),
      ),

    runningQuizzes: () =>
      run(() =>
        (sql('SELECT json FROM quizzes WHERE running = 1').all() as { json: string }[]).map(
          (row) => JSON.parse(row.json) as QuizRecord,
        ),
      ),

    recordAnswer: (a) =>
      run(
        () =>
          db
            .prepare(
              'INSERT OR IGNORE INTO quiz_answers (quiz_id, question_index, user_id, choice, at) VALUES (?, ?, ?, ?, ?)',
            )
            .run(a.quizId, a.questionIndex, a.userId, a.choice, a.at).changes === 1,
      ),

    quizAnswers: (quizId, questionIndex) =>
      run(() => {
        const rows =
          questionIndex === undefined
            ? sql('SELECT * FROM quiz_answers WHERE quiz_id = ? ORDER BY at, rowid').all(quizId)
            : db
                .prepare('SELECT * FROM quiz_answers WHERE quiz_id = ? AND question_index = ? ORDER BY at, rowid')
                .all(quizId, questionIndex);
        return (rows as AnswerRow[]).map(toAnswer);
      }),

    awardPoints: (award: PointsAward) =>
      run(() => {
        const insert = sql(
          'INSERT OR IGNORE INTO quiz_points (channel_id, quiz_id, question_index, user_id, at) VALUES (?, ?, ?, ?, ?)',
        );
        db.transaction(() => {
          for (const userId of award.userIds) {
            insert.run(award.channelId, award.quizId, award.questionIndex, userId, award.at);
          }
        })();
      }),

    leaderboard: (channelId, since) =>
      run(
        () =>
          db
            .prepare(
              `SELECT user_id AS userId, COUNT(*) AS points FROM quiz_points
               WHERE channel_id = ? AND at >= ? GROUP BY user_id ORDER BY points DESC, user_id`,
            )
            .all(channelId, since) as LeaderboardRow[],
      ),

    close: () =>
      run(() => {
        if (db.open) db.close();
      }),
  };
}
