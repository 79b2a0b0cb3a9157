import type { APIRoute } from 'astro';
import { CHARTS } from '../charts/registry.ts';
import { siteData } from '../data/site-data.ts';
import { nodePages } from '../data/node-pages.ts';
import { escapeHtml } from '../components/escape.ts';
import { siteOrigin } from '../config.ts';

/** Every page a search engine should find: the report, the tools, each chart's embed, each value and cluster. */
export const GET: APIRoute = ({ site }) => {
  const { taxonomy } = siteData();
  const pages = nodePages(taxonomy);
  const paths = ['/', '/values/', '/charts/', '/data/', ...CHARTS.map((c) => `/embed/${c.id}/`), ...taxonomy.nodes.map((n) => pages.href(n.id))];
  const origin = siteOrigin(site);
  const urls = paths.map((p) => `  <url><loc>${escapeHtml(new URL(p, origin).href)}</loc></url>`).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml' },
  });
};
