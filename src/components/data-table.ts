import type { ChartTable, TableColumn } from '../charts/types.ts';
import { escapeHtml } from './escape.ts';

function cell(column: TableColumn, value: string | number | undefined): string {
  if (value === '' || value === undefined) return '—';
  if (column.format === 'integer' && typeof value === 'number') return value.toLocaleString('en-US');
  return String(value);
}

/**
 * A chart's data table as HTML: the exact numbers drawn, unrounded. Shared by the server-rendered figure and the
 * islands that redraw it, so both produce the same markup.
 */
export function dataTableHtml(table: ChartTable, caption: string): string {
  const numeric = (c: TableColumn) => c.format === 'integer' || c.format === 'percent';
  const head = table.columns.map((c) => `<th scope="col"${numeric(c) ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const cells = table.columns.map((c, i) => {
        const text = escapeHtml(cell(c, row[c.key]));
        if (i === 0) return `<th scope="row">${text}</th>`;
        return `<td${numeric(c) ? ' class="num"' : ''}>${text}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
