import type { APIRoute, GetStaticPaths } from 'astro';
import { tableToCsv } from '../../../charts/csv.ts';
import { DATASET_SOURCE } from '../../../charts/registry.ts';
import { DERIVED_TABLES } from '../../../data/derived-tables.ts';
import { siteData } from '../../../data/site-data.ts';

export const getStaticPaths: GetStaticPaths = () => DERIVED_TABLES.map((t) => ({ params: { name: t.name } }));

export const GET: APIRoute = ({ params }) => {
  const derived = DERIVED_TABLES.find((t) => t.name === params.name)!;
  const source = `${DATASET_SOURCE.map((s) => s.text).join(' · ')} (${DATASET_SOURCE[0]!.href})`;
  const csv = tableToCsv(derived.table(siteData().taxonomy), [derived.title, `Source: ${source}`]);
  return new Response(csv, { headers: { 'Content-Type': 'text/csv' } });
};
