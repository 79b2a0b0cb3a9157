import * as Plot from '@observablehq/plot';
import { percent, percentAdaptive } from './format.ts';
import { categoryColor } from './palette.ts';
import { plotSvg } from './plot-svg.ts';
import type { ChartTable } from './types.ts';

export interface LongTailData {
  /** Rank → % of conversations, thinned to the first and last rank of each distinct frequency (the curve is exact). */
  curve: { rank: number; pctConvos: number }[];
  top: { rank: number; value: string; pctConvos: number; category: string; href: string }[];
  cutoff: number;
  /** Share (%) of all values below the cut-off, computed from the data. */
  shareBelowCutoff: number;
  valueCount: number;
}

export function renderLongTail(data: LongTailData, document: Document): SVGSVGElement {
  const firstBelow = data.curve.find((d) => d.pctConvos < data.cutoff)?.rank ?? data.valueCount;
  return plotSvg(
    {
      width: 420,
      height: 300,
      marginLeft: 52,
      marginRight: 16,
      marginTop: 24,
      marginBottom: 40,
      x: { type: 'log', label: 'Rank of the value (1 = most frequent, log scale) →', labelAnchor: 'right', domain: [1, data.valueCount], ticks: [1, 10, 100, 1000], tickFormat: (d: number) => `${d}` },
      y: { type: 'log', label: '↑ % of conversations (log scale)', domain: [0.0008, 40], ticks: [0.001, 0.01, 0.1, 1, 10], tickFormat: (d: number) => `${d}` },
      marks: [
        Plot.rect([0], { x1: firstBelow, x2: data.valueCount, y1: 0.0008, y2: data.cutoff, fill: '#f0f0f0' }),
        Plot.ruleY([data.cutoff], { stroke: '#767676', strokeDasharray: '3,3' }),
        Plot.text([0], {
          x: data.valueCount,
          y: data.cutoff,
          dy: -8,
          textAnchor: 'end',
          text: () => `${percent(data.shareBelowCutoff)} of values are under ${data.cutoff}%`,
          fill: 'currentColor',
        }),
        Plot.line(data.curve, { x: 'rank', y: 'pctConvos', stroke: '#1a1a1a', strokeWidth: 1.5 }),
        Plot.dot(data.top, { x: 'rank', y: 'pctConvos', r: 4, fill: (d) => categoryColor(d.category), stroke: 'white', title: (d) => `#${d.rank} ${d.value}: ${percent(d.pctConvos)}` }),
        Plot.text([data.top[0]!, data.top.at(-1)!], { x: 'rank', y: 'pctConvos', text: (d) => `${d.value} ${percent(d.pctConvos)}`, dx: 8, dy: -8, textAnchor: 'start', fill: 'currentColor' }),
      ],
    },
    document,
  );
}

export function longTailTable(data: LongTailData): ChartTable {
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

export function longTailSummary(data: LongTailData): string {
  const [first] = data.top;
  const last = data.curve.at(-1)!;
  return `Line chart of all ${data.valueCount.toLocaleString('en-US')} values ranked by % of conversations, both axes on log scales. It falls from ${percent(first?.pctConvos ?? 0)} for ${first?.value} to ${percentAdaptive(last.pctConvos)} for the rarest; ${percent(data.shareBelowCutoff)} of values appear in fewer than ${data.cutoff}% of conversations.`;
}
