import { escapeHtml } from '../lib/escape.ts';

/** The most addresses one sitemap may list (sitemaps.org); past it, sitemap.xml becomes an index of several. */
export const SITEMAP_LIMIT = 50_000;

/** Where part n (from 1) of a split sitemap lives. */
export const sitemapPartPath = (n: number) => `/sitemaps/${n}.xml`;

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** A <urlset> of the given paths, made absolute against `origin`. */
export function urlset(paths: string[], origin: string): string {
  const urls = paths.map((p) => `  <url><loc>${escapeHtml(new URL(p, origin).href)}</loc></url>`).join('\n');
  return `${XML}<urlset xmlns="${NS}">\n${urls}\n</urlset>\n`;
}

/** The parts a list of paths is split into: one when it fits in a sitemap, else chunks of at most `limit`. */
export function sitemapParts(paths: string[], limit = SITEMAP_LIMIT): string[][] {
  const parts: string[][] = [];
  for (let i = 0; i < paths.length; i += limit) parts.push(paths.slice(i, i + limit));
  return parts;
}

/** sitemap.xml: the addresses themselves, or past the limit an index of the parts. */
export function sitemapRoot(paths: string[], origin: string, limit = SITEMAP_LIMIT): string {
  const parts = sitemapParts(paths, limit);
  if (parts.length <= 1) return urlset(paths, origin);
  const entries = parts.map((_, i) => `  <sitemap><loc>${escapeHtml(new URL(sitemapPartPath(i + 1), origin).href)}</loc></sitemap>`).join('\n');
  return `${XML}<sitemapindex xmlns="${NS}">\n${entries}\n</sitemapindex>\n`;
}
