import { destination, pino, type DestinationStream, type Logger } from 'pino';
import { requestFields } from './request-context.js';

/** Keys whose values never reach a log line. */
const REDACT = ['*.token', '*.botToken', '*.signingSecret', '*.appToken', '*.password', '*.secret', '*.authorization', 'req.headers.authorization'];

/**
 * The process logger: JSON lines on stderr (stdout stays free for `srm ask --json`). Lines written
 * while a request is handled carry its id (`reqId`).
 */
export function createLogger(level: string, stream: DestinationStream = destination(2)): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, mixin: requestFields }, stream);
}
