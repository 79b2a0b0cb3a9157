import type { APIRoute, GetStaticPaths } from 'astro';
import { CHARTS, siteChartSvg, siteChartView } from '../../../charts/lib/registry.ts';
import { slideSvg } from '../../../charts/lib/slide-svg.ts';
import { sourceLine } from '../../../charts/lib/view.ts';
import { chartLink } from '../../../charts/lib/links.ts';
import { svgToPng } from '../../../site/raster.ts';
import { siteOrigin } from '../../../config.ts';

/** Each chart's default view as a 1920×1080 slide, drawn at build time by the page's chart code, laid out for the slide. */
export const getStaticPaths: GetStaticPaths = () => CHARTS.map((chart) => ({ params: { id: chart.id } }));

export const GET: APIRoute = ({ params, site }) => {
  const view = siteChartView(params.id!);
  const svg = slideSvg((room) => siteChartSvg(view.id, room), { title: view.title, takeaway: view.takeaway, source: sourceLine(view), url: chartLink(siteOrigin(site), view.id), caveats: view.caveats });
  return new Response(svgToPng(svg), { headers: { 'Content-Type': 'image/png' } });
};
