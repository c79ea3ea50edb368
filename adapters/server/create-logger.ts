import { destination, pino, type Logger } from 'pino';

/** Keys whose values never reach a log line. */
const REDACT = ['*.token', '*.botToken', '*.signingSecret', '*.appToken', '*.password', '*.secret', '*.authorization', 'req.headers.authorization'];

/** The process logger: JSON lines on stderr (stdout stays free for `srm ask --json`). */
export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, destination(2));
}
