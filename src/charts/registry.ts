import { siteData, type SiteData } from '../data/site-data.ts';
import { categoryShares, topValues } from '../data/derive.ts';
import { DATASET_LICENSE, DATASET_LICENSE_URL, DATASET_PAGE } from '../data/files.ts';
import { categorySharesSummary, categorySharesTable, renderCategoryShares } from './category-shares.ts';
import { percent } from './format.ts';
import { shortCategory } from './palette.ts';
import { renderSunburst, sunburstSummary, sunburstTable } from './sunburst.ts';
import { sunburstLayout } from './sunburst-layout.ts';
import { serverDocument } from './server-document.ts';
import {
  TOP_VALUES_DEFAULTS,
  TOP_VALUES_LIMITS,
  renderTopValues,
  topValuesSummary,
  topValuesTable,
  type TopValuesData,
} from './top-values.ts';
import type { ChartTable } from './types.ts';

export interface SourceLink {
  text: string;
  href: string;
}

/** Everything a page needs to show one chart: built at build time from the data, the same for report and embeds. */
export interface ChartView {
  id: string;
  title: string;
  takeaway: string;
  /** Server-rendered SVG markup (produced by DOM APIs, so text from the data is escaped). */
  svg: string;
  summary: string;
  table: ChartTable;
  sources: SourceLink[];
  /** Name of the island script that adds interaction, if any. */
  island?: 'sunburst' | 'top-values';
  /** Where the island finds its data (a JSON file written at build time). */
  dataUrl?: string;
  /** Legend entries (category colours), if the chart colours by category. */
  legend?: string[];
  /** For the gallery: what the chart shows and a question to ask students. */
  teaching: Teaching;
  /** Height (px) of the embed iframe before the auto-height script, if any, adjusts it. */
  embedHeight: number;
}

export interface Teaching {
  shows: string;
  question: string;
}

export const DATASET_SOURCE: SourceLink[] = [
  { text: 'Data: Anthropic, Values in the Wild', href: DATASET_PAGE },
  { text: DATASET_LICENSE, href: DATASET_LICENSE_URL },
];

interface ChartDefinition {
  id: string;
  title: string;
  view(data: SiteData): Omit<ChartView, 'teaching' | 'embedHeight'>;
  teaching: Teaching;
  embedHeight: number;
  /** The JSON the island loads on first interaction (served at /data/<id>.json). */
  clientData?(data: SiteData): unknown;
}

const svgOf = (el: SVGSVGElement) => el.outerHTML;

const sunburst: ChartDefinition = {
  id: 'taxonomy-sunburst',
  title: 'The taxonomy of Claude’s values',
  embedHeight: 980,
  teaching: {
    shows: 'The whole four-level taxonomy at once: every arc is a category, cluster or value, as wide as its share of all value expressions.',
    question: 'Zoom into the smallest category. Which of its clusters would you have expected to be larger, and why might it be small in a chat assistant’s conversations?',
  },
  view(data) {
    const layout = sunburstLayout(data.taxonomy);
    const [first] = data.taxonomy.categories;
    return {
      id: this.id,
      title: this.title,
      takeaway: `Five categories hold all ${data.taxonomy.nodes.filter((n) => n.level === 0).length.toLocaleString('en-US')} values; ${first?.name} alone account for ${percent(first?.share ?? 0)} of what Claude expressed.`,
      svg: svgOf(renderSunburst(layout, 0, serverDocument())),
      summary: sunburstSummary(layout, 0),
      table: sunburstTable(layout, 0),
      sources: DATASET_SOURCE,
      island: 'sunburst',
      dataUrl: `/data/${this.id}.json`,
      legend: data.taxonomy.categories.map((c) => c.name),
    };
  },
  clientData: (data) => sunburstLayout(data.taxonomy),
};

const categoryChart: ChartDefinition = {
  id: 'category-shares',
  title: 'Five kinds of value',
  embedHeight: 560,
  teaching: {
    shows: 'How the values Claude expressed divide among the five top-level categories, with the number of clusters and values under each.',
    question: 'Social values have more distinct values than epistemic ones but a smaller share. What does that tell you about how often each social value appears?',
  },
  view(data) {
    const rows = categoryShares(data.taxonomy);
    const [a, b] = rows;
    return {
      id: this.id,
      title: this.title,
      takeaway: `${shortCategory(a?.category ?? '')} and ${shortCategory(b?.category ?? '').toLowerCase()} values together make up ${percent((a?.share ?? 0) + (b?.share ?? 0))} of all value expressions.`,
      svg: svgOf(renderCategoryShares(rows, serverDocument())),
      summary: categorySharesSummary(rows),
      table: categorySharesTable(rows),
      sources: DATASET_SOURCE,
    };
  },
};

/** The rows a reader can reach with the controls: top 100 overall plus the top 100 of each category. */
function topValuesData(data: SiteData): TopValuesData {
  const byValue = new Map(topValues(data.taxonomy, TOP_VALUES_LIMITS.max).map((v) => [v.value, v]));
  for (const c of data.taxonomy.categories) {
    for (const v of topValues(data.taxonomy, TOP_VALUES_LIMITS.max, c.name)) byValue.set(v.value, v);
  }
  return [...byValue.values()].sort((x, y) => x.rank - y.rank);
}

const topValuesChart: ChartDefinition = {
  id: 'top-values',
  title: 'The values Claude expresses most',
  embedHeight: 900,
  teaching: {
    shows: 'The most frequent individual values, by the share of conversations in which Claude expressed them; readers can change how many and filter by category.',
    question: 'Most of the top values describe doing a job well rather than ethics. Why might that be, given what people use an assistant for?',
  },
  view(data) {
    const rows = topValuesData(data);
    const [first, second] = rows;
    return {
      id: this.id,
      title: this.title,
      takeaway: `A handful of service values dominate: ${first?.value} appears in ${percent(first?.pctConvos ?? 0)} of conversations and ${second?.value} in ${percent(second?.pctConvos ?? 0)}.`,
      svg: svgOf(renderTopValues(rows, TOP_VALUES_DEFAULTS, serverDocument())),
      summary: topValuesSummary(rows, TOP_VALUES_DEFAULTS),
      table: topValuesTable(rows, TOP_VALUES_DEFAULTS),
      sources: DATASET_SOURCE,
      island: 'top-values',
      dataUrl: `/data/${this.id}.json`,
      legend: data.taxonomy.categories.map((c) => c.name),
    };
  },
  clientData: topValuesData,
};

export const CHARTS: readonly ChartDefinition[] = [sunburst, categoryChart, topValuesChart];

export function chartDefinition(id: string): ChartDefinition {
  const chart = CHARTS.find((c) => c.id === id);
  if (!chart) throw new Error(`No chart with id "${id}". Known charts: ${CHARTS.map((c) => c.id).join(', ')}`);
  return chart;
}

const views = new Map<string, ChartView>();

export function chartView(id: string): ChartView {
  if (!views.has(id)) {
    const chart = chartDefinition(id);
    views.set(id, { ...chart.view(siteData()), teaching: chart.teaching, embedHeight: chart.embedHeight });
  }
  return views.get(id)!;
}

export function sourceLine(view: ChartView): string {
  return view.sources.map((s) => s.text).join(' · ');
}
