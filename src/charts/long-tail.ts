import * as Plot from '@observablehq/plot';
import { percent, percentAdaptive } from './lib/format.ts';
import { PAPER, categoryColor, categoryShape } from './lib/palette.ts';
import { MARKS, SURFACES } from './lib/chart-colors.ts';
import { plotSvg } from './lib/plot-svg.ts';
import { widthIn } from './lib/size.ts';
import { tagRows } from './lib/svg.ts';
import type { Model } from '../data/model.ts';
import { defineChart, type ChartRoom, type ChartTable } from './lib/contract.ts';
import { fromDataset } from './lib/sources.ts';

export interface LongTailData {
  /** Rank → % of conversations, thinned to the first and last rank of each distinct frequency (the curve is exact). */
  curve: { rank: number; pctConvos: number }[];
  top: { rank: number; value: string; pctConvos: number; category: string; href: string }[];
  cutoff: number;
  /** Share (%) of all values below the cut-off, computed from the data. */
  shareBelowCutoff: number;
  valueCount: number;
  categories: string[];
}

function selectLongTail(model: Model): LongTailData {
  const all = model.taxonomy.values;
  // Keep the first and last rank of every distinct frequency: the drawn curve is exact with far fewer points.
  const curve = all.filter((v, i) => i === 0 || i === all.length - 1 || v.pctConvos !== all[i - 1]!.pctConvos || v.pctConvos !== all[i + 1]!.pctConvos);
  return {
    curve: curve.map((v) => ({ rank: all.indexOf(v) + 1, pctConvos: v.pctConvos })),
    top: all.slice(0, 5).map((v) => ({ rank: v.rank, value: v.name, pctConvos: v.pctConvos, category: v.category, href: v.href })),
    cutoff: model.longTail.cutoff,
    shareBelowCutoff: model.longTail.shareUnderCutoff,
    valueCount: all.length,
    categories: model.taxonomy.categories.map((c) => c.name),
  };
}

function renderLongTail(data: LongTailData, _options: unknown, document: Document, room?: ChartRoom): SVGSVGElement {
  const firstBelow = data.curve.find((d) => d.pctConvos < data.cutoff)?.rank ?? data.valueCount;
  const svg = plotSvg(
    {
      width: widthIn(room),
      // A wide room is taller too, so that the top values' names stack one above another (topLabels).
      height: room && room.width >= NAMES_ALL_FROM ? 380 : 300,
      marginLeft: 48,
      marginRight: 14,
      marginTop: 28,
      marginBottom: 40,
      x: { type: 'log', label: 'Rank (1 = most frequent, log) →', labelAnchor: 'right', domain: [1, data.valueCount], ticks: [1, 10, 100, 1000], tickFormat: (d: number) => `${d}` },
      y: { type: 'log', label: '↑ % of conversations (log)', domain: [0.0008, 40], ticks: [0.001, 0.01, 0.1, 1, 10], tickFormat: (d: number) => `${d}` },
      marks: [
        Plot.rect([0], { x1: firstBelow, x2: data.valueCount, y1: 0.0008, y2: data.cutoff, fill: SURFACES.band.light }),
        Plot.ruleY([data.cutoff], { stroke: MARKS.fallback.light, strokeDasharray: '3,3' }),
        // Below the line at the left, where the curve is far above it (at the right the curve crosses the line); on
        // two lines in a narrow room, so that it ends well before the curve comes down to it.
        Plot.text([0], {
          x: 1,
          y: data.cutoff,
          dx: 4,
          dy: 4,
          lineAnchor: 'top',
          textAnchor: 'start',
          text: () => `${percent(data.shareBelowCutoff)} of values${room && room.width >= NAMES_ALL_FROM ? ' ' : '\n'}are under ${data.cutoff}%`,
          fill: 'currentColor',
        }),
        Plot.line(drawnCurve(data.curve), { x: 'rank', y: 'pctConvos', stroke: 'currentColor', strokeWidth: 1.5 }),
        // Shape as well as colour tells each value's category (the key shows both).
        Plot.dot(data.top, {
          x: 'rank',
          y: 'pctConvos',
          r: 4.5,
          symbol: (d) => categoryShape(d.category),
          fill: (d) => categoryColor(d.category),
          stroke: PAPER,
          title: (d) => `#${d.rank} ${d.value}: ${percent(d.pctConvos)}`,
        }),
        ...topLabels(data, room),
      ],
    },
    document,
  );
  tagRows(svg, 'g[aria-label="dot"] > *', (_, n) => data.curve.findIndex((d) => d.rank === data.top[n]?.rank));
  return svg;
}

/** A wide room names every one of the top values, in a column beside the curve's head with a line to each dot. */
const NAMES_ALL_FROM = 600;
const COLUMN_RANK = 40;

/** The top values' names: on a phone the first and the last of them beside their dots; in a wide room every one. */
function topLabels(data: LongTailData, room?: ChartRoom) {
  const label = (d: LongTailData['top'][number]) => `${d.value} ${percent(d.pctConvos)}`;
  if (!room || room.width < NAMES_ALL_FROM) {
    return [Plot.text([data.top[0]!, data.top.at(-1)!], { x: 'rank', y: 'pctConvos', text: label, dx: 8, dy: -8, textAnchor: 'start', fill: 'currentColor' })];
  }
  // Evenly spaced on the log scale, from the top of the chart down, above the curve where it passes the column.
  const placed = data.top.map((d, k) => ({ ...d, labelY: 35 / 10 ** (0.27 * k) }));
  return [
    Plot.link(placed, { x1: 'rank', y1: 'pctConvos', x2: COLUMN_RANK, y2: 'labelY', stroke: 'currentColor', strokeOpacity: 0.4 }),
    Plot.text(placed, { x: COLUMN_RANK, y: 'labelY', text: label, dx: 4, textAnchor: 'start', fill: 'currentColor' }),
  ];
}

/**
 * The points of the curve worth drawing: each at least about a pixel (in either direction, on the log axes of this
 * 420 × 300 chart) from the last one kept, and the last. The table keeps every point.
 */
export function drawnCurve(curve: LongTailData['curve']): LongTailData['curve'] {
  const kept: LongTailData['curve'] = [];
  for (const [i, point] of curve.entries()) {
    const last = kept.at(-1);
    const far = !last || Math.abs(Math.log10(point.rank / last.rank)) * 100 >= 1 || Math.abs(Math.log10(point.pctConvos / last.pctConvos)) * 50 >= 1;
    if (far || i === curve.length - 1) kept.push(point);
  }
  return kept;
}

function longTailTable(data: LongTailData): ChartTable {
  return {
    columns: [
      { key: 'rank', label: 'Rank', format: 'integer' },
      { key: 'value', label: 'Value (the five most frequent are named)', linkKey: 'href' },
      { key: 'pctConvos', label: '% of conversations', format: 'percent' },
    ],
    rows: data.curve.map((d) => {
      const top = data.top.find((t) => t.rank === d.rank);
      return { rank: d.rank, value: top?.value ?? '', pctConvos: d.pctConvos, href: top?.href ?? '' };
    }),
  };
}

function longTailSummary(data: LongTailData): string {
  const [first] = data.top;
  const last = data.curve.at(-1)!;
  return `Line chart of all ${data.valueCount.toLocaleString('en-US')} values ranked by % of conversations, both axes on log scales. It falls from ${percent(first?.pctConvos ?? 0)} for ${first?.value} to ${percentAdaptive(last.pctConvos)} for the rarest; ${percent(data.shareBelowCutoff)} of values appear in fewer than ${data.cutoff}% of conversations.`;
}

export default defineChart<LongTailData>({
  id: 'long-tail',
  title: 'A few common values, a very long tail',
  embedHeight: { narrow: 785, wide: 695 },
  measure:
    'Each dot is a value, by its rank and its % of conversations (the share of subjective conversations expressing it), both on log scales.',
  teaching: {
    shows: 'Every one of the values ranked from most to least frequent, on a logarithmic scale, with the rare majority shaded.',
    question: 'If most values are rare, what would a study of only one week of conversations miss? How might you check whether a rare value is real or noise?',
  },
  select: selectLongTail,
  render: renderLongTail,
  summary: longTailSummary,
  table: longTailTable,
  predict: (d) => ({
    question: `Of all ${d.valueCount.toLocaleString('en-US')} values, what share do you think appear in fewer than ${d.cutoff}% of conversations?`,
    answer: d.shareBelowCutoff,
    answerText: `${percent(d.shareBelowCutoff)} of the values`,
  }),
  takeaway: (d) =>
    `The top five values each appear in more than ${Math.floor(d.top[4]!.pctConvos)}% of conversations, while ${percent(d.shareBelowCutoff)} of all values appear in fewer than ${d.cutoff}%.`,
  provenance: () => fromDataset(),
  legend: (d) => d.categories,
  legendShapes: true,
  reportRows: longTailReportRows,
});

/** The report's sample of the curve: its first ten points, then the first point at or past each step of the log scale, and the last. */
export function longTailReportRows(table: ChartTable): { rows: number[]; which: string } {
  const ranks = table.rows.map((r) => Number(r.rank));
  const steps = [20, 50, 100, 200, 500, 1000, 2000].map((step) => ranks.findIndex((rank) => rank >= step)).filter((i) => i >= 10);
  const rows = [...new Set([...ranks.slice(0, 10).map((_, i) => i), ...steps, ranks.length - 1])].sort((a, b) => a - b);
  return { rows, which: 'the ten highest ranks, then the first at or past ranks 20, 50, 100, 200, 500, 1,000 and 2,000, and the last' };
}
