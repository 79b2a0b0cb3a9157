import * as aq from 'arquero';
import type { Dataset, Level } from './types.ts';
import { assignSlugs, nodeHref } from './slugs.ts';
import { SLUG_FALLBACK } from './atlas.ts';

const { op } = aq;

/** One node of the taxonomy with both measures the dataset offers, and where its page is. */
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
  /** Rank among the values by pct_convos (1 = most frequent, ties share a rank); null for clusters. */
  rank: number | null;
  /** % of all values that are rarer (lower pct_convos) than this one; null for clusters. */
  commonerThan: number | null;
  /** Rank among the nodes of the same level by share (1 = largest). */
  levelRank: number;
  /** Number of individual values at or under this node. */
  valueCount: number;
  childIds: string[];
  /** The node's page: /values/<slug>/ or /clusters/<slug>/. */
  slug: string;
  /** Its page, or for a value without one (see TaxonomyOptions) its entry on its cluster's page: /clusters/<slug>/#value-<slug>. */
  href: string;
  /** Whether the node has a page of its own (every cluster does; values unless limited). */
  hasPage: boolean;
}

export interface TaxonomyOptions {
  /** Pages for this many of the most frequent values only (VITW_VALUE_PAGES); the rest link to their cluster's page. */
  valuePages?: number;
}

/** An individual value (level 0), whose conversation measures are always set. */
export interface ValueNode extends TaxonomyNode {
  level: 0;
  pctConvos: number;
  rank: number;
  commonerThan: number;
}

export interface Taxonomy {
  nodes: TaxonomyNode[];
  byId: Map<string, TaxonomyNode>;
  /** The five level-3 categories, largest share first. */
  categories: TaxonomyNode[];
  /** Every value, most frequent first (ties by name). */
  values: ValueNode[];
  /** Nodes per level: [values, level-1 clusters, level-2 clusters, categories]. */
  levelCounts: [number, number, number, number];
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
function rankedValues(dataset: Dataset): aq.ColumnTable {
  return dataset.frequencies
    .select('value', 'pct_convos')
    .orderby(aq.desc('pct_convos'))
    .derive({ rank: op.rank() });
}

export const isValue = (node: TaxonomyNode): node is ValueNode => node.level === 0;

export function buildTaxonomy(dataset: Dataset, options: TaxonomyOptions = {}): Taxonomy {
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
      commonerThan: null,
      levelRank: r.level_rank,
      valueCount: 0,
      childIds: [],
      slug: '',
      href: '',
      hasPage: true,
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

  const values = nodes.filter(isValue).sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  // Values sorted ascending: the number rarer than a value is the index of the first value as frequent as it.
  const ascending = values.map((v) => v.pctConvos).sort((a, b) => a - b);
  for (const v of values) v.commonerThan = (100 * lowerBound(ascending, v.pctConvos)) / values.length;

  const slugs = new Map([...assignSlugs(values, SLUG_FALLBACK[0]), ...assignSlugs(nodes.filter((n) => n.level > 0), SLUG_FALLBACK[1])]);
  for (const node of nodes) {
    node.slug = slugs.get(node.id)!;
    node.href = nodeHref(node.level, node.slug);
  }
  for (const value of values.slice(options.valuePages ?? values.length)) {
    value.hasPage = false;
    value.href = `${byId.get(value.parentId!)!.href}#${valueAnchor(value)}`;
  }

  const categories = nodes.filter((n) => n.level === 3).sort((a, b) => b.share - a.share);
  const count = (level: number) => nodes.filter((n) => n.level === level).length;
  return { nodes, byId, categories, values, levelCounts: [count(0), count(1), count(2), count(3)] };
}

/** Index of the first element of a sorted array that is ≥ x. */
function lowerBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function categoryOf(node: TaxonomyNode, byId: Map<string, TaxonomyNode>): TaxonomyNode {
  let current = node;
  while (current.parentId) current = byId.get(current.parentId)!;
  return current;
}

/** The chain from the top category down to the node's parent. */
export function ancestors(taxonomy: Taxonomy, node: TaxonomyNode): TaxonomyNode[] {
  const chain: TaxonomyNode[] = [];
  for (let id = node.parentId; id; id = taxonomy.byId.get(id)!.parentId) chain.unshift(taxonomy.byId.get(id)!);
  return chain;
}

export function childrenOf(taxonomy: Taxonomy, node: TaxonomyNode): TaxonomyNode[] {
  return node.childIds.map((id) => taxonomy.byId.get(id)!);
}

/** The id of a value's entry on its cluster's page. */
export function valueAnchor(value: Pick<TaxonomyNode, 'slug'>): string {
  return `value-${value.slug}`;
}
