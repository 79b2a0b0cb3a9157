import type { APIRoute, GetStaticPaths } from 'astro';
import { tableToCsv } from '../../../charts/lib/csv.ts';
import { DATASET_SOURCE } from '../../../charts/lib/sources.ts';
import { sourceLine } from '../../../charts/lib/view.ts';
import { DERIVED_TABLES } from '../../../data/derived-tables.ts';
import { siteModel } from '../../../data/model.ts';

export const getStaticPaths: GetStaticPaths = () => DERIVED_TABLES.map((t) => ({ params: { name: t.name } }));

export const GET: APIRoute = ({ params }) => {
  const derived = DERIVED_TABLES.find((t) => t.name === params.name)!;
  const source = `${sourceLine({ sources: DATASET_SOURCE })} (${DATASET_SOURCE[0]!.href})`;
  const csv = tableToCsv(derived.table(siteModel()), [derived.title, `Source: ${source}`]);
  return new Response(csv, { headers: { 'Content-Type': 'text/csv' } });
};
