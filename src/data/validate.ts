import * as aq from 'arquero';
import { parseCsv } from './csv.ts';
import type { DataProblem, Dataset } from './types.ts';

const { op } = aq;

export const TREE_FILE = 'values_tree.csv';
export const FREQUENCIES_FILE = 'values_frequencies.csv';
export const TREE_COLUMNS = ['cluster_id', 'description', 'name', 'level', 'parent_cluster_id', 'pct_total_occurrences'];
export const FREQUENCY_COLUMNS = ['value', 'pct_convos'];
/** Level 0 = individual values … level 3 = top-level categories, as the paper reports them. */
export const EXPECTED_LEVEL_COUNTS: Record<number, number> = { 0: 3307, 1: 266, 2: 26, 3: 5 };
export const LEVEL_SUM_TOLERANCE = 0.1;

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Untrusted text shown in a message: quoted, and cut short so one bad cell cannot flood the log. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 79)}…` : text);
}

interface Rows {
  table: aq.ColumnTable;
  problems: DataProblem[];
}

function checkColumns(file: string, found: string[], expected: string[]): DataProblem[] {
  if (found.join(',') === expected.join(',')) return [];
  if (found.length <= 1 && !found[0]?.trim()) {
    // No header at all: one problem, not one per missing column.
    return [{ file, line: 1, column: '(file)', found: 'nothing: the file is empty', expected: `a header line ${expected.join(',')} and one row per line` }];
  }
  const problems: DataProblem[] = [];
  for (let i = 0; i < Math.max(found.length, expected.length); i++) {
    if (found[i] === expected[i]) continue;
    problems.push({
      file,
      line: 1,
      column: expected[i] ?? found[i]!,
      found: found[i] === undefined ? 'no column' : `column ${i + 1} named ${quote(found[i]!)}`,
      expected: expected[i] === undefined ? `no column ${i + 1} (the columns are ${expected.join(',')})` : `column ${i + 1} named ${quote(expected[i]!)}`,
    });
  }
  return problems;
}

function percentage(file: string, line: number, column: string, text: string, problems: DataProblem[]): number | undefined {
  if (!DECIMAL.test(text)) {
    problems.push({ file, line, column, found: quote(text), expected: 'a decimal number' });
    return undefined;
  }
  const value = Number(text);
  if (value < 0 || value > 100) {
    problems.push({ file, line, column, found: text, expected: 'a percentage between 0 and 100' });
    return undefined;
  }
  return value;
}

/** An Arquero table with the given columns even when there are no rows, so later checks need no special case. */
function tableOf(columns: string[], rows: Record<string, unknown>[]): aq.ColumnTable {
  return aq.table(Object.fromEntries(columns.map((c) => [c, rows.map((r) => r[c])])));
}

function parseTree(text: string, file: string): Rows {
  const parsed = parseCsv(text, file);
  const problems = [...parsed.problems, ...checkColumns(file, parsed.columns, TREE_COLUMNS)];
  const rows: Record<string, unknown>[] = [];
  if (problems.some((p) => p.line === 1)) return { table: tableOf([], []), problems };
  for (const { line, values } of parsed.rows) {
    const [cluster_id, description, name, levelText, parent_cluster_id, pctText] = values as [string, string, string, string, string, string];
    const before = problems.length;
    if (!cluster_id) problems.push({ file, line, column: 'cluster_id', found: 'an empty id', expected: 'a non-empty id' });
    if (!name) problems.push({ file, line, column: 'name', found: 'an empty name', expected: 'a non-empty name' });
    if (!/^[0-3]$/.test(levelText)) problems.push({ file, line, column: 'level', found: quote(levelText), expected: 'one of the levels 0, 1, 2, 3' });
    const pct = percentage(file, line, 'pct_total_occurrences', pctText, problems);
    if (problems.length === before && pct !== undefined) {
      rows.push({ cluster_id, description, name, level: Number(levelText), parent_cluster_id, pct_total_occurrences: pct, line });
    }
  }
  return { table: tableOf([...TREE_COLUMNS, 'line'], rows), problems };
}

function parseFrequencies(text: string, file: string): Rows {
  const parsed = parseCsv(text, file);
  const problems = [...parsed.problems, ...checkColumns(file, parsed.columns, FREQUENCY_COLUMNS)];
  const rows: Record<string, unknown>[] = [];
  if (problems.some((p) => p.line === 1)) return { table: tableOf([], []), problems };
  for (const { line, values } of parsed.rows) {
    const [value, pctText] = values as [string, string];
    const before = problems.length;
    if (!value) problems.push({ file, line, column: 'value', found: 'an empty value', expected: 'a non-empty value name' });
    const pct = percentage(file, line, 'pct_convos', pctText, problems);
    if (problems.length === before && pct !== undefined) rows.push({ value, pct_convos: pct, line });
  }
  return { table: tableOf([...FREQUENCY_COLUMNS, 'line'], rows), problems };
}

type Row = Record<string, string | number>;
const objects = (t: aq.ColumnTable) => t.objects() as Row[];

function duplicates(table: aq.ColumnTable, key: string, file: string, what: string): DataProblem[] {
  const repeated = table
    .groupby(key)
    .derive({ first_line: op.min('line'), copies: op.count() })
    .ungroup()
    .filter((d: Row) => (d.copies as number) > 1 && d.line !== d.first_line);
  return objects(repeated).map((d) => ({
    file,
    line: d.line as number,
    column: key,
    found: `${quote(String(d[key]))}, already on line ${d.first_line}`,
    expected: `each ${what} once`,
  }));
}

function treeStructure(tree: aq.ColumnTable, file: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const counts = new Map(objects(tree.groupby('level').count()).map((d) => [d.level as number, d.count as number]));
  for (const [level, expected] of Object.entries(EXPECTED_LEVEL_COUNTS)) {
    const found = counts.get(Number(level)) ?? 0;
    if (found !== expected) problems.push({ file, line: 0, column: 'level', found: `${found} rows at level ${level}`, expected: `${expected}` });
  }
  problems.push(...duplicates(tree, 'cluster_id', file, 'cluster_id'));

  const withParent = tree.filter((d: Row) => (d.level as number) < 3).derive({ parent_level: (d: Row) => (d.level as number) + 1 });
  const parents = tree.select({ cluster_id: 'parent_cluster_id', level: 'parent_level' });
  const keys = ['parent_cluster_id', 'parent_level'];
  const orphans = withParent.antijoin(parents, [keys, keys]);
  for (const d of objects(orphans)) {
    problems.push({
      file,
      line: d.line as number,
      column: 'parent_cluster_id',
      found: d.parent_cluster_id ? quote(String(d.parent_cluster_id)) : 'an empty parent',
      expected: `the cluster_id of a level-${d.parent_level} row`,
    });
  }
  for (const d of objects(tree.filter((r: Row) => r.level === 3 && r.parent_cluster_id !== ''))) {
    problems.push({ file, line: d.line as number, column: 'parent_cluster_id', found: quote(String(d.parent_cluster_id)), expected: 'empty: level 3 is the top' });
  }
  for (const d of objects(tree.filter((r: Row) => r.level === 0 && r.cluster_id !== r.name))) {
    problems.push({ file, line: d.line as number, column: 'cluster_id', found: quote(String(d.cluster_id)), expected: `the value's name, ${quote(String(d.name))}` });
  }
  const sums = tree.groupby('level').rollup({ total: op.sum('pct_total_occurrences') });
  for (const d of objects(sums)) {
    const total = d.total as number;
    if (Math.abs(total - 100) > LEVEL_SUM_TOLERANCE) {
      problems.push({ file, line: 0, column: 'pct_total_occurrences', found: `level ${d.level} sums to ${total.toFixed(3)}`, expected: `100 ± ${LEVEL_SUM_TOLERANCE}` });
    }
  }
  return problems;
}

function valuesMatch(tree: aq.ColumnTable, frequencies: aq.ColumnTable, names: { tree: string; frequencies: string }): DataProblem[] {
  const values = tree.filter((d: Row) => d.level === 0).select('name', 'line');
  const notCounted = values.antijoin(frequencies, ['name', 'value']);
  const notInTree = frequencies.antijoin(values, ['value', 'name']);
  return [
    ...objects(notCounted).map((d) => ({
      file: names.tree,
      line: d.line as number,
      column: 'name',
      found: `${quote(String(d.name))}, which ${names.frequencies} does not list`,
      expected: `every level-0 value to have a row in ${names.frequencies}`,
    })),
    ...objects(notInTree).map((d) => ({
      file: names.frequencies,
      line: d.line as number,
      column: 'value',
      found: `${quote(String(d.value))}, which is not a level-0 name in ${names.tree}`,
      expected: `every value to be a level-0 row of ${names.tree}`,
    })),
  ];
}

export interface ValidationResult {
  dataset?: Dataset;
  problems: DataProblem[];
}

/** Parse and check both files; every problem is reported, and a dataset is returned only when there are none. */
export function validateDataset(treeText: string, frequenciesText: string, names = { tree: TREE_FILE, frequencies: FREQUENCIES_FILE }): ValidationResult {
  const tree = parseTree(treeText, names.tree);
  const frequencies = parseFrequencies(frequenciesText, names.frequencies);
  const problems = [...tree.problems, ...frequencies.problems];
  const treeReadable = !tree.problems.some((p) => p.line === 1);
  const frequenciesReadable = !frequencies.problems.some((p) => p.line === 1);
  if (treeReadable) problems.push(...treeStructure(tree.table, names.tree));
  if (frequenciesReadable) problems.push(...duplicates(frequencies.table, 'value', names.frequencies, 'value'));
  if (treeReadable && frequenciesReadable) problems.push(...valuesMatch(tree.table, frequencies.table, names));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return problems.length ? { problems } : { dataset: { tree: tree.table, frequencies: frequencies.table }, problems };
}
