/**
 * A figure's view (its options, zoom, sort, guessing game) kept in the page's URL, in one vocabulary wherever the chart
 * appears: on a page of one chart (its page /charts/<id>/, its embed) a parameter is the chart's own name
 * (`?limit=50&category=…`); on the report, where every figure shares one URL, it is prefixed with its figure's id
 * (`?top-values.limit=50`). A view at its defaults leaves no parameter. The URL follows the reader with
 * history.replaceState (one history entry, however many changes). Each island validates what it reads and writes back
 * what it shows, so an invalid value falls back to the default and leaves the URL.
 *
 * The view is also kept on the figure as data-query (the embed code and the copied link read it there): a frame
 * sandboxed without an origin of its own (WordPress's) may refuse replaceState.
 */

/** Parameters of an embed page itself rather than of its chart's view: a link to the chart's page leaves them out. */
const PAGE_PARAMS = ['theme'];

/** `<id>.` where the figure shares its page's URL with others (the report), else nothing. */
function prefixOf(figure: HTMLElement): string {
  return document.querySelectorAll('figure.chart-figure').length > 1 ? `${figure.id}.` : '';
}

/** The figure's view as the page's URL gives it, without the prefix. */
export function viewFromUrl(figure: HTMLElement): URLSearchParams {
  const prefix = prefixOf(figure);
  const view = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(location.search)) if (isViewParam(name, prefix)) view.append(name.slice(prefix.length), value);
  return view;
}

const isViewParam = (name: string, prefix: string) => (prefix ? name.startsWith(prefix) : !PAGE_PARAMS.includes(name));

/**
 * Set the parameters `names` of the figure's view to those in `values` (a name missing from it is at its default and
 * leaves the URL), keeping the rest of the view and every other figure's.
 */
export function setView(figure: HTMLElement, names: string[], values: string | URLSearchParams | Record<string, string>): void {
  const given = new URLSearchParams(values);
  const view = new URLSearchParams(figure.dataset.query ?? viewFromUrl(figure).toString());
  for (const name of names) {
    view.delete(name);
    for (const value of given.getAll(name)) view.append(name, value);
  }
  view.sort();
  if (figure.dataset.query !== view.toString()) figure.dataset.query = view.toString();
  // An embed's way back to its chart ("Explore this chart") opens the chart's page at the view shown.
  const explore = document.body.hasAttribute('data-embed') && figure.querySelector<HTMLAnchorElement>('.chart-explore a');
  if (explore) explore.href = viewLink(figure);
  // The figure's parameters, in the order of its view, after the rest of the page's.
  const url = new URL(location.href);
  const prefix = prefixOf(figure);
  for (const name of [...url.searchParams.keys()]) if (isViewParam(name, prefix)) url.searchParams.delete(name);
  for (const [name, value] of view) url.searchParams.append(prefix + name, value);
  url.search = url.searchParams.toString();
  if (url.href === location.href) return;
  try {
    history.replaceState(history.state, '', url);
  } catch {
    // A sandboxed frame without an origin: the view still lives on the figure, and its copied link carries it.
  }
}

/**
 * The address a reader shares for what the figure shows now: the page itself with its view (on the report, at the
 * figure); from an embed, the chart's own page with the same view, a page for people rather than for frames.
 */
export function viewLink(figure: HTMLElement): string {
  const query = figure.dataset.query ?? viewFromUrl(figure).toString();
  if (document.body.hasAttribute('data-embed')) return `${location.origin}/charts/${figure.id}/${query ? `?${query}` : ''}`;
  const url = new URL(location.href);
  url.hash = prefixOf(figure) ? figure.id : '';
  return url.href;
}
