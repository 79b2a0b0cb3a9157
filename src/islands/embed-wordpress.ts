/**
 * An embed framed by WordPress: its oEmbed iframe, as wp_filter_oembed_result() rewrites it, is sandboxed to scripts
 * only (no new tab, no top-level navigation, no download) and its address carries `#?secret=<10 letters or digits>`,
 * at once or added later by wp-embed.js. WordPress keeps such a frame between 200 and 1000 px tall, so the embed takes
 * its compact layout; and it follows a link only when told {message: 'link', value, secret}, to an http(s) address on
 * the frame's own host.
 */

/** On the root while framed by WordPress (src/styles/embed.css). */
const COMPACT = 'embed-compact';

export function wordpressSecret(): string | undefined {
  return /[#&?]secret=([a-zA-Z0-9]+)/.exec(location.hash)?.[1];
}

export function postToWordPress(message: 'height' | 'link', value: number | string): void {
  const secret = wordpressSecret();
  if (secret) window.parent.postMessage({ message, value, secret }, '*');
}

/**
 * The compact layout: the notes and the keyboard hint go behind one disclosure, and a drawing taller than wide sits
 * beside its text at its own size (no larger), so that even the tallest fits in 1000 px at a 600–700 px column.
 */
export function enterCompactLayout(): void {
  const root = document.documentElement;
  if (root.classList.contains(COMPACT)) return;
  root.classList.add(COMPACT);
  const figure = document.querySelector<HTMLElement>('figure.chart-figure');
  if (!figure) return;
  const svg = figure.querySelector<SVGSVGElement>('.chart-area svg');
  const box = svg?.viewBox.baseVal;
  figure.classList.toggle('embed-beside', Boolean(box && box.height > box.width));
  const notes = figure.querySelectorAll('.chart-notes, .chart-hint');
  if (notes.length === 0) return;
  const disclosure = document.createElement('details');
  disclosure.className = 'embed-notes';
  const summary = document.createElement('summary');
  summary.textContent = figure.querySelector('.chart-caveat') ? 'Notes and caveats' : 'Notes';
  notes[0]!.before(disclosure);
  disclosure.append(summary, ...notes);
}

/** The chart's own page: where a link that WordPress would not follow, or a download, sends the reader instead. */
function chartPage(): string | undefined {
  return document.querySelector<HTMLAnchorElement>('.chart-explore a')?.href;
}

/**
 * Where a click inside the frame should take the reader, if WordPress must do it: a link on this site to its address
 * (a file to download included: the sandbox cannot download it, but the top window can open it); a link to another
 * site, or a download made in the page, to the chart's page, where it works. Undefined for a link within this page.
 */
export function wordpressLinkTarget(element: Element): string | undefined {
  const link = element.closest<HTMLAnchorElement>('a[href]');
  if (link) {
    const url = new URL(link.href);
    if (url.href.split('#')[0] === location.href.split('#')[0] && url.hash) return undefined;
    return /^https?:$/.test(url.protocol) && url.host === location.host ? url.href : chartPage();
  }
  return element.closest('[data-download]') ? chartPage() : undefined;
}

/** Hands every link (and download) to WordPress, before the page's own handlers see the click. */
export function routeLinksThroughWordPress(): void {
  document.addEventListener(
    'click',
    (event) => {
      if (!wordpressSecret() || !(event.target instanceof Element)) return;
      const target = wordpressLinkTarget(event.target);
      if (!target) return;
      event.preventDefault();
      event.stopPropagation();
      postToWordPress('link', target);
    },
    true,
  );
}
