import { nodeHref, slugify } from './slugs.ts';

/**
 * Every value as a circle packed inside its level-1 cluster, level-2 cluster and category, each circle's area in
 * proportion to the value's % of conversations (a cluster's circle holds its values'). Laid out once per build, as
 * columns indexed by node in depth-first order (index 0 is the whole, then each category followed by everything in
 * it), so that the page ships positions, names and figures and never the layout code.
 */
export interface AtlasLayout {
  /** The side of the square the circles fill, in layout units. */
  size: number;
  /** The top-level categories, largest first: `category` indexes this. */
  categories: string[];
  name: string[];
  /** The node's slug where it is not the one slugify() makes from its name, else '' (atlasHref gives its page). */
  slug: string[];
  /** 0 value, 1 level-1 cluster, 2 level-2 cluster, 3 category, 4 the whole. */
  level: number[];
  /** Index of the node's parent (-1 for the whole). */
  parent: number[];
  /** Index into `categories` (-1 for the whole). */
  category: number[];
  /** A value's % of conversations; a cluster's % of all value expressions (100 for the whole). */
  share: number[];
  /** A value's rank among all values by % of conversations (ties share a rank); a cluster's rank by share in its level. */
  rank: number[];
  /** x, y and radius of every node, one after the other, in layout units (x and y to 0.1, radius to 0.01). */
  circles: number[];
}

export const ATLAS_SIZE = 1000;
/** What slugify() falls back to for a value's name and for a cluster's (as taxonomy.ts assigns them). */
export const SLUG_FALLBACK = ['value', 'cluster'] as const;

/** The page of node i of the atlas (the list of all values for the whole). */
export function atlasHref(layout: Pick<AtlasLayout, 'level' | 'slug' | 'name'>, i: number): string {
  const level = layout.level[i]!;
  if (level === 4) return '/values/';
  return nodeHref(level, atlasSlug(layout, i));
}

export function atlasSlug(layout: Pick<AtlasLayout, 'level' | 'slug' | 'name'>, i: number): string {
  return layout.slug[i] || slugify(layout.name[i]!, SLUG_FALLBACK[layout.level[i] === 0 ? 0 : 1]);
}
