import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';

/** The logger the adapter needs; pino and console both fit. */
export interface LineLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const TOKEN_PATTERN = /\bxox[a-z]-[A-Za-z0-9-]+|\bxapp-[A-Za-z0-9-]+/g;

/** One line for anything Bolt or the adapter logs: error code and message, never a stack or a token. */
export function describe(value: unknown): string {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return redact(`${typeof code === 'string' ? `${code}: ` : ''}${value.message}`.split('\n')[0] ?? '');
  }
  if (typeof value === 'string') return redact(value);
  try {
    return redact(JSON.stringify(value) ?? String(value)).slice(0, 500);
  } catch {
    return '[unserialisable value]';
  }
}

/** Removes anything that looks like a Slack token. */
export function redact(text: string): string {
  return text.replace(TOKEN_PATTERN, '[redacted]');
}

/** Wraps a line logger in Bolt's Logger interface so Bolt's own messages are redacted too. */
export function toBoltLogger(logger: LineLogger): BoltLogger {
  let level = LogLevel.INFO;
  const line = (values: unknown[]) => values.map(describe).join(' ');
  return {
    debug: (...values) => {
      if (level === LogLevel.DEBUG) logger.debug(line(values));
    },
    info: (...values) => {
      if (level === LogLevel.DEBUG || level === LogLevel.INFO) logger.info(line(values));
    },
    warn: (...values) => {
      if (level !== LogLevel.ERROR) logger.warn(line(values));
    },
    error: (...values) => logger.error(line(values)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
