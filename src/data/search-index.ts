import type { Taxonomy } from './taxonomy.ts';

/**
 * The search index, as columns (compact to ship): one entry per value and cluster. `parent` is an index into the
 * same arrays (-1 for categories), so the client can show each result's path without repeating names.
 */
export interface SearchIndex {
  name: string[];
  level: number[];
  parent: number[];
  /** The page of each entry. */
  href: string[];
  /** % of conversations for values, share of expressions for clusters. */
  frequency: number[];
  category: number[];
  categories: string[];
  /** Cluster descriptions (values have none), also searched. */
  description: string[];
}

export function buildSearchIndex(taxonomy: Taxonomy): SearchIndex {
  const nodes = [...taxonomy.nodes].sort((a, b) => b.level - a.level || (a.rank ?? 0) - (b.rank ?? 0) || b.share - a.share || a.name.localeCompare(b.name));
  const position = new Map(nodes.map((n, i) => [n.id, i]));
  const categories = taxonomy.categories.map((c) => c.name);
  return {
    name: nodes.map((n) => n.name),
    level: nodes.map((n) => n.level),
    parent: nodes.map((n) => (n.parentId ? position.get(n.parentId)! : -1)),
    href: nodes.map((n) => n.href),
    frequency: nodes.map((n) => (n.level === 0 ? n.pctConvos! : n.share)),
    category: nodes.map((n) => categories.indexOf(n.category)),
    categories,
    description: nodes.map((n) => n.description),
  };
}

export function entryHref(index: SearchIndex, i: number): string {
  return index.href[i]!;
}

export interface SearchResult {
  index: number;
  score: number;
}

/** Rank entries for a query: whole name, then name start, word start, anywhere in the name, then description. */
export function search(index: SearchIndex, query: string, options: { category?: number; limit?: number } = {}): SearchResult[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const results: SearchResult[] = [];
  for (let i = 0; i < index.name.length; i++) {
    if (options.category !== undefined && options.category >= 0 && index.category[i] !== options.category) continue;
    const name = index.name[i]!.toLowerCase();
    let score = 0;
    if (name === q) score = 5;
    else if (name.startsWith(q)) score = 4;
    else if (name.includes(` ${q}`) || name.includes(`-${q}`)) score = 3;
    else if (name.includes(q)) score = 2;
    else if (index.description[i]!.toLowerCase().includes(q)) score = 1;
    if (score) results.push({ index: i, score });
  }
  results.sort((a, b) => b.score - a.score || index.frequency[b.index]! - index.frequency[a.index]!);
  return results.slice(0, options.limit ?? 20);
}
