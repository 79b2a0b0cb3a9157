import type { ChartTable } from './contract.ts';

/** A field a spreadsheet would read as a formula (or as the start of one, after a tab or carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One CSV field. Text that Excel, Sheets or LibreOffice would run as a formula gets a leading apostrophe (OWASP's
 * advice for CSV injection), so a value named "=HYPERLINK(…)" arrives as text; numbers, negative ones included, stay
 * numbers.
 */
export function csvField(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value ?? '');
  if (FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n\t]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A chart's rows as CSV. The first lines, starting with "#", name the chart, source and licence (most CSV readers
 * skip them with a comment option, e.g. pandas' comment="#"); then the header row of column keys and the data.
 */
export function tableToCsv(table: ChartTable, about: string[]): string {
  const lines = about.map((line) => `# ${line.replace(/[\r\n]+/g, ' ')}`);
  lines.push(table.columns.map((c) => csvField(c.key)).join(','));
  for (const row of table.rows) lines.push(table.columns.map((c) => csvField(row[c.key])).join(','));
  return `${lines.join('\n')}\n`;
}
