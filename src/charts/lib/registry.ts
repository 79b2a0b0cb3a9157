import { siteModel } from '../../data/model.ts';
import type { AnyChart, ChartRoom } from './contract.ts';
import { chartData, chartView, drawnInRoom, type RegistryChartView } from './view.ts';
import studyFlow from '../study-flow.ts';
import taxonomySunburst from '../taxonomy-sunburst.ts';
import categoryShares from '../category-shares.ts';
import topValues from '../top-values.ts';
import longTail from '../long-tail.ts';
import valueFamily from '../value-family.ts';
import stableCore from '../stable-core.ts';
import contextHeatmap from '../context-heatmap.ts';
import humanVsAi from '../human-vs-ai.ts';
import valuePairs from '../value-pairs.ts';
import responseTypes from '../response-types.ts';
import mirroring from '../mirroring.ts';
import modelVariants from '../model-variants.ts';
import rareValues from '../rare-values.ts';
import valuesAtlas from '../values-atlas.ts';

/** The charts of the report, in report order (figure numbers follow it). */
export const REPORT_CHARTS: readonly AnyChart[] = [
  studyFlow,
  taxonomySunburst,
  categoryShares,
  topValues,
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

/**
 * Every chart: the report's, then those shown on another page (the values atlas heads /values/). Chart pages, embeds,
 * downloads, lessons and tests enumerate this; each chart gets all of them the same way, wherever it is shown.
 */
export const CHARTS: readonly AnyChart[] = [...REPORT_CHARTS, valuesAtlas];

export function chartById(id: string): AnyChart {
  const chart = CHARTS.find((c) => c.id === id);
  if (!chart) throw new Error(`No chart with id "${id}". Known charts: ${CHARTS.map((c) => c.id).join(', ')}`);
  return chart;
}

/** The figure number of a chart in the report (1-based), 0 for a chart shown elsewhere. */
export function figureNumber(id: string): number {
  return REPORT_CHARTS.findIndex((c) => c.id === id) + 1;
}

const views = new Map<string, RegistryChartView>();

/** A chart's default view from this build's model, drawn once. */
export function siteChartView(id: string): RegistryChartView {
  if (!views.has(id)) views.set(id, chartView(chartById(id), siteModel()));
  return views.get(id)!;
}

/** The data a chart's island loads (served at /data/<id>.json). */
export function siteChartData(id: string): unknown {
  return chartData(chartById(id), siteModel());
}

/** A chart's default view from this build's model, laid out for a room (a printed handout, a slide, a wide screen). */
export function siteChartSvg(id: string, room: ChartRoom, how: { forPage?: boolean } = {}): string {
  return drawnInRoom(chartById(id), siteChartData(id), room, how);
}

/**
 * The report's figures that break out of the text column on a wide screen and are drawn again for it (size.ts
 * WIDE_ROOM; served at /data/<id>.wide.svg, shown by src/islands/wide-figures.ts): the ones that carry the story.
 */
export const WIDE_CHARTS: readonly string[] = ['taxonomy-sunburst', 'long-tail', 'context-heatmap', 'response-types'];
