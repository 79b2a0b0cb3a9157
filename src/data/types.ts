import type { ColumnTable } from 'arquero';
import { plural } from '../lib/text.ts';

export type Level = 0 | 1 | 2 | 3;

/**
 * The validated open dataset as Arquero tables. Each table keeps a `line` column: the 1-based line in the source file
 * where the row starts, so later checks can still point at the file.
 *
 * tree: cluster_id, description, name, level (0–3), parent_cluster_id ('' for level 3), pct_total_occurrences, line
 * frequencies: value, pct_convos, line
 */
export interface Dataset {
  tree: ColumnTable;
  frequencies: ColumnTable;
}

/** One thing wrong with an input file, precise enough to fix without a debugger. */
export interface DataProblem {
  file: string;
  /** 1-based line where the offending row starts; 0 when the problem is about the file as a whole. */
  line: number;
  column: string;
  found: string;
  expected: string;
}

/** Untrusted text shown in a message: quoted, and cut short so one bad cell cannot flood the log. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 79)}…` : text);
}

export function formatProblem(p: DataProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  const column = p.column === '(file)' ? ':' : ` column "${p.column}":`;
  return `${where}${column} found ${p.found}; expected ${p.expected}`;
}

export class DataValidationError extends Error {
  readonly problems: DataProblem[];
  constructor(problems: DataProblem[]) {
    const shown = problems.slice(0, 50).map((p) => `  - ${formatProblem(p)}`);
    const more = problems.length > 50 ? [`  … and ${problems.length - 50} more`] : [];
    super([`The input data failed validation (${plural(problems.length, 'problem')}):`, ...shown, ...more].join('\n'));
    this.name = 'DataValidationError';
    this.problems = problems;
  }
}
