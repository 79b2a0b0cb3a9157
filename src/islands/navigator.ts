import { hideTooltip, ownLabels, placeTooltip, tooltipOf } from './tooltip.ts';
import { rowStops, walkTable } from './walk-table.ts';

/**
 * Walk a chart's data in place from the keyboard, one stop per row of its data table (as Data Navigator does): Tab
 * reaches the chart, an arrow key enters it, arrows move from stop to stop (Up and Down between groups when the chart
 * has them), Home and End jump to the ends, Escape returns to the chart. Each stop is a focusable element laid over its
 * mark, so its outline is the focus mark on the chart and its accessible name ("helpfulness, 23.4% of conversations,
 * 1 of 30") is what a screen reader says. The stops are read from the table when the walk starts, so a redrawn chart
 * is walked as drawn. Marks carry data-row="<row index>"; a row without a mark outlines the whole chart.
 */
export function initNavigator(figure: HTMLElement): void {
  const area = figure.querySelector<HTMLElement>('.chart-area');
  const { keys } = walkTable(figure);
  if (!area || !keys.label || !keys.value) return;
  area.tabIndex = 0;
  area.setAttribute('role', 'group');
  area.setAttribute('aria-roledescription', 'chart');
  area.setAttribute('aria-describedby', `${area.getAttribute('aria-describedby') ?? ''} ${walkHint().id}`.trim());

  // Two stops that take turns, so every move is a change of focus that a screen reader announces; made on entry.
  const proxies: HTMLDivElement[] = [];
  const makeProxies = () => {
    for (const _ of [0, 1]) {
      const stop = document.createElement('div');
      stop.className = 'nav-stop';
      stop.tabIndex = -1;
      area.append(stop);
      proxies.push(stop);
    }
  };
  let turn = 0;
  let current = -1;

  const stops = () => rowStops(figure);

  function go(index: number) {
    const all = stops();
    if (!all.length) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    if (!proxies.length) makeProxies();
    const stop = proxies[(turn = 1 - turn)]!;
    stop.setAttribute('role', 'img');
    stop.setAttribute('aria-label', all[current]!.name);
    stop.dataset.row = String(all[current]!.row);
    const mark = area!.querySelector(`svg [data-row="${all[current]!.row}"]`) ?? area!.querySelector('svg');
    const box = area!.getBoundingClientRect();
    const target = mark!.getBoundingClientRect();
    // The stop is 3 px around its mark, its ring (a 3 px outline and a 2 px halo) within the chart area's content, so
    // that nothing around the chart can clip it (a mark at the edge, or the whole chart, is ringed just inside).
    const [x0, x1] = [box.left - area!.scrollLeft + RING, box.left - area!.scrollLeft + area!.scrollWidth - RING];
    const [y0, y1] = [box.top + RING, box.bottom - RING];
    const left = Math.max(target.left - 3, x0);
    const top = Math.max(target.top - 3, y0);
    Object.assign(stop.style, {
      left: `${left - box.left + area!.scrollLeft}px`,
      top: `${top - box.top}px`,
      width: `${Math.max(Math.min(target.right + 3, x1) - left, 6)}px`,
      height: `${Math.max(Math.min(target.bottom + 3, y1) - top, 6)}px`,
    });
    stop.focus();
    // For sighted keyboard users; screen readers already hear the stop's name.
    const tooltip = tooltipOf(area!);
    tooltip.setAttribute('aria-hidden', 'true');
    tooltip.textContent = all[current]!.name;
    // Clear of the focus ring (3 px outline and 2 px halo) and of the mark's own labels.
    placeTooltip(tooltip, area!, stop.getBoundingClientRect(), ownLabels(mark!), 10);
  }

  /** The walk is over: its stops go, so that no image named for a row is left in the chart. */
  function endWalk() {
    hideTooltip(area!);
    for (const stop of proxies.splice(0)) stop.remove();
  }

  /** The first stop of the next (step 1) or previous (step -1) group, or the next stop when there are no groups. */
  function groupStep(step: 1 | -1) {
    const all = stops();
    if (!keys.group) return current + step;
    let i = current;
    do i += step;
    while (i >= 0 && i < all.length && all[i]!.group === all[current]!.group);
    if (step === -1) while (i > 0 && all[i - 1]!.group === all[i]!.group) i--;
    return i < 0 || i >= all.length ? current : i;
  }

  area.addEventListener('keydown', (event) => {
    const onStop = proxies.includes(event.target as HTMLDivElement);
    if (event.target !== area && !onStop) return;
    const moves: Record<string, () => number> = onStop
      ? {
          ArrowRight: () => current + 1,
          ArrowLeft: () => current - 1,
          ArrowDown: () => groupStep(1),
          ArrowUp: () => groupStep(-1),
          Home: () => 0,
          End: () => stops().length - 1,
        }
      : { ArrowRight: () => 0, ArrowDown: () => 0, ArrowLeft: () => 0, ArrowUp: () => 0, Enter: () => 0, ' ': () => 0 };
    if (event.key === 'Escape' && onStop) {
      event.preventDefault();
      area.focus();
    } else if (moves[event.key]) {
      event.preventDefault();
      go(onStop ? moves[event.key]!() : Math.max(current, 0));
    }
  });
  area.addEventListener('focusout', (event) => {
    if (!area.contains(event.relatedTarget as Node)) hideTooltip(area);
    // Focus that left the stops ends the walk (a window losing focus keeps its active element, and the walk).
    if (proxies.includes(event.target as HTMLDivElement)) setTimeout(() => proxies.includes(document.activeElement as HTMLDivElement) || endWalk());
  });
}

/** How far a stop's focus ring reaches outside it: a 3 px outline and a 2 px halo (site.css, .nav-stop:focus). */
const RING = 5;

let hint: HTMLElement | undefined;

/** The walk's instructions, one element that every walkable chart names as part of its description. */
function walkHint(): HTMLElement {
  if (!hint) {
    hint = document.createElement('span');
    hint.id = 'chart-walk-hint';
    hint.className = 'visually-hidden';
    hint.textContent = 'Press an arrow key to move through the data, Escape to leave.';
    (document.querySelector('main') ?? document.body).append(hint);
  }
  return hint;
}
