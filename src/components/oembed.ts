import { OEMBED_CACHE_AGE, SITE_TITLE } from '../config.ts';
import { chartPaths, SHARE_CARD } from '../charts/lib/links.ts';
import { chartImageSize, type RegistryChartView } from '../charts/lib/view.ts';
import { escapeHtml } from '../lib/escape.ts';
import { EMBED_WIDTHS, embedCode } from './embed-code.ts';

/**
 * oEmbed 1.0 (https://oembed.com/): paste a chart's page address into WordPress, Ghost or Moodle and it finds, through
 * the page's discovery link, a static JSON file per chart (written at build time) holding the script-free iframe.
 */

export interface OEmbedRich {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
  cache_age: number;
}

export function oembedUrl(origin: string, id: string): string {
  return `${origin.replace(/\/$/, '')}/oembed/${id}.json`;
}

/**
 * A chart's answer: its script-free iframe, the frame's size in a wide host, and as thumbnail its share card (a PNG,
 * which every consumer can show; the pages' og:image too).
 */
export function oembed(origin: string, view: RegistryChartView): OEmbedRich {
  const base = origin.replace(/\/$/, '');
  return {
    version: '1.0',
    type: 'rich',
    title: view.title,
    provider_name: SITE_TITLE,
    provider_url: `${base}/`,
    html: wordpressFallback(base, view) + embedCode(base, { ...view, imageSize: chartImageSize(view) }).scriptFree,
    width: EMBED_WIDTHS.wide,
    height: view.embedHeight.wide,
    thumbnail_url: `${base}${chartPaths(view.id).card}`,
    thumbnail_width: SHARE_CARD.width,
    thumbnail_height: SHARE_CARD.height,
    cache_age: OEMBED_CACHE_AGE,
  };
}

/**
 * A link to the chart's page in a <blockquote> before the iframe, hidden (other consumers show the iframe alone). It
 * is what makes WordPress size the frame and follow its links: WordPress loads its embed script (wp-embed.js) only for
 * an answer holding such a blockquote, and shows the link until the frame first speaks (embed.php,
 * wp_maybe_enqueue_oembed_host_js() and wp_filter_oembed_result()).
 */
function wordpressFallback(base: string, view: RegistryChartView): string {
  return `<blockquote style="display:none"><a href="${base}${chartPaths(view.id).page}">${escapeHtml(view.title)}</a></blockquote>`;
}

/**
 * This site as an oEmbed provider, in the shape of oembed.com's providers.json, for consumers that use only providers
 * they are given (WordPress for most roles, Moodle's oEmbed filter): a static host cannot answer `?url=…`, so each
 * chart has its own endpoint, for the addresses of its chart page and its embed.
 */
export function oembedProvider(origin: string, ids: readonly string[]) {
  const base = origin.replace(/\/$/, '');
  return {
    provider_name: SITE_TITLE,
    provider_url: `${base}/`,
    endpoints: ids.map((id) => ({
      schemes: [`${base}/charts/${id}/`, `${base}/charts/${id}/*`, `${base}/embed/${id}/`, `${base}/embed/${id}/*`],
      url: oembedUrl(base, id),
      formats: ['json'],
    })),
  };
}
