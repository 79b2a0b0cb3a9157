import * as aq from 'arquero';
import { parseCsv } from './csv.ts';
import { nodeKey } from './node-key.ts';
import { quote, type DataProblem, type Dataset } from './types.ts';

const { op } = aq;

export const TREE_FILE = 'values_tree.csv';
export const FREQUENCIES_FILE = 'values_frequencies.csv';
export const TREE_COLUMNS = ['cluster_id', 'description', 'name', 'level', 'parent_cluster_id', 'pct_total_occurrences'];
export const FREQUENCY_COLUMNS = ['value', 'pct_convos'];
/** Level 0 = individual values … level 3 = top-level categories, as the paper reports them. */
export const EXPECTED_LEVEL_COUNTS: Record<number, number> = { 0: 3307, 1: 266, 2: 26, 3: 5 };
export const LEVEL_SUM_TOLERANCE = 0.1;
/**
 * A cluster's share must equal the sum of its children's within this (percentage points). The published data is
 * rounded to 3 decimals and is off by at most 0.004 (a level-1 cluster); 0.01 leaves room for that rounding only.
 */
export const CHILD_SUM_TOLERANCE = 0.01;
/**
 * The longest text each column may hold, in characters: well above the published data's longest (names 49, ids 49,
 * descriptions 522, values 35, numbers 6), and far below what would bloat the 3,600 pages (a 10 MB description was
 * once accepted).
 */
export const FIELD_CAPS: Record<string, number> = {
  cluster_id: 500,
  description: 5000,
  name: 500,
  level: 20,
  parent_cluster_id: 500,
  pct_total_occurrences: 20,
  value: 500,
  pct_convos: 20,
};
/** Levels 1–3: `ai_values:l<level>:<uuid>`, the UUID in lower-case hex, 8-4-4-4-12 (level 0 ids are the value names). */
const CLUSTER_ID = /^ai_values:l([1-3]):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const DECIMAL = /^-?\d+(\.\d+)?$/;


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
  if (!Number.isFinite(value) || value <= 0 || value > 100) {
    // 0 is refused too: every value and cluster in the data was observed, and the log-scale charts cannot draw 0.
    problems.push({ file, line, column, found: text, expected: 'a percentage above 0 and at most 100' });
    return undefined;
  }
  return value;
}

/**
 * Fields longer than their cap (FIELD_CAPS), each reported; returns the values cut to their caps, so the row still
 * takes part in the structural checks (leaving it out would add a problem for every row that refers to it).
 */
function capLengths(file: string, line: number, columns: string[], values: string[], problems: DataProblem[]): string[] {
  return columns.map((column, i) => {
    const cap = FIELD_CAPS[column] ?? Infinity;
    const value = values[i] ?? '';
    if (value.length <= cap) return value;
    problems.push({ file, line, column, found: `a text of ${value.length.toLocaleString('en')} characters`, expected: `at most ${cap.toLocaleString('en')} characters` });
    return value.slice(0, cap);
  });
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
    const capped = capLengths(file, line, TREE_COLUMNS, values, problems);
    const [cluster_id, description, name, levelText, parent_cluster_id, pctText] = capped as [string, string, string, string, string, string];
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
    const [value, pctText] = capLengths(file, line, FREQUENCY_COLUMNS, values, problems) as [string, string];
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
  problems.push(...clusterRules(objects(tree), file));
  const sums = tree.groupby('level').rollup({ total: op.sum('pct_total_occurrences') });
  for (const d of objects(sums)) {
    const total = d.total as number;
    if (Math.abs(total - 100) > LEVEL_SUM_TOLERANCE) {
      problems.push({ file, line: 0, column: 'pct_total_occurrences', found: `level ${d.level} sums to ${total.toFixed(3)}`, expected: `100 ± ${LEVEL_SUM_TOLERANCE}` });
    }
  }
  return problems;
}

/**
 * A name compared the way a reader (and a URL slug) compares it: Unicode NFC, then case-folded (upper- then lower-case,
 * so "ß" matches "SS" and "ς" matches "σ").
 */
export function foldName(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/** The code points of a name ("U+0043 U+0301"), around where it differs from another when it is long. */
function codePoints(name: string, other: string): string {
  const chars = [...name];
  const others = [...other];
  let start = 0;
  while (start < chars.length && chars[start] === others[start]) start++;
  const from = chars.length <= 24 ? 0 : Math.max(0, start - 4);
  const shown = chars.slice(from, from + 24).map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return `${from > 0 ? '… ' : ''}${shown.join(' ')}${from + 24 < chars.length ? ' …' : ''}`;
}

/** How two names that fold to the same text differ, for the message: case, normalisation, or both (with code points). */
function lookAlike(name: string, first: Row): string {
  const other = String(first.name);
  const sameNfc = name.normalize('NFC') === other.normalize('NFC');
  const sameText = name === other;
  if (sameText) return `${quote(name)}, already the name on line ${first.line}`;
  if (sameNfc) {
    return `${quote(name)} (${codePoints(name, other)}), which differs from ${quote(other)} on line ${first.line} (${codePoints(other, name)}) only in Unicode normalisation`;
  }
  const how = name.toLowerCase() === other.toLowerCase() ? 'letter case' : 'letter case and Unicode normalisation';
  const points = /[^\x20-\x7e]/.test(name + other) ? ` (${codePoints(name, other)} vs ${codePoints(other, name)})` : '';
  return `${quote(name)}, which differs from ${quote(other)} on line ${first.line} only in ${how}${points}`;
}

/**
 * Rules the published data obeys and the pages rely on: cluster ids of the form ai_values:l<level>:<uuid>; one
 * short key per node (the sunburst's nodeKey); value names unique ignoring case and normalisation (a look-alike would
 * take another value's page); cluster names never look-alikes of each other (exact repeats exist in the published
 * taxonomy and are allowed); every cluster has a child; a cluster's share is the sum of its children's.
 */
function clusterRules(rows: Row[], file: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const byLine = [...rows].sort((a, b) => (a.line as number) - (b.line as number));

  for (const d of byLine) {
    const level = d.level as number;
    if (level === 0) continue;
    const match = CLUSTER_ID.exec(String(d.cluster_id));
    if (!match || Number(match[1]) !== level) {
      problems.push({
        file, line: d.line as number, column: 'cluster_id', found: quote(String(d.cluster_id)),
        expected: `ai_values:l${level}:<uuid>, the level-${level} prefix and a lower-case UUID (8-4-4-4-12 hex digits)`,
      });
    }
  }

  const keys = new Map<string, Row>();
  for (const d of byLine) {
    const key = nodeKey({ level: d.level as number, id: String(d.cluster_id), name: String(d.name) });
    const first = keys.get(key);
    if (!first) keys.set(key, d);
    else if (first.cluster_id !== d.cluster_id) {
      problems.push({
        file, line: d.line as number, column: 'cluster_id',
        found: `${quote(String(d.cluster_id))}, whose key ${quote(key)} is already the key of ${quote(String(first.cluster_id))} on line ${first.line}`,
        expected: 'a key of its own (clusters are keyed by level and the first 8 UUID digits, values by name; the keys name nodes in links)',
      });
    }
  }

  const names = new Map<string, Row>();
  for (const d of byLine) {
    const isValue = d.level === 0;
    const folded = `${isValue ? 'value' : 'cluster'}:${foldName(String(d.name))}`;
    const first = names.get(folded);
    if (!first) names.set(folded, d);
    else if (isValue ? first.cluster_id !== d.cluster_id : first.name !== d.name) {
      problems.push({
        file, line: d.line as number, column: 'name', found: lookAlike(String(d.name), first),
        expected: isValue
          ? 'each value name once, ignoring letter case and Unicode normalisation'
          : 'cluster names that differ in more than letter case or Unicode normalisation',
      });
    }
  }

  const children = new Map<string, Row[]>();
  for (const d of rows) {
    const parent = String(d.parent_cluster_id);
    if (!parent) continue;
    const siblings = children.get(parent);
    if (siblings) siblings.push(d);
    else children.set(parent, [d]);
  }
  for (const d of byLine) {
    const level = d.level as number;
    if (level === 0) continue;
    const own = children.get(String(d.cluster_id)) ?? [];
    if (own.length === 0) {
      problems.push({
        file, line: d.line as number, column: 'cluster_id', found: `${quote(String(d.cluster_id))} (${quote(String(d.name))}), which no level-${level - 1} row names as its parent`,
        expected: 'every cluster to have at least one child',
      });
      continue;
    }
    const sum = own.reduce((total, c) => total + (c.pct_total_occurrences as number), 0);
    const share = d.pct_total_occurrences as number;
    if (Math.abs(share - sum) > CHILD_SUM_TOLERANCE + 1e-9) {
      problems.push({
        file, line: d.line as number, column: 'pct_total_occurrences',
        found: `${share}, but its ${own.length} children's shares sum to ${Number(sum.toFixed(3))}`,
        expected: `the sum of its children's shares ± ${CHILD_SUM_TOLERANCE}`,
      });
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
