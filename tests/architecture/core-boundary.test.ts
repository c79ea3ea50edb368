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

describe('layers: model at the bottom, core as the facade on top', () => {
  const layer = (folder: string) => coreFiles.filter((f) => relative(join(ROOT, 'src'), f).startsWith(`${folder}/`));
  const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);

  it('src/model imports nothing else from src/', () => {
    const outside = layer('model').flatMap((f) => importsOf(f).filter((i) => i.startsWith('../')).map((i) => `${relative(ROOT, f)} → ${i}`));
    expect(layer('model').length).toBeGreaterThan(3);
    expect(outside).toEqual([]);
  });

  it.each(['answers', 'quiz', 'store', 'understanding', 'knowledge', 'config', 'report', 'feedback'])('src/%s does not import src/core', (folder) => {
    const upward = layer(folder).flatMap((f) => importsOf(f).filter((i) => /(^|\/)core\//.test(i)).map((i) => `${relative(ROOT, f)} → ${i}`));
    expect(layer(folder).length).toBeGreaterThan(0);
    expect(upward).toEqual([]);
  });
});
