import type { ClusterMembers } from '../charts/cluster-members.ts';
import type { Taxonomy, TaxonomyNode } from './derive.ts';
import { nodePages } from './node-pages.ts';

const MAX_DRAWN = 25;

/**
 * The members a node's page charts: for a value, its level-1 cluster's values with it highlighted; for a cluster,
 * its children. At most 25 are drawn (the largest, plus the highlighted value if it is further down).
 */
export function membersChart(taxonomy: Taxonomy, cluster: TaxonomyNode, highlight?: TaxonomyNode): ClusterMembers {
  const pages = nodePages(taxonomy);
  const children = cluster.childIds.map((id) => taxonomy.byId.get(id)!);
  const measure = cluster.level === 1 ? 'pctConvos' : 'share';
  const value = (n: TaxonomyNode) => (measure === 'pctConvos' ? n.pctConvos! : n.share);
  const sorted = [...children].sort((a, b) => value(b) - value(a) || a.name.localeCompare(b.name));
  let drawn = sorted.slice(0, MAX_DRAWN);
  if (highlight && !drawn.includes(highlight)) drawn = [...sorted.slice(0, MAX_DRAWN - 1), highlight];
  return {
    cluster: cluster.name,
    category: cluster.category,
    measure,
    members: drawn.map((n) => ({ name: n.name, value: value(n), href: pages.href(n.id), highlight: n === highlight })),
    more: children.length - drawn.length,
  };
}
