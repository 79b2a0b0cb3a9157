/** A table as the site shows and downloads it: columns with labels and formats, rows of plain values. */

export interface TableColumn {
  key: string;
  label: string;
  /** How to show the number in the data table (CSV keeps the raw value). */
  format?: 'text' | 'integer' | 'percent';
  /** Key of the row field holding a link for this cell (a value's or cluster's page); not a column itself. */
  linkKey?: string;
}

export interface DataTable {
  columns: TableColumn[];
  rows: Record<string, string | number>[];
}
