/** What every chart module shares, so the report, embed pages, downloads and tests treat all charts alike. */

export interface TableColumn {
  key: string;
  label: string;
  /** How to show the number in the data table (CSV keeps the raw value). */
  format?: 'text' | 'integer' | 'percent';
  /** Key of the row field holding a link for this cell (a value's or cluster's page); not a column itself. */
  linkKey?: string;
}

export interface ChartTable {
  columns: TableColumn[];
  rows: Record<string, string | number>[];
}


/** A control a reader can change on a chart: a range slider or a choice from a list. */
export type Control =
  | { kind: 'range'; name: string; label: string; min: number; max: number; step: number; value: number }
  | { kind: 'select'; name: string; label: string; value: string; options: { value: string; label: string }[] };

/**
 * A chart that redraws in the browser when its controls change. The same functions draw it at build time, so the
 * server-rendered default and a redraw are the same chart.
 */
export interface ControlledChart<Data, Options> {
  /** Options from untrusted input (form, query string); anything invalid falls back to the default. */
  parse(input: Record<string, string | null | undefined>, choices: Record<string, string[]>): Options;
  /** The options as a query string, leaving out defaults (for embed URLs). */
  query(options: Options): string;
  render(data: Data, options: Options, document: Document): SVGSVGElement;
  table(data: Data, options: Options): ChartTable;
  summary(data: Data, options: Options): string;
}
