import type { Taxonomy, TaxonomyNode } from './derive.ts';

/** Readable, URL-safe slug: ASCII letters and digits joined by hyphens ("Filial piety!" → "filial-piety"). */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || fallback;
}

/**
 * One slug per node, unique within values and within clusters. A slug shared by several names goes, unchanged, to
 * the node with the smallest id, and the others get -2, -3, … in id order, so slugs stay stable as long as the
 * data does.
 */
export function assignSlugs(nodes: TaxonomyNode[], fallback: string): Map<string, string> {
  const byBase = new Map<string, TaxonomyNode[]>();
  for (const node of nodes) {
    const base = slugify(node.name, fallback);
    byBase.set(base, [...(byBase.get(base) ?? []), node]);
  }
  const used = new Set(byBase.keys());
  const slugs = new Map<string, string>();
  for (const [base, group] of [...byBase].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [first, ...rest] = group.sort((a, b) => (a.id < b.id ? -1 : 1));
    slugs.set(first!.id, base);
    let n = 2;
    for (const node of rest) {
      while (used.has(`${base}-${n}`)) n++;
      used.add(`${base}-${n}`);
      slugs.set(node.id, `${base}-${n}`);
    }
  }
  return slugs;
}

export interface NodePages {
  href(id: string): string;
  slug(id: string): string;
}

const cache = new WeakMap<Taxonomy, NodePages>();

/** Where each value's and cluster's page lives: /values/<slug>/ and /clusters/<slug>/. */
export function nodePages(taxonomy: Taxonomy): NodePages {
  const known = cache.get(taxonomy);
  if (known) return known;
  const slugs = new Map([
    ...assignSlugs(taxonomy.nodes.filter((n) => n.level === 0), 'value'),
    ...assignSlugs(taxonomy.nodes.filter((n) => n.level > 0), 'cluster'),
  ]);
  const pages: NodePages = {
    slug: (id) => slugs.get(id) ?? '',
    href: (id) => `/${taxonomy.byId.get(id)?.level === 0 ? 'values' : 'clusters'}/${slugs.get(id)}/`,
  };
  cache.set(taxonomy, pages);
  return pages;
}

/** Lower-case words of a name, without the small words that would relate everything to everything. */
const STOP_WORDS = new Set(['and', 'of', 'the', 'in', 'for', 'to', 'a', 'an', 'on', 'with', 'or', 'by', 'as', 'at', 'from']);
export function nameWords(name: string): string[] {
  return name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !STOP_WORDS.has(w));
}

const wordIndexes = new WeakMap<Taxonomy, Map<string, TaxonomyNode[]>>();

/** Values by each word of their names, built once per taxonomy (3,307 pages each ask for their relatives). */
function wordIndex(taxonomy: Taxonomy): Map<string, TaxonomyNode[]> {
  let index = wordIndexes.get(taxonomy);
  if (!index) {
    index = new Map();
    for (const node of taxonomy.nodes.filter((n) => n.level === 0)) {
      for (const word of new Set(nameWords(node.name))) index.set(word, [...(index.get(word) ?? []), node]);
    }
    wordIndexes.set(taxonomy, index);
  }
  return index;
}

/** Other values sharing a word of this value's name (the "autonomy" family), most frequent first. */
export function relatedValues(taxonomy: Taxonomy, node: TaxonomyNode, limit = 20): TaxonomyNode[] {
  const index = wordIndex(taxonomy);
  const related = new Set(nameWords(node.name).flatMap((w) => index.get(w) ?? []));
  related.delete(node);
  return [...related].sort((a, b) => a.rank! - b.rank! || a.name.localeCompare(b.name)).slice(0, limit);
}

/** The chain from the top category down to the node's parent. */
export function ancestors(taxonomy: Taxonomy, node: TaxonomyNode): TaxonomyNode[] {
  const chain: TaxonomyNode[] = [];
  for (let id = node.parentId; id; id = taxonomy.byId.get(id)!.parentId) chain.unshift(taxonomy.byId.get(id)!);
  return chain;
}
