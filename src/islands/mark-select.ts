import { announce } from './announce.ts';
import { setView, viewFromUrl } from './view-state.ts';
import { stopsByRow } from './walk-table.ts';

/**
 * Select one of a chart's marks (the context heatmap's pairs): click it, or press Enter on it in the keyboard walk;
 * again to let go. The selected mark is ringed and the others dimmed, its table row marked, and what it shows said to
 * screen readers. The selection is the figure's view `select`, the row's index in the table's own order (the mark's
 * data-row; view-state.ts), so it can be linked; an index no mark has selects nothing.
 */
export function initMarkSelect(figure: HTMLElement): void {
  const area = figure.querySelector<HTMLElement>('.chart-area')!;
  const marksOf = (row: number) => area.querySelectorAll(`svg [data-row="${row}"]`);
  let selected: number | undefined;

  const select = (row: number | undefined, say: boolean) => {
    if (row !== undefined && !marksOf(row).length) row = undefined;
    selected = row;
    for (const marked of figure.querySelectorAll('.is-selected')) marked.classList.remove('is-selected');
    figure.classList.toggle('has-selection', row !== undefined);
    setView(figure, ['select'], row === undefined ? {} : { select: String(row) });
    if (row === undefined) return say && announce('Selection cleared.');
    for (const mark of marksOf(row)) mark.classList.add('is-selected');
    const rows = [...figure.querySelectorAll<HTMLTableRowElement>('.chart-table tbody tr')];
    rows.find((tr, i) => Number(tr.dataset.row ?? i) === row)?.classList.add('is-selected');
    if (say) announce(`Selected: ${stopsByRow(figure).get(row) ?? ''}.`);
  };
  const toggle = (row: number) => select(row === selected ? undefined : row, true);

  area.addEventListener('click', (event) => {
    const mark = (event.target as Element).closest('svg [data-row]');
    if (mark) toggle(Number(mark.getAttribute('data-row')));
  });
  // The keyboard walk's stop names the row it stands on (navigator.ts).
  area.addEventListener('keydown', (event) => {
    const stop = (event.target as HTMLElement).closest<HTMLElement>('.nav-stop[data-row]');
    if (!stop || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    toggle(Number(stop.dataset.row));
  });
  const linked = viewFromUrl(figure).get('select') ?? '';
  select(/^\d+$/.test(linked) ? Number(linked) : undefined, false);
}
