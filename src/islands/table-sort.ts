import { announce } from './announce.ts';
import { setView, viewFromUrl } from './view-state.ts';

/**
 * Sort a figure's data table by a column: its headings become buttons (figures.ts loads this when the table is first
 * shown, or at once for a sorted view in the URL). A column sorts largest first if numeric, A to Z if not; again, the other way; a third
 * time, back to the table's own order. The sort is the figure's view `sort` (`sort=key` ascending, `sort=-key`
 * descending; view-state.ts), so a sorted table can be linked; a key the table lacks falls back to its own order.
 * Each row keeps its place in the table's own order as data-row, which marks, the keyboard walk and the tooltips go by.
 */
export function initTableSort(figure: HTMLElement): void {
  const scroll = figure.querySelector<HTMLElement>('.table-scroll')!;
  let sort = parseSort(viewFromUrl(figure).get('sort'));

  const apply = (say: boolean) => {
    const table = scroll.querySelector('table')!;
    const heads = [...table.tHead!.rows[0]!.cells];
    const column = heads.findIndex((th) => th.dataset.key === sort?.key);
    if (column < 0) sort = undefined;
    const body = table.tBodies[0]!;
    const rows = [...body.rows];
    rows.forEach((tr, i) => (tr.dataset.row ??= String(i)));
    const sorted = sort ? rows.sort((a, b) => compareCells(a.cells[column]!, b.cells[column]!, sort!.descending)) : rows.sort((a, b) => Number(a.dataset.row) - Number(b.dataset.row));
    body.append(...sorted);
    for (const th of heads) {
      if (!th.querySelector('button')) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'sort-button';
        button.append(...th.childNodes);
        th.append(button);
      }
      if (sort && th.dataset.key === sort.key) th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
    setView(figure, ['sort'], sort ? { sort: `${sort.descending ? '-' : ''}${sort.key}` } : {});
    if (say) announce(sort ? `Sorted by ${heads[column]!.textContent}, ${sort.descending ? 'descending' : 'ascending'}.` : 'The table is back in its own order.');
  };

  scroll.addEventListener('click', (event) => {
    const th = (event.target as Element).closest<HTMLTableCellElement>('thead th');
    if (!th?.dataset.key || !(event.target as Element).closest('button')) return;
    const firstDescending = th.classList.contains('num');
    if (sort?.key !== th.dataset.key) sort = { key: th.dataset.key, descending: firstDescending };
    else sort = sort.descending === firstDescending ? { key: sort.key, descending: !firstDescending } : undefined;
    apply(true);
  });
  // A redrawn chart brings a new table in its own order: sort it as the reader asked.
  figure.addEventListener('table-replaced', () => apply(false));
  apply(false);
}

function parseSort(text: string | null): { key: string; descending: boolean } | undefined {
  if (!text) return undefined;
  const descending = text.startsWith('-');
  return { key: descending ? text.slice(1) : text, descending };
}

/** Cells compare as numbers when both are numbers (their exact data-v, else their text), else as text; empty cells last either way. */
function compareCells(a: HTMLTableCellElement, b: HTMLTableCellElement, descending: boolean): number {
  const [x, y] = [a, b].map((cell) => cell.dataset.v ?? cell.textContent?.trim() ?? '') as [string, string];
  const empty = (s: string) => s === '' || s === '—';
  if (empty(x) || empty(y)) return Number(empty(x)) - Number(empty(y));
  const [m, n] = [x, y].map((s) => Number(s.replace(/[,%#]/g, ''))) as [number, number];
  const order = Number.isNaN(m) || Number.isNaN(n) ? x.localeCompare(y, 'en') : m - n;
  return descending ? -order : order;
}
