import * as Plot from '@observablehq/plot';
import { percent } from './format.ts';
import { MARKS } from './chart-colors.ts';
import { plotSvg } from './plot-svg.ts';
import { truncateToWidth } from '../../lib/text.ts';
import { tagRows } from './svg.ts';

export interface LabelledBar {
  label: string;
  /** The bar's length: a percentage unless the chart passes its own format. */
  pct: number;
  /** Optional group: groups are drawn one under another, each with its heading (e.g. a metric, one bar per model). */
  group?: string;
  color?: string;
}

const ROW = 22;
const HEAD = 'head\u0000';
const SEP = '\u0000';

/**
 * Horizontal bars with their value at the end, optionally in headed groups on one shared scale: the workhorse for
 * the paper's small tables. Groups share one band scale (headings are bands too), since Plot facets would force
 * every group to reserve a row for every other group's labels.
 */
export function renderLabelledBars(
  rows: LabelledBar[],
  document: Document,
  axisLabel: string,
  options: { marginLeft?: number; max?: number; format?: (value: number) => string } = {},
): SVGSVGElement {
  const format = options.format ?? ((v: number) => percent(v));
  const groups = [...new Set(rows.map((r) => r.group ?? ''))];
  const grouped = groups.some((g) => g !== '');
  const key = (r: LabelledBar) => `${r.group ?? ''}${SEP}${r.label}`;
  const domain = groups.flatMap((g) => [...(grouped ? [`${HEAD}${g}`] : []), ...rows.filter((r) => (r.group ?? '') === g).map(key)]);
  const marginLeft = options.marginLeft ?? 150;
  const svg = plotSvg(
    {
      width: 420,
      height: domain.length * ROW + 40,
      marginLeft,
      marginRight: 48,
      marginTop: 30,
      marginBottom: 6,
      x: { axis: 'top', label: axisLabel, labelAnchor: 'left', grid: true, ticks: 4, domain: options.max ? [0, options.max] : undefined, nice: true },
      y: { domain, label: null, tickSize: 0, padding: 0.15, tickFormat: (k: string) => (k.startsWith(HEAD) ? '' : truncateToWidth(k.split(SEP)[1]!, marginLeft - 8)) },
      marks: [
        Plot.text(grouped ? groups : [], { x: 0, y: (g) => `${HEAD}${g}`, text: (g) => g, dx: -marginLeft, dy: 3, textAnchor: 'start', fontWeight: 'bold', fill: 'currentColor' }),
        Plot.barX(rows, { x: 'pct', y: key, fill: (d) => d.color ?? MARKS.blue.light, title: (d) => `${d.group ? `${d.group}, ` : ''}${d.label}: ${format(d.pct)}` }),
        Plot.text(rows, { x: 'pct', y: key, text: (d) => format(d.pct), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
        Plot.ruleX([0]),
      ],
    },
    document,
  );
  // Bars are drawn in the order given, which every caller keeps equal to its table's rows.
  tagRows(svg, 'g[aria-label="bar"] rect');
  return svg;
}
