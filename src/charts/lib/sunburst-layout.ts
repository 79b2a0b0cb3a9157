import { hierarchy, partition } from 'd3';
import type { Taxonomy, TaxonomyNode } from '../../data/taxonomy.ts';
import type { SunburstLayout } from './sunburst.ts';
import { nodeKey } from '../../data/node-key.ts';

/**
 * Partition the whole taxonomy once, at build time, by share of value expressions. The result is a flat, columnar
 * table (small to ship as JSON) that the browser can zoom around without d3.
 */
export function sunburstLayout(taxonomy: Taxonomy): SunburstLayout {
  type Datum = TaxonomyNode | { root: true; childIds: string[] };
  const rootDatum: Datum = { root: true, childIds: taxonomy.categories.map((c) => c.id) };
  const root = hierarchy<Datum>(rootDatum, (d) => d.childIds.map((id) => taxonomy.byId.get(id)!))
    .sum((d) => ('root' in d || d.level !== 0 ? 0 : d.share))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const laidOut = partition<Datum>().size([1, 1])(root);

  const nodes = laidOut.descendants();
  const index = new Map(nodes.map((n, i) => [n, i]));
  const layout: SunburstLayout = {
    key: [], name: [], level: [], parent: [], x0: [], x1: [], depth: [], category: [], share: [], pctConvos: [], rank: [],
    description: [], valueCount: [], href: [],
  };
  const seen = new Set<string>();
  for (const n of nodes) {
    const d = n.data;
    const isRoot = 'root' in d;
    const key = isRoot ? '' : nodeKey(d);
    if (seen.has(key)) throw new Error(`Two taxonomy nodes share the key "${key}"; nodeKey() needs more digits.`);
    seen.add(key);
    layout.key.push(key);
    layout.name.push(isRoot ? 'All values' : d.name);
    layout.level.push(isRoot ? 4 : d.level);
    layout.parent.push(n.parent ? index.get(n.parent)! : -1);
    layout.x0.push(round(n.x0));
    layout.x1.push(round(n.x1));
    layout.depth.push(n.depth);
    layout.category.push(isRoot ? '' : d.category);
    layout.share.push(isRoot ? 100 : d.share);
    layout.pctConvos.push(isRoot ? null : d.pctConvos);
    layout.rank.push(isRoot ? null : d.level === 0 ? d.rank : d.levelRank);
    layout.description.push(isRoot ? '' : d.description);
    layout.valueCount.push(isRoot ? taxonomy.values.length : d.valueCount);
    layout.href.push(isRoot ? '/values/' : d.href);
  }
  return layout;
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
