import type { Model } from '../../data/model.ts';
import { embedHeightOf, optionsOf, REPORT_TABLE_ROWS, type AnyChart, type ChartRoom, type EmbedHeight, type AnyDrawing, type ChartTable, type Control, type Marker, type Navigation, type Prediction, type OptionsInput, type SourceLink, type Teaching } from './contract.ts';
import { serverDocument } from './server-document.ts';
import { LICENSE_LINK } from './sources.ts';
import { titlesToTips } from './svg.ts';
import { mergeShapes, unwrapLoneChildren } from './merge-shapes.ts';
import { standaloneSvgSize } from './standalone-svg.ts';

/** Everything a page needs to show one chart, built at build time through the contract: the same for every chart. */
export interface ChartView {
  id: string;
  title: string;
  takeaway: string;
  /** Server-rendered SVG markup (produced by DOM APIs, so text from the data is escaped), as downloads and slides use it. */
  svg: string;
  /** The same, as a page shows it: the marks' tooltips as data-tip attributes rather than <title> elements. */
  pageSvg: string;
  summary: string;
  table: ChartTable;
  sources: SourceLink[];
  marker: Marker;
  /** Reading notes, shown beside the chart. */
  notes: string[];
  /** Every uncertain figure's caveat: beside the chart and in its downloads. */
  caveats: string[];
  island?: 'sunburst' | 'tips' | 'atlas' | 'controls';
  hint?: string;
  /** Show a zoom path (breadcrumb) above the chart. */
  zoomPath: boolean;
  controls?: Control[];
  predict?: Prediction;
  /** The columns a keyboard walk through the data reads. */
  navigation: Navigation;
  /** Where the island finds its data (the chart's selected data, written at build time). */
  dataUrl?: string;
  legend?: string[];
  /** The colour key shows each category's shape too. */
  legendShapes?: boolean;
  /** The options as a query string ('' for the defaults). */
  query: string;
  /** For the gallery and embeds (absent for charts drawn on one page only). */
  teaching?: Teaching;
  measure?: string;
  embedHeight?: EmbedHeight;
  /** The part of a long table the report prints (see ChartDrawing.reportRows); absent when it prints the whole table. */
  reportRows?: { rows: number[]; which: string };
}

/** Whether the browser loads a chart's data: charts with controls, and islands that need it. */
export function shipsData(chart: AnyDrawing): boolean {
  return Boolean(chart.options || chart.interaction?.loadsData);
}

/** Draw a chart from its data: the one path from the contract to a page, for every chart. */
export function drawingView(drawing: AnyDrawing, data: unknown, about: { id: string; title?: string }, input?: OptionsInput): ChartView {
  const { id } = about;
  const options = optionsOf(drawing, data, input);
  const { sources, notes, caveats, marker } = drawing.provenance(data);
  const table = drawing.table(data, options);
  // Every chart carries a licence: the dataset's, or for charts of the paper's figures the same CC BY 4.0 for the chart.
  const licensed = sources.some((s) => s.href === LICENSE_LINK.href) ? sources : [...sources, LICENSE_LINK];
  const drawn = drawing.render(data, options, serverDocument());
  mergeShapes(drawn);
  unwrapLoneChildren(drawn);
  const svg = drawn.outerHTML;
  // Where every page prints the whole table, a mark tied to a row shows the row as its tooltip (tips-island.ts).
  titlesToTips(drawn, { rowsInTable: table.rows.length <= REPORT_TABLE_ROWS });
  return {
    id,
    title: about.title ?? drawing.title,
    takeaway: drawing.takeaway(data),
    svg,
    pageSvg: drawn.outerHTML,
    summary: drawing.summary(data, options),
    table,
    navigation: navigationOf(drawing, table),
    predict: drawing.predict?.(data),
    sources: licensed,
    marker,
    notes,
    caveats,
    island: drawing.options ? 'controls' : drawing.interaction?.island,
    hint: drawing.interaction?.hint,
    zoomPath: drawing.interaction?.zoomPath ?? false,
    controls: drawing.options?.controls(data, options),
    dataUrl: shipsData(drawing) ? `/data/${id}.json` : undefined,
    legend: drawing.legend?.(data),
    legendShapes: drawing.legendShapes,
    query: drawing.options?.query(options, data) ?? '',
    reportRows: reportRowsOf(drawing, table),
  };
}

/**
 * A chart's SVG laid out for a room (a printed column, a slide's chart area, a wide screen) rather than a phone, for
 * its default options: drawn at one unit a pixel of its viewBox, so the one who places it knows its text's size.
 * `forPage`: as a page shows it, its marks' tooltips as the page's figure shows them (see drawingView).
 */
export function drawnInRoom(drawing: AnyDrawing, data: unknown, room: ChartRoom, { forPage = false } = {}): string {
  const options = optionsOf(drawing, data);
  const drawn = drawing.render(data, options, serverDocument(), room);
  mergeShapes(drawn);
  unwrapLoneChildren(drawn);
  if (forPage) titlesToTips(drawn, { rowsInTable: drawing.table(data, options).rows.length <= REPORT_TABLE_ROWS });
  const [, , w, h] = (drawn.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (w && h) {
    drawn.setAttribute('width', String(w));
    drawn.setAttribute('height', String(h));
  }
  return drawn.outerHTML;
}

/** The rows the report prints of a long table: the chart's own choice, else its first rows (so row i is still row i). */
function reportRowsOf(drawing: AnyDrawing, table: ChartTable): ChartView['reportRows'] {
  if (table.rows.length <= REPORT_TABLE_ROWS) return undefined;
  return drawing.reportRows?.(table) ?? { rows: table.rows.slice(0, REPORT_TABLE_ROWS / 2).map((_, i) => i), which: 'the first' };
}

/** A chart's keyboard walk: its own choice of columns, else the first text column and the first percentage column. */
function navigationOf(drawing: AnyDrawing, table: ChartTable): Navigation {
  const numeric = (c: ChartTable['columns'][number]) => c.format === 'percent' || c.format === 'integer' || typeof table.rows[0]?.[c.key] === 'number';
  const label = drawing.navigation?.label ?? table.columns.find((c) => !numeric(c))?.key ?? table.columns[0]!.key;
  const value =
    drawing.navigation?.value ??
    (table.columns.find((c) => c.format === 'percent') ?? table.columns.find((c) => numeric(c) && c.key !== label) ?? table.columns[0]!).key;
  return { label, value, group: drawing.navigation?.group, detail: drawing.navigation?.detail };
}

const selected = new WeakMap<Model, Map<string, unknown>>();

/** A chart's data from the model, selected once per model. */
export function chartData(chart: AnyChart, model: Model): unknown {
  let cache = selected.get(model);
  if (!cache) selected.set(model, (cache = new Map()));
  if (!cache.has(chart.id)) cache.set(chart.id, chart.select(model));
  return cache.get(chart.id);
}

/** The view of a chart of the registry, which also has what the gallery and embeds need. */
export type RegistryChartView = ChartView & Required<Pick<ChartView, 'teaching' | 'measure' | 'embedHeight'>>;

export function chartView(chart: AnyChart, model: Model, input?: OptionsInput): RegistryChartView {
  const data = chartData(chart, model);
  const view = drawingView(chart, data, { id: chart.id }, input);
  return { ...view, teaching: chart.teaching, measure: chart.measure, embedHeight: embedHeightOf(chart, data, optionsOf(chart, data, input)) };
}

export function sourceLine(view: Pick<ChartView, 'sources'>): string {
  return view.sources.map((s) => s.text).join(' · ');
}

/** What a chart's standalone SVG (its image download and thumbnail) says beside the chart. */
export function svgAbout(view: Pick<ChartView, 'title' | 'sources' | 'caveats'>) {
  return { title: view.title, source: sourceLine(view), url: view.sources[0]?.href, caveats: view.caveats };
}

/** The chart image's size in CSS pixels (its PNG is drawn at twice this, for sharp screens): the standalone SVG's. */
export function chartImageSize(view: Pick<ChartView, 'svg' | 'title' | 'sources' | 'caveats'>): { width: number; height: number } {
  return standaloneSvgSize(view.svg, svgAbout(view));
}
