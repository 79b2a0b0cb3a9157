import { escapeHtml } from '../lib/escape.ts';
import { placeTooltip } from './figure-parts.ts';

/**
 * Tooltips for charts whose marks are keyboard stops (elements with data-tip and an aria-label): the same text a
 * screen reader announces, shown beside the mark on hover or focus.
 */
export function initTips(figure: HTMLElement): void {
  const area = figure.querySelector<HTMLElement>('.chart-area')!;
  const tooltip = area.querySelector<HTMLElement>('.chart-tooltip')!;
  const show = (mark: Element) => {
    tooltip.innerHTML = `<div>${escapeHtml(mark.getAttribute('aria-label'))}</div>`;
    const target = mark.getBoundingClientRect();
    placeTooltip(tooltip, area, target.right + 6, target.bottom + 6);
  };
  const hide = () => (tooltip.hidden = true);
  const markOf = (event: Event) => (event.target as Element).closest('[data-tip]');
  area.addEventListener('pointerover', (event) => {
    const mark = markOf(event);
    if (mark) show(mark);
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
