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

/**
 * An index made ready for typing, once: names and descriptions in lower case, the entries in ranking order (most
 * frequent first), and the entries the last query matched. A query that extends the last one (the next keystroke)
 * can only match among those, so each keystroke scans fewer entries than the one before.
 */
interface PreparedIndex {
  names: string[];
  descriptions: string[];
  byFrequency: number[];
  last: { query: string; matches: number[] };
}

const prepared = new WeakMap<SearchIndex, PreparedIndex>();

/** Make an index ready for typing before the first key (lower-casing and ordering 3,600 entries is a frame's work). */
export function prepareSearch(index: SearchIndex): void {
  prepare(index);
}

function prepare(index: SearchIndex): PreparedIndex {
  let ready = prepared.get(index);
  if (!ready) {
    const byFrequency = index.name.map((_, i) => i).sort((a, b) => index.frequency[b]! - index.frequency[a]! || a - b);
    ready = {
      names: index.name.map((n) => n.toLowerCase()),
      descriptions: index.description.map((d) => d.toLowerCase()),
      byFrequency,
      last: { query: '', matches: byFrequency },
    };
    prepared.set(index, ready);
  }
  return ready;
}

/** How well an entry's name (or its description) matches a query in lower case; 0 when it does not. */
function scoreOf(name: string, description: string, q: string): number {
  if (name === q) return 5;
  if (name.startsWith(q)) return 4;
  if (name.includes(` ${q}`) || name.includes(`-${q}`)) return 3;
  if (name.includes(q)) return 2;
  return description.includes(q) ? 1 : 0;
}

/**
 * Rank entries for a query: whole name, then name start, word start, anywhere in the name, then description; within
 * each, the most frequent first. The one matching function for every search box (the site's search, the atlas's).
 */
export function search(index: SearchIndex, query: string, options: { category?: number; limit?: number } = {}): SearchResult[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const ready = prepare(index);
  const candidates = q.startsWith(ready.last.query) ? ready.last.matches : ready.byFrequency;
  const matches: number[] = [];
  // One list per score, each filled in frequency order, so no sort is needed.
  const byScore: number[][] = [[], [], [], [], [], []];
  const category = options.category ?? -1;
  for (const i of candidates) {
    const score = scoreOf(ready.names[i]!, ready.descriptions[i]!, q);
    if (!score) continue;
    matches.push(i);
    if (category < 0 || index.category[i] === category) byScore[score]!.push(i);
  }
  ready.last = { query: q, matches };
  const limit = options.limit ?? 20;
  const results: SearchResult[] = [];
  for (let score = 5; score > 0 && results.length < limit; score--) {
    for (const i of byScore[score]!.slice(0, limit - results.length)) results.push({ index: i, score });
  }
  return results;
}
