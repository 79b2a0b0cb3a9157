import type { APIRoute } from 'astro';
import { buildSearchIndex } from '../../data/search-index.ts';
import { siteData } from '../../data/site-data.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildSearchIndex(siteData().taxonomy)), { headers: { 'Content-Type': 'application/json' } });
