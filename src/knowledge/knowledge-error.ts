/** A problem in a knowledge file, located precisely enough to fix it without reading code. */
export class KnowledgeError extends Error {
  readonly code = 'KNOWLEDGE_INVALID';
  constructor(
    readonly problems: KnowledgeProblem[],
  ) {
    super(formatProblems(problems));
    this.name = 'KnowledgeError';
  }
}

/** One located problem: which file, which entry, which field, what is wrong. */
export interface KnowledgeProblem {
  file: string;
  entry?: string;
  field?: string;
  message: string;
}

/** "knowledge/x.yaml: entry "rds", field "owner": expected ..." — one line per problem. */
export function formatProblem(p: KnowledgeProblem): string {
  const where = [p.entry ? `entry "${p.entry}"` : undefined, p.field ? `field "${p.field}"` : undefined]
    .filter(Boolean)
    .join(', ');
  return `${p.file}: ${where ? `${where}: ` : ''}${p.message}`;
}

function formatProblems(problems: KnowledgeProblem[]): string {
  const head = `Knowledge base is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):`;
  return [head, ...problems.slice(0, 50).map((p) => `  - ${formatProblem(p)}`)].join('\n');
}
