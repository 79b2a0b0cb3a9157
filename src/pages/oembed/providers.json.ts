import type { APIRoute } from 'astro';
import { CHARTS } from '../../charts/lib/registry.ts';
import { oembedProvider } from '../../components/oembed.ts';
import { siteOrigin } from '../../config.ts';

/** The site's oEmbed endpoints in one list, for a course site's administrator to register (see the README). */
export const GET: APIRoute = ({ site }) =>
  new Response(JSON.stringify([oembedProvider(siteOrigin(site), CHARTS.map((c) => c.id))], null, 2), { headers: { 'Content-Type': 'application/json' } });
