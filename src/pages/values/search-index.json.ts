import type { APIRoute } from 'astro';
import { buildSearchIndex } from '../../data/search-index.ts';
import { siteModel } from '../../data/model.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildSearchIndex(siteModel().taxonomy)), { headers: { 'Content-Type': 'application/json' } });
