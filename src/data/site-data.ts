import path from 'node:path';
import { datasetDir } from '../config.ts';
import { loadDataset } from './load.ts';
import { buildTaxonomy, type Taxonomy } from './derive.ts';
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

export function siteData(): SiteData {
  if (!cached) {
    const dataset = loadDataset(path.resolve(datasetDir(process.env)));
    cached = { dataset, taxonomy: buildTaxonomy(dataset), paper: loadPaperFigures() };
  }
  return cached;
}
