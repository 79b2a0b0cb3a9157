import type { EmbedHeight } from '../charts/lib/contract.ts';
import { escapeHtml } from '../lib/escape.ts';

/**
 * The copy-paste code a teacher puts in a page, from one place for the gallery, the chart pages, the toolbar's Embed
 * panel and oEmbed. The iframe sizes itself with inline CSS alone (a host page's stylesheet is not ours, and editors
 * such as Canvas's strip scripts): its height follows the host's width between a chart's two heights, and the embed
 * page fits itself to whatever frame it gets. The script line, where a host allows it, sizes the frame to the content.
 */

/** Host widths (px) at which a chart's narrow and wide heights apply. */
export const EMBED_WIDTHS = { narrow: 360, wide: 768 } as const;

/** The two snippets a teacher chooses between, in the order they are offered, and the lines each needs to show. */
export const SNIPPETS = [
  { kind: 'withScript', label: 'With auto-height script', rows: 5 },
  { kind: 'scriptFree', label: 'Script-free (for Canvas and other editors that strip scripts)', rows: 4 },
] as const;

export type SnippetKind = (typeof SNIPPETS)[number]['kind'];

export interface EmbeddableChart {
  id: string;
  title: string;
  embedHeight: EmbedHeight;
}

/** CSS for the frame's height: the line through both heights, in viewport widths, clamped between them. */
function heightCss({ narrow, wide }: EmbedHeight): string {
  const pxPerVw = ((wide - narrow) / (EMBED_WIDTHS.wide - EMBED_WIDTHS.narrow)) * 100;
  const intercept = Math.round(narrow - (pxPerVw * EMBED_WIDTHS.narrow) / 100);
  return `clamp(${Math.min(narrow, wide)}px,${intercept}px ${pxPerVw < 0 ? '-' : '+'} ${Math.abs(pxPerVw).toFixed(2)}vw,${Math.max(narrow, wide)}px)`;
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
  return { withScript: `${iframe}\n${script}`, scriptFree: iframe };
}
