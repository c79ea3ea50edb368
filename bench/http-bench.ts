/**
 * The HTTP path, measured against a bare Bolt app: signed slash commands through the real endpoint on
 * loopback, the same load on a Bolt app that acks and responds with a reply of the same size. Each
 * server runs in its own process; CPU time comes from /proc (Linux).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const SIGNING_SECRET = 'bench-signing-secret';
const CLOCK_TICKS = 100; // USER_HZ on Linux

export interface HttpFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerRequest: number;
  startupMs: number;
}

/** Counts response_url posts and answers Web API calls, on loopback. */
async function startSink(): Promise<{ url: string; replies: () => number; replyBytes: () => number; close: () => void }> {
  let replies = 0;
  let lastBytes = 0;
  const server: Server = createServer((req, res) => {
    let size = 0;
    req.on('data', (c: Buffer) => (size += c.length));
    req.on('end', () => {
      if (req.url?.startsWith('/respond')) {
        replies += 1;
        lastBytes = size;
      }
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true,"user_id":"U0BOT","bot_id":"B0BOT","ts":"1.1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, replies: () => replies, replyBytes: () => lastBytes, close: () => server.close() };
}

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

async function startTarget(kind: 'srm' | 'bolt', apiUrl: string, replyBytes: number): Promise<{ child: ChildProcess; port: number; startupMs: number }> {
  const script = fileURLToPath(new URL('./http-target.js', import.meta.url));
  const child = spawn(process.execPath, [script, kind, SIGNING_SECRET, apiUrl, String(replyBytes)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`${kind} target exited with ${code}`)));
  });
  const { port, startupMs } = JSON.parse(line) as { port: number; startupMs: number };
  return { child, port, startupMs };
}

function signedCommand(text: string, triggerId: string, responseUrl: string): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    command: '/srm', text, team_id: 'T0001', channel_id: 'C0001', user_id: 'U0001', user_name: 'bench',
    trigger_id: triggerId, response_url: responseUrl, api_app_id: 'A0001',
  }).toString();
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature } };
}

async function drive(kind: 'srm' | 'bolt', requests: number, concurrency: number, replyBytes: number): Promise<HttpFigures & { replyBytes: number }> {
  const sink = await startSink();
  const target = await startTarget(kind, `${sink.url}/api/`, replyBytes);
  const url = `http://127.0.0.1:${target.port}/slack/events`;
  const questions = ['who patches RDS?', 'who configures security groups on EC2?', 'who turns on encryption for our EFS file systems?', 'who replaces failed disks under S3?'];
  const send = async (i: number) => {
    const { body, headers } = signedCommand(questions[i % questions.length]!, `${kind}.${i}`, `${sink.url}/respond/${i}`);
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers, body });
    await res.arrayBuffer();
    return performance.now() - started;
  };
  for (let i = 0; i < 50; i++) await send(-1 - i); // warm-up
  while (sink.replies() < 50) await new Promise((r) => setTimeout(r, 10));
  const cpuBefore = cpuMs(target.child.pid!);
  const latencies: number[] = [];
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) latencies.push(await send(next++));
    }),
  );
  while (sink.replies() < requests + 50) await new Promise((r) => setTimeout(r, 5));
  const elapsed = performance.now() - t0;
  const cpu = cpuMs(target.child.pid!) - cpuBefore;
  const bytes = sink.replyBytes();
  target.child.kill('SIGKILL');
  sink.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requestsPerSecond: Math.round(requests / (elapsed / 1000)),
    p50Ms: round(pct(50)),
    p99Ms: round(pct(99)),
    cpuMsPerRequest: round(cpu / requests),
    startupMs: target.startupMs,
    replyBytes: bytes,
  };
}

function median(runs: HttpFigures[], key: keyof HttpFigures): number {
  const values = runs.map((r) => r[key]).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}

function medians(runs: HttpFigures[]): HttpFigures {
  return {
    requestsPerSecond: median(runs, 'requestsPerSecond'),
    p50Ms: median(runs, 'p50Ms'),
    p99Ms: median(runs, 'p99Ms'),
    cpuMsPerRequest: median(runs, 'cpuMsPerRequest'),
    startupMs: median(runs, 'startupMs'),
  };
}

/**
 * Runs both, alternating, `rounds` times each, and returns the medians (on a small machine the load
 * generator shares the cores with the server, so single runs vary a lot). The bot's reply size sets
 * the bare app's.
 */
export async function runHttpBench(requests = 2_000, concurrency = 16, rounds = 3): Promise<{ srm: HttpFigures; bolt: HttpFigures; machine: string }> {
  const srmRuns: HttpFigures[] = [];
  const boltRuns: HttpFigures[] = [];
  let replyBytes = 0;
  for (let round = 0; round < rounds; round++) {
    const srm = await drive('srm', requests, concurrency, 0);
    replyBytes = srm.replyBytes;
    srmRuns.push(srm);
    boltRuns.push(await drive('bolt', requests, concurrency, Math.max(100, replyBytes - 60)));
  }
  return { srm: medians(srmRuns), bolt: medians(boltRuns), machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}` };
}
