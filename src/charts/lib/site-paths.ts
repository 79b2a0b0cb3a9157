import type { TaxonomyNode } from '../../data/taxonomy.ts';
import { chartPaths } from './links.ts';
import { CHARTS } from './registry.ts';

/** Every page a search engine should find: the report, the tools, each chart's page, embed, handout and teacher's page, each value and cluster with a page. */
export function sitePaths(nodes: Pick<TaxonomyNode, 'href' | 'hasPage'>[]): string[] {
  const paths = ['/', '/values/', '/charts/', '/data/'];
  for (const chart of CHARTS) {
    const p = chartPaths(chart.id);
    paths.push(p.page, p.embed, p.handout, p.teach);
  }
  for (const node of nodes) if (node.hasPage) paths.push(node.href);
  return paths;
}
