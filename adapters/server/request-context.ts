import { randomUUID } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request, RequestHandler, Response } from 'express';

/** The request a piece of work belongs to, for log lines. */
const current = new AsyncLocalStorage<{ reqId: string }>();

/**
 * Runs `work` as part of this request: every log line written meanwhile (and in what it awaits)
 * carries the request's id. The id is the caller's `X-Request-Id` when it is a plain token, else new,
 * and is echoed in the response. Call it where the body has been read: stream events lose the context.
 */
export function inRequestContext<T>(req: Request, res: Response, work: () => T): T {
  const given = req.headers['x-request-id'];
  const known = (req as Request & { reqId?: string }).reqId;
  const reqId = known ?? (typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID());
  (req as Request & { reqId?: string }).reqId = reqId;
  if (!res.headersSent) res.setHeader('x-request-id', reqId);
  return current.run({ reqId }, work);
}

/** Express middleware form of inRequestContext, for routes whose body is already parsed. */
export const withRequestId: RequestHandler = (req, res, next) => inRequestContext(req, res, next);

/** Fields to add to a log line: the id of the request being handled, if any. */
export function requestFields(): { reqId?: string } {
  const store = current.getStore();
  return store ? { reqId: store.reqId } : {};
}
