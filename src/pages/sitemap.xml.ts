import type { APIRoute } from 'astro';
import { CHARTS } from '../charts/lib/registry.ts';
import { chartPaths } from '../charts/lib/links.ts';
import { siteModel } from '../data/model.ts';
import { escapeHtml } from '../lib/escape.ts';
import { siteOrigin } from '../config.ts';

/** Every page a search engine should find: the report, the tools, each chart's page, embed, handout and teacher's page, each value and cluster. */
export const GET: APIRoute = ({ site }) => {
  const { taxonomy } = siteModel();
  const paths = ['/', '/values/', '/charts/', '/data/', ...CHARTS.flatMap((c) => [chartPaths(c.id).page, chartPaths(c.id).embed, chartPaths(c.id).handout, chartPaths(c.id).teach]), ...taxonomy.nodes.map((n) => n.href)];
  const origin = siteOrigin(site);
  const urls = paths.map((p) => `  <url><loc>${escapeHtml(new URL(p, origin).href)}</loc></url>`).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml' },
  });
};
