import type { APIRoute, GetStaticPaths } from 'astro';
import { sitePaths } from '../../charts/lib/site-paths.ts';
import { siteModel } from '../../data/model.ts';
import { sitemapParts, urlset } from '../../site/sitemap.ts';
import { siteOrigin } from '../../config.ts';

/** The parts of a sitemap split past 50,000 addresses (none when it fits in sitemap.xml). */
export const getStaticPaths: GetStaticPaths = () => {
  const parts = sitemapParts(sitePaths(siteModel().taxonomy.nodes));
  return parts.length <= 1 ? [] : parts.map((paths, i) => ({ params: { part: String(i + 1) }, props: { paths } }));
};

export const GET: APIRoute = ({ props, site }) =>
  new Response(urlset(props.paths as string[], siteOrigin(site)), { headers: { 'Content-Type': 'application/xml' } });
