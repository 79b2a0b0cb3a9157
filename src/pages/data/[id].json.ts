import type { APIRoute, GetStaticPaths } from 'astro';
import { CHARTS } from '../../charts/registry.ts';
import { siteData } from '../../data/site-data.ts';

/** The data each interactive chart loads on first interaction, written once at build time. */
export const getStaticPaths: GetStaticPaths = () =>
  CHARTS.filter((chart) => chart.clientData).map((chart) => ({ params: { id: chart.id } }));

export const GET: APIRoute = ({ params }) => {
  const chart = CHARTS.find((c) => c.id === params.id)!;
  return new Response(JSON.stringify(chart.clientData!(siteData())), { headers: { 'Content-Type': 'application/json' } });
};
