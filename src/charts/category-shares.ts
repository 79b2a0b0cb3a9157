import * as Plot from '@observablehq/plot';
import type { CategoryShare } from '../data/model.ts';
import { integer, numberWord, percent } from './lib/format.ts';
import { categoryColor, shortCategory } from './lib/palette.ts';
import { plotSvg } from './lib/plot-svg.ts';
import { widthIn } from './lib/size.ts';
import { tagRows } from './lib/svg.ts';
import { defineChart, type ChartRoom, type ChartTable } from './lib/contract.ts';
import { fromDataset } from './lib/sources.ts';

export type CategorySharesData = CategoryShare[];

const ROW = 58;

function renderCategoryShares(data: CategorySharesData, _options: unknown, document: Document, room?: ChartRoom): SVGSVGElement {
  const rows = data.map((d) => ({
    ...d,
    label: shortCategory(d.category),
    detail: `${d.level1Clusters} clusters · ${integer(d.values)} values`,
    color: categoryColor(d.category),
  }));
  const svg = plotSvg(
    {
      width: widthIn(room),
      height: rows.length * ROW + 40,
      marginLeft: 8,
      marginRight: 58,
      marginTop: 4,
      marginBottom: 36,
      x: { domain: [0, Math.max(...rows.map((d) => d.share))], label: 'Share of value expressions (%) →', labelAnchor: 'left', ticks: 3, nice: true },
      y: { domain: rows.map((d) => d.label), axis: null, padding: 0 },
      marks: [
        Plot.barX(rows, { x: 'share', y: 'label', fill: 'color', insetTop: 26, insetBottom: 6, title: (d) => `${d.category}: ${percent(d.share)} of value expressions; ${d.detail}` }),
        Plot.text(rows, { x: 0, y: 'label', text: (d) => `${d.label} — ${d.detail}`, textAnchor: 'start', dy: -15, fill: 'currentColor' }),
        Plot.text(rows, { x: 'share', y: 'label', text: (d) => percent(d.share), textAnchor: 'start', dx: 5, dy: 10, fontWeight: 'bold', fill: 'currentColor' }),
        Plot.ruleX([0]),
      ],
    },
    document,
  );
  tagRows(svg, 'g[aria-label="bar"] rect');
  return svg;
}

function categorySharesTable(data: CategorySharesData): ChartTable {
  return {
    columns: [
      { key: 'category', label: 'Category', linkKey: 'href' },
      { key: 'share', label: 'Share of value expressions (%)', format: 'percent' },
      { key: 'level2Clusters', label: 'Level-2 clusters', format: 'integer' },
      { key: 'level1Clusters', label: 'Level-1 clusters', format: 'integer' },
      { key: 'values', label: 'Values', format: 'integer' },
    ],
    rows: data.map((d) => ({ ...d })),
  };
}

function categorySharesSummary(data: CategorySharesData): string {
  const parts = data.map((d) => `${shortCategory(d.category)} ${percent(d.share)} (${integer(d.values)} values)`);
  return `Bar chart of the ${data.length} top-level categories by share of all value expressions: ${parts.join(', ')}.`;
}

export default defineChart<CategorySharesData>({
  id: 'category-shares',
  title: 'Five kinds of value',
  embedHeight: { narrow: 840, wide: 720 },
  measure:
    'Share of value expressions: of all the times Claude expressed a value (once per value per conversation), the percentage in each category (they add up to 100%).',
  teaching: {
    shows: 'How the times Claude expressed a value divide among the five top-level categories, with the number of clusters and values under each.',
    question: 'Social values have more distinct values than epistemic ones but a smaller share. What does that tell you about how often each social value appears?',
  },
  select: (model) => model.categories,
  render: renderCategoryShares,
  summary: categorySharesSummary,
  table: categorySharesTable,
  takeaway: ([a, b]) =>
    `${shortCategory(a?.category ?? '')} and ${shortCategory(b?.category ?? '').toLowerCase()} values together make up ${percent((a?.share ?? 0) + (b?.share ?? 0))} of all value expressions.`,
  provenance: (categories) =>
    fromDataset([
      `Comparing with Anthropic’s research post? Its chart of these ${numberWord(categories.length)} categories labels them as a percentage of conversations, but the numbers (${categories.map((c) => percent(c.share)).join(', ')}) are shares of all value expressions: they add up to 100%, while a conversation usually shows several values.`,
    ]),
});
