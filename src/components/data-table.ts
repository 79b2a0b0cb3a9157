import type { ChartTable, TableColumn } from '../charts/lib/contract.ts';
import { escapeHtml } from '../lib/escape.ts';

function cell(column: TableColumn, value: string | number | undefined): string {
  if (value === '' || value === undefined) return '—';
  if (column.format === 'integer' && typeof value === 'number') return value.toLocaleString('en-US');
  return String(value);
}

/**
 * A chart's data table as HTML: the exact numbers drawn, unrounded. Shared by the server-rendered figure and the
 * islands that redraw it, so both produce the same markup. `only` prints just those rows (the report's part of a long
 * table), and leaves out a column with no value in any of them (the whole table has it). The table is named by the
 * figure's title (`titleId`), which stands above it, rather than by a caption repeating it.
 */
export function dataTableHtml(table: ChartTable, titleId: string, only?: number[]): string {
  const numeric = (c: TableColumn) => c.format === 'integer' || c.format === 'percent';
  const shown = only ? only.map((i) => table.rows[i]!) : table.rows;
  const columns = only ? table.columns.filter((c, i) => i === 0 || shown.some((row) => row[c.key] !== '' && row[c.key] !== undefined)) : table.columns;
  table = { ...table, columns, rows: shown };
  const head = table.columns
    .map((c) => `<th scope="col" data-key="${escapeHtml(c.key)}"${numeric(c) ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`)
    .join('');
  const body = table.rows
    .map((row) => {
      const cells = table.columns.map((c, i) => {
        const raw = row[c.key] ?? '';
        const shown = cell(c, raw);
        // When the cell shows the number formatted, keep the exact value for CSV downloads.
        const exact = shown === String(raw) ? '' : ` data-v="${escapeHtml(raw)}"`;
        const href = c.linkKey ? row[c.linkKey] : undefined;
        const content = href ? `<a href="${escapeHtml(href)}">${escapeHtml(shown)}</a>` : escapeHtml(shown);
        if (i === 0) return `<th scope="row"${exact}>${content}</th>`;
        return `<td${numeric(c) ? ' class="num"' : ''}${exact}>${content}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<table aria-labelledby="${escapeHtml(titleId)}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Read a data table back from the page: the exact values (data-v where the cell shows them formatted). */
export function tableFromDom(table: HTMLTableElement): ChartTable {
  const columns = [...table.tHead!.rows[0]!.cells].map((th) => ({ key: th.dataset.key ?? th.textContent ?? '', label: th.textContent ?? '' }));
  const rows = [...table.tBodies[0]!.rows].map((tr) =>
    Object.fromEntries([...tr.cells].map((td, i) => [columns[i]!.key, td.dataset.v ?? td.textContent ?? ''])),
  );
  return { columns, rows };
}
