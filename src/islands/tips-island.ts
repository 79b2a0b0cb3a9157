import { escapeHtml } from '../lib/escape.ts';
import { hideTooltip, hoverTooltip, ownLabels, placeTooltip, tooltipOf } from './tooltip.ts';
import { stopsByRow } from './walk-table.ts';

/**
 * Tooltips for a chart's marks, shown beside the mark on hover or focus: a mark's data-tip; for a mark that is a
 * keyboard stop (an empty data-tip and an aria-label) the text a screen reader announces; for a mark tied to a row of
 * the table (data-row) the row as the keyboard walk reads it. Marks a redraw adds are covered too: the listeners sit
 * on the chart area.
 */
export function initTips(figure: HTMLElement): void {
  const area = figure.querySelector<HTMLElement>('.chart-area');
  if (!area) return;
  const marks = 'svg [data-tip], svg [data-row]';
  const show = (mark: Element) => {
    const row = mark.getAttribute('data-row');
    const text = mark.getAttribute('data-tip') || mark.getAttribute('aria-label') || (row === null ? '' : stopsByRow(figure).get(Number(row)));
    if (!text) return;
    const tooltip = tooltipOf(area);
    tooltip.innerHTML = `<div>${escapeHtml(text)}</div>`;
    placeTooltip(tooltip, area, mark.getBoundingClientRect(), ownLabels(mark));
  };
  const hide = () => hideTooltip(area);
  hoverTooltip(area, marks, show, hide);
  area.addEventListener('focusin', (event) => {
    const mark = (event.target as Element).closest(marks);
    if (mark) show(mark);
  });
  area.addEventListener('focusout', hide);
}
