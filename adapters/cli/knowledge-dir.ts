import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The knowledge directory shipped with the package: the nearest `knowledge/` above this file. */
export function defaultKnowledgeDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'knowledge');
    if (existsSync(join(candidate, 'services.yaml'))) return candidate;
    dir = dirname(dir);
  }
  return join(process.cwd(), 'knowledge');
}
