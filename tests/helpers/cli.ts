import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../adapters/cli/run-cli.js';

/** What a CLI run printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `srm …` in-process with captured output, a fresh data directory and the given stdin. */
export async function srm(argv: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c));
  stderr.on('data', (c: Buffer) => chunks.err.push(c));
  stdin.end(options.stdin ?? '');
  const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'srm-cli-')), LOG_LEVEL: 'silent', ...options.env };
  const code = await runCli(argv, { stdin, stdout, stderr, env });
  return { code, stdout: Buffer.concat(chunks.out).toString('utf8'), stderr: Buffer.concat(chunks.err).toString('utf8') };
}
