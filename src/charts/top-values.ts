import * as Plot from '@observablehq/plot';
import type { Model } from '../data/model.ts';
import { spacedWidth, truncateToWidth } from '../lib/text.ts';
import { defineChart, type ChartRoom, type ChartTable, type Control, type OptionsInput } from './lib/contract.ts';
import { percent, percentAdaptive } from './lib/format.ts';
import { categoryColor, shortCategory } from './lib/palette.ts';
import { plotSvg } from './lib/plot-svg.ts';
import { CHART_FONT, CHART_WIDTH, MORE_LINE, moreText, rowsInRoom, UPSCALE, widthIn } from './lib/size.ts';
import { tagRows, titleCutLabels } from './lib/svg.ts';
import { embedHeightAround } from './lib/embed-height.ts';
import { fromDataset } from './lib/sources.ts';

export interface TopValue {
  rank: number;
  value: string;
  /** % of conversations. */
  pctConvos: number;
  category: string;
  /** Level-1 cluster the value belongs to. */
  cluster: string;
  /** The value's page. */
  href: string;
}

/** Every value a reader can ask for (the top 100 overall and of each category, most frequent first), and the categories. */
export interface TopValuesData {
  rows: TopValue[];
  categories: string[];
}

export interface TopValuesOptions {
  limit: number;
  /** A top-level category name, or '' for all. */
  category: string;
}

export const TOP_VALUES_LIMITS = { min: 10, max: 100, step: 5, default: 30 } as const;
export const TOP_VALUES_DEFAULTS: TopValuesOptions = { limit: TOP_VALUES_LIMITS.default, category: '' };

const ROW = 21;
const MARGIN_LEFT = 140;
const drawingHeight = (rows: number) => rows * ROW + 52;

/**
 * Options from untrusted input (a form or a query string): anything invalid falls back to the default, and a number
 * between the slider's steps snaps to the nearest step, so the chart and the slider always agree.
 */
export function parseTopValuesOptions(input: OptionsInput, categories: string[]): TopValuesOptions {
  const { min, max, step } = TOP_VALUES_LIMITS;
  const n = typeof input.limit === 'string' && /^\d+$/.test(input.limit) ? Number(input.limit) : Number.NaN;
  const limit = n >= min && n <= max ? min + Math.round((n - min) / step) * step : TOP_VALUES_DEFAULTS.limit;
  const category = typeof input.category === 'string' && categories.includes(input.category) ? input.category : '';
  return { limit, category };
}

/** The options as a query string, leaving out defaults (for embed URLs). */
function topValuesQuery(options: TopValuesOptions): string {
  const query = new URLSearchParams();
  if (options.limit !== TOP_VALUES_DEFAULTS.limit) query.set('limit', String(options.limit));
  if (options.category) query.set('category', options.category);
  return query.toString();
}

/** The rows a reader can reach with the controls: the top 100 overall plus the top 100 of each category. */
function selectTopValuesData(model: Model): TopValuesData {
  const { values, categories, byId } = model.taxonomy;
  const inCategory = new Map<string, number>();
  const reachable = values.filter((v, i) => {
    const position = (inCategory.get(v.category) ?? 0) + 1;
    inCategory.set(v.category, position);
    return i < TOP_VALUES_LIMITS.max || position <= TOP_VALUES_LIMITS.max;
  });
  return {
    rows: reachable.map((v) => {
      const cluster = byId.get(v.parentId!)!;
      return { rank: v.rank, value: v.name, pctConvos: v.pctConvos, category: v.category, cluster: cluster.name, href: v.href };
    }),
    categories: categories.map((c) => c.name),
  };
}

export function selectTopValues(data: TopValuesData, options: TopValuesOptions): TopValue[] {
  return data.rows
    .filter((d) => !options.category || d.category === options.category)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, options.limit);
}

function renderTopValues(data: TopValuesData, options: TopValuesOptions, document: Document, room?: ChartRoom): SVGSVGElement {
  const selected = selectTopValues(data, options);
  const rows = selected.slice(0, rowsInRoom(selected.length, ROW, drawingHeight(0), room));
  const more = selected.length - rows.length;
  const marginLeft = room ? Math.round(MARGIN_LEFT * Math.min(1.6, room.width / CHART_WIDTH)) : MARGIN_LEFT;
  const svg = plotSvg(
    {
      width: widthIn(room),
      height: drawingHeight(rows.length) + (more ? MORE_LINE : 0),
      marginLeft,
      marginRight: 52,
      marginTop: 36,
      marginBottom: 16 + (more ? MORE_LINE : 0),
      x: { axis: 'top', label: '% of conversations →', labelAnchor: 'left', labelOffset: 30, grid: true, ticks: 3, nice: true },
      y: { domain: rows.map((d) => d.value), label: null, tickSize: 0, tickFormat: (v: string) => truncateToWidth(v, marginLeft - 12, CHART_FONT, spacedWidth) },
      marks: [
        Plot.text(more ? [moreText(more)] : [], { frameAnchor: 'bottom-left', dx: -marginLeft + 4, dy: MORE_LINE - 4, text: (d) => d, textAnchor: 'start', fill: 'currentColor' }),
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
  tagRows(svg, 'g[aria-label="bar"] rect');
  titleCutLabels(svg, rows.map((d) => d.value));
  return svg;
}

function topValuesTable(data: TopValuesData, options: TopValuesOptions): ChartTable {
  return {
    columns: [
      { key: 'rank', label: 'Rank', format: 'integer' },
      { key: 'value', label: 'Value', linkKey: 'href' },
      { key: 'pctConvos', label: '% of conversations', format: 'percent' },
      { key: 'category', label: 'Top category' },
      // The cluster as text, as the sunburst's table gives a node's parent: the value's page links it, one step on.
      { key: 'cluster', label: 'Cluster' },
    ],
    rows: selectTopValues(data, options).map((d) => ({ ...d })),
  };
}

function topValuesSummary(data: TopValuesData, options: TopValuesOptions): string {
  const rows = selectTopValues(data, options);
  const scope = options.category ? `in ${options.category}` : 'overall';
  const head = rows.slice(0, 5).map((d) => `${d.value} ${percent(d.pctConvos)}`);
  const last = rows[rows.length - 1];
  return `Bar chart of the ${rows.length} most frequent values ${scope} by % of conversations. The first five: ${head.join(', ')}. Number ${rows.length}, ${last?.value}, appears in ${last ? percentAdaptive(last.pctConvos) : ''}.`;
}

function topValuesControls({ categories }: TopValuesData, options: TopValuesOptions): Control[] {
  const { min, max, step } = TOP_VALUES_LIMITS;
  return [
    { kind: 'range', name: 'limit', label: 'Show the top', min, max, step, value: options.limit },
    {
      kind: 'select',
      name: 'category',
      label: 'Category',
      value: options.category,
      options: [{ value: '', label: 'All categories' }, ...categories.map((c) => ({ value: c, label: shortCategory(c) }))],
    },
  ];
}

export default defineChart<TopValuesData, TopValuesOptions>({
  id: 'top-values',
  title: 'The values Claude expresses most',
  embedHeight: (data, options) => embedHeightAround({ narrow: 612, wide: 369 }, { width: CHART_WIDTH * UPSCALE, height: drawingHeight(selectTopValues(data, options).length) * UPSCALE }),
  measure:
    '% of conversations: the share of subjective conversations in which Claude expressed the value. Conversations hold several values, so shares add up to more than 100%.',
  teaching: {
    shows: 'The most frequent individual values, by the share of conversations in which Claude expressed them; readers can change how many and filter by category.',
    question: 'Most of the top values describe doing a job well rather than ethics. Why might that be, given what people use an assistant for?',
  },
  select: selectTopValuesData,
  options: {
    defaults: () => TOP_VALUES_DEFAULTS,
    parse: (input, data) => parseTopValuesOptions(input, data.categories),
    query: topValuesQuery,
    controls: topValuesControls,
  },
  render: renderTopValues,
  summary: topValuesSummary,
  table: topValuesTable,
  predict: ({ rows }) => {
    const top = rows[0]!;
    return {
      question: `Claude’s commonest value is ${top.value}. In what share of conversations do you think Claude’s replies showed it?`,
      answer: top.pctConvos,
      answerText: `${percent(top.pctConvos)} of conversations`,
    };
  },
  takeaway: ({ rows: [first, second] }) =>
    `A handful of service values dominate: ${first?.value} appears in ${percent(first?.pctConvos ?? 0)} of conversations and ${second?.value} in ${percent(second?.pctConvos ?? 0)}.`,
  provenance: () => fromDataset(),
  legend: (data) => data.categories,
});
