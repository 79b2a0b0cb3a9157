import { escapeHtml } from '../components/escape.ts';

/**
 * Tooltips for charts whose marks are keyboard stops (elements with data-tip and an aria-label): the same text a
 * screen reader announces, shown beside the mark on hover or focus.
 */
export function initTips(figure: HTMLElement): void {
  const area = figure.querySelector<HTMLElement>('.chart-area')!;
  const tooltip = area.querySelector<HTMLElement>('.chart-tooltip')!;
  const show = (mark: Element) => {
    tooltip.innerHTML = `<div>${escapeHtml(mark.getAttribute('aria-label'))}</div>`;
    tooltip.hidden = false;
    const box = area.getBoundingClientRect();
    const target = mark.getBoundingClientRect();
    tooltip.style.left = `${Math.max(0, Math.min(target.right - box.left + area.scrollLeft + 6, area.scrollWidth - 290))}px`;
    tooltip.style.top = `${target.bottom - box.top + 6}px`;
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
