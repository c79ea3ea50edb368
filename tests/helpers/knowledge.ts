import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import type { Knowledge } from '../../src/knowledge/types.js';

/** The repository's knowledge directory. */
export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));

let cached: Knowledge | undefined;

/** The real knowledge base, loaded once per test file. */
export function loadTestKnowledge(): Knowledge {
  cached ??= loadKnowledge(KNOWLEDGE_DIR);
  return cached;
}
