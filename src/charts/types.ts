/** What every chart module shares, so the report, embed pages, downloads and tests treat all charts alike. */

export interface TableColumn {
  key: string;
  label: string;
  /** How to show the number in the data table (CSV keeps the raw value). */
  format?: 'text' | 'integer' | 'percent';
}

export interface ChartTable {
  columns: TableColumn[];
  rows: Record<string, string | number>[];
}

/** A link from a drawn thing to the page about it (filled in by the site; charts only carry the name). */
export type LinkFor = (name: string) => string | undefined;
