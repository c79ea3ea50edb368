import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../../adapters/slack/slack-app.js';
import type { LineLogger } from '../../adapters/slack/slack-logger.js';
import type { SrmCore } from '../../src/core/srm-core.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { BOT_TOKEN, SIGNING_SECRET, SLACK_API_URL, SLACK_IDS, signedHeaders, type SlackBody } from './slack-payloads.js';

/** A logger that keeps every line, so tests can check what was (and was not) logged. */
export class RecordingLogger implements LineLogger {
  readonly lines: { level: string; message: string }[] = [];
  debug(message: string) {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string) {
    this.lines.push({ level: 'info', message });
  }
  warn(message: string) {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string) {
    this.lines.push({ level: 'error', message });
  }
  text(): string {
    return this.lines.map((line) => `${line.level} ${line.message}`).join('\n');
  }
}

export interface SlackTestServer {
  baseUrl: string;
  slack: SlackApp;
  store: Store;
  logger: RecordingLogger;
  /** POSTs a body to /slack/events, signed like Slack unless headers say otherwise. */
  send(body: SlackBody, headers?: Record<string, string>, options?: { unsigned?: boolean }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Mounts the Slack router on an express app listening on 127.0.0.1:0, with a SQLite store in a
 * temp dir. Pass a core, or a function that builds one around that store (the real core).
 */
export async function startSlackTestServer(
  coreOrFactory: SrmCore | ((store: Store) => SrmCore),
  overrides: Partial<SlackAppOptions> = {},
): Promise<SlackTestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'srm-slack-'));
  const store = createSqliteStore({ dataDir });
  const core = typeof coreOrFactory === 'function' ? coreOrFactory(store) : coreOrFactory;
  const logger = new RecordingLogger();
  const slack = createSlackApp({
    core,
    store,
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    apiUrl: SLACK_API_URL,
    logger,
    botUserId: SLACK_IDS.botUser,
    botId: SLACK_IDS.bot,
    ...overrides,
  });
  const app = express();
  if (!slack.router) throw new Error('expected HTTP mode');
  app.use(slack.router);
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    slack,
    store,
    logger,
    send: (body, headers = {}, options = {}) =>
      fetch(`${baseUrl}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': body.contentType, ...(options.unsigned ? {} : signedHeaders(body.body)), ...headers },
        body: body.body,
      }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` is true; fails the test with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Lets pending async work run, for asserting that something did *not* happen. */
export function settle(ms = 300): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
