/**
 * The data table a chart's keyboard walk and its sonification read, and which of its columns (set by the chart
 * contract's `navigation`, written on the figure as data-nav="label value group detail").
 */
export function walkTable(figure: HTMLElement) {
  const [label, value, group, detail] = (figure.dataset.nav ?? '').split(' ');
  const table = figure.querySelector<HTMLTableElement>('.chart-table table');
  const heads = table ? [...table.tHead!.rows[0]!.cells] : [];
  /** A column's index by its key (-1 when the chart has no such column). */
  const column = (key: string | undefined) => (key ? heads.findIndex((th) => th.dataset.key === key) : -1);
  return { keys: { label, value, group, detail }, heads, rows: table ? [...table.tBodies[0]!.rows] : [], column };
}
