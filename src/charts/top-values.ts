import * as Plot from '@observablehq/plot';
import type { TopValue } from '../data/derive.ts';
import { percent, percentAdaptive } from './format.ts';
import { categoryColor, shortCategory } from './palette.ts';
import { plotSvg } from './plot-svg.ts';
import type { ChartTable, Control, ControlledChart } from './types.ts';

/** Every value a reader can ask for: the top 100 overall and the top 100 of each category, most frequent first. */
export type TopValuesData = TopValue[];

export interface TopValuesOptions {
  limit: number;
  /** A top-level category name, or '' for all. */
  category: string;
}

export const TOP_VALUES_LIMITS = { min: 10, max: 100, default: 30 } as const;
export const TOP_VALUES_DEFAULTS: TopValuesOptions = { limit: TOP_VALUES_LIMITS.default, category: '' };

const WIDTH = 420;
const ROW = 17;
const LABEL_CHARS = 26;

/** Options from untrusted input (a form or a query string): anything invalid falls back to the default. */
export function parseTopValuesOptions(input: { limit?: unknown; category?: unknown }, categories: string[]): TopValuesOptions {
  const n = typeof input.limit === 'string' && /^\d+$/.test(input.limit) ? Number(input.limit) : Number.NaN;
  const limit = Number.isInteger(n) && n >= TOP_VALUES_LIMITS.min && n <= TOP_VALUES_LIMITS.max ? n : TOP_VALUES_DEFAULTS.limit;
  const category = typeof input.category === 'string' && categories.includes(input.category) ? input.category : '';
  return { limit, category };
}

/** The options as a query string, leaving out defaults (for embed URLs). */
export function topValuesQuery(options: TopValuesOptions): string {
  const query = new URLSearchParams();
  if (options.limit !== TOP_VALUES_DEFAULTS.limit) query.set('limit', String(options.limit));
  if (options.category) query.set('category', options.category);
  return query.toString();
}

export function selectTopValues(data: TopValuesData, options: TopValuesOptions): TopValue[] {
  return data
    .filter((d) => !options.category || d.category === options.category)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, options.limit);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function renderTopValues(data: TopValuesData, options: TopValuesOptions, document: Document): SVGSVGElement {
  const rows = selectTopValues(data, options);
  return plotSvg(
    {
      width: WIDTH,
      height: rows.length * ROW + 46,
      marginLeft: 170,
      marginRight: 44,
      marginTop: 30,
      marginBottom: 16,
      x: { axis: 'top', label: '% of conversations →', labelAnchor: 'left', grid: true, ticks: 4, nice: true },
      y: { domain: rows.map((d) => d.value), label: null, tickSize: 0, tickFormat: (v: string) => truncate(v, LABEL_CHARS) },
      marks: [
        Plot.barX(rows, {
          x: 'pctConvos',
          y: 'value',
          fill: (d) => categoryColor(d.category),
          insetTop: 1.5,
          insetBottom: 1.5,
          title: (d) => `#${d.rank} ${d.value}: ${percentAdaptive(d.pctConvos)} of conversations (${shortCategory(d.category)})`,
        }),
        Plot.text(rows, { x: 'pctConvos', y: 'value', text: (d) => percent(d.pctConvos), textAnchor: 'start', dx: 4, fill: 'currentColor' }),
        Plot.ruleX([0]),
      ],
    },
    document,
  );
}

export function topValuesTable(data: TopValuesData, options: TopValuesOptions): ChartTable {
  return {
    columns: [
      { key: 'rank', label: 'Rank', format: 'integer' },
      { key: 'value', label: 'Value', linkKey: 'href' },
      { key: 'pctConvos', label: '% of conversations', format: 'percent' },
      { key: 'category', label: 'Top category' },
      { key: 'cluster', label: 'Cluster', linkKey: 'clusterHref' },
    ],
    rows: selectTopValues(data, options).map((d) => ({ ...d })),
  };
}

export function topValuesSummary(data: TopValuesData, options: TopValuesOptions): string {
  const rows = selectTopValues(data, options);
  const scope = options.category ? `in ${options.category}` : 'overall';
  const head = rows.slice(0, 5).map((d) => `${d.value} ${percent(d.pctConvos)}`);
  const last = rows[rows.length - 1];
  return `Bar chart of the ${rows.length} most frequent values ${scope} by % of conversations. The first five: ${head.join(', ')}. Number ${rows.length}, ${last?.value}, appears in ${last ? percentAdaptive(last.pctConvos) : ''}.`;
}

export function topValuesControls(categories: string[]): Control[] {
  return [
    { kind: 'range', name: 'limit', label: 'Show the top', min: TOP_VALUES_LIMITS.min, max: TOP_VALUES_LIMITS.max, step: 5, value: TOP_VALUES_DEFAULTS.limit },
    {
      kind: 'select',
      name: 'category',
      label: 'Category',
      value: '',
      options: [{ value: '', label: 'All categories' }, ...categories.map((c) => ({ value: c, label: shortCategory(c) }))],
    },
  ];
}

export const topValuesChart: ControlledChart<TopValuesData, TopValuesOptions> = {
  parse: (input, choices) => parseTopValuesOptions(input, choices.category ?? []),
  query: topValuesQuery,
  render: renderTopValues,
  table: topValuesTable,
  summary: topValuesSummary,
};
