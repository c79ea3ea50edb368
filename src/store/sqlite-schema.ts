/** Tables of the SQLite store; created on open, so a new data directory needs no migration step. */
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS claims (
  key TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback (
  answer_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  helpful INTEGER NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (answer_id, user_id)
);
CREATE TABLE IF NOT EXISTS kv (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  expires_at INTEGER
);
CREATE INDEX IF NOT EXISTS claims_expires ON claims (expires_at);
CREATE INDEX IF NOT EXISTS feedback_at ON feedback (at);
CREATE TABLE IF NOT EXISTS quizzes (
  id TEXT PRIMARY KEY,
  channel_id TEXT NOT NULL,
  running INTEGER NOT NULL,
  version INTEGER NOT NULL,
  json TEXT NOT NULL
);
-- One running quiz per channel, enforced by the database rather than by a read-then-write.
CREATE UNIQUE INDEX IF NOT EXISTS quizzes_one_running ON quizzes (channel_id) WHERE running = 1;
CREATE TABLE IF NOT EXISTS quiz_answers (
  quiz_id TEXT NOT NULL,
  question_index INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  choice TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (quiz_id, question_index, user_id)
);
CREATE TABLE IF NOT EXISTS quiz_points (
  channel_id TEXT NOT NULL,
  quiz_id TEXT NOT NULL,
  question_index INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (quiz_id, question_index, user_id)
);
CREATE INDEX IF NOT EXISTS quiz_points_channel_at ON quiz_points (channel_id, at);
CREATE INDEX IF NOT EXISTS quiz_points_at ON quiz_points (at);
CREATE TABLE IF NOT EXISTS questions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS questions_at ON questions (at);
CREATE TABLE IF NOT EXISTS challenges (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS challenges_at ON challenges (at);
`;

/** Columns added after the first release, for data directories created before them. */
export const SQLITE_MIGRATIONS: { table: string; column: string; definition: string }[] = [
  { table: 'kv', column: 'expires_at', definition: 'INTEGER' },
  // What was asked and answered, and the reason from the 👎 form (JSON; absent on older votes).
  { table: 'feedback', column: 'details', definition: 'TEXT' },
];
