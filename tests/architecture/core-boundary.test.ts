import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const coreFiles = sourceFiles(join(ROOT, 'src'));
const offenders = (pattern: RegExp) => coreFiles.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));

describe('the core knows no platform', () => {
  it('has source files to check', () => {
    expect(coreFiles.length).toBeGreaterThan(20);
  });

  it.each([
    ['Slack', /from\s+['"]@slack\//],
    ['the Microsoft 365 Agents SDK', /from\s+['"]@microsoft\//],
    ['botbuilder', /from\s+['"]botbuilder/],
    ['express', /from\s+['"]express['"]/],
    ['the adapters', /from\s+['"](\.\.\/)+adapters\//],
  ])('nothing under src/ imports %s', (_name, pattern) => {
    expect(offenders(pattern)).toEqual([]);
  });

  it('reads no environment variables (configuration arrives as options)', () => {
    expect(offenders(/process\.env/)).toEqual([]);
  });
});
