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
 * What the walk says at each row of the table, and the row's group: "helpfulness, 23.359% of conversations, 1 of 30".
 * A mark's hover tooltip says the same (tips-island.ts), so pointer, keyboard and screen reader read one text.
 */
export function rowStops(figure: HTMLElement): { group: string; name: string }[] {
  const { keys, heads, rows: trs, column } = walkTable(figure);
  const [l, v, g, d] = [column(keys.label), column(keys.value), column(keys.group), column(keys.detail)];
  const valueHead = heads[v]?.textContent ?? '';
  return trs.map((tr, i, rows) => {
    const text = (c: number) => tr.cells[c]?.textContent?.trim() ?? '';
    const group = g >= 0 ? text(g) : '';
    // A row with no name of its own (an unnamed point on a curve) is named by its first column: "Rank 100".
    const label = text(l) && text(l) !== '—' ? text(l) : `${heads[0]!.textContent} ${text(0)}`;
    const detail = d >= 0 && text(d) && text(d) !== '—' ? `, ${text(d)}` : '';
    return { group, name: `${group ? `${group}: ` : ''}${label}, ${valueText(valueHead, text(v))}${detail}, ${i + 1} of ${rows.length}` };
  });
}

/** "23.4" under "% of conversations" → "23.4% of conversations"; under "Adjusted residual" → "Adjusted residual: 93.84". */
export function valueText(head: string, value: string): string {
  if (head.startsWith('% ')) return `${value}%${head.slice(1)}`;
  const percentOf = /^(.*) \(%\)$/.exec(head);
  if (percentOf) return `${value}% ${percentOf[1]!.toLowerCase()}`;
  return `${head}: ${value}`;
}
