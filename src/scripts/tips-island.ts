import { escapeHtml } from '../lib/escape.ts';
import { placeTooltip, tooltipOf } from './figure-parts.ts';

/**
 * Tooltips for a chart's marks (elements with data-tip): the mark's tip, or for marks that are keyboard stops (an
 * empty data-tip and an aria-label) the same text a screen reader announces, shown beside the mark on hover or focus.
 * Marks a redraw adds are covered too: the listeners sit on the chart area.
 */
export function initTips(figure: HTMLElement): void {
  const area = figure.querySelector<HTMLElement>('.chart-area');
  if (!area) return;
  const show = (mark: Element) => {
    const text = mark.getAttribute('data-tip') || mark.getAttribute('aria-label');
    if (!text) return;
    const tooltip = tooltipOf(area);
    tooltip.innerHTML = `<div>${escapeHtml(text)}</div>`;
    const target = mark.getBoundingClientRect();
    placeTooltip(tooltip, area, target.right + 6, target.bottom + 6);
  };
  const hide = () => {
    const tooltip = area.querySelector<HTMLElement>('.chart-tooltip');
    if (tooltip) tooltip.hidden = true;
  };
  const markOf = (event: Event) => (event.target as Element).closest('[data-tip]');
  area.addEventListener('pointerover', (event) => {
    const mark = markOf(event);
    if (mark) show(mark);
    else hide();
  });
  area.addEventListener('focusin', (event) => {
    const mark = markOf(event);
    if (mark) show(mark);
  });
  area.addEventListener('pointerleave', hide);
  area.addEventListener('focusout', hide);
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
}
