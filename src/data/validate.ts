import * as aq from 'arquero';
import { append, csvRecords, MAX_PROBLEMS, type CsvRecord } from './csv.ts';
import { nodeKey } from './node-key.ts';
import { quote, type DataProblem, type Dataset } from './types.ts';

const { op } = aq;

export const TREE_FILE = 'values_tree.csv';
export const FREQUENCIES_FILE = 'values_frequencies.csv';
export const TREE_COLUMNS = ['cluster_id', 'description', 'name', 'level', 'parent_cluster_id', 'pct_total_occurrences'];
export const FREQUENCY_COLUMNS = ['value', 'pct_convos'];
/** Level 0 = individual values … level 3 = top-level categories. How many of each is the data's to say. */
export const LEVELS = [0, 1, 2, 3] as const;
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
export const FIELD_CAPS: ReadonlyMap<string, number> = new Map(Object.entries({
  cluster_id: 500,
  description: 5000,
  name: 500,
  level: 20,
  parent_cluster_id: 500,
  pct_total_occurrences: 20,
  value: 500,
  pct_convos: 20,
}));
/** Levels 1–3: `ai_values:l<level>:<uuid>`, the UUID in lower-case hex, 8-4-4-4-12 (level 0 ids are the value names). */
const CLUSTER_ID = /^ai_values:l([1-3]):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const DECIMAL = /^-?\d+(\.\d+)?$/;


interface Rows {
  table: aq.ColumnTable;
  problems: DataProblem[];
  /** False when reading stopped early (an unreadable header, too many rows or problems): checks across rows would mislead. */
  complete: boolean;
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
    const cap = FIELD_CAPS.get(column) ?? Infinity;
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

/**
 * Characters no name, id or description may hold: C0 and C1 controls and DEL (a tab is allowed in descriptions, and
 * line breaks there too: the CSV format quotes them and a page shows them as spaces), the noncharacters U+FFFE and
 * U+FFFF, and UTF-16 surrogates that are not part of a pair.
 */
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'g');
const ALLOWED_IN_DESCRIPTIONS = new Set(['\t', '\n', '\r']);

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function characterKind(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return 'a lone surrogate';
  if (code === 0xfffe || code === 0xffff) return 'a noncharacter';
  return 'a control character';
}

/** Text fields: no control characters, noncharacters or lone surrogates; names and ids without surrounding white space. */
function checkText(file: string, line: number, column: string, value: string, problems: DataProblem[]): void {
  for (const match of value.matchAll(FORBIDDEN_ALL)) {
    if (column === 'description' && ALLOWED_IN_DESCRIPTIONS.has(match[0])) continue;
    const position = [...value.slice(0, match.index)].length + 1;
    problems.push({
      file, line, column,
      found: `${characterKind(match[0])}, ${codePoint(match[0])}, at character ${position} of ${quote(value)}`,
      expected: column === 'description' ? 'text without control characters (tab and line breaks aside), noncharacters or lone surrogates' : 'text without control characters, noncharacters or lone surrogates',
    });
    break;
  }
  if (column !== 'description' && value !== value.trim()) {
    const where = value.trimStart() !== value ? (value.trimEnd() !== value ? 'leading and trailing' : 'leading') : 'trailing';
    problems.push({ file, line, column, found: `${quote(value)}, with ${where} white space`, expected: 'no white space before or after the text (it would read the same as a name without it)' });
  }
}

/**
 * The rows of one CSV file, read as a stream: the header is checked, then each row is checked and kept (with its
 * line) only when its fields pass, so memory holds the good rows and at most MAX_PROBLEMS problems.
 */
function readRows(text: string, file: string, columns: string[], toRow: (record: CsvRecord, problems: DataProblem[]) => Record<string, unknown> | undefined): Rows {
  const problems: DataProblem[] = [];
  const rows: Record<string, unknown>[] = [];
  const records = csvRecords(text, file, problems);
  const header = records.next();
  append(problems, checkColumns(file, header.done ? [] : header.value.values, columns));
  if (problems.some((p) => p.line === 1)) return { table: tableOf([], []), problems, complete: false };
  for (const record of records) {
    const capped = capLengths(file, record.line, columns, record.values, problems);
    columns.forEach((column, i) => {
      if (!NUMERIC_COLUMNS.has(column)) checkText(file, record.line, column, capped[i]!, problems);
    });
    // A row whose text is refused still takes part in the checks across rows, which would otherwise report its
    // absence (its parent's sum, its frequency row) as further problems.
    const row = toRow({ line: record.line, values: capped }, problems);
    if (row) rows.push(row);
    if (problems.length >= MAX_PROBLEMS) {
      problems.push({ file, line: record.line, column: '(file)', found: `${problems.length} problems by this line`, expected: 'fewer problems: reading stopped here; fix these first' });
      break;
    }
  }
  const complete = !problems.some((p) => p.column === '(file)' || p.expected === 'a closing double quote');
  return { table: tableOf([...columns, 'line'], rows), problems, complete };
}

const NUMERIC_COLUMNS = new Set(['level', 'pct_total_occurrences', 'pct_convos']);

function parseTree(text: string, file: string): Rows {
  return readRows(text, file, TREE_COLUMNS, ({ line, values }, problems) => {
    const [cluster_id, description, name, levelText, parent_cluster_id, pctText] = values as [string, string, string, string, string, string];
    const before = problems.length;
    if (!cluster_id) problems.push({ file, line, column: 'cluster_id', found: 'an empty id', expected: 'a non-empty id' });
    if (!name) problems.push({ file, line, column: 'name', found: 'an empty name', expected: 'a non-empty name' });
    if (!/^[0-3]$/.test(levelText)) problems.push({ file, line, column: 'level', found: quote(levelText), expected: 'one of the levels 0, 1, 2, 3' });
    const pct = percentage(file, line, 'pct_total_occurrences', pctText, problems);
    if (problems.length !== before || pct === undefined) return undefined;
    return { cluster_id, description, name, level: Number(levelText), parent_cluster_id, pct_total_occurrences: pct, line };
  });
}

function parseFrequencies(text: string, file: string): Rows {
  return readRows(text, file, FREQUENCY_COLUMNS, ({ line, values }, problems) => {
    const [value, pctText] = values as [string, string];
    const before = problems.length;
    if (!value) problems.push({ file, line, column: 'value', found: 'an empty value', expected: 'a non-empty value name' });
    const pct = percentage(file, line, 'pct_convos', pctText, problems);
    if (problems.length !== before || pct === undefined) return undefined;
    return { value, pct_convos: pct, line };
  });
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
  // The structure, not today's counts (a new release may add values or clusters): every level is present, ids are
  // unique, each parent is a row one level up, every cluster has children whose shares sum to its own, each level
  // sums to 100. The counts the paper reports are a claim, checked in the claims table (src/data/claims.ts).
  const counts = new Map(objects(tree.groupby('level').count()).map((d) => [d.level as number, d.count as number]));
  for (const level of LEVELS) {
    if (!counts.get(level)) problems.push({ file, line: 0, column: 'level', found: `no rows at level ${level}`, expected: 'at least one row at each level 0, 1, 2, 3' });
  }
  append(problems, duplicates(tree, 'cluster_id', file, 'cluster_id'));

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
  append(problems, clusterRules(objects(tree), file));
  const sums = tree.groupby('level').rollup({ total: op.sum('pct_total_occurrences') });
  for (const d of objects(sums)) {
    const total = d.total as number;
    if (Math.abs(total - 100) > LEVEL_SUM_TOLERANCE) {
      problems.push({ file, line: 0, column: 'pct_total_occurrences', found: `level ${d.level} sums to ${total.toFixed(3)}`, expected: `100 ± ${LEVEL_SUM_TOLERANCE}` });
    }
  }
  return problems;
}

/** White space, control and format characters (zero-width spaces, joiners): invisible, or nearly, in a name. */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}]/gu;
const nfkc = (name: string) => name.normalize('NFKC');
const caseFold = (name: string) => name.toUpperCase().toLowerCase();
const visible = (name: string) => name.replace(INVISIBLE, '');

/**
 * A name compared the way a reader (and a URL slug) compares it: Unicode NFKC (so "ﬁ" matches "fi" and a full-width
 * "Ａ" matches "A"), case-folded (upper- then lower-case, so "ß" matches "SS" and "ς" matches "σ"), without white space,
 * control or format characters.
 */
export function foldName(name: string): string {
  return visible(nfkc(caseFold(nfkc(name))));
}

/** The code points of a name ("U+0043 U+0301"), around where it differs from another when it is long. */
function codePoints(name: string, other: string): string {
  const chars = [...name];
  const others = [...other];
  let start = 0;
  while (start < chars.length && chars[start] === others[start]) start++;
  const from = chars.length <= 24 ? 0 : Math.max(0, start - 4);
  const shown = chars.slice(from, from + 24).map(codePoint);
  return `${from > 0 ? '… ' : ''}${shown.join(' ')}${from + 24 < chars.length ? ' …' : ''}`;
}

const FOLDS = [
  { way: 'Unicode normalisation (NFKC)', nfkc: true, caseFold: false, visible: false },
  { way: 'letter case', nfkc: false, caseFold: true, visible: false },
  { way: 'white space or invisible characters', nfkc: false, caseFold: false, visible: true },
];

/** The smallest set of the folds (normalisation, case, invisible characters) under which two names are equal. */
function waysApart(name: string, other: string): string[] {
  const subsets = [[0], [1], [2], [0, 1], [0, 2], [1, 2], [0, 1, 2]];
  for (const subset of subsets) {
    const on = (i: number) => subset.includes(i);
    const fold = (text: string) => {
      let t = on(0) ? nfkc(text) : text;
      if (on(1)) t = caseFold(t);
      if (on(0)) t = nfkc(t);
      return on(2) ? visible(t) : t;
    };
    if (fold(name) === fold(other)) return subset.map((i) => FOLDS[i]!.way);
  }
  return FOLDS.map((f) => f.way);
}

/**
 * How two names that fold to the same text differ, for the message: letter case, white space or invisible characters,
 * Unicode normalisation, or several of these; with code points when they print alike.
 */
function lookAlike(name: string, first: Row): string {
  const other = String(first.name);
  if (name === other) return `${quote(name)}, already the name on line ${first.line}`;
  const ways = waysApart(name, other);
  const how = ways.join(' and ');
  if (ways.length === 1 && ways[0] === FOLDS[0]!.way) {
    return `${quote(name)} (${codePoints(name, other)}), which differs from ${quote(other)} on line ${first.line} (${codePoints(other, name)}) only in ${how}`;
  }
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
          ? 'each value name once, ignoring letter case, white space, invisible characters and Unicode normalisation (NFKC)'
          : 'cluster names that differ in more than letter case, white space, invisible characters or Unicode normalisation (NFKC)',
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
  const problems = append(append([], tree.problems), frequencies.problems);
  if (tree.complete) append(problems, treeStructure(tree.table, names.tree));
  if (frequencies.complete) append(problems, duplicates(frequencies.table, 'value', names.frequencies, 'value'));
  if (tree.complete && frequencies.complete) append(problems, valuesMatch(tree.table, frequencies.table, names));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return problems.length ? { problems } : { dataset: { tree: tree.table, frequencies: frequencies.table }, problems };
}
