import type { APIRoute } from 'astro';
import { siteOrigin } from '../config.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap.xml', siteOrigin(site)).href}\n`, { headers: { 'Content-Type': 'text/plain' } });
