import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from './csv.ts';
import { PAPER_DIR } from '../config.ts';
import { DataValidationError, type DataProblem } from './types.ts';
import { quote } from './validate.ts';
import { readInputFile } from './input-file.ts';

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

const SOURCED: Record<string, ColumnType> = { where: 'text', confidence: ['A', 'B', 'C'], source: 'text', caveat: 'optional text' };
const RESPONSE_GROUPS = ['support', 'neutral', 'reframing', 'resistance', 'none'] as const;

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
} as const satisfies Record<string, TableSchema>;

type Row = Record<string, string | number | null>;
export type PaperFigures = { [K in keyof typeof PAPER_TABLES]: (Row & Sourced)[] };

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
  problems.push(...parsed.problems);
  const expected = Object.keys(schema.columns);
  if (parsed.columns.join(',') !== expected.join(',')) {
    problems.push({ file, line: 1, column: '(header)', found: quote(parsed.columns.join(',')), expected: quote(expected.join(',')) });
    return [];
  }
  return parsed.rows.map(({ line, values }) => {
    const row: Row = { line };
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
  const total = figures.responseTypes.reduce((sum, r) => sum + (r.pct_of_conversations as number), 0);
  if (figures.responseTypes.length && Math.abs(total - 100) > 0.1) {
    problems.push({ file: PAPER_TABLES.responseTypes.file, line: 0, column: 'pct_of_conversations', found: `a sum of ${total.toFixed(2)}`, expected: '100 ± 0.1' });
  }
  const keys = new Set<string>();
  for (const r of figures.scope) {
    if (keys.has(r.key as string)) problems.push({ file: PAPER_TABLES.scope.file, line: r.line as number, column: 'key', found: quote(String(r.key)), expected: 'each key once' });
    keys.add(r.key as string);
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
  ) as PaperFigures;
  problems.push(...crossChecks(figures));
  return { figures, problems };
}

export function loadPaperFigures(dir = path.resolve(PAPER_DIR)): PaperFigures {
  const texts: Record<string, string> = {};
  const unreadable: DataProblem[] = [];
  for (const schema of Object.values(PAPER_TABLES)) {
    const file = path.join(dir, schema.file);
    if (!existsSync(file)) continue; // reported as a missing file below
    const input = readInputFile(file, schema.file);
    if (input.text === undefined) unreadable.push(...input.problems);
    else texts[schema.file] = input.text;
  }
  if (unreadable.length) throw new DataValidationError(unreadable);
  const { figures, problems } = parsePaperFigures(texts);
  if (problems.length) throw new DataValidationError(problems);
  return figures;
}

/** The scope figure with this key (throws if the transcription lacks it, so prose cannot quote a missing figure). */
export function scopeFigure(figures: PaperFigures, key: string): Row & Sourced {
  const row = figures.scope.find((r) => r.key === key);
  if (!row) throw new Error(`data/paper/scope.csv has no row with key "${key}"`);
  return row;
}

/** How a figure's provenance reads on the page: "§3, grade A" or "§4, grade B, as reported". */
export function provenance(row: Sourced): string {
  return `${row.where}, grade ${row.confidence}${row.confidence === 'B' ? ', as reported' : ''}`;
}
