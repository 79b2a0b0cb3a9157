import * as Plot from '@observablehq/plot';
import { percent } from './format.ts';
import { MARKS } from './chart-colors.ts';
import { plotSvg } from './plot-svg.ts';
import { CHART_FONT, CHART_WIDTH } from './size.ts';
import { truncateToWidth } from '../../lib/text.ts';
import { tagRows, titleCutLabels } from './svg.ts';

export interface LabelledBar {
  label: string;
  /** The bar's length: a percentage unless the chart passes its own format. */
  pct: number;
  /** Optional group: groups are drawn one under another, each with its heading (e.g. a metric, one bar per model). */
  group?: string;
  color?: string;
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
export function renderLabelledBars(
  rows: LabelledBar[],
  document: Document,
  axisLabel: string,
  options: { marginLeft?: number; max?: number; format?: (value: number) => string; labelsAbove?: boolean } = {},
): SVGSVGElement {
  const format = options.format ?? ((v: number) => percent(v));
  const groups = [...new Set(rows.map((r) => r.group ?? ''))];
  const grouped = groups.some((g) => g !== '');
  const key = (r: LabelledBar) => `${r.group ?? ''}${SEP}${r.label}`;
  const domain = groups.flatMap((g) => [...(grouped ? [`${HEAD}${g}`] : []), ...rows.filter((r) => (r.group ?? '') === g).map(key)]);
  const above = options.labelsAbove ?? false;
  const marginLeft = above ? 8 : (options.marginLeft ?? 130);
  const marginRight = 56;
  // Headings are a plain row; bars with a label above get a taller band, the bar in its lower part.
  const heights = domain.map((k) => (k.startsWith(HEAD) || !above ? ROW : ROW_ABOVE));
  const height = labelledBarsHeight(rows, above);
  const svg = plotSvg(
    {
      width: CHART_WIDTH,
      height,
      marginLeft,
      marginRight,
      marginTop: 38,
      marginBottom: 6,
      x: { axis: 'top', label: axisLabel, labelAnchor: 'left', labelOffset: 32, grid: true, ticks: 3, domain: options.max ? [0, options.max] : undefined, nice: true },
      // With labels above, y is in pixels (bands of two heights); otherwise a band scale of equal rows.
      y: above
        ? { type: 'identity', axis: null }
        : { domain, label: null, tickSize: 0, padding: 0.18, tickFormat: (k: string) => (k.startsWith(HEAD) ? '' : truncateToWidth(k.split(SEP)[1]!, marginLeft - 22, CHART_FONT)) },
      marks: above ? aboveMarks(rows, domain, heights, key, format, grouped, groups) : leftMarks(rows, key, format, grouped, groups, marginLeft),
    },
    document,
  );
  // Bars are drawn in the order given, which every caller keeps equal to its table's rows.
  tagRows(svg, above ? 'g[aria-label="rect"] rect' : 'g[aria-label="bar"] rect');
  if (!above) titleCutLabels(svg, domain.map((k) => k.split(SEP)[1] ?? ''));
  return svg;
}

function leftMarks(rows: LabelledBar[], key: (r: LabelledBar) => string, format: (v: number) => string, grouped: boolean, groups: string[], marginLeft: number) {
  return [
    Plot.text(grouped ? groups : [], { x: 0, y: (g) => `${HEAD}${g}`, text: (g) => g, dx: 4 - marginLeft, dy: 3, textAnchor: 'start', fontWeight: 'bold', fill: 'currentColor' }),
    Plot.barX(rows, { x: 'pct', y: key, fill: (d) => d.color ?? MARKS.blue.light, title: (d) => `${d.group ? `${d.group}, ` : ''}${d.label}: ${format(d.pct)}` }),
    Plot.text(rows, { x: 'pct', y: key, text: (d) => format(d.pct), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
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
) {
  const top = new Map<string, number>();
  let y = 38;
  domain.forEach((k, i) => {
    top.set(k, y);
    y += heights[i]!;
  });
  const barTop = (r: LabelledBar) => top.get(key(r))! + 20;
  const barBottom = (r: LabelledBar) => top.get(key(r))! + ROW_ABOVE - 6;
  const width = CHART_WIDTH - 16;
  return [
    Plot.text(grouped ? groups : [], { x: 0, y: (g) => top.get(`${HEAD}${g}`)! + ROW / 2 + 2, text: (g) => g, textAnchor: 'start', fontWeight: 'bold', fill: 'currentColor' }),
    Plot.text(rows, { x: 0, y: (r) => top.get(key(r))! + 10, text: (r) => truncateToWidth(r.label, width, CHART_FONT), textAnchor: 'start', fill: 'currentColor' }),
    Plot.rect(rows, { x1: 0, x2: 'pct', y1: barTop, y2: barBottom, fill: (d) => d.color ?? MARKS.blue.light, title: (d) => `${d.group ? `${d.group}, ` : ''}${d.label}: ${format(d.pct)}` }),
    Plot.text(rows, { x: 'pct', y: (r) => (barTop(r) + barBottom(r)) / 2, text: (d) => format(d.pct), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
    Plot.ruleX([0], { y1: 38, y2: y }),
  ];
}
