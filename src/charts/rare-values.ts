import * as Plot from '@observablehq/plot';
import { percent, percentAdaptive } from './format.ts';
import { plotSvg } from './plot-svg.ts';
import type { ChartTable } from './types.ts';

export interface RareValue {
  value: string;
  pctConvos: number;
  rank: number;
  /** % of all values that are rarer still. */
  rarerThan: number;
  href: string;
}

export interface RareValuesData {
  /** % of conversations for every value (drawn as a histogram on a log scale). */
  all: number[];
  rare: RareValue[];
  /** Values the paper names that this dataset lacks (only ever true of test fixtures). */
  missing: string[];
}

export function renderRareValues(data: RareValuesData, document: Document): SVGSVGElement {
  const log = data.all.map((p) => ({ log: Math.log10(p) }));
  return plotSvg(
    {
      width: 420,
      height: 300,
      marginLeft: 44,
      marginRight: 16,
      marginTop: 20 + data.rare.length * 14,
      marginBottom: 40,
      x: { label: '% of conversations (log scale) →', labelAnchor: 'right', domain: [-3.2, 1.5], tickFormat: (d: number) => `${+(10 ** d).toPrecision(1)}`, ticks: 5 },
      y: { label: '↑ Number of values', grid: true },
      marks: [
        Plot.rectY(log, { ...Plot.binX({ y: 'count' }, { x: 'log', thresholds: 36 }), fill: '#B5B5B5', insetLeft: 0.5, insetRight: 0.5 }),
        Plot.ruleX(data.rare, { x: (d) => Math.log10(d.pctConvos), stroke: '#D55E00', strokeWidth: 2 }),
        // One label line per value above the plot, so close neighbours do not overlap.
        ...data.rare.map((d, i) =>
          Plot.text([d], {
            x: Math.log10(d.pctConvos),
            frameAnchor: 'top',
            dy: -14 * (data.rare.length - i),
            text: () => `${d.value} ${percentAdaptive(d.pctConvos)}`,
            textAnchor: 'start',
            dx: 3,
            fill: '#A03F00',
            fontSize: 11,
          }),
        ),
        Plot.ruleY([0]),
      ],
    },
    document,
  );
}

export function rareValuesTable(data: RareValuesData): ChartTable {
  return {
    columns: [
      { key: 'value', label: 'Value', linkKey: 'href' },
      { key: 'pctConvos', label: '% of conversations', format: 'percent' },
      { key: 'rank', label: 'Rank among all values', format: 'integer' },
      { key: 'rarerThan', label: '% of values rarer still', format: 'percent' },
    ],
    rows: data.rare.map((r) => ({ ...r })),
  };
}

export function rareValuesSummary(data: RareValuesData): string {
  return `Histogram of how often each of the ${data.all.length.toLocaleString('en-US')} values appears, on a log scale, with four values that flag jailbreak attempts marked: ${data.rare
    .map((r) => `${r.value} ${percentAdaptive(r.pctConvos)} (rank ${r.rank}; ${percent(r.rarerThan)} of values are rarer)`)
    .join(', ')}.`;
}
