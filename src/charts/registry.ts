import { siteData } from '../data/site-data.ts';
import { DATASET_SOURCE, type ChartDefinition, type ChartView } from './definition.ts';
import { contextHeatmap, stableCore } from './definitions/context.ts';
import { rareValues } from './definitions/safety.ts';
import { studyFlow } from './definitions/study.ts';
import { humanVsAi, mirroring, modelVariants, responseTypes, valuePairs } from './definitions/users.ts';
import { categoryChart, longTail, sunburst, topValuesChart, valueFamily } from './definitions/what-claude-values.ts';

export type { ChartView, SourceLink, Teaching } from './definition.ts';
export { DATASET_SOURCE };

const DATASET_LICENSE_LINK = DATASET_SOURCE[1]!;

/** Every chart on the site, in report order. Embed pages, downloads, the gallery and the tests all enumerate this. */
export const CHARTS: readonly ChartDefinition[] = [
  studyFlow,
  sunburst,
  categoryChart,
  topValuesChart,
  longTail,
  valueFamily,
  stableCore,
  contextHeatmap,
  humanVsAi,
  valuePairs,
  responseTypes,
  mirroring,
  modelVariants,
  rareValues,
];

export function chartDefinition(id: string): ChartDefinition {
  const chart = CHARTS.find((c) => c.id === id);
  if (!chart) throw new Error(`No chart with id "${id}". Known charts: ${CHARTS.map((c) => c.id).join(', ')}`);
  return chart;
}

const views = new Map<string, ChartView>();

export function chartView(id: string): ChartView {
  if (!views.has(id)) {
    const chart = chartDefinition(id);
    const view = chart.view(siteData());
    // Every chart carries a licence: the dataset's, or for charts of the paper's figures, the same CC BY 4.0 for the chart.
    const licensed = view.sources.some((s) => s.href === DATASET_LICENSE_LINK.href) ? view.sources : [...view.sources, DATASET_LICENSE_LINK];
    views.set(id, { ...view, sources: licensed, id: chart.id, title: chart.title, teaching: chart.teaching, embedHeight: chart.embedHeight });
  }
  return views.get(id)!;
}

export function sourceLine(view: ChartView): string {
  return view.sources.map((s) => s.text).join(' · ');
}
