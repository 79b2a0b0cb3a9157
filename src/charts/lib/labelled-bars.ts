import * as Plot from '@observablehq/plot';
import { percent } from './format.ts';
import { MARKS } from './chart-colors.ts';
import { plotSvg } from './plot-svg.ts';
import { CHART_FONT, CHART_WIDTH, sideBySide } from './size.ts';
import type { ChartRoom } from './contract.ts';
import { approximateWidth, spacedWidth, truncateToWidth } from '../../lib/text.ts';
import { tagRows, titleCutLabels } from './svg.ts';

export interface LabelledBar {
  label: string;
  /** The bar's length: a percentage unless the chart passes its own format. */
  pct: number;
  /** Optional group: groups are drawn one under another, each with its heading (e.g. a metric, one bar per model). */
  group?: string;
  color?: string;
  /** What follows the bar's value to say what its colour says (its category's shape), so colour is not alone (WCAG 1.4.1). */
  note?: string;
}

const ROW = 26;
/** A row whose label sits on a line of its own above the bar. */
const ROW_ABOVE = 42;
const HEAD = 'head\u0000';
const SEP = '\u0000';

/** The drawing's height for these rows: one band per bar and per group heading, and the axis above. */
export function labelledBarsHeight(rows: Pick<LabelledBar, 'group'>[], labelsAbove = false): number {
  const groups = new Set(rows.map((r) => r.group ?? ''));
  const headings = [...groups].some((g) => g !== '') ? groups.size : 0;
  return rows.length * (labelsAbove ? ROW_ABOVE : ROW) + headings * ROW + 44;
}

/**
 * Horizontal bars with their value at the end, optionally in headed groups on one shared scale: the workhorse for
 * the paper's small tables. Groups share one band scale (headings are bands too), since Plot facets would force
 * every group to reserve a row for every other group's labels. Labels sit left of their bars, cut to the margin (the
 * full text is the bar's tooltip and in the table), or with `labelsAbove` on a line of their own above each bar,
 * where the whole width holds them.
 */
export interface LabelledBarsOptions {
  marginLeft?: number;
  max?: number;
  format?: (value: number) => string;
  /** Room right of the longest bar for its value (and note). */
  marginRight?: number;
  labelsAbove?: boolean;
  /** Lay out for this room rather than a phone (contract.ts): labels left of the bars where it is wide enough, and groups side by side where one column would be too tall. */
  room?: ChartRoom;
}

/** The narrowest column a group of bars is drawn in, side by side with the others. */
const MIN_COLUMN = 260;

export function renderLabelledBars(rows: LabelledBar[], document: Document, axisLabel: string, options: LabelledBarsOptions = {}): SVGSVGElement {
  const { room } = options;
  const groups = [...new Set(rows.map((r) => r.group ?? ''))];
  // Labels above the bars are for a phone's width; a wider room holds them to the left, in fewer rows.
  const above = (options.labelsAbove ?? false) && !(room && room.width >= 1.5 * CHART_WIDTH);
  const max = options.max ?? Math.max(...rows.map((r) => r.pct));
  const columnWidth = room ? Math.floor(room.width / groups.length) : 0;
  if (room && groups.length > 1 && columnWidth >= MIN_COLUMN && labelledBarsHeight(rows, above) > room.height) {
    let before = 0;
    const columns = groups.map((g) => {
      const inGroup = rows.filter((r) => (r.group ?? '') === g);
      const column = barsIn(inGroup, document, axisLabel, { ...options, max, labelsAbove: above, room: { width: columnWidth, height: room.height } });
      // Each column's bars are rows of the chart's table further down.
      for (const bar of Array.from(column.querySelectorAll('[data-row]'))) bar.setAttribute('data-row', String(Number(bar.getAttribute('data-row')) + before));
      before += inGroup.length;
      return column;
    });
    return sideBySide(columns, document);
  }
  return barsIn(rows, document, axisLabel, { ...options, labelsAbove: above });
}

function barsIn(rows: LabelledBar[], document: Document, axisLabel: string, options: LabelledBarsOptions): SVGSVGElement {
  const format = options.format ?? ((v: number) => percent(v));
  const groups = [...new Set(rows.map((r) => r.group ?? ''))];
  const grouped = groups.some((g) => g !== '');
  const key = (r: LabelledBar) => `${r.group ?? ''}${SEP}${r.label}`;
  const domain = groups.flatMap((g) => [...(grouped ? [`${HEAD}${g}`] : []), ...rows.filter((r) => (r.group ?? '') === g).map(key)]);
  const above = options.labelsAbove ?? false;
  const width = options.room?.width ?? CHART_WIDTH;
  // In a room, the labels take what the longest needs, up to 55% of the width.
  const longest = Math.max(...rows.map((r) => approximateWidth(r.label, CHART_FONT))) + 22;
  const marginLeft = above ? 8 : options.room ? Math.ceil(Math.min(width * 0.55, Math.max(options.marginLeft ?? 130, longest))) : (options.marginLeft ?? 130);
  const marginRight = options.marginRight ?? 56;
  // Headings are a plain row; bars with a label above get a taller band, the bar in its lower part.
  const heights = domain.map((k) => (k.startsWith(HEAD) || !above ? ROW : ROW_ABOVE));
  const height = labelledBarsHeight(rows, above);
  const svg = plotSvg(
    {
      width,
      height,
      marginLeft,
      marginRight,
      marginTop: 38,
      marginBottom: 6,
      x: { axis: 'top', label: axisLabel, labelAnchor: 'left', labelOffset: 32, grid: true, ticks: 3, domain: options.max ? [0, options.max] : undefined, nice: true },
      // With labels above, y is in pixels (bands of two heights); otherwise a band scale of equal rows.
      y: above
        ? { type: 'identity', axis: null }
        : { domain, label: null, tickSize: 0, padding: 0.18, tickFormat: (k: string) => (k.startsWith(HEAD) ? '' : truncateToWidth(k.split(SEP)[1]!, marginLeft - 12, CHART_FONT, spacedWidth)) },
      marks: above ? aboveMarks(rows, domain, heights, key, format, grouped, groups, width) : leftMarks(rows, key, format, grouped, groups, marginLeft),
    },
    document,
  );
  // Bars are drawn in the order given, which every caller keeps equal to its table's rows.
  tagRows(svg, above ? 'g[aria-label="rect"] rect' : 'g[aria-label="bar"] rect');
  if (!above) titleCutLabels(svg, domain.map((k) => k.split(SEP)[1] ?? ''));
  return svg;
}

/** A bar's value as written at its end, with its note: "23.4% ▲". */
const valueText = (bar: LabelledBar, format: (v: number) => string) => (bar.note ? `${format(bar.pct)} ${bar.note}` : format(bar.pct));

function leftMarks(rows: LabelledBar[], key: (r: LabelledBar) => string, format: (v: number) => string, grouped: boolean, groups: string[], marginLeft: number) {
  return [
    Plot.text(grouped ? groups : [], { x: 0, y: (g) => `${HEAD}${g}`, text: (g) => g, dx: 4 - marginLeft, dy: 3, textAnchor: 'start', fontWeight: 'bold', fill: 'currentColor' }),
    Plot.barX(rows, { x: 'pct', y: key, fill: (d) => d.color ?? MARKS.blue.light, title: (d) => `${d.group ? `${d.group}, ` : ''}${d.label}: ${format(d.pct)}` }),
    Plot.text(rows, { x: 'pct', y: key, text: (d) => valueText(d, format), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
    Plot.ruleX([0]),
  ];
}

/** Marks for labels above bars: y is in pixels (an identity scale), each band's top being the sum of those before. */
function aboveMarks(
  rows: LabelledBar[],
  domain: string[],
  heights: number[],
  key: (r: LabelledBar) => string,
  format: (v: number) => string,
  grouped: boolean,
  groups: string[],
  chartWidth: number,
) {
  const top = new Map<string, number>();
  let y = 38;
  domain.forEach((k, i) => {
    top.set(k, y);
    y += heights[i]!;
  });
  const barTop = (r: LabelledBar) => top.get(key(r))! + 20;
  const barBottom = (r: LabelledBar) => top.get(key(r))! + ROW_ABOVE - 6;
  const width = chartWidth - 16;
  return [
    Plot.text(grouped ? groups : [], { x: 0, y: (g) => top.get(`${HEAD}${g}`)! + ROW / 2 + 2, text: (g) => g, textAnchor: 'start', fontWeight: 'bold', fill: 'currentColor' }),
    Plot.text(rows, { x: 0, y: (r) => top.get(key(r))! + 10, text: (r) => truncateToWidth(r.label, width, CHART_FONT), textAnchor: 'start', fill: 'currentColor' }),
    Plot.rect(rows, { x1: 0, x2: 'pct', y1: barTop, y2: barBottom, fill: (d) => d.color ?? MARKS.blue.light, title: (d) => `${d.group ? `${d.group}, ` : ''}${d.label}: ${format(d.pct)}` }),
    Plot.text(rows, { x: 'pct', y: (r) => (barTop(r) + barBottom(r)) / 2, text: (d) => valueText(d, format), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
    Plot.ruleX([0], { y1: 38, y2: y }),
  ];
}
