import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('core boundary', () => {
  it('nothing under src/ imports Slack libraries', () => {
    const files = sourceFiles(join(import.meta.dirname, '../../src'));
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.filter((file) => /from\s+['"]@slack\/|require\(['"]@slack\//.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
