import type { EmbedHeight } from '../charts/lib/contract.ts';
import { chartImageAlt, chartPaths } from '../charts/lib/links.ts';
import { escapeHtml } from '../lib/escape.ts';

/**
 * The copy-paste code a teacher puts in a page, from one place for the gallery, the chart pages, the toolbar's Embed
 * panel and oEmbed. The iframe sizes itself with inline CSS alone (a host page's stylesheet is not ours, and editors
 * such as Canvas's strip scripts): its height follows the host's width between a chart's two heights, and the embed
 * page fits itself to whatever frame it gets. The script line, where a host allows it, sizes the frame to the content.
 * Editors that remove frames as well as scripts (Moodle's HTML Purifier) keep the third: the chart as an image with
 * its takeaway as alt text, its text summary as the long description, and a link to the interactive chart.
 */

/** Host widths (px) at which a chart's narrow and wide heights apply. */
export const EMBED_WIDTHS = { narrow: 360, wide: 768 } as const;

/** The two snippets a teacher chooses between, in the order they are offered, and the lines each needs to show. */
export const SNIPPETS = [
  { kind: 'withScript', label: 'With auto-height script', rows: 5 },
  { kind: 'scriptFree', label: 'Script-free (for Canvas and other editors that strip scripts)', rows: 4 },
  { kind: 'image', label: 'Image and link (Moodle and editors that remove frames)', rows: 6 },
] as const;

export type SnippetKind = (typeof SNIPPETS)[number]['kind'];

export interface EmbeddableChart {
  id: string;
  title: string;
  takeaway: string;
  /** The default view's text summary: the image's long description. */
  summary: string;
  embedHeight: EmbedHeight;
  /** The chart image's size in CSS pixels (see chartImageSize). */
  imageSize: { width: number; height: number };
}

/** CSS for the frame's height: the line through both heights, in viewport widths, clamped between them. */
function heightCss({ narrow, wide }: EmbedHeight): string {
  const pxPerVw = ((wide - narrow) / (EMBED_WIDTHS.wide - EMBED_WIDTHS.narrow)) * 100;
  const intercept = Math.round(narrow - (pxPerVw * EMBED_WIDTHS.narrow) / 100);
  return `clamp(${Math.min(narrow, wide)}px,${intercept}px ${pxPerVw < 0 ? '-' : '+'} ${Math.abs(pxPerVw).toFixed(2)}vw,${Math.max(narrow, wide)}px)`;
}

/** The chart as an image linked to its page, its long description, and a link to the interactive chart (always the default view: the image is drawn once, at build time). */
export function imageCode(origin: string, chart: Omit<EmbeddableChart, 'embedHeight'>, imageSrc = new URL(chartPaths(chart.id).image, origin).href): string {
  const page = escapeHtml(new URL(chartPaths(chart.id).page, origin).href);
  const { width, height } = chart.imageSize;
  return (
    `<p><a href="${page}"><img src="${escapeHtml(imageSrc)}" alt="${escapeHtml(chartImageAlt(chart))}" width="${width}" height="${height}" style="max-width:100%;height:auto" /></a></p>\n` +
    `<p>${escapeHtml(chart.summary)}</p>\n` +
    `<p><a href="${page}">Open the interactive chart: ${escapeHtml(chart.title)}</a></p>`
  );
}

export function embedCode(origin: string, chart: EmbeddableChart, query = ''): Record<SnippetKind, string> {
  const base = origin.replace(/\/$/, '');
  const src = `${base}/embed/${chart.id}/${query ? `?${query}` : ''}`;
  const height = chart.embedHeight;
  // The height attribute is for editors that drop the style attribute: the taller height, which fits at any width.
  const iframe =
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(chart.title)}" width="100%" height="${Math.max(height.narrow, height.wide)}"` +
    ` style="border:0;width:100%;height:${heightCss(height)}" loading="lazy"></iframe>`;
  const script = `<script src="${base}/embed.js" async></script>`;
  return { withScript: `${iframe}\n${script}`, scriptFree: iframe, image: imageCode(origin, chart) };
}
