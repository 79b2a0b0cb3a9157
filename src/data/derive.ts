import * as aq from 'arquero';
import type { Dataset, Level } from './types.ts';
import { nodePages } from './node-pages.ts';

const { op } = aq;

/** One node of the taxonomy with both measures the dataset offers. */
export interface TaxonomyNode {
  id: string;
  name: string;
  level: Level;
  /** Model-written cluster description ('' for individual values). */
  description: string;
  parentId: string | null;
  /** Share of all value expressions under this node, in % (pct_total_occurrences). */
  share: number;
  /** % of conversations in which Claude expressed the value; null for clusters, which the dataset does not measure so. */
  pctConvos: number | null;
  /**
   * Value expressions per 100 conversations: the value's pct_convos, or for a cluster the sum over its values. A
   * conversation can express several values of one cluster, so this is not the % of conversations touching a cluster.
   */
  expressionsPer100: number;
  /** Name of the top-level category above this node (itself for level 3). */
  category: string;
  /** Rank among the 3,307 values by pct_convos (1 = most frequent, ties share a rank); null for clusters. */
  rank: number | null;
  /** Rank among the nodes of the same level by share (1 = largest). */
  levelRank: number;
  /** Number of individual values at or under this node. */
  valueCount: number;
  childIds: string[];
}

export interface Taxonomy {
  nodes: TaxonomyNode[];
  byId: Map<string, TaxonomyNode>;
  /** The five level-3 categories, largest share first. */
  categories: TaxonomyNode[];
}

interface TreeRecord {
  cluster_id: string;
  name: string;
  level: Level;
  description: string;
  parent_cluster_id: string;
  pct_total_occurrences: number;
  pct_convos: number | null;
  rank: number | null;
  level_rank: number;
}

/** The values with their % of conversations and rank, most frequent first. */
export function rankedValues(dataset: Dataset): aq.ColumnTable {
  return dataset.frequencies
    .select('value', 'pct_convos')
    .orderby(aq.desc('pct_convos'))
    .derive({ rank: op.rank() });
}

export function buildTaxonomy(dataset: Dataset): Taxonomy {
  const records = dataset.tree
    .select('cluster_id', 'name', 'level', 'description', 'parent_cluster_id', 'pct_total_occurrences')
    .join_left(rankedValues(dataset), ['cluster_id', 'value'])
    .groupby('level')
    .orderby(aq.desc('pct_total_occurrences'), 'name')
    .derive({ level_rank: op.row_number() })
    .ungroup()
    .objects() as TreeRecord[];

  const byId = new Map<string, TaxonomyNode>();
  for (const r of records) {
    byId.set(r.cluster_id, {
      id: r.cluster_id,
      name: r.name,
      level: r.level,
      description: r.description,
      parentId: r.parent_cluster_id || null,
      share: r.pct_total_occurrences,
      pctConvos: r.level === 0 ? r.pct_convos : null,
      expressionsPer100: 0,
      category: '',
      rank: r.level === 0 ? r.rank : null,
      levelRank: r.level_rank,
      valueCount: 0,
      childIds: [],
    });
  }
  const nodes = [...byId.values()];
  for (const node of nodes) if (node.parentId) byId.get(node.parentId)!.childIds.push(node.id);

  // Sum values upward level by level (parents are always exactly one level up).
  for (const level of [0, 1, 2, 3] as const) {
    for (const node of nodes) {
      if (node.level !== level) continue;
      if (level === 0) {
        node.valueCount = 1;
        node.expressionsPer100 = node.pctConvos ?? 0;
      }
      const parent = node.parentId ? byId.get(node.parentId) : undefined;
      if (parent) {
        parent.valueCount += node.valueCount;
        parent.expressionsPer100 += node.expressionsPer100;
      }
    }
  }
  for (const node of nodes) node.category = categoryOf(node, byId).name;
  for (const node of nodes) {
    node.childIds.sort((a, b) => byId.get(b)!.share - byId.get(a)!.share || byId.get(a)!.name.localeCompare(byId.get(b)!.name));
  }

  const categories = nodes.filter((n) => n.level === 3).sort((a, b) => b.share - a.share);
  return { nodes, byId, categories };
}

function categoryOf(node: TaxonomyNode, byId: Map<string, TaxonomyNode>): TaxonomyNode {
  let current = node;
  while (current.parentId) current = byId.get(current.parentId)!;
  return current;
}

export interface CategoryShare {
  category: string;
  href: string;
  /** % of all value expressions. */
  share: number;
  level2Clusters: number;
  level1Clusters: number;
  values: number;
}

/** The five top-level categories with their share of expressions and how many clusters and values sit under each. */
export function categoryShares(taxonomy: Taxonomy): CategoryShare[] {
  const countsBy = aq
    .from(taxonomy.nodes.map((n) => ({ category: n.category, level: n.level })))
    .groupby('category')
    .rollup({
      level2Clusters: 'd => op.sum(d.level === 2 ? 1 : 0)',
      level1Clusters: 'd => op.sum(d.level === 1 ? 1 : 0)',
      values: 'd => op.sum(d.level === 0 ? 1 : 0)',
    });
  const counts = new Map((countsBy.objects() as (Record<string, number> & { category: string })[]).map((r) => [r.category, r]));
  return taxonomy.categories.map((c) => ({
    category: c.name,
    href: nodePages(taxonomy).href(c.id),
    share: c.share,
    level2Clusters: counts.get(c.name)!.level2Clusters,
    level1Clusters: counts.get(c.name)!.level1Clusters,
    values: counts.get(c.name)!.values,
  }));
}

export interface TopValue {
  rank: number;
  value: string;
  /** % of conversations. */
  pctConvos: number;
  category: string;
  /** Level-1 cluster the value belongs to. */
  cluster: string;
  /** The value's page and its cluster's page. */
  href: string;
  clusterHref: string;
}

/** Values by % of conversations, most frequent first, optionally within one top-level category. */
export function topValues(taxonomy: Taxonomy, limit: number, category?: string): TopValue[] {
  return taxonomy.nodes
    .filter((n) => n.level === 0 && (!category || n.category === category))
    .sort((a, b) => a.rank! - b.rank! || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((n) => ({
      rank: n.rank!,
      value: n.name,
      pctConvos: n.pctConvos!,
      category: n.category,
      cluster: taxonomy.byId.get(n.parentId!)!.name,
      href: nodePages(taxonomy).href(n.id),
      clusterHref: nodePages(taxonomy).href(n.parentId!),
    }));
}
