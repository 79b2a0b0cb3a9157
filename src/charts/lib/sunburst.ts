import { percent, percentAdaptive } from './format.ts';
import { categoryColors, INK, onMark, PAPER } from './palette.ts';
import type { ChartTable } from './contract.ts';
import { svgElement as el } from './svg.ts';
import { plural, pluralNoun, wrap } from '../../lib/text.ts';
import { CHART_FONT } from './size.ts';

/**
 * The taxonomy partitioned once at build time (see sunburst-layout.ts), as columns indexed by node. Index 0 is the
 * root; x0/x1 are the node's angular extent as fractions of the full circle; depth 1 = category … 4 = value.
 */
export interface SunburstLayout {
  key: string[];
  name: string[];
  level: number[];
  parent: number[];
  x0: number[];
  x1: number[];
  depth: number[];
  category: string[];
  share: number[];
  pctConvos: (number | null)[];
  /** Values: rank by % of conversations; clusters: rank by share within their level. */
  rank: (number | null)[];
  description: string[];
  valueCount: number[];
  /** The node's page (the list of all values for the root). */
  href: string[];
}

/** One drawn arc: a node, or several thin siblings merged into one "n more" arc. */
export interface SunburstArc {
  node: number;
  /** For a merged arc, the indices of the nodes it stands for (the first is `node`). */
  merged: number[];
  x0: number;
  x1: number;
  depth: number;
}

export const SUNBURST_SIZE = 640;
const MAX_DEPTH = 4;

/** The sunburst's shape: its size, its radii, and how many rings it draws below the focus. */
export interface SunburstShape {
  size: number;
  outer: number;
  hole: number;
  rings: number;
  /** In a room: one set of labels at this size, each on up to LABEL_LINES lines (absent: the page's label sets). */
  font?: number;
}

/** On a page: three rings, so the whole tree needs one zoom to reach any value. */
const PAGE_SHAPE: SunburstShape = { size: SUNBURST_SIZE, outer: SUNBURST_SIZE / 2 - 4, hole: 74, rings: 3 };

/**
 * In a room of its own (a printed handout, a slide: contract.ts ChartRoom), drawn at one unit a pixel or larger: the
 * page's three rings in the room's size, labelled at the chart font where a label fits (one set, no stylesheet needed);
 * the arcs too thin for a label are named in the table and on the page. (The handout's questions ask about the outer
 * ring, so it stays.)
 */
export function roomShape(room: { width: number; height: number; font?: number }): SunburstShape {
  const size = Math.floor(Math.min(room.width, room.height));
  return { size, outer: size / 2 - 4, hole: Math.max(44, Math.round(size * 0.12)), rings: PAGE_SHAPE.rings, font: room.font ?? CHART_FONT };
}
/** In a room, a name too long for one line of its arc wraps onto up to this many before it is cut. */
const LABEL_LINES = 3;
/**
 * Arcs shorter than this (px, along the outer edge) are merged per parent into one "n more" arc: thinner ones are hard
 * to see or point at (a 10-unit arc is under 6 px on a phone), and each costs the page a node (issue 11 item 7).
 */
const MIN_ARC_PX = 10;
/**
 * Labels and the centre's text are set twice: at 11 units, and at the size that renders at 11 px or more on a small
 * screen, 21 units (from 350 px) or 25 (below; 11 px at 288 px, a 320 px phone). The stylesheet shows the set, and its
 * size, that suits the chart's drawn width (a container query on .chart-area). The large set is one set of elements for
 * both sizes: a label that fits at 25 is written to fit there, and one that fits only at 21 is marked `mid-only` and
 * hidden below 350 px (the report counts its elements). Fewer, shorter labels fit at the larger sizes; every arc's full
 * name is its tooltip and in the table. Without the stylesheet (a download, a slide) the 11-unit set shows.
 */
const LABEL_SETS = [
  { name: 'wide', font: 11, narrowFont: 11, centerFont: 13, upFont: 11, centerChars: 16, up: '↑ up a level' },
  { name: 'small', font: 21, narrowFont: 25, centerFont: 21, upFont: 21, centerChars: 10, up: '↑ up' },
] as const;
const roomLabels = (font: number) => ({ name: 'wide', font, narrowFont: font, centerFont: font, upFont: font, centerChars: Math.floor(168 / font), up: '↑ up' });

/** The larger sets are hidden by an attribute, which the page's stylesheet overrides: a downloaded SVG shows the widest. */
const hiddenUnlessWide = (name: string): Record<string, string> => (name === 'wide' ? {} : { display: 'none' });
const LEVEL_NAMES = ['value', 'level-1 cluster', 'level-2 cluster', 'category', 'root'];
const LEVEL_PLURALS = ['values', 'level-1 clusters', 'level-2 clusters', 'categories', 'roots'];

export function levelName(level: number, count = 1): string {
  return pluralNoun(count, LEVEL_NAMES[level] ?? 'node', LEVEL_PLURALS[level] ?? 'nodes');
}

/** The page of node i: its value or cluster page, or the list of all values for the root. */
export function nodeHref(layout: SunburstLayout, i: number): string {
  return layout.href[i]!;
}

export function childrenOf(layout: SunburstLayout): number[][] {
  const children: number[][] = layout.key.map(() => []);
  layout.parent.forEach((p, i) => {
    if (p >= 0) children[p]!.push(i);
  });
  return children;
}

export function findNode(layout: SunburstLayout, key: string): number {
  const i = layout.key.indexOf(key);
  return i < 0 ? 0 : i;
}

/** Ancestors from the root down to the node itself. */
export function pathTo(layout: SunburstLayout, node: number): number[] {
  const path: number[] = [];
  for (let i = node; i >= 0; i = layout.parent[i]!) path.unshift(i);
  return path;
}

/** Radii and angles of an arc when the chart is zoomed into `focus`. */
export function arcGeometry(layout: SunburstLayout, arc: Pick<SunburstArc, 'x0' | 'x1' | 'depth'>, focus: number, shape = PAGE_SHAPE) {
  const { rings: RINGS, outer: OUTER, hole: HOLE } = shape;
  const fx0 = layout.x0[focus]!;
  const span = layout.x1[focus]! - fx0;
  const clamp = (x: number) => Math.max(0, Math.min(1, (x - fx0) / span)) * 2 * Math.PI;
  const rings = Math.min(RINGS, MAX_DEPTH - layout.depth[focus]!);
  const ring = (OUTER - HOLE) / Math.max(1, rings);
  const rel = arc.depth - layout.depth[focus]!;
  return { a0: clamp(arc.x0), a1: clamp(arc.x1), r0: HOLE + (rel - 1) * ring, r1: HOLE + rel * ring };
}

/** The arcs to draw when zoomed into `focus`: its descendants three rings deep, thin ones below the first ring merged per parent. */
export function visibleArcs(layout: SunburstLayout, focus: number, children = childrenOf(layout), shape = PAGE_SHAPE): SunburstArc[] {
  const { rings: RINGS, outer: OUTER } = shape;
  const arcs: SunburstArc[] = [];
  const deepest = layout.depth[focus]! + RINGS;
  const span = layout.x1[focus]! - layout.x0[focus]!;
  const minFraction = MIN_ARC_PX / (2 * Math.PI * OUTER);
  const visit = (parent: number) => {
    if (layout.depth[parent]! >= deepest) return;
    const kids = children[parent]!;
    const thin: number[] = [];
    for (const child of kids) {
      // The focus's own children are always drawn one by one, however thin, so every node can be reached (and
      // zoomed into, or hovered) from its parent.
      if (parent !== focus && (layout.x1[child]! - layout.x0[child]!) / span < minFraction) thin.push(child);
      else {
        arcs.push({ node: child, merged: [], x0: layout.x0[child]!, x1: layout.x1[child]!, depth: layout.depth[child]! });
        visit(child);
      }
    }
    if (thin.length === 1) {
      const only = thin[0]!;
      arcs.push({ node: only, merged: [], x0: layout.x0[only]!, x1: layout.x1[only]!, depth: layout.depth[only]! });
    } else if (thin.length > 1) {
      const x0 = Math.min(...thin.map((i) => layout.x0[i]!));
      const x1 = Math.max(...thin.map((i) => layout.x1[i]!));
      arcs.push({ node: thin[0]!, merged: thin, x0, x1, depth: layout.depth[thin[0]!]! });
    }
  };
  visit(focus);
  return arcs;
}

/**
 * The path of a ring segment between angles a0 and a1 (radians, clockwise from 12 o'clock) and radii r0 and r1.
 * Written here rather than with d3-shape's arc(): the browser's sunburst island draws with it on first paint, and
 * importing d3-shape there pulled the shared d3-shape and d3-color modules into the first-load bundle (measured: the
 * report's figure script grew from 17.8 KB to 60.7 KB, over the embed page's JavaScript budget).
 */
export function arcPath(a0: number, a1: number, r0: number, r1: number): string {
  const [s, e] = [a0, Math.max(a0, a1)];
  const large = e - s > Math.PI ? 1 : 0;
  // Whole units: at the sizes the chart is shown (at most 1.1 px a unit) no one sees the half pixel, and the arcs' paths
  // were a sixth of the report's bytes. Neighbouring arcs share their edge's numbers, so they still meet; the seam
  // between them is the arcs' stroke in the page's colour (renderSunburst), which also keeps it even.
  const p = (r: number, a: number) => `${Math.round(r * Math.sin(a))},${Math.round(-r * Math.cos(a))}`;
  [r0, r1] = [Math.round(r0), Math.round(r1)];
  if (e - s >= 2 * Math.PI - 1e-6) {
    // A full ring: two half arcs, since one SVG arc cannot start and end at the same point.
    const m = s + Math.PI;
    return `M${p(r1, s)}A${r1},${r1} 0 1 1 ${p(r1, m)}A${r1},${r1} 0 1 1 ${p(r1, s)}M${p(r0, s)}A${r0},${r0} 0 1 0 ${p(r0, m)}A${r0},${r0} 0 1 0 ${p(r0, s)}Z`;
  }
  return `M${p(r1, s)}A${r1},${r1} 0 ${large} 1 ${p(r1, e)}L${p(r0, e)}A${r0},${r0} 0 ${large} 0 ${p(r0, s)}Z`;
}

export function arcLabel(layout: SunburstLayout, arc: SunburstArc): string {
  return arc.merged.length > 1 ? `${arc.merged.length} more` : layout.name[arc.node]!;
}

type ArcBox = { a0: number; a1: number; r0: number; r1: number };
/** A label's lines, and how it is turned and moved to sit on its arc. */
export interface LabelPlacement {
  lines: string[];
  transform: string;
}
/** Lines are set this many ems apart. */
const LEADING = 1.2;
/** Where labels may wrap (in a room), a label cut short keeps at least this many characters of its name, or is left out. */
const MIN_CUT_LABEL = 7;

/**
 * Where a label goes and how much of it fits; null if none fits. On one line by default (the page's phone-first
 * drawing); with `maxLines`, a name cut on one line wraps instead, onto as many lines as the arc holds, and a stub of a
 * name ("Auth…"), which says little and crowds the ring, is left out (the arc's tooltip and the table name it).
 */
export function labelPlacement(g: ArcBox, text: string, fontPx = 11, maxLines = 1): LabelPlacement | null {
  const one = oneLine(g, text, fontPx);
  if (maxLines === 1 || (one && one.lines[0] === text)) return one;
  const best = wrapped(g, text, fontPx, maxLines, one);
  if (!best) return null;
  const cut = best.lines.at(-1)!.endsWith('…');
  return cut && shownOf(best) < MIN_CUT_LABEL ? null : best;
}

const shownOf = (p: LabelPlacement | null) => (p ? p.lines.join(' ').replace('…', '').length : 0);

/** The placement on up to `maxLines` lines that shows the most of the name, cutting only its last line. */
function wrapped(g: ArcBox, text: string, fontPx: number, maxLines: number, one: LabelPlacement | null): LabelPlacement | null {
  let best = one;
  for (let n = 2; n <= maxLines; n++) {
    for (const placed of [along(g, fontPx, n), across(g, fontPx, n)]) {
      if (!placed) continue;
      const lines = wrapInto(text, placed.chars, n);
      // A word cut on each line reads as noise, not as a name.
      if (lines.slice(0, -1).some((line) => line.endsWith('…'))) continue;
      const candidate = { lines, transform: placed.transform };
      if (shownOf(candidate) > shownOf(best)) best = candidate;
    }
  }
  return best;
}

/** The one-line label: along the arc when it is long enough to hold more of the name than across the ring would. */
function oneLine(g: ArcBox, text: string, fontPx: number): LabelPlacement | null {
  const radius = (g.r0 + g.r1) / 2;
  const alongChars = charsIn((g.a1 - g.a0) * radius * 0.9, fontPx);
  const acrossChars = charsIn(g.r1 - g.r0 - 8, fontPx);
  if (g.r1 - g.r0 >= fontPx * 1.4 && alongChars > acrossChars && alongChars >= 4) {
    return { lines: [clip(text, alongChars)], transform: along(g, fontPx, 1)!.transform };
  }
  if ((g.a1 - g.a0) * radius < fontPx * 1.15 || acrossChars < 4) return null;
  return { lines: [clip(text, acrossChars)], transform: across(g, fontPx, 1)!.transform };
}

const charsIn = (room: number, fontPx: number) => Math.floor(room / (fontPx * 0.56));

/** `lines` lines set along the arc (stacked across the ring): the characters the shortest, innermost, line holds. */
function along(g: ArcBox, fontPx: number, lines: number) {
  const radius = (g.r0 + g.r1) / 2;
  const stack = fontPx * LEADING * (lines - 1);
  if (g.r1 - g.r0 < fontPx * 1.4 + stack) return null;
  const chars = charsIn((g.a1 - g.a0) * (radius - stack / 2) * 0.9, fontPx);
  if (chars < 4) return null;
  const degrees = (((g.a0 + g.a1) / 2) * 180) / Math.PI;
  const upsideDown = degrees > 90 && degrees < 270;
  const transform = `rotate(${(degrees + (upsideDown ? 180 : 0)).toFixed(1)}) translate(0,${(upsideDown ? radius : -radius).toFixed(1)})`;
  return { chars, transform };
}

/** `lines` lines set across the ring (stacked along the arc), as wide as where the arc is narrowest allows. */
function across(g: ArcBox, fontPx: number, lines: number) {
  const radius = (g.r0 + g.r1) / 2;
  const chars = charsIn(g.r1 - g.r0 - 8, fontPx);
  const narrowest = lines === 1 ? radius : g.r0 + 4;
  if ((g.a1 - g.a0) * narrowest < fontPx * (1.15 + LEADING * (lines - 1)) || chars < 4) return null;
  const degrees = (((g.a0 + g.a1) / 2) * 180) / Math.PI;
  const transform = `rotate(${(degrees - 90).toFixed(1)}) translate(${radius.toFixed(1)},0)${degrees > 180 ? ' rotate(180)' : ''}`;
  return { chars, transform };
}

/** A name in at most `lines` lines of `chars` characters, word by word; the last line cut when the rest does not fit. */
function wrapInto(text: string, chars: number, lines: number): string[] {
  const wrapped = wrap(text, (line) => line.length <= chars);
  const kept = wrapped.slice(0, lines);
  if (wrapped.length > lines) kept[lines - 1] = clip(`${kept[lines - 1]} ${wrapped.slice(lines).join(' ')}`, chars);
  return kept.map((line) => clip(line, chars));
}

function clip(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

export function arcFill(layout: SunburstLayout, arc: SunburstArc): string {
  return categoryColors(layout.category[arc.node]!).light;
}

/** Opacity fades with depth so the rings read as levels; merged arcs are paler still. */
export function arcOpacity(layout: SunburstLayout, arc: SunburstArc, focus: number): number {
  const rel = arc.depth - layout.depth[focus]!;
  return Math.round((arc.merged.length > 1 ? 0.45 : 1) * [1, 1, 0.82, 0.66, 0.52][rel]! * 100) / 100;
}


/** Draw the sunburst zoomed into `focus`. The same code runs at build time (linkedom) and in the browser. */
export function renderSunburst(layout: SunburstLayout, focus: number, document: Document, children = childrenOf(layout), shape = PAGE_SHAPE): SVGSVGElement {
  const { size, hole: HOLE } = shape;
  // In a room, one set of labels at the chart font, shown without the page's stylesheet.
  const labelSets = shape.font ? [roomLabels(shape.font)] : LABEL_SETS;
  const maxLines = shape.font ? LABEL_LINES : 1;
  const half = size / 2;
  const svg = el(document, 'svg', {
    viewBox: `${-half} ${-half} ${size} ${size}`,
    width: size,
    height: size,
    class: 'sunburst',
    'font-size': labelSets[0]!.font,
    'font-family': 'system-ui, sans-serif',
  }) as SVGSVGElement;
  // The seams between arcs: a hairline in the page's colour (the site's stylesheet gives it the scheme's).
  const arcsGroup = el(document, 'g', { class: 'arcs', stroke: PAPER, 'stroke-width': 0.75 });
  // Set on the group, not on each of the labels (there are three sets of them): centred on their point, ink by default.
  const labelsGroup = el(document, 'g', { class: 'labels', 'pointer-events': 'none', 'aria-hidden': 'true', 'text-anchor': 'middle', 'dominant-baseline': 'central', fill: INK });
  const labelGroups = labelSets.map((set) => {
    const group = el(document, 'g', { class: `labels-${set.name}`, 'font-size': set.font, ...hiddenUnlessWide(set.name) });
    labelsGroup.append(group);
    return group;
  });
  for (const arc of visibleArcs(layout, focus, children, shape)) {
    const g = arcGeometry(layout, arc, focus, shape);
    const fill = arcFill(layout, arc);
    const path = el(document, 'path', {
      d: arcPath(g.a0, g.a1, g.r0, g.r1),
      fill,
      'fill-opacity': arcOpacity(layout, arc, focus),
      'data-key': layout.key[arc.node]!,
    });
    if (arc.merged.length > 1) path.setAttribute('data-merged', String(arc.merged.length));
    const title = el(document, 'title', {});
    title.textContent = arcTitle(layout, arc);
    path.append(title);
    arcsGroup.append(path);
    labelSets.forEach((set, i) => {
      const narrow = labelPlacement(g, arcLabel(layout, arc), set.narrowFont, maxLines);
      const label = narrow ?? labelPlacement(g, arcLabel(layout, arc), set.font, maxLines);
      if (!label) return;
      // Ink unless the arc needs paper; a class swaps it where the dark scheme needs the other (see palette.ts).
      const ink = onMark(categoryColors(layout.category[arc.node]!), arcOpacity(layout, arc, focus));
      // (Ink is the labels' group's fill already: a label in ink carries only its class, if any.)
      const colour: Record<string, string> = ink.fill !== INK ? { ...ink } : ink.class ? { class: ink.class } : {};
      if (!narrow) colour.class = `${colour.class ?? ''} mid-only`.trim();
      const text = el(document, 'text', { transform: label.transform, ...colour });
      if (label.lines.length === 1) text.textContent = label.lines[0]!;
      // Lines centred on the label's point as a block.
      else label.lines.forEach((line, n) => text.append(el(document, 'tspan', { x: 0, dy: `${n ? LEADING : (-(label.lines.length - 1) * LEADING) / 2}em` }, line)));
      labelGroups[i]!.append(text);
    });
  }
  const center = el(document, 'g', { class: 'center', fill: 'currentColor', 'text-anchor': 'middle' });
  center.append(el(document, 'circle', { r: HOLE - 2, fill: 'transparent' }));
  // The centre's lines carry their set's class themselves, without a group per set.
  for (const set of labelSets) {
    const hidden = { class: `center-${set.name}`, ...hiddenUnlessWide(set.name) };
    const centerName = el(document, 'text', { dy: focus === 0 ? '0.35em' : '-0.2em', 'font-weight': 'bold', 'font-size': set.centerFont, ...hidden });
    centerName.textContent = clip(layout.name[focus]!, set.centerChars);
    center.append(centerName);
    if (focus !== 0) {
      const up = el(document, 'text', { dy: `${(1.3 * set.centerFont) / set.upFont}em`, 'font-size': set.upFont, ...hidden });
      up.textContent = set.up;
      center.append(up);
    }
  }
  svg.append(arcsGroup, labelsGroup, center);
  return svg;
}

export function arcTitle(layout: SunburstLayout, arc: SunburstArc): string {
  if (arc.merged.length > 1) {
    const share = arc.merged.reduce((sum, i) => sum + layout.share[i]!, 0);
    return `${arc.merged.length} smaller ${levelName(layout.level[arc.node]!, arc.merged.length)}, ${percentAdaptive(share)} of expressions together`;
  }
  const i = arc.node;
  const convos = layout.pctConvos[i];
  return `${layout.name[i]} (${levelName(layout.level[i]!)}): ${percentAdaptive(layout.share[i]!)} of expressions` +
    (convos === null || convos === undefined ? '' : `, ${percentAdaptive(convos)} of conversations`);
}

export function sunburstTable(layout: SunburstLayout, focus: number): ChartTable {
  const arcs = visibleArcs(layout, focus);
  return {
    columns: [
      { key: 'name', label: 'Name', linkKey: 'href' },
      { key: 'level', label: 'Level' },
      { key: 'parent', label: 'Inside' },
      { key: 'share', label: 'Share of expressions (%)', format: 'percent' },
      { key: 'pctConvos', label: '% of conversations', format: 'percent' },
    ],
    rows: arcs.map((arc) => {
      const i = arc.node;
      const merged = arc.merged.length > 1;
      return {
        name: arcLabel(layout, arc),
        href: merged ? '' : nodeHref(layout, i),
        level: levelName(layout.level[i]!),
        parent: layout.name[layout.parent[i]!] ?? '',
        share: merged ? round3(arc.merged.reduce((s, j) => s + layout.share[j]!, 0)) : layout.share[i]!,
        pctConvos: merged ? '' : (layout.pctConvos[i] ?? ''),
      };
    }),
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function sunburstSummary(layout: SunburstLayout, focus: number, children = childrenOf(layout)): string {
  const kids = children[focus]!;
  const parts = kids.slice(0, 6).map((i) => `${layout.name[i]} ${percent(layout.share[i]!)}`);
  const rest = kids.length > 6 ? `, and ${kids.length - 6} more` : '';
  const merged = visibleArcs(layout, focus, children).some((arc) => arc.merged.length > 1);
  const thin = merged ? ' Arcs too thin to see are drawn, and listed in the table, together as “n more”: zoom in to see them one by one.' : '';
  return `Sunburst of the value taxonomy${focus ? `, zoomed into ${layout.name[focus]}` : ''}: ${plural(layout.valueCount[focus]!, 'value')} in ${kids.length} ${levelName(layout.level[focus]! - 1, kids.length)}. Largest by share of expressions: ${parts.join(', ')}${rest}.${thin}`;
}
