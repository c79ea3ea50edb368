import express, { type Express, type IRouter, type RequestHandler } from 'express';
import { withRequestId } from './request-context.js';

/** The HTTP routes one process serves; Slack's router and Teams' handler come from their adapters. */
export interface HttpRoutes {
  /** Readiness: resolves true when the bot can serve (knowledge loaded, store reachable). */
  ready?: () => Promise<boolean>;
  /** Prometheus text for GET /metrics. */
  metrics?: { contentType: string; render: () => Promise<string> };
  /** Bolt's router for POST /slack/events (reads its own raw body: mounted before any parser). */
  slackRouter?: IRouter;
  /** The Teams handler for POST /api/messages. */
  teamsHandler?: RequestHandler;
}

/** Largest Teams activity accepted; real ones are a few KB (Teams caps messages near 100 KB). */
export const TEAMS_BODY_LIMIT = '256kb';

/** One express app for Slack and Teams, plus a health check. It does not listen; the caller does. */
export function createHttpServer(routes: HttpRoutes): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  if (routes.ready) {
    const ready = routes.ready;
    app.get('/readyz', async (_req, res) => {
      const ok = await ready().catch(() => false);
      res.status(ok ? 200 : 503).json({ ok });
    });
  }
  if (routes.metrics) {
    const metrics = routes.metrics;
    app.get('/metrics', async (_req, res) => {
      res.type(metrics.contentType).send(await metrics.render());
    });
  }
  if (routes.slackRouter) app.use(routes.slackRouter);
  if (routes.teamsHandler) {
    app.post('/api/messages', express.json({ limit: TEAMS_BODY_LIMIT }), withRequestId, routes.teamsHandler);
  }
  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  // Body too large, malformed JSON: a status and a word, never a stack trace.
  app.use(((error, _req, res, _next) => {
    const status = typeof error?.status === 'number' ? error.status : 500;
    res.status(status).json({ error: status === 413 ? 'payload_too_large' : status === 400 ? 'bad_request' : 'internal_error' });
  }) as express.ErrorRequestHandler);
  return app;
}
