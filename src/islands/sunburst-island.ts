import {
  arcGeometry,
  arcPath,
  childrenOf,
  findNode,
  levelName,
  nodeHref,
  pathTo,
  renderSunburst,
  sunburstSummary,
  sunburstTable,
  visibleArcs,
  type SunburstLayout,
} from '../charts/lib/sunburst.ts';
import { percentAdaptive } from '../charts/lib/format.ts';
import { escapeHtml } from '../lib/escape.ts';
import { titlesToTips } from '../charts/lib/svg.ts';
import { fetchJson, figureParts, once } from './figure-parts.ts';
import { hoverTooltip, ownLabels, placeTooltip, tooltipOf, type Box } from './tooltip.ts';
import { setView, viewFromUrl } from './view-state.ts';

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
    return { layout, children: childrenOf(layout) };
  });
  let focus = 0;
  let svg = parts.area.querySelector<SVGSVGElement>('svg.sunburst')!;

  function makeArcsFocusable(keepFocusOn?: string) {
    const paths = [...svg.querySelectorAll<SVGPathElement>('path[data-key]')];
    paths.forEach((path) => {
      path.setAttribute('role', 'button');
      path.setAttribute('aria-label', path.dataset.tip ?? '');
      // The chart is one Tab stop (its area); arrows move among the arcs, so Tab from any arc leaves the chart.
      path.setAttribute('tabindex', '-1');
    });
    const center = svg.querySelector<SVGGElement>('.center')!;
    if (focus !== 0) {
      center.setAttribute('role', 'button');
      center.setAttribute('tabindex', '0');
      center.setAttribute('aria-label', 'Zoom out one level');
    }
    if (keepFocusOn !== undefined) {
      const target = paths.find((p) => p.dataset.key === keepFocusOn) ?? paths[0];
      target?.focus();
    }
  }

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
    const fresh = renderSunburst(layout, focus, document, children);
    titlesToTips(fresh);
    svg.replaceWith(fresh);
    svg = fresh;
    makeArcsFocusable(how.focusKey);
    if (how.animate && !matchMedia('(prefers-reduced-motion: reduce)').matches) animate(layout, children, from);
    updateAround(layout);
  }

  function animate(layout: SunburstLayout, children: number[][], from: number) {
    const arcs = visibleArcs(layout, focus, children);
    const paths = [...svg.querySelectorAll<SVGPathElement>('path[data-key]')];
    // Tweened by hand, not with d3-ease/d3-interpolate, for the same first-load weight reason as arcPath.
    const tweens = arcs.map((arc) => {
      const [a, b] = [arcGeometry(layout, arc, from), arcGeometry(layout, arc, focus)];
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

  async function zoomOut(how: { animate: boolean }) {
    if (focus === 0) return;
    const { layout } = await loadLayout();
    await zoomTo(layout.key[layout.parent[focus]!]!, { ...how, focusKey: layout.key[focus] });
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
    const path = target.closest<SVGPathElement>('path[data-key]');
    const paths = [...svg.querySelectorAll<SVGPathElement>('path[data-key]')];
    if (target === parts.area && ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Enter', ' '].includes(event.key)) {
      event.preventDefault();
      paths[0]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      // Out one level; at the top, out of the chart (back to its container, as every chart's keyboard walk does).
      if (focus === 0) parts.area.focus();
      else void zoomOut({ animate: true });
    } else if ((event.key === 'Enter' || event.key === ' ') && path) {
      event.preventDefault();
      void zoomTo(path.dataset.key!, { animate: true, focusKey: '' });
    } else if ((event.key === 'Enter' || event.key === ' ') && target.closest('.center')) {
      event.preventDefault();
      void zoomOut({ animate: true });
    } else if (path && ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End'].includes(event.key)) {
      event.preventDefault();
      const next = treeStep(paths, paths.indexOf(path), event.key);
      if (next !== undefined) paths[next]!.focus();
    }
  });
  crumbs.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-key]');
    if (button) void zoomTo(button.dataset.key!, { animate: true });
  });

  parts.area.tabIndex = 0;
  makeArcsFocusable();
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

/**
 * Walk the rings as the tree they draw (arcs are in depth-first order): Left and Right among siblings, Up to the
 * parent, Down to the first child, Home and End to the first and last sibling.
 */
function treeStep(paths: SVGPathElement[], i: number, key: string): number | undefined {
  const levels = paths.map(levelOf);
  const parentOf = (j: number) => {
    for (let k = j - 1; k >= 0; k--) if (levels[k]! > levels[j]!) return k;
    return -1;
  };
  const parent = parentOf(i);
  const siblings = paths.map((_, j) => j).filter((j) => levels[j] === levels[i] && parentOf(j) === parent);
  const at = siblings.indexOf(i);
  switch (key) {
    case 'ArrowRight':
      return siblings[(at + 1) % siblings.length];
    case 'ArrowLeft':
      return siblings[(at - 1 + siblings.length) % siblings.length];
    case 'ArrowUp':
      return parent >= 0 ? parent : undefined;
    case 'ArrowDown':
      return levels[i + 1] !== undefined && levels[i + 1]! < levels[i]! ? i + 1 : undefined;
    case 'Home':
      return siblings[0];
    case 'End':
      return siblings.at(-1);
  }
  return undefined;
}
