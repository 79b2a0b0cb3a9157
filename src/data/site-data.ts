import path from 'node:path';
import { DATA_DIR_ENV } from './files.ts';
import { loadDataset } from './load.ts';
import { buildTaxonomy, categoryShares, rankedValues, topValues, type Taxonomy } from './derive.ts';
import type { Dataset } from './types.ts';
import { loadPaperFigures, type PaperFigures } from './paper.ts';

/**
 * Everything the pages need, loaded and validated once per build. `npm run build` fetches and validates first
 * (scripts/fetch-data.ts), so a bad file stops the build before Astro writes anything.
 */
export interface SiteData {
  dataset: Dataset;
  taxonomy: Taxonomy;
  paper: PaperFigures;
}

let cached: SiteData | undefined;

export function datasetDir(env: NodeJS.ProcessEnv = process.env): string {
  return env[DATA_DIR_ENV] ? path.resolve(env[DATA_DIR_ENV]) : path.resolve('data/cache');
}

export function siteData(): SiteData {
  if (!cached) {
    const dataset = loadDataset(datasetDir());
    cached = { dataset, taxonomy: buildTaxonomy(dataset), paper: loadPaperFigures() };
  }
  return cached;
}

/** Figures the report's prose quotes, computed from the data so the text cannot drift from it. */
export function reportFacts(data = siteData()) {
  const values = data.taxonomy.nodes.filter((n) => n.level === 0);
  const totalPctConvos = rankedValues(data.dataset).rollup({ total: 'd => op.sum(d.pct_convos)' }).get('total', 0) as number;
  const counts = [0, 1, 2, 3].map((level) => data.taxonomy.nodes.filter((n) => n.level === level).length);
  return {
    valueCount: values.length,
    level1Count: counts[1]!,
    level2Count: counts[2]!,
    categoryCount: counts[3]!,
    nodeCount: data.taxonomy.nodes.length,
    /** Sum of every value's % of conversations ÷ 100: the mean number of values expressed per conversation. */
    valuesPerConversation: totalPctConvos / 100,
    categories: categoryShares(data.taxonomy),
    top5: topValues(data.taxonomy, 5),
  };
}
