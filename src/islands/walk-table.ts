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

/**
 * What the walk says at each row of the table, in the order the table shows, with the row's group and its index in
 * the table's own order (`row`, which a mark's data-row names; a sorted table keeps it as the row's data-row):
 * "helpfulness, 23.359% of conversations, 1 of 30". A mark's hover tooltip says the same (tips-island.ts), so
 * pointer, keyboard and screen reader read one text.
 */
export function rowStops(figure: HTMLElement): { group: string; name: string; row: number }[] {
  const { keys, heads, rows: trs, column } = walkTable(figure);
  const [l, v, g, d] = [column(keys.label), column(keys.value), column(keys.group), column(keys.detail)];
  const valueHead = heads[v]?.textContent ?? '';
  return trs.map((tr, i, rows) => {
    const text = (c: number) => tr.cells[c]?.textContent?.trim() ?? '';
    const group = g >= 0 ? text(g) : '';
    // A row with no name of its own (an unnamed point on a curve) is named by its first column: "Rank 100".
    const label = text(l) && text(l) !== '—' ? text(l) : `${heads[0]!.textContent} ${text(0)}`;
    const detail = d >= 0 && text(d) && text(d) !== '—' ? `, ${text(d)}` : '';
    const row = Number(tr.dataset.row ?? i);
    return { group, row, name: `${group ? `${group}: ` : ''}${label}, ${valueText(valueHead, text(v))}${detail}, ${i + 1} of ${rows.length}` };
  });
}

/** What the walk says at each row a mark may name (its data-row), wherever a sort has put that row. */
export function stopsByRow(figure: HTMLElement): Map<number, string> {
  return new Map(rowStops(figure).map((stop) => [stop.row, stop.name]));
}

/** "23.4" under "% of conversations" → "23.4% of conversations"; under "Adjusted residual" → "Adjusted residual: 93.84". */
export function valueText(head: string, value: string): string {
  if (head.startsWith('% ')) return `${value}%${head.slice(1)}`;
  const percentOf = /^(.*) \(%\)$/.exec(head);
  if (percentOf) return `${value}% ${percentOf[1]!.toLowerCase()}`;
  return `${head}: ${value}`;
}
