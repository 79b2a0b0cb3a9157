import type { APIRoute, GetStaticPaths } from 'astro';
import { siteChartSvg, WIDE_CHARTS } from '../../charts/lib/registry.ts';
import { SVG_NS } from '../../charts/lib/svg.ts';
import { WIDE_ROOM } from '../../charts/lib/size.ts';

/** A wide figure of the report drawn for a wide screen, which the page swaps in where it has the width. */
export const getStaticPaths: GetStaticPaths = () => WIDE_CHARTS.map((id) => ({ params: { id } }));

export const GET: APIRoute = ({ params }) =>
  new Response(siteChartSvg(params.id!, WIDE_ROOM, { forPage: true }).replace(/^<svg/, `<svg xmlns="${SVG_NS}"`), {
    headers: { 'Content-Type': 'image/svg+xml' },
  });
