import { hierarchy, pack } from 'd3';
import type { Taxonomy, TaxonomyNode } from './taxonomy.ts';
import { slugify } from './slugs.ts';
import { ATLAS_SIZE, SLUG_FALLBACK, type AtlasLayout } from './atlas.ts';

/** Room between nested circles, in layout units, by the depth of the circle holding them (the whole, a category, …). */
const PADDING = [8, 5, 2.5, 0.6];

/** The atlas of a taxonomy (see AtlasLayout), laid out once per build. */
export function atlasLayout(taxonomy: Taxonomy): AtlasLayout {
  type Datum = TaxonomyNode | { root: true };
  const childrenOf = (d: Datum) => ('root' in d ? taxonomy.categories : d.childIds.map((id) => taxonomy.byId.get(id)!));
  const root = hierarchy<Datum>({ root: true }, (d) => (!('root' in d) && d.level === 0 ? null : childrenOf(d)))
    // In the taxonomy's own order (largest share first), so that the atlas, its table and its keyboard walk agree.
    .sum((d) => ('root' in d || d.level !== 0 ? 0 : d.pctConvos!));
  const packed = pack<Datum>()
    .size([ATLAS_SIZE, ATLAS_SIZE])
    .padding((node) => PADDING[node.depth] ?? 0)(root);

  const categories = taxonomy.categories.map((c) => c.name);
  const layout: AtlasLayout = { size: ATLAS_SIZE, categories, name: [], slug: [], level: [], parent: [], category: [], share: [], rank: [], circles: [] };
  const index = new Map<unknown, number>();
  packed.eachBefore((node) => {
    const d = node.data;
    index.set(node, index.size);
    const whole = 'root' in d;
    layout.name.push(whole ? 'All values' : d.name);
    // A slug that slugify() makes from the name is left out: the browser makes it again (atlasHref).
    layout.slug.push(whole || d.slug === slugify(d.name, SLUG_FALLBACK[d.level === 0 ? 0 : 1]) ? '' : d.slug);
    layout.level.push(whole ? 4 : d.level);
    layout.parent.push(node.parent ? index.get(node.parent)! : -1);
    layout.category.push(whole ? -1 : categories.indexOf(d.category));
    layout.share.push(whole ? 100 : d.level === 0 ? d.pctConvos! : d.share);
    layout.rank.push(whole ? 1 : d.level === 0 ? d.rank! : d.levelRank);
    layout.circles.push(round(node.x, 10), round(node.y, 10), round(node.r, 100));
  });
  return layout;
}

const round = (x: number, per: number) => Math.round(x * per) / per;
