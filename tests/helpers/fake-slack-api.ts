import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call or response_url post the fake received. */
export interface FakeSlackCall {
  path: string;
  body: Record<string, unknown>;
}

/** A fake Slack Web API on loopback (real HTTP), for bots running in other processes. */
export interface FakeSlackApi {
  apiUrl: string;
  responseUrl: string;
  calls: FakeSlackCall[];
  close(): Promise<void>;
}

/** Answers every method with ok and a fresh ts; records what it was sent. */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: FakeSlackCall[] = [];
  let ts = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = raw.startsWith('{') ? (JSON.parse(raw) as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(raw));
      } catch {
        body = { raw };
      }
      calls.push({ path: req.url ?? '', body });
      ts += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, ts: `1700000000.${String(ts).padStart(6, '0')}`, channel: body.channel ?? 'C0001', user_id: 'U0BOT', bot_id: 'B0BOT', team: 'Example', user: 'srm' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrl: `http://127.0.0.1:${port}/respond/1`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
