import type { APIRoute } from 'astro';
import { sitePaths } from '../charts/lib/site-paths.ts';
import { siteModel } from '../data/model.ts';
import { sitemapRoot } from '../site/sitemap.ts';
import { siteOrigin } from '../config.ts';

/** Every page a search engine should find; past 50,000 addresses, an index of the parts in /sitemaps/ (sitemaps.org's limit). */
export const GET: APIRoute = ({ site }) =>
  new Response(sitemapRoot(sitePaths(siteModel().taxonomy.nodes), siteOrigin(site)), { headers: { 'Content-Type': 'application/xml' } });
