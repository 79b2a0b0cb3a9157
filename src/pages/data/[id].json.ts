import type { APIRoute, GetStaticPaths } from 'astro';
import { CHARTS, siteChartData } from '../../charts/lib/registry.ts';
import { shipsData } from '../../charts/lib/view.ts';

/** The data each interactive chart loads on first interaction (its selected data), written once at build time. */
export const getStaticPaths: GetStaticPaths = () => CHARTS.filter(shipsData).map((chart) => ({ params: { id: chart.id } }));

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(siteChartData(params.id!)), { headers: { 'Content-Type': 'application/json' } });
