import type { AtlasLayout } from '../data/atlas.ts';
import { atlasHref } from '../data/atlas.ts';
import { defineChart, type ChartRoom, type ChartTable } from './lib/contract.ts';
import { integer, percent, percentAdaptive } from './lib/format.ts';
import { categoryColors, INK, PAPER, shortCategory } from './lib/palette.ts';
import { CHART_FONT } from './lib/size.ts';
import { CLUSTER_TINTS } from './lib/atlas-style.ts';
import { fromDataset } from './lib/sources.ts';
import { svgElement as el } from './lib/svg.ts';
import { approximateWidth, fitLines, plural } from '../lib/text.ts';

const LEVELS = ['value', 'level-1 cluster', 'level-2 cluster', 'category', 'all values'];

/** The node's colour: its category's (light; the page's stylesheet swaps in the dark one, see palette.ts). */
const colorOf = (layout: AtlasLayout, i: number) => categoryColors(layout.categories[layout.category[i]!] ?? '').light;

/** The indices of the nodes at a level, in layout order (largest first within each parent). */
export const atLevel = (layout: AtlasLayout, level: number) => layout.level.flatMap((l, i) => (l === level ? [i] : []));

/**
 * The labels the picture draws, in two sets that the page's stylesheet picks between by the picture's drawn width: on
 * a wide screen the categories and the level-2 clusters at 14 units (14 px and more at 1,000 px), on a phone the
 * categories alone at 40 units (11 px at 288 px). A picture in a room (a handout, a slide) has one set at the chart
 * font, for its own size. A download without the stylesheet shows the first set.
 */
const PAGE_LABELS = [
  { name: 'wide', font: CHART_FONT, levels: [3, 2] },
  { name: 'narrow', font: 40, levels: [3] },
] as const;

/** Circles drawn in layout units as dots: a zero-length round-capped stroke as wide as the circle, a few bytes each. */
function dotPaths(layout: AtlasLayout, nodes: number[], scale: number, document: Document): SVGElement[] {
  // Radii rounded to steps of 5% (which the eye cannot tell apart), one path per colour and radius.
  const groups = new Map<string, string[]>();
  for (const i of nodes) {
    const r = layout.circles[3 * i + 2]! * scale;
    const step = Math.round(Math.log(Math.max(r, 0.05)) / Math.log(1.05));
    const key = `${colorOf(layout, i)} ${step}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(`M${fixed(layout.circles[3 * i]! * scale)} ${fixed(layout.circles[3 * i + 1]! * scale)}h0`);
  }
  return [...groups].map(([key, moves]) => {
    const [color, step] = key.split(' ');
    return el(document, 'path', { stroke: color!, 'stroke-width': fixed(2 * 1.05 ** Number(step), 100), d: moves.join('') });
  });
}

/** Cluster circles as outlined arcs, one path per level and colour (cluster circles must keep their exact size). */
function ringPaths(layout: AtlasLayout, nodes: number[], scale: number, document: Document, attributes: Record<string, string | number>): SVGElement[] {
  const groups = new Map<string, string[]>();
  for (const i of nodes) {
    const [x, y, r] = [0, 1, 2].map((k) => layout.circles[3 * i + k]! * scale) as [number, number, number];
    const color = colorOf(layout, i);
    if (!groups.has(color)) groups.set(color, []);
    groups.get(color)!.push(`M${fixed(x - r)} ${fixed(y)}a${fixed(r)} ${fixed(r)} 0 1 0 ${fixed(2 * r)} 0a${fixed(r)} ${fixed(r)} 0 1 0 ${fixed(-2 * r)} 0`);
  }
  return [...groups].map(([color, arcs]) => el(document, 'path', { fill: color, ...attributes, d: arcs.join('') }));
}

const fixed = (x: number, per = 10) => String(Math.round(x * per) / per);

/** A label's lines that fit the width: the name on one or two lines, or for a category its short form. */
function fitting(layout: AtlasLayout, i: number, width: number, font: number, lines: 1 | 2): string[] | undefined {
  const names = layout.level[i] === 3 ? [layout.name[i]!, shortCategory(layout.name[i]!)] : [layout.name[i]!];
  for (const name of names) {
    const fitted = fitLines(name, width, (line) => approximateWidth(line, font));
    if (fitted && fitted.length <= lines) return fitted;
  }
  return undefined;
}

function renderAtlas(layout: AtlasLayout, _options: unknown, document: Document, room?: ChartRoom): SVGSVGElement {
  const size = room ? Math.floor(Math.min(room.width, room.height)) : layout.size;
  const scale = size / layout.size;
  const svg = el(document, 'svg', { viewBox: `0 0 ${size} ${size}`, width: size, height: size, class: 'atlas', 'font-family': 'system-ui, sans-serif', 'font-size': CHART_FONT }) as SVGSVGElement;
  // Clusters as tints that deepen with each level inside a category, values as dots of the category's colour.
  const clusters = el(document, 'g', { class: 'clusters' });
  for (const [level, opacity] of CLUSTER_TINTS) clusters.append(...ringPaths(layout, atLevel(layout, level), scale, document, { 'fill-opacity': opacity }));
  const values = el(document, 'g', { class: 'values', fill: 'none', 'stroke-linecap': 'round' });
  values.append(...dotPaths(layout, atLevel(layout, 0), scale, document));
  // Labels in ink with a halo of paper, so that they read over the dots.
  const labels = el(document, 'g', { class: 'labels', fill: INK, stroke: PAPER, 'stroke-width': 3, 'paint-order': 'stroke', 'stroke-linejoin': 'round', 'text-anchor': 'middle', 'aria-hidden': 'true' });
  const sets = room ? [{ name: 'room', font: CHART_FONT, levels: [3, 2] }] : PAGE_LABELS;
  for (const [n, set] of sets.entries()) {
    const group = el(document, 'g', { class: `labels-${set.name}`, 'font-size': set.font, ...(n > 0 ? { display: 'none' } : {}) });
    const taken: { x0: number; x1: number; y0: number; y1: number }[] = [];
    for (const level of set.levels) {
      for (const i of atLevel(layout, level)) {
        const [x, y, r] = [0, 1, 2].map((k) => layout.circles[3 * i + k]! * scale) as [number, number, number];
        // A category is named at the top of its circle (one line), a cluster across its middle (one or two lines).
        const top = level === 3;
        const chord = top ? 2 * Math.sqrt(Math.max(0, r * r - (r - set.font * 1.6) ** 2)) : 2 * r;
        const lines = fitting(layout, i, chord, set.font, top || r < 2.2 * set.font ? 1 : 2);
        if (!lines) continue;
        const first = top ? y - r + set.font * 1.3 : y + set.font * (0.35 - (lines.length - 1) * 0.55);
        const half = Math.max(...lines.map((line) => approximateWidth(line, set.font))) / 2;
        const box = { x0: x - half, x1: x + half, y0: first - set.font, y1: first + set.font * (lines.length - 0.7) };
        if (taken.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) continue;
        taken.push(box);
        lines.forEach((line, n) => group.append(el(document, 'text', { x: fixed(x), y: fixed(first + n * set.font * 1.1), ...(top ? { 'font-weight': 'bold' } : {}) }, line)));
      }
    }
    labels.append(group);
  }
  svg.append(clusters, values, labels);
  return svg;
}

/** The values under each node (a value counts itself). */
export function valueCounts(layout: AtlasLayout): number[] {
  const counts = layout.level.map((l) => (l === 0 ? 1 : 0));
  for (let i = layout.level.length - 1; i > 0; i--) counts[layout.parent[i]!]! += counts[i]!;
  return counts;
}

/** Each cluster's largest value (by % of conversations). Values come after their cluster, largest first. */
function largestValues(layout: AtlasLayout): number[] {
  const largest = layout.level.map(() => -1);
  layout.level.forEach((level, i) => {
    if (level !== 0) return;
    for (let p = layout.parent[i]!; p >= 0; p = layout.parent[p]!) if (largest[p]! < 0 || layout.share[largest[p]!]! < layout.share[i]!) largest[p] = i;
  });
  return largest;
}

function atlasTable(layout: AtlasLayout): ChartTable {
  const counts = valueCounts(layout);
  const largest = largestValues(layout);
  const clusters = layout.level.flatMap((level, i) => (level >= 1 && level <= 3 ? [i] : []));
  return {
    columns: [
      { key: 'name', label: 'Cluster', linkKey: 'href' },
      { key: 'level', label: 'Level' },
      { key: 'parent', label: 'Inside' },
      { key: 'values', label: 'Values', format: 'integer' },
      { key: 'share', label: 'Share of expressions (%)', format: 'percent' },
      { key: 'largest', label: 'Largest value' },
      { key: 'largestConvos', label: 'Its % of conversations', format: 'percent' },
    ],
    rows: clusters.map((i) => ({
      name: layout.name[i]!,
      href: atlasHref(layout, i),
      level: LEVELS[layout.level[i]!]!,
      parent: layout.level[i] === 3 ? '' : layout.name[layout.parent[i]!]!,
      values: counts[i]!,
      share: layout.share[i]!,
      largest: layout.name[largest[i]!] ?? '',
      largestConvos: layout.share[largest[i]!] ?? '',
    })),
  };
}

/** The values, largest first, and the middle one's % of conversations. */
function valueFacts(layout: AtlasLayout) {
  const values = atLevel(layout, 0).sort((a, b) => layout.rank[a]! - layout.rank[b]!);
  const shares = values.map((i) => layout.share[i]!).sort((a, b) => a - b);
  return { values, median: shares[Math.floor(shares.length / 2)] ?? 0 };
}

function atlasSummary(layout: AtlasLayout): string {
  const { values, median } = valueFacts(layout);
  const categories = atLevel(layout, 3).map((i) => `${layout.name[i]} ${percent(layout.share[i]!)}`);
  const top = values.slice(0, 3).map((i) => `${layout.name[i]} (${percentAdaptive(layout.share[i]!)})`);
  return (
    `Atlas of all ${plural(values.length, 'value')}, each a circle whose area is its share of conversations, packed inside its ` +
    `${plural(atLevel(layout, 1).length, 'level-1 cluster')}, ${plural(atLevel(layout, 2).length, 'level-2 cluster')} and ${plural(categories.length, 'category', 'categories')}` +
    ` (by share of expressions: ${categories.join(', ')}). The largest circles: ${top.join(', ')}. Half of all values appear in ${percentAdaptive(median)} of conversations or fewer.`
  );
}

/** Every value in one zoomable field, circles packed in their clusters. The browser draws it with islands/atlas-island.ts. */
export default defineChart<AtlasLayout>({
  id: 'values-atlas',
  title: 'The atlas of all values',
  embedHeight: { narrow: 960, wide: 1400 },
  measure: 'Each circle is one value, its area in proportion to the share of conversations in which Claude expressed it; a cluster’s circle holds its values.',
  teaching: {
    shows: 'Every value Claude expressed in one picture, each a circle as large as its share of conversations, packed inside the clusters and categories of the taxonomy.',
    question: 'Search for a value you care about. How large is it beside its neighbours, and which cluster holds it?',
  },
  select: (model) => model.atlas,
  render: renderAtlas,
  summary: atlasSummary,
  table: atlasTable,
  takeaway: (layout) => {
    const { values, median } = valueFacts(layout);
    const top = values.slice(0, 2).map((i) => layout.name[i]);
    return `All ${integer(values.length)} values in one field: ${top.join(' and ')} are the largest circles, and half of all values are dots of ${percentAdaptive(median)} of conversations or less.`;
  },
  provenance: () => fromDataset(),
  legend: (layout) => layout.categories,
  navigation: { label: 'name', value: 'share', group: 'parent' },
  interaction: {
    island: 'atlas',
    loadsData: true,
    hint: 'Scroll, pinch or double-click to zoom and drag to move; search for a value to fly to it. With the keyboard, Tab to the atlas: arrow keys move between neighbouring circles, Page Down goes into a cluster and Page Up out of it, Enter opens a page.',
  },
});
