import type { ChartTable } from './contract.ts';

function csvField(value: unknown): string {
  const text = String(value ?? '');
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
