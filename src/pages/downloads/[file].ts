import type { APIRoute, GetStaticPaths } from 'astro';
import { CHARTS, siteChartView } from '../../charts/lib/registry.ts';
import { sourceLine, svgAbout } from '../../charts/lib/view.ts';
import { standaloneSvg } from '../../charts/lib/standalone-svg.ts';
import { tableToCsv } from '../../charts/lib/csv.ts';
import { siteOrigin } from '../../config.ts';
import { chartImagePng } from '../../components/chart-image.ts';

/** Each chart's default view as files: the rows drawn (CSV) and the image (SVG, and PNG for editors that take no SVG), for downloads without JavaScript. */
export const getStaticPaths: GetStaticPaths = () =>
  CHARTS.flatMap((chart) => ['csv', 'svg', 'png'].map((ext) => ({ params: { file: `${chart.id}.${ext}` } })));

export const GET: APIRoute = ({ params, site }) => {
  const [id, ext] = params.file!.split(/\.(?=[^.]+$)/) as [string, string];
  const view = siteChartView(id);
  const source = `${sourceLine(view)} (${view.sources[0]?.href})`;
  if (ext === 'png') return new Response(chartImagePng(view), { headers: { 'Content-Type': 'image/png' } });
  if (ext === 'svg') {
    return new Response(standaloneSvg(view.svg, svgAbout(view)), { headers: { 'Content-Type': 'image/svg+xml' } });
  }
  const from = new URL(`/embed/${id}/`, siteOrigin(site)).href;
  return new Response(tableToCsv(view.table, [view.title, `Source: ${source}`, ...view.caveats.map((c) => `Caution: ${c}`), `From: ${from}`]), { headers: { 'Content-Type': 'text/csv' } });
};
