import {
  arcGeometry,
  arcPath,
  childrenOf,
  findNode,
  levelName,
  nodeHref,
  pathTo,
  renderSunburst,
  roomShape,
  sunburstSummary,
  sunburstTable,
  visibleArcs,
  type SunburstLayout,
  type SunburstShape,
} from '../charts/lib/sunburst.ts';
import { WIDE_ROOM } from '../charts/lib/size.ts';
import { percentAdaptive } from '../charts/lib/format.ts';
import { escapeHtml } from '../lib/escape.ts';
import { titlesToTips } from '../charts/lib/svg.ts';
import { fetchJson, figureParts, once } from './figure-parts.ts';
import { hoverTooltip, ownLabels, placeTooltip, tooltipOf, type Box } from './tooltip.ts';
import { setView, viewFromUrl } from './view-state.ts';
import { initWide } from './wide-figures.ts';

const ZOOM_MS = 550;

/**
 * Sunburst: hover or focus an arc for its details, click or Enter to zoom in, Escape or the centre to zoom out.
 * The zoomed node is the figure's view `focus` (a node key; view-state.ts), so a zoomed view can be linked.
 */
export function initSunburst(figure: HTMLElement): void {
  const parts = figureParts(figure);
  const tooltip = tooltipOf(parts.area);
  const crumbs = figure.querySelector<HTMLOListElement>('.breadcrumb ol')!;
  const loadLayout = once(async () => {
    const layout = await fetchJson<SunburstLayout>(figure.dataset.src!);
    return (loaded = { layout, children: childrenOf(layout) });
  });
  let focus = 0;
  let loaded: { layout: SunburstLayout; children: number[][] } | undefined;
  let svg = parts.area.querySelector<SVGSVGElement>('svg.sunburst')!;
  /** The page's phone-first shape, or on a wide screen the wide one (wide-figures.ts). */
  let shape: SunburstShape | undefined;

  /**
   * The rings as an ARIA tree (the tree pattern, flat: each item carries its level, its place among its siblings and
   * whether its children are drawn). The centre is the root item, the node the chart is zoomed into; the arcs are in
   * depth-first order, so the document's order is the tree's. The chart's area is its one Tab stop; arrows move
   * among the items (treeKeys). `keepFocusOn` is the key of the item to focus after a redraw (the centre's, for the
   * node just zoomed into).
   */
  function makeTree(keepFocusOn?: string) {
    const paths = [...svg.querySelectorAll<SVGPathElement>('path[data-key]')];
    const center = svg.querySelector<SVGGElement>('.center')!;
    // 3 px at any scale: set here, since the HTML checker's CSS grammar does not know vector-effect (an SVG 2 property).
    center.querySelector('circle')?.style.setProperty('vector-effect', 'non-scaling-stroke');
    svg.prepend(center);
    svg.setAttribute('role', 'tree');
    svg.setAttribute('aria-label', `${parts.area.getAttribute('aria-label') ?? 'Taxonomy'}: a tree of its levels`);
    svg.querySelector('.arcs')?.setAttribute('role', 'none');
    const levels = paths.map(levelOf);
    const parents = paths.map((_, i) => parentIndex(levels, i));
    const top = (levels[0] ?? 0) + 1;
    center.dataset.key = figure.dataset.focus ?? '';
    Object.entries({ role: 'treeitem', tabindex: '-1', 'aria-level': '1', 'aria-setsize': '1', 'aria-posinset': '1', 'aria-expanded': 'true', 'aria-label': centerLabel() }).forEach(([k, v]) => center.setAttribute(k, v));
    paths.forEach((path, i) => {
      const siblings = paths.filter((_, j) => parents[j] === parents[i] && levels[j] === levels[i]);
      path.setAttribute('role', 'treeitem');
      path.setAttribute('aria-label', path.dataset.tip ?? '');
      path.setAttribute('tabindex', '-1');
      path.setAttribute('aria-level', String(top - levels[i]! + 1));
      path.setAttribute('aria-setsize', String(siblings.length));
      path.setAttribute('aria-posinset', String(siblings.indexOf(path) + 1));
      const drawn = levels[i + 1] !== undefined && levels[i + 1]! < levels[i]!;
      if (drawn) path.setAttribute('aria-expanded', 'true');
      else if (levels[i]! > 0 && !path.dataset.merged) path.setAttribute('aria-expanded', 'false');
    });
    if (keepFocusOn !== undefined) treeItems().find((item) => item.dataset.key === keepFocusOn)?.focus();
  }

  /** The centre's name: the node the chart is zoomed into, what it holds, and how to leave it. */
  function centerLabel(): string {
    const layout = loaded;
    if (!layout) return `${svg.querySelector('.center text')?.textContent ?? ''}: 100% of expressions, the whole taxonomy`;
    const kids = layout.children[focus]!.length;
    const whole = `${layout.layout.name[focus]}: ${percentAdaptive(layout.layout.share[focus]!)} of expressions, ${kids} ${levelName(layout.layout.level[focus]! - 1, kids)}`;
    return focus === 0 ? `${whole}, the whole taxonomy` : `${whole}; zoomed in, Left or Escape zooms out`;
  }

  const treeItems = () => [svg.querySelector<SVGGElement>('.center')!, ...svg.querySelectorAll<SVGPathElement>('path[data-key]')] as SVGElement[];

  async function showTooltip(path: SVGPathElement, at?: { x: number; y: number }) {
    const key = path.dataset.key!;
    tooltip.innerHTML = `<div class="tt-name">${escapeHtml(path.dataset.tip ?? key)}</div>`;
    place(path, at);
    if (path.dataset.merged) return;
    const { layout } = await loadLayout();
    if (tooltip.dataset.for !== key) return;
    const i = findNode(layout, key);
    const convos = layout.pctConvos[i];
    const rows: [string, string][] = [
      ['Level', levelName(layout.level[i]!)],
      ['Share of expressions', percentAdaptive(layout.share[i]!)],
    ];
    if (convos !== null && convos !== undefined) rows.push(['% of conversations', percentAdaptive(convos)]);
    rows.push([layout.level[i] === 0 ? 'Rank among values' : `Rank among ${levelName(layout.level[i]!)}s`, `#${layout.rank[i]}`]);
    const desc = layout.description[i] || (layout.level[i] === 0 ? layout.description[layout.parent[i]!] : '');
    tooltip.innerHTML =
      `<div class="tt-name">${escapeHtml(layout.name[i])}</div>` +
      (desc ? `<p class="tt-desc">${layout.level[i] === 0 ? 'In cluster: ' : ''}${escapeHtml(desc)}</p>` : '') +
      `<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
  }

  /** Beside the pointer (so that it can move onto the tooltip), or beside a focused arc, clear of the arc's labels. */
  function place(path: SVGPathElement, at?: { x: number; y: number }) {
    tooltip.dataset.for = path.dataset.key!;
    const anchor: Box = at ? { left: at.x - 4, top: at.y - 4, right: at.x + 4, bottom: at.y + 4 } : path.getBoundingClientRect();
    placeTooltip(tooltip, parts.area, anchor, ownLabels(path), at ? 6 : 10);
  }

  /** The focused arc's ring, drawn over every arc (a halo and a line), so that no neighbour covers it. */
  function ring(path?: SVGPathElement) {
    svg.querySelector('.focus-ring')?.remove();
    if (!path) return;
    const g = document.createElementNS(path.namespaceURI, 'g');
    g.setAttribute('class', 'focus-ring');
    g.setAttribute('aria-hidden', 'true');
    g.innerHTML = `<path class="halo" d="${path.getAttribute('d')}"/><path d="${path.getAttribute('d')}"/>`;
    svg.append(g);
  }

  function hideTooltip() {
    tooltip.hidden = true;
    delete tooltip.dataset.for;
  }

  async function zoomTo(key: string, how: { animate: boolean; focusKey?: string }) {
    const { layout, children } = await loadLayout();
    const next = findNode(layout, key);
    if (!layout.level[next] || next === focus) return; // values (level 0) have nothing to zoom into
    const from = focus;
    focus = next;
    hideTooltip();
    updateAround(layout);
    draw(layout, children, how.focusKey);
    if (how.animate && !matchMedia('(prefers-reduced-motion: reduce)').matches) animate(layout, children, from);
  }

  function draw(layout: SunburstLayout, children: number[][], focusKey?: string) {
    const fresh = renderSunburst(layout, focus, document, children, shape);
    titlesToTips(fresh);
    show(fresh, focusKey);
  }

  function show(drawing: SVGSVGElement, focusKey?: string) {
    svg.replaceWith(drawing);
    svg = drawing;
    makeTree(focusKey);
  }

  function animate(layout: SunburstLayout, children: number[][], from: number) {
    const arcs = visibleArcs(layout, focus, children, shape);
    const paths = [...svg.querySelectorAll<SVGPathElement>('path[data-key]')];
    // Tweened by hand, not with d3-ease/d3-interpolate, for the same first-load weight reason as arcPath.
    const tweens = arcs.map((arc) => {
      const [a, b] = [arcGeometry(layout, arc, from, shape), arcGeometry(layout, arc, focus, shape)];
      const lerp = (p: number, q: number, t: number) => p + (q - p) * t;
      return (t: number) => ({ a0: lerp(a.a0, b.a0, t), a1: lerp(a.a1, b.a1, t), r0: lerp(a.r0, b.r0, t), r1: lerp(a.r1, b.r1, t) });
    });
    const labels = svg.querySelector<SVGGElement>('.labels')!;
    labels.style.opacity = '0';
    const t0 = performance.now();
    const frame = (now: number) => {
      const t = Math.min(1, (now - t0) / ZOOM_MS);
      const e = t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2; // cubic in-out
      tweens.forEach((tween, i) => {
        const g = tween(e);
        paths[i]!.setAttribute('d', arcPath(g.a0, g.a1, Math.max(0, g.r0), Math.max(0, g.r1)));
      });
      if (t < 1) requestAnimationFrame(frame);
      else labels.style.opacity = '';
    };
    requestAnimationFrame(frame);
  }

  function updateAround(layout: SunburstLayout) {
    const trail = pathTo(layout, focus);
    crumbs.innerHTML = trail
      .map((i, n) =>
        n === trail.length - 1
          ? `<li><a href="${escapeHtml(nodeHref(layout, i))}" aria-current="location" title="Open the page for ${escapeHtml(layout.name[i])}">${escapeHtml(layout.name[i])}</a></li>`
          : `<li><button type="button" data-key="${escapeHtml(layout.key[i])}">${escapeHtml(layout.name[i])}</button></li>`,
      )
      .join('');
    parts.summary.textContent = sunburstSummary(layout, focus);
    parts.replaceTable(sunburstTable(layout, focus));
    figure.dataset.focus = layout.key[focus];
    setView(figure, ['focus'], focus === 0 ? {} : { focus: layout.key[focus]! });
  }

  async function zoomOut(how: { animate: boolean; focusKey?: string }) {
    if (focus === 0) return;
    const { layout } = await loadLayout();
    await zoomTo(layout.key[layout.parent[focus]!]!, { ...how, focusKey: how.focusKey ?? layout.key[focus] });
  }

  hoverTooltip(parts.area, 'path[data-key]', (path, event) => void showTooltip(path as SVGPathElement, { x: event.clientX, y: event.clientY }), hideTooltip);
  parts.area.addEventListener('focusin', (event) => {
    const path = (event.target as Element).closest<SVGPathElement>('path[data-key]');
    ring(path ?? undefined);
    if (path) void showTooltip(path);
  });
  parts.area.addEventListener('focusout', () => {
    ring();
    hideTooltip();
  });
  parts.area.addEventListener('click', (event) => {
    const target = event.target as Element;
    const path = target.closest<SVGPathElement>('path[data-key]');
    if (path) void zoomTo(path.dataset.key!, { animate: true });
    else if (target.closest('.center')) void zoomOut({ animate: true });
  });
  parts.area.addEventListener('keydown', (event) => {
    const target = event.target as Element;
    const items = treeItems();
    const item = target.closest<SVGElement>('[role="treeitem"]');
    if (target === parts.area && ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Enter', ' ', 'Home'].includes(event.key)) {
      event.preventDefault();
      items[0]!.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      // Out one level; at the top, out of the chart (back to its container, as every chart's keyboard walk does).
      if (focus === 0) parts.area.focus();
      else void zoomOut({ animate: true });
    } else if (item) {
      const action = treeKey(items, items.indexOf(item), event.key);
      if (!action) return;
      event.preventDefault();
      if (action.move !== undefined) items[action.move]!.focus();
      // Into a node (it becomes the centre, focused); out of the centre (its parent becomes the centre, focused).
      else if (action.open) void zoomTo(item.dataset.key!, { animate: true, focusKey: item.dataset.key! });
      else if (action.close && focus !== 0) void zoomOut({ animate: true, focusKey: loaded?.layout.key[loaded.layout.parent[focus]!] });
    }
  });
  crumbs.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-key]');
    // Focus goes to the node the breadcrumb opened (the centre), not to the page: the button itself is redrawn.
    if (button) void zoomTo(button.dataset.key!, { animate: true, focusKey: button.dataset.key! });
  });

  parts.area.tabIndex = 0;
  makeTree();
  // Drawn for the screen's width: the whole taxonomy as drawn at build time, a zoom drawn again in the new shape.
  initWide(figure, (drawing, wide) => {
    shape = wide ? roomShape(WIDE_ROOM) : undefined;
    // An arc that has the keyboard's focus keeps it in the new drawing.
    const focused = svg.contains(document.activeElement) ? (document.activeElement as SVGElement).dataset.key : undefined;
    if (focus === 0) show(drawing, focused);
    else void loadLayout().then(({ layout, children }) => draw(layout, children, focused));
  });
  const linked = viewFromUrl(figure).get('focus') || legacyFocus(figure);
  if (linked) void zoomTo(linked, { animate: false }).then(() => focus === 0 && setView(figure, ['focus'], {}));
}

/**
 * A zoom linked the way the report once kept it, in the hash (#taxonomy-sunburst=<key>): read once, and the hash
 * becomes the figure's anchor (the view is now in the query). A malformed escape means no zoom, not an error.
 */
function legacyFocus(figure: HTMLElement): string {
  const prefix = `#${figure.id}=`;
  if (!location.hash.startsWith(prefix)) return '';
  const key = location.hash.slice(prefix.length);
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${figure.id}`);
  try {
    return decodeURIComponent(key);
  } catch {
    return '';
  }
}

/** An arc's level from its key: "l2:…" is a level-2 cluster, a value's key is its name (level 0). */
const levelOf = (path: SVGPathElement) => Number(/^l(\d):/.exec(path.dataset.key ?? '')?.[1] ?? 0);

/** The item that holds item i in the drawn tree (-1: the centre holds it). Items are in depth-first order. */
function parentIndex(levels: number[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (levels[k]! > levels[i]!) return k;
  return -1;
}

/**
 * What a key does in the tree (the ARIA tree pattern, items in depth-first order, the centre first): Down and Up to the
 * next and previous item, Home and End to the first and last; Right on an open item to its first child, on a closed
 * one opens it (zooms in); Left to the parent, and on the centre zooms out; Enter or Space zooms into an item, or out
 * of the centre. Undefined for any other key.
 */
export function treeKey(items: Element[], i: number, key: string): { move?: number; open?: boolean; close?: boolean } | undefined {
  const item = items[i]!;
  const expanded = item.getAttribute('aria-expanded');
  const isRoot = i === 0;
  const level = (j: number) => Number(items[j]!.getAttribute('aria-level'));
  switch (key) {
    case 'ArrowDown':
      return { move: Math.min(items.length - 1, i + 1) };
    case 'ArrowUp':
      return { move: Math.max(0, i - 1) };
    case 'Home':
      return { move: 0 };
    case 'End':
      return { move: items.length - 1 };
    case 'ArrowRight':
      if (expanded === 'true') return { move: i + 1 < items.length ? i + 1 : i };
      return expanded === 'false' ? { open: true } : { move: i };
    case 'ArrowLeft': {
      if (isRoot) return { close: true };
      let k = i - 1;
      while (k > 0 && level(k) >= level(i)) k--;
      return { move: k };
    }
    case 'Enter':
    case ' ':
      if (isRoot) return { close: true };
      return expanded === null ? { move: i } : { open: true };
  }
  return undefined;
}
