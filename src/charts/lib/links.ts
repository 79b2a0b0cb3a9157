/** Where each of a chart's pages and files lives on the site, in one place for pages, downloads and the course pack. */
export function chartPaths(id: string) {
  return {
    page: `/charts/${id}/`,
    embed: `/embed/${id}/`,
    slide: `/downloads/slides/${id}.png`,
    /** The chart alone as a PNG at twice its size, for editors that keep images but remove frames (Moodle). */
    image: `/downloads/${id}.png`,
    card: shareCardPath(id),
    handout: `/charts/${id}/handout/`,
    teach: `/charts/${id}/teach/`,
  };
}

/** Share cards (Open Graph, 1200×630): one per chart, one for the report, one per top-level category (by slug). */
export const SHARE_CARD = { width: 1200, height: 630 } as const;
export const REPORT_CARD = 'report';
export function shareCardPath(name: string): string {
  return `/downloads/cards/${name}.png`;
}

/** The chart's address for readers to follow back to it (printed on slides and handouts, given in captions). */
export function chartLink(origin: string, id: string): string {
  return new URL(chartPaths(id).page, origin).href;
}

/** The caption to paste beneath the chart's image: title, source and licence, and where to find it. */
export function chartCaption(view: { id: string; title: string; sources: { text: string }[] }, origin: string): string {
  return `${view.title}. ${view.sources.map((s) => s.text).join(' · ')} · ${chartLink(origin, view.id)}`;
}

/** The chart image's text alternative, wherever the image goes (snippet, course pack, handout): what it shows and what to take from it. */
export function chartImageAlt(view: { title: string; takeaway: string }): string {
  return `${view.title}. ${view.takeaway}`;
}
