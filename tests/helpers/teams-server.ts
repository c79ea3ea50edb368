import express from 'express';
import nock from 'nock';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createTeamsHandler, type TeamsHandlerOptions, type TeamsRequestHandler } from '../../adapters/teams/teams-bot.js';
import { FakeCore, MemoryStore, captureLogger } from '../teams/fake-core.js';
import { captureConnector } from './teams-connector.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Mounts the Teams handler as the lead's server does (express.json + POST /api/messages) on loopback. */
export async function startTeamsServer(handler: TeamsRequestHandler): Promise<RunningServer> {
  const app = express();
  app.post('/api/messages', express.json({ limit: '256kb' }), handler);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** What startTeamsEndpoint set up, for a test to drive and inspect. */
export interface TeamsEndpoint {
  core: FakeCore;
  store: MemoryStore;
  log: ReturnType<typeof captureLogger>;
  connector: ReturnType<typeof captureConnector>;
  server: RunningServer;
}

/**
 * A FakeCore and an in-memory store behind the real Teams handler on loopback, with its log kept and
 * its Bot Connector calls captured. Local (unauthenticated) mode unless `auth` says otherwise.
 */
export async function startTeamsEndpoint(options: Partial<Pick<TeamsHandlerOptions, 'auth' | 'retry'>> = {}): Promise<TeamsEndpoint> {
  const core = new FakeCore();
  const store = new MemoryStore();
  const log = captureLogger();
  const connector = captureConnector();
  const handler = createTeamsHandler({
    core,
    store,
    auth: options.auth ?? { mode: 'local' },
    logger: log.logger,
    ...(options.retry ? { retry: options.retry } : {}),
  });
  const server = await startTeamsServer(handler);
  return { core, store, log, connector, server };
}

/** Tears down after a test: closes the server and drops every nock interceptor. */
export async function stopTeamsEndpoint(server: RunningServer): Promise<void> {
  await server.close();
  nock.cleanAll();
}

export interface PostResult {
  status: number;
  body: unknown;
}

/** Real HTTP POST of an activity to the endpoint. */
export async function postActivity(url: string, activity: unknown, headers: Record<string, string> = {}): Promise<PostResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body };
}
