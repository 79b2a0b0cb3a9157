import type { APIRoute } from 'astro';
import { siteChartSvg } from '../../charts/lib/registry.ts';
import { SVG_NS } from '../../charts/lib/svg.ts';
import { LEAD_ROOM } from '../../charts/lib/size.ts';

/**
 * The picture of the whole taxonomy beside the report's opening on a wide screen (site.css .lead-chart): the sunburst
 * laid out for its small room, names where they fit. An image, so it carries its own colours and tooltips.
 */
export const GET: APIRoute = () =>
  new Response(siteChartSvg('taxonomy-sunburst', LEAD_ROOM).replace(/^<svg/, `<svg xmlns="${SVG_NS}"`), {
    headers: { 'Content-Type': 'image/svg+xml' },
  });
