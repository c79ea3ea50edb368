import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { inRequestContext } from '../server/request-context.js';
import { checkSlackBody } from './check-body.js';
import { SLACK_ERROR_CODES } from './slack-errors.js';
import type { LineLogger } from './slack-logger.js';

/** Bodies above this are refused with 413 before anything else happens. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Slack's replay window, applied both ways (Bolt only rejects old timestamps). */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface RequestGuardOptions {
  signingSecret: string;
  logger: LineLogger;
  maxBodyBytes?: number;
  /** The clock, in milliseconds; injected so tests need no real time. */
  now?: () => number;
}

/** Why a request was refused; a reason, never the secret or the body. */
export type RequestRejection = 'missing_headers' | 'bad_timestamp' | 'stale_or_future_timestamp' | 'bad_signature';

/**
 * Checks a Slack request the way Slack documents it: `v0=` HMAC-SHA256 of `v0:{ts}:{rawBody}`,
 * constant-time compare, and a timestamp within five minutes of now in either direction.
 */
export function checkSlackSignature(
  signingSecret: string,
  rawBody: string,
  headers: { signature?: string; timestamp?: string },
  nowMs: number,
): RequestRejection | undefined {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) return 'missing_headers';
  if (!/^\d{1,12}$/.test(timestamp)) return 'bad_timestamp';
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return 'stale_or_future_timestamp';
  const expected = Buffer.from(`v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad_signature';
  return undefined;
}

/**
 * Express middleware in front of Bolt: caps the body (declared and streamed size), verifies the
 * signature and the timestamp, refuses malformed bodies with 400, then hands Bolt the raw body as
 * `req.rawBody` (which Bolt reads
 * instead of the stream). Bolt verifies the signature again; this layer adds the size cap and the
 * future-timestamp check it lacks.
 */
export function createRequestGuard(options: RequestGuardOptions): RequestHandler {
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const now = options.now ?? Date.now;
  const { logger } = options;

  return (req: Request, res: Response, next: NextFunction) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      refuseTooLarge(req, res, logger);
      return;
    }
    if (req.readableEnded) {
      logger.error(`slack request refused: ${SLACK_ERROR_CODES.misconfiguredRouter}`);
      res.status(500).end();
      return;
    }

    const chunks: Buffer[] = [];
    let received = 0;
    let done = false;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        done = true;
        cleanup();
        refuseTooLarge(req, res, logger);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => inRequestContext(req, res, () => {
      if (done) return;
      done = true;
      cleanup();
      const raw = Buffer.concat(chunks);
      const rejection = checkSlackSignature(options.signingSecret, raw.toString('utf8'), {
        signature: header(req, 'x-slack-signature'),
        timestamp: header(req, 'x-slack-request-timestamp'),
      }, now());
      if (rejection) {
        logger.warn(`slack request refused: ${rejection}`);
        res.status(401).end();
        return;
      }
      // Signed, but not something Slack sends: a 400 here, not an exception (and a 500) in Bolt.
      const malformed = checkSlackBody(raw.toString('utf8'), header(req, 'content-type'));
      if (malformed) {
        logger.warn(`slack request refused: ${malformed}`);
        res.status(400).end();
        return;
      }
      (req as Request & { rawBody?: Buffer }).rawBody = raw;
      next();
    });
    const onError = () => {
      if (done) return;
      done = true;
      cleanup();
      if (!res.headersSent) res.status(400).end();
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  };
}

function refuseTooLarge(req: Request, res: Response, logger: LineLogger): void {
  logger.warn('slack request refused: body over the size limit');
  // Close the connection rather than read the rest of an oversized body.
  res.status(413).set('Connection', 'close').end(() => req.destroy());
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
