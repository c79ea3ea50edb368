import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { TeamsRequestHandler } from '../../adapters/teams/teams-bot.js';

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
