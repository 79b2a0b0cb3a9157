export const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes and optional text, for the charts drawn by hand (Plot has no flow or arc mark). */
export function svgElement(document: Document, name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Give each axis label cut short (ending in “…”) its full text as a tooltip (<title>): `names` are the axis's domain, in
 * the order Plot draws its tick labels.
 */
export function titleCutLabels(svg: Element, names: string[], axis = 'y-axis tick label'): void {
  Array.from(svg.querySelectorAll(`g[aria-label="${axis}"] text`)).forEach((text, n) => {
    const name = names[n];
    if (!name || !text.textContent?.endsWith('…') || text.textContent === name) return;
    const title = svg.ownerDocument.createElementNS(SVG_NS, 'title');
    title.textContent = name;
    text.append(title);
  });
}

/**
 * Tie marks to the rows of the chart's data table (data-row="<index>"), so a keyboard walk through the table can
 * outline each row's mark. By default the n-th mark matched is row n (Plot draws a mark's data in order).
 */
export function tagRows(svg: Element, selector: string, rowOf: (mark: Element, n: number) => number | undefined = (_, n) => n): void {
  Array.from(svg.querySelectorAll(selector)).forEach((mark, n) => {
    const row = rowOf(mark, n);
    if (row !== undefined && row >= 0) mark.setAttribute('data-row', String(row));
  });
}

/**
 * Turn each mark's <title> into a data-tip attribute on the mark, for charts shown in a page: there the figure's own
 * tooltip shows it (src/islands/tips-island.ts), hundreds of elements fewer in the report. Downloaded SVGs keep their
 * <title>s, the tooltips a standalone image has. With `rowsInTable` (the page prints the chart's whole table), a mark
 * tied to a table row (data-row) carries no tip at all: its tooltip is the row as the keyboard walk reads it.
 */
export function titlesToTips(svg: Element, { rowsInTable = false } = {}): void {
  for (const title of Array.from(svg.querySelectorAll('title'))) {
    const mark = title.parentElement;
    if (!mark || mark === svg) continue;
    if (!(rowsInTable && mark.hasAttribute('data-row'))) mark.setAttribute('data-tip', title.textContent ?? '');
    title.remove();
  }
}

/**
 * The reverse of titlesToTips, for an image downloaded from a page: each non-empty tip back as a <title>, a mark's
 * tip being its data-tip or, for a mark tied to a table row, `rowTip(row)`.
 */
export function tipsToTitles(svg: Element, rowTip: (row: number) => string | undefined = () => undefined): void {
  for (const mark of Array.from(svg.querySelectorAll('[data-tip], [data-row]'))) {
    const row = mark.getAttribute('data-row');
    const tip = mark.getAttribute('data-tip') || (row === null ? undefined : rowTip(Number(row)));
    mark.removeAttribute('data-tip');
    if (!tip) continue;
    const title = svg.ownerDocument.createElementNS(SVG_NS, 'title');
    title.textContent = tip;
    mark.prepend(title);
  }
}
