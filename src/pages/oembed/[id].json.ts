import type { APIRoute, GetStaticPaths } from 'astro';
import { CHARTS, siteChartView } from '../../charts/lib/registry.ts';
import { oembed } from '../../components/oembed.ts';
import { siteOrigin } from '../../config.ts';

/** Each chart's oEmbed answer, found through the discovery link on its chart page and its embed page. */
export const getStaticPaths: GetStaticPaths = () => CHARTS.map((chart) => ({ params: { id: chart.id } }));

export const GET: APIRoute = ({ params, site }) => {
  const answer = oembed(siteOrigin(site), siteChartView(params.id!));
  return new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } });
};
