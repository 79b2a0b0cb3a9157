/**
 * The report's table of contents marks the section being read (aria-current), so the sticky list beside the text on
 * wide screens shows where the reader is. Without JavaScript the list is the same, only unmarked.
 */
const links = new Map(
  [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')].map((a) => [decodeURIComponent(a.hash.slice(1)), a]),
);
const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);

function markCurrent() {
  // The current section is the last one whose heading has passed the top third of the window.
  const line = innerHeight / 3;
  let current: HTMLElement | undefined;
  for (const heading of headings) if (heading.getBoundingClientRect().top <= line) current = heading;
  for (const [id, link] of links) {
    if (id === current?.id) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  }
}

if (headings.length > 0) {
  let queued = false;
  addEventListener('scroll', () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      markCurrent();
    });
  }, { passive: true });
  // Not at once: reading positions forces a layout of the whole report before its first paint. After load is soon
  // enough for a page opened at a section's address.
  if (document.readyState === 'complete') markCurrent();
  else addEventListener('load', markCurrent, { once: true });
}
