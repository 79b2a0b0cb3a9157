import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { PAPER_DIR } from '../../../config.ts';
import { PAPER_TABLES } from '../../../data/paper.ts';

/** Our transcriptions of the paper's figures, served as they are in data/paper/. */
export const getStaticPaths: GetStaticPaths = () => Object.values(PAPER_TABLES).map((t) => ({ params: { file: t.file } }));

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(path.resolve(PAPER_DIR, params.file!), 'utf8'), { headers: { 'Content-Type': 'text/csv' } });
