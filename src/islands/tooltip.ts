/**
 * A chart area's one tooltip (WCAG 1.4.13, content on hover or focus): placed beside what it explains without
 * covering it or the mark's own labels, hoverable (the pointer can move onto it), kept until the pointer leaves both
 * the marks and the tooltip, and dismissed with Escape wherever focus is.
 */

/** A box in client coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A chart area's tooltip, made on first use (a page without a script needs none). */
export function tooltipOf(area: HTMLElement): HTMLElement {
  let tooltip = area.querySelector<HTMLElement>('.chart-tooltip');
  if (!tooltip) {
    tooltip = document.createElement('div');
    tooltip.className = 'chart-tooltip';
    tooltip.hidden = true;
    area.append(tooltip);
  }
  return tooltip;
}

/** Hide a chart area's tooltip, if it has one yet. */
export function hideTooltip(area: HTMLElement): void {
  const tooltip = area.querySelector<HTMLElement>('.chart-tooltip');
  if (tooltip) tooltip.hidden = true;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const grown = (box: Box, by: number): Box => ({ left: box.left - by, top: box.top - by, right: box.right + by, bottom: box.bottom + by });

/**
 * The labels that belong to a mark, as boxes: text drawn on it (its centre inside the mark's shape) and text just
 * beside it on its row (a bar's name and value, a dot's name).
 */
export function ownLabels(mark: Element): Box[] {
  const svg = mark.closest('svg');
  if (!svg) return [];
  const box = mark.getBoundingClientRect();
  const shape = mark instanceof SVGGeometryElement ? mark : null;
  const toShape = shape?.getScreenCTM()?.inverse();
  return [...svg.querySelectorAll('text')]
    .map((text) => text.getBoundingClientRect())
    .filter((r) => {
      if (!r.width) return false;
      const [x, y] = [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
      const within = x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
      if (within) return shape && toShape ? shape.isPointInFill(new DOMPoint(x, y).matrixTransform(toShape)) : true;
      return overlaps(r, grown(box, 16)) && y >= box.top - 12 && y <= box.bottom + 12;
    });
}

/**
 * Put the tooltip beside `anchor` (client coordinates) inside its chart area, `gap` px clear of the anchor and of
 * every box in `avoid`: below, or above when below would leave the screen; within the area's width.
 */
export function placeTooltip(tooltip: HTMLElement, area: HTMLElement, anchor: Box, avoid: Box[] = [], gap = 6): void {
  tooltip.hidden = false;
  tooltip.style.left = '0px';
  tooltip.style.top = '0px';
  const room = area.getBoundingClientRect();
  const [width, height] = [tooltip.offsetWidth, tooltip.offsetHeight];
  const blocked = [anchor, ...avoid].map((b) => grown(b, gap));
  const leftIn = (left: number) => Math.min(Math.max(left, room.left), room.left + Math.max(0, area.scrollWidth - width));
  const at = (left: number, top: number): Box => ({ left, top, right: left + width, bottom: top + height });
  /** Slide a box along one direction until it clears every blocked box. */
  const clear = (box: Box, step: (b: Box, hit: Box) => Box) => {
    for (let i = 0; i < 8; i++) {
      const hit = blocked.find((b) => overlaps(b, box));
      if (!hit) return box;
      box = step(box, hit);
    }
    return box;
  };
  const below = clear(at(leftIn(anchor.left), anchor.bottom + gap), (b, hit) => at(b.left, hit.bottom));
  const above = clear(at(leftIn(anchor.left), anchor.top - gap - height), (b, hit) => at(b.left, hit.top - height));
  const best = below.bottom > innerHeight && above.top >= 0 ? above : below;
  tooltip.style.left = `${best.left - room.left + area.scrollLeft}px`;
  tooltip.style.top = `${best.top - room.top}px`;
}

/**
 * Hover behaviour for a chart area's marks: `show` on entering a mark; moving off the marks hides the tooltip after a
 * moment unless the pointer reaches the tooltip or another mark; leaving the area (the tooltip is inside it) hides it
 * at once; Escape hides it wherever focus is.
 */
export function hoverTooltip(area: HTMLElement, marks: string, show: (mark: Element, event: PointerEvent) => void, hide: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => clearTimeout(timer);
  area.addEventListener('pointerover', (event) => {
    cancel();
    const target = event.target as Element;
    if (target.closest('.chart-tooltip')) return;
    const mark = target.closest(marks);
    if (mark) show(mark, event);
    else timer = setTimeout(hide, 400);
  });
  area.addEventListener('pointerleave', () => {
    cancel();
    hide();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    cancel();
    hide();
  });
}
