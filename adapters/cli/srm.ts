#!/usr/bin/env node
import { config as loadDotenv } from 'dotenv';
import { runCli } from './run-cli.js';

// The one place the process environment is read: .env first, then the real environment wins.
loadDotenv({ quiet: true });
process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
