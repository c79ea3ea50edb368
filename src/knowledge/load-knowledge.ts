import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { buildKnowledge } from './build-knowledge.js';
import { checkReferences } from './check-references.js';
import { KnowledgeError, type KnowledgeProblem } from './knowledge-error.js';
import { readKnowledgeFile, type ReadResult } from './read-file.js';
import {
  conceptsFileSchema,
  concernsFileSchema,
  defaultsFileSchema,
  quizFileSchema,
  responsibilitiesFileSchema,
  servicesFileSchema,
  type ConceptsFile,
  type ConcernsFile,
  type DefaultsFile,
  type QuizFile,
  type ResponsibilitiesFile,
  type ServicesFile,
} from './schema.js';
import type { Knowledge } from './types.js';

/** The parsed files of a knowledge directory, before cross-checking and indexing. */
export interface KnowledgeFiles {
  /** The knowledge directory as shown in messages, e.g. "knowledge". */
  dirLabel: string;
  services: ServicesFile;
  concerns: ConcernsFile;
  defaults: DefaultsFile;
  concepts: ConceptsFile;
  responsibilities: { file: string; data: ResponsibilitiesFile }[];
  quizzes: { file: string; data: QuizFile }[];
}

/**
 * Loads, validates and indexes the knowledge base in `dir`. Throws a KnowledgeError listing every
 * problem (file, entry, field) when anything is wrong; never returns a half-valid knowledge base.
 */
export function loadKnowledge(dir: string): Knowledge {
  const root = join(dir, '..');
  const problems: KnowledgeProblem[] = [];
  const take = <T>(result: ReadResult<T>): T | undefined => {
    if (result.ok) return result.data;
    problems.push(...result.problems);
    return undefined;
  };

  const services = take(readKnowledgeFile(join(dir, 'services.yaml'), servicesFileSchema, root));
  const concerns = take(readKnowledgeFile(join(dir, 'concerns.yaml'), concernsFileSchema, root));
  const defaults = take(readKnowledgeFile(join(dir, 'defaults.yaml'), defaultsFileSchema, root));
  const concepts = take(readKnowledgeFile(join(dir, 'concepts.yaml'), conceptsFileSchema, root));
  const responsibilities = readAll(join(dir, 'responsibilities'), (p) =>
    readKnowledgeFile(p, responsibilitiesFileSchema, root),
  );
  const quizzes = readAll(join(dir, 'quizzes'), (p) => readKnowledgeFile(p, quizFileSchema, root));
  for (const r of [...responsibilities, ...quizzes]) if (!r.ok) problems.push(...r.problems);

  if (problems.length > 0 || !services || !concerns || !defaults || !concepts) {
    throw new KnowledgeError(problems);
  }
  const files: KnowledgeFiles = {
    dirLabel: relative(root, dir) || basename(dir),
    services,
    concerns,
    defaults,
    concepts,
    responsibilities: responsibilities.flatMap((r) => (r.ok ? [{ file: r.file, data: r.data }] : [])),
    quizzes: quizzes.flatMap((r) => (r.ok ? [{ file: r.file, data: r.data }] : [])),
  };
  problems.push(...checkReferences(files));
  if (problems.length > 0) throw new KnowledgeError(problems);
  return buildKnowledge(files);
}

function readAll<T>(folder: string, read: (path: string) => ReadResult<T>): ReadResult<T>[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => read(join(folder, name)));
}
