import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import yaml from 'js-yaml';
import type { z } from 'zod';
import type { KnowledgeProblem } from './knowledge-error.js';

/** Result of reading one knowledge file: the typed data, or the problems found in it. */
export type ReadResult<T> = { ok: true; data: T; file: string } | { ok: false; problems: KnowledgeProblem[] };

/**
 * Reads a YAML file and validates it against a zod schema, turning every failure into a problem
 * that names the file, the entry (by its id when it has one) and the field.
 */
export function readKnowledgeFile<S extends z.ZodType>(path: string, schema: S, root: string): ReadResult<z.infer<S>> {
  const file = relative(root, path) || path;
  let raw: unknown;
  try {
    raw = yaml.load(readFileSync(path, 'utf8'), { filename: file, schema: yaml.CORE_SCHEMA });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const at = error.mark ? ` at line ${error.mark.line + 1}, column ${error.mark.column + 1}` : '';
      return { ok: false, problems: [{ file, message: `YAML syntax error${at}: ${error.reason}` }] };
    }
    return { ok: false, problems: [{ file, message: `cannot read file: ${(error as Error).message}` }] };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data, file };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => locateIssue(file, raw, issue.path, issue.message)),
  };
}

/** Turns a zod path like ['entries', 3, 'owner'] into entry "platform-patching", field "owner". */
function locateIssue(file: string, raw: unknown, path: PropertyKey[], message: string): KnowledgeProblem {
  const indexAt = path.findIndex((p) => typeof p === 'number');
  if (indexAt === -1) {
    return { file, field: path.length ? path.join('.') : undefined, message };
  }
  const list = path.slice(0, indexAt).reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)?.[key], raw);
  const index = path[indexAt] as number;
  const item = Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;
  const name = entryName(item) ?? `#${index + 1}`;
  const listName = String(path[indexAt - 1] ?? 'item');
  const field = path.slice(indexAt + 1).join('.') || undefined;
  return { file, entry: `${name}`, field, message: `${message} (in ${listName}[${index}])` };
}

function entryName(item: Record<string, unknown> | undefined): string | undefined {
  if (!item || typeof item !== 'object') return undefined;
  for (const key of ['id', 'concern', 'service']) {
    if (typeof item[key] === 'string') return item[key] as string;
  }
  return undefined;
}
