/**
 * The one contract every chart implements, the way every Observable Plot mark implements `render`: an id and a title,
 * the data it takes from the model, options with their defaults and validation, and pure functions for the SVG, the
 * summary, the table and the provenance. The same functions run at build time (linkedom) and in the browser (islands),
 * so a server-rendered chart and a redraw are the same chart.
 */
import type { Model } from '../../data/model.ts';
import type { DataTable } from '../../data/table.ts';

export type { DataTable as ChartTable, TableColumn } from '../../data/table.ts';
type ChartTable = DataTable;

export interface SourceLink {
  text: string;
  href: string;
}

/** A figure's one provenance marker: computed from the open dataset, or drawn from the paper (with where in it). */
export interface Marker {
  origin: 'dataset' | 'paper';
  /** What the reader sees at a glance: "From the dataset", "From the paper, §5 / Fig. 4". */
  label: string;
  /** The detail behind it, shown on request: what each kind of figure means and how many there are. */
  detail: string;
}

/** Where a chart's figures come from (marker and source line) and what a reader must know about them. */
export interface Provenance {
  sources: SourceLink[];
  /** Reading notes shown beside the chart. */
  notes: string[];
  /** Each uncertain figure's caveat: shown beside the chart and carried into every download of it. */
  caveats: string[];
  marker: Marker;
}

/** The table columns a keyboard walk reads (see Chart.navigation), resolved for one chart. */
export interface Navigation {
  label: string;
  value: string;
  group?: string;
  /** A column read after the value when the row has it (a reported figure beside a name). */
  detail?: string;
}

/** Predict, then reveal: one question a reader answers with a percentage before seeing the chart. */
export interface Prediction {
  question: string;
  /** The true answer, in %, and how the reveal says it. */
  answer: number;
  answerText: string;
}

export interface Teaching {
  shows: string;
  question: string;
}

/** A control a reader can change on a chart: a range slider or a choice from a list. */
export type Control =
  | { kind: 'range'; name: string; label: string; min: number; max: number; step: number; value: number }
  | { kind: 'select'; name: string; label: string; value: string; options: { value: string; label: string }[] };

/** Untrusted input (a form or a query string): every field may be missing or garbage. */
export type OptionsInput = Record<string, string | null | undefined>;

export interface ChartOptions<Data, Options> {
  defaults(data: Data): Options;
  /** Options from untrusted input; anything invalid falls back to the default. */
  parse(input: OptionsInput, data: Data): Options;
  /** The options as a query string, leaving out defaults (for embed URLs). */
  query(options: Options, data: Data): string;
  /** The controls, set to these options. */
  controls(data: Data, options: Options): Control[];
}

/**
 * The room a chart is laid out for, in SVG units, when it is not the phone-first default (size.ts): a printed column
 * (drawn at 1 unit = 1 CSS px) or a slide's chart area (drawn larger). A chart lays itself out to `width`; one whose
 * drawing grows with its data keeps within `height` by drawing less (a top N and "n more"), since shrinking it would
 * shrink its text. The chart's table still holds everything.
 */
export interface ChartRoom {
  width: number;
  height: number;
  /**
   * The size (units) a chart sets labels at that must be small to fit many (the sunburst's), where the room is drawn at
   * about one unit a pixel; CHART_FONT (size.ts) when absent.
   */
  font?: number;
}

/** How a chart draws: everything but where its data comes from. Charts drawn per page (a node's members) stop here. */
export interface ChartDrawing<Data, Options = Record<string, never>> {
  title: string;
  /** The chart's SVG, laid out for `room` when given (else for a phone: size.ts). */
  render(data: Data, options: Options, document: Document, room?: ChartRoom): SVGSVGElement;
  summary(data: Data, options: Options): string;
  table(data: Data, options: Options): ChartTable;
  provenance(data: Data): Provenance;
  /** One sentence that says what to see, for the default options. */
  takeaway(data: Data): string;
  options?: ChartOptions<Data, Options>;
  /** Category names, when the chart colours marks by category (a colour key is shown). */
  legend?(data: Data): string[];
  /** The marks also take their category's shape (palette.ts CATEGORY_SHAPES), and so does the colour key. */
  legendShapes?: boolean;
  /**
   * How a keyboard walks the data in place (one stop per table row): which column names a stop, which gives its
   * number, an optional column read after it, and an optional column that groups stops (Up/Down move between groups). Defaults: the first text column
   * and the first percentage (else numeric) column.
   */
  navigation?: { label?: string; value?: string; group?: string; detail?: string };
  /** A question to guess before the chart is shown (offered on the report; embeds start with it given ?predict=1). */
  predict?(data: Data): Prediction;
  /** An island that adds interaction beyond controls: its name, the hint shown to readers, and whether it loads the data. */
  interaction?: { island: 'sunburst' | 'tips' | 'atlas'; hint: string; loadsData?: boolean; zoomPath?: boolean };
  /**
   * The rows of a long table the report prints (indices, in order), saying in a few words which: the report keeps its
   * first paint light, and the whole table is a link away (the CSV and the chart's own page). Tables of more than
   * REPORT_TABLE_ROWS rows without one print their first REPORT_TABLE_ROWS rows.
   */
  reportRows?(table: ChartTable): { rows: number[]; which: string };
}

/** The longest data table the report prints whole (see ChartDrawing.reportRows). */
export const REPORT_TABLE_ROWS = 60;

/**
 * Heights (px) of a chart's embed frame where no script can size it: in a host page 360 px wide and in one 768 px or
 * wider (the snippet interpolates between them). The embed page fits itself to any frame; these make it fit well.
 */
export interface EmbedHeight {
  narrow: number;
  wide: number;
}

/** A chart of the report: a drawing plus its id, its data from the model, and what the gallery and embeds need. */
export interface Chart<Data, Options = Record<string, never>> extends ChartDrawing<Data, Options> {
  /** Stable id: the embed URL (/embed/<id>/), the downloads and the module name (src/charts/<id>.ts). */
  id: string;
  /** The data the chart draws, selected from the model. Plain JSON, so islands can load it. */
  select(model: Model): Data;
  teaching: Teaching;
  /** What the chart's numbers measure, for readers who meet it out of context (no figures: those come from the data). */
  measure: string;
  /** The embed frame's heights for the default options, or for the options drawn when they change its size. */
  embedHeight: EmbedHeight | ((data: Data, options: Options) => EmbedHeight);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyChart = Chart<any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDrawing = ChartDrawing<any, any>;

/** Type-checks a chart definition and keeps its Data and Options types for its own module's tests. */
export function defineChart<Data, Options = Record<string, never>>(chart: Chart<Data, Options>): Chart<Data, Options> {
  return chart;
}

export function defineDrawing<Data, Options = Record<string, never>>(drawing: ChartDrawing<Data, Options>): ChartDrawing<Data, Options> {
  return drawing;
}

/** A chart's embed frame heights for these options. */
export function embedHeightOf<Data, Options>(chart: Pick<Chart<Data, Options>, 'embedHeight'>, data: Data, options: Options): EmbedHeight {
  return typeof chart.embedHeight === 'function' ? chart.embedHeight(data, options) : chart.embedHeight;
}

/** The options a chart draws with: parsed from input when there is input, else the defaults (none for most charts). */
export function optionsOf<Data, Options>(drawing: ChartDrawing<Data, Options>, data: Data, input?: OptionsInput): Options {
  if (!drawing.options) return {} as Options;
  return input ? drawing.options.parse(input, data) : drawing.options.defaults(data);
}
