import { append, parseCsv } from './csv.ts';
import { quote, type DataProblem } from './types.ts';

/** Figures transcribed from the paper (data/paper/*.csv): every row says where it comes from and how sure we are. */
export type Grade = 'A' | 'B' | 'C';

export interface Sourced {
  where: string;
  confidence: Grade;
  source: string;
  /** Required for grade C: what makes the figure uncertain. Shown wherever the figure is. */
  caveat: string;
}

type ColumnType = 'text' | 'optional text' | 'number' | 'optional number' | 'percentage' | 'integer' | readonly string[];

interface TableSchema {
  file: string;
  columns: Record<string, ColumnType>;
}

const SOURCED = { where: 'text', confidence: ['A', 'B', 'C'], source: 'text', caveat: 'optional text' } as const satisfies Record<keyof Sourced, ColumnType>;
export const RESPONSE_GROUPS = ['support', 'neutral', 'reframing', 'resistance', 'none'] as const;

export const PAPER_TABLES = {
  scope: { file: 'scope.csv', columns: { key: 'text', label: 'text', value: 'number', unit: 'text', ...SOURCED } },
  responseTypes: {
    file: 'response-types.csv',
    columns: { response_type: 'text', group: RESPONSE_GROUPS, pct_of_conversations: 'percentage', ...SOURCED },
  },
  mirroring: { file: 'mirroring.csv', columns: { response_type: 'text', pct_mirroring: 'percentage', ...SOURCED } },
  modelVariants: {
    file: 'model-variants.csv',
    columns: { model: 'text', metric: ['strong support', 'strong resistance', 'no values'], pct: 'percentage', ...SOURCED },
  },
  modelSamples: { file: 'model-samples.csv', columns: { model: 'text', conversations: 'integer', subjective: 'integer', period: 'optional text', ...SOURCED } },
  taskResiduals: { file: 'task-residuals.csv', columns: { task: 'text', ai_value: 'text', residual: 'optional number', ...SOURCED } },
  valuePairs: {
    file: 'value-pairs.csv',
    columns: { pattern: ['mirroring', 'complementing', 'opposing'], human_value: 'text', ai_value: 'text', figure: 'optional text', ...SOURCED },
  },
  variation: { file: 'variation.csv', columns: { set: 'text', value: 'text', cv: 'number', ...SOURCED } },
  humanValues: { file: 'human-values.csv', columns: { value: 'text', pct_convos: 'percentage', ...SOURCED } },
  aiTopValues: { file: 'ai-top-values.csv', columns: { value: 'text', pct_convos: 'percentage', ...SOURCED } },
  rareValues: { file: 'rare-values.csv', columns: { value: 'text', ...SOURCED } },
  responsePatterns: {
    file: 'response-patterns.csv',
    columns: { response_type: 'text', role: ['user value', 'Claude value', 'Claude value stated explicitly'], value: 'text', ...SOURCED },
  },
  modelTopValues: { file: 'model-top-values.csv', columns: { model: 'text', rank: 'integer', value: 'text', ...SOURCED } },
  categoryShares: { file: 'category-shares.csv', columns: { category: 'text', share: 'percentage', ...SOURCED } },
} as const satisfies Record<string, TableSchema>;

type Row = Record<string, string | number | null | Record<string, string>>;

/** The TypeScript type of a cell, read from its declared column type. */
type CellOf<T> = T extends 'text' | 'optional text'
  ? string
  : T extends 'number' | 'percentage' | 'integer'
    ? number
    : T extends 'optional number'
      ? number | null
      : T extends readonly (infer Choice)[]
        ? Choice
        : never;

/**
 * A parsed row of a paper table: every declared column with its type, the line it came from, and each cell as printed
 * (the paper's "4.0" is the number 4 but claims one decimal of precision, so verdicts read the printed text).
 */
export type PaperRow<S extends TableSchema> = { -readonly [C in keyof S['columns']]: CellOf<S['columns'][C]> } & {
  line: number;
  printed: Record<keyof S['columns'], string>;
};
export type PaperTables = typeof PAPER_TABLES;
export type PaperFigures = { [K in keyof PaperTables]: PaperRow<PaperTables[K]>[] };
export type ScopeRow = PaperFigures['scope'][number];
export type ResponseGroup = (typeof RESPONSE_GROUPS)[number];

const DECIMAL = /^-?\d+(\.\d+)?$/;

function parseCell(type: ColumnType, text: string, at: Omit<DataProblem, 'found' | 'expected'>, problems: DataProblem[]): string | number | null {
  const fail = (expected: string) => {
    problems.push({ ...at, found: text === '' ? 'an empty cell' : quote(text), expected });
    return null;
  };
  if (Array.isArray(type)) return type.includes(text) ? text : fail(`one of ${type.join(', ')}`);
  switch (type) {
    case 'text':
      return text.trim() ? text : fail('some text');
    case 'optional text':
      return text;
    case 'optional number':
      if (text === '') return null;
      return DECIMAL.test(text) ? Number(text) : fail('a decimal number or nothing');
    case 'number':
      return DECIMAL.test(text) ? Number(text) : fail('a decimal number');
    case 'integer':
      return /^\d+$/.test(text) ? Number(text) : fail('a whole number');
    case 'percentage':
      return DECIMAL.test(text) && Number(text) >= 0 && Number(text) <= 100 ? Number(text) : fail('a percentage between 0 and 100');
  }
  return null;
}

function parseTable(text: string, schema: TableSchema, problems: DataProblem[]): Row[] {
  const { file } = schema;
  const parsed = parseCsv(text, file);
  append(problems, parsed.problems);
  const expected = Object.keys(schema.columns);
  if (parsed.columns.join(',') !== expected.join(',')) {
    problems.push({ file, line: 1, column: '(header)', found: quote(parsed.columns.join(',')), expected: quote(expected.join(',')) });
    return [];
  }
  return parsed.rows.map(({ line, values }) => {
    const row: Row = { line, printed: Object.fromEntries(expected.map((column, i) => [column, values[i] ?? ''])) };
    expected.forEach((column, i) => {
      row[column] = parseCell(schema.columns[column]!, values[i]!, { file, line, column }, problems);
    });
    if (row.confidence === 'C' && !row.caveat) {
      problems.push({ file, line, column: 'caveat', found: 'an empty cell', expected: 'a caveat, which every grade-C figure must carry' });
    }
    return row;
  });
}

/** Checks across rows: the seven response types make up all conversations. */
function crossChecks(figures: PaperFigures): DataProblem[] {
  const problems: DataProblem[] = [];
  const total = figures.responseTypes.reduce((sum, r) => sum + r.pct_of_conversations, 0);
  if (figures.responseTypes.length && Math.abs(total - 100) > 0.1) {
    problems.push({ file: PAPER_TABLES.responseTypes.file, line: 0, column: 'pct_of_conversations', found: `a sum of ${total.toFixed(2)}`, expected: '100 ± 0.1' });
  }
  const keys = new Set<string>();
  for (const r of figures.scope) {
    if (keys.has(r.key)) problems.push({ file: PAPER_TABLES.scope.file, line: r.line, column: 'key', found: quote(r.key), expected: 'each key once' });
    keys.add(r.key);
  }
  return problems;
}

/** Parse and validate every paper table from texts keyed by file name; all problems are reported together. */
export function parsePaperFigures(texts: Record<string, string>): { figures: PaperFigures; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const figures = Object.fromEntries(
    Object.entries(PAPER_TABLES).map(([name, schema]) => {
      const text = texts[schema.file];
      if (text === undefined) {
        problems.push({ file: schema.file, line: 0, column: '(file)', found: 'no file', expected: `data/paper/${schema.file}` });
        return [name, []];
      }
      return [name, parseTable(text, schema, problems)];
    }),
  ) as unknown as PaperFigures;
  problems.push(...crossChecks(figures));
  return { figures, problems };
}

/** The scope figure with this key (throws if the transcription lacks it, so prose cannot quote a missing figure). */
export function scopeFigure(figures: PaperFigures, key: string): ScopeRow {
  const row = figures.scope.find((r) => r.key === key);
  if (!row) throw new Error(`data/paper/scope.csv has no row with key "${key}"`);
  return row;
}

/**
 * Where a number comes from, in the words readers see (the letter grades stay on the data page): computed from the
 * open dataset, or transcribed from the paper and graded by how well it is corroborated.
 */
export type Origin = 'dataset' | 'paper' | 'secondary' | 'uncertain';

export const ORIGINS: Record<Origin, { label: string; meaning: string }> = {
  dataset: { label: 'from the dataset', meaning: 'computed when the site is built from Anthropic’s open dataset' },
  paper: {
    label: 'from the paper',
    meaning: 'a figure the paper reports, as stated in Anthropic’s research post or by two or more independent summaries of the paper',
  },
  secondary: {
    label: 'reported by one secondary source',
    meaning: 'a figure the paper reports, known to us from one detailed summary of it only, and shown as that summary gives it',
  },
  uncertain: { label: 'uncertain', meaning: 'reports of this figure conflict or are unclear; it always appears with its caveat' },
};

/** The letter grades of paper-figures.md (kept on the data page) and the words readers see for them. */
export const ORIGIN_OF_GRADE: Record<Grade, Origin> = { A: 'paper', B: 'secondary', C: 'uncertain' };

export function originOf(row: Sourced): Origin {
  return ORIGIN_OF_GRADE[row.confidence];
}

/** How one figure's provenance reads on the page: "from the paper, §3", "reported by one secondary source, Fig. 3a". */
export function provenance(row: Sourced): string {
  return `${ORIGINS[originOf(row)].label}, ${row.where}`;
}

/** The provenance of several figures shown together: "from the paper and reported by one secondary source, §4". */
export function provenanceOf(rows: Sourced[]): string {
  const unique = (xs: string[]) => [...new Set(xs)];
  const origins = unique((['paper', 'secondary', 'uncertain'] as const).filter((o) => rows.some((r) => originOf(r) === o)).map((o) => ORIGINS[o].label));
  return `${origins.join(' and ')}, ${unique(rows.map((r) => r.where)).join('; ')}`;
}

/** A cell of any paper row as text, for pages that list whole tables column by column ('—' for no value). */
export function cellText(row: object, column: string): string {
  const value = (row as Record<string, unknown>)[column];
  return value === null || value === undefined ? '—' : String(value);
}
