import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/data/validate.ts';
import { loadPaperFigures } from '../../src/data/load.ts';
import { buildModel } from '../../src/data/model.ts';
import { atlasHref, atlasSlug } from '../../src/data/atlas.ts';
import valuesAtlas, { valueCounts } from '../../src/charts/values-atlas.ts';
import { serverDocument } from '../../src/charts/lib/server-document.ts';
import { HOSTILE_NAME, syntheticDataset } from '../fixtures/synthetic-dataset.ts';

/** Two values whose names make the same slug, so that one of them has a slug slugify() does not give. */
const NAMES = ['helpfulness', 'user autonomy', 'User Autonomy!', HOSTILE_NAME];
const fixture = syntheticDataset({ names: NAMES });
const { dataset } = validateDataset(fixture.tree, fixture.frequencies);
const model = buildModel(dataset!, loadPaperFigures());
const { atlas, taxonomy } = model;
const circle = (i: number) => ({ x: atlas.circles[3 * i]!, y: atlas.circles[3 * i + 1]!, r: atlas.circles[3 * i + 2]! });

describe('the values atlas layout (computed once, in the model)', () => {
  it('holds every node once, the whole first, each after its parent, with the taxonomy’s figures', () => {
    expect(atlas.name).toHaveLength(taxonomy.nodes.length + 1);
    expect(atlas.level[0]).toBe(4);
    for (const [i, parent] of atlas.parent.entries()) if (i > 0) expect(parent).toBeLessThan(i);
    expect(atlas.level.filter((l) => l === 0)).toHaveLength(taxonomy.values.length);
    const byHref = new Map(taxonomy.nodes.map((n) => [n.href, n]));
    for (let i = 1; i < atlas.name.length; i++) {
      const node = byHref.get(atlasHref(atlas, i))!;
      expect(node, atlas.name[i]).toBeDefined();
      expect(node.name).toBe(atlas.name[i]);
      expect(atlasSlug(atlas, i)).toBe(node.slug);
      expect(atlas.share[i]).toBe(node.level === 0 ? node.pctConvos : node.share);
      expect(atlas.rank[i]).toBe(node.level === 0 ? node.rank : node.levelRank);
    }
  });

  it('ships a slug only where the browser could not make it from the name', () => {
    const shipped = atlas.slug.filter(Boolean);
    expect(shipped.length).toBeGreaterThan(0);
    expect(shipped.length).toBeLessThan(10);
  });

  it('packs every circle inside its parent’s, siblings apart, each value’s area in proportion to its % of conversations', () => {
    for (let i = 1; i < atlas.name.length; i++) {
      const [c, p] = [circle(i), circle(atlas.parent[i]!)];
      expect(Math.hypot(c.x - p.x, c.y - p.y) + c.r, atlas.name[i]).toBeLessThanOrEqual(p.r + 0.2);
    }
    const values = atlas.level.flatMap((l, i) => (l === 0 ? [i] : []));
    const density = values.map((i) => circle(i).r ** 2 / atlas.share[i]!);
    const typical = density[0]!;
    // Radii are kept to 0.01 units, so the largest circles keep their proportion to well under 1%.
    for (const [n, i] of values.entries()) if (circle(i).r > 5) expect(Math.abs(density[n]! / typical - 1), atlas.name[i]).toBeLessThan(0.01);
    const siblings = atlas.parent.flatMap((p, i) => (p === atlas.parent[1] && i > 0 ? [i] : []));
    for (const a of siblings) for (const b of siblings) if (a < b) expect(Math.hypot(circle(a).x - circle(b).x, circle(a).y - circle(b).y)).toBeGreaterThanOrEqual(circle(a).r + circle(b).r - 0.2);
  });
});

describe('the values atlas chart', () => {
  const svg = valuesAtlas.render(atlas, {}, serverDocument());

  it('draws every value as a dot, with cluster names, and escapes names from the data', () => {
    const dots = [...svg.querySelectorAll('.values path')].reduce((n, p) => n + (p.getAttribute('d')!.match(/M/g) ?? []).length, 0);
    expect(dots).toBe(taxonomy.values.length);
    const labels = [...svg.querySelectorAll('.labels-wide text')].map((t) => t.textContent);
    for (const category of taxonomy.categories) expect(labels).toContain(category.name);
    expect(svg.outerHTML).not.toContain('<img');
  });

  it('says it holds every value, and tables the clusters with their values and largest value', () => {
    expect(valuesAtlas.takeaway(atlas)).toContain(`All ${taxonomy.values.length.toLocaleString('en-US')} values`);
    expect(valuesAtlas.summary(atlas, {})).toContain(`${taxonomy.values.length.toLocaleString('en-US')} values`);
    const table = valuesAtlas.table(atlas, {});
    expect(table.rows).toHaveLength(taxonomy.nodes.length - taxonomy.values.length);
    const counts = valueCounts(atlas);
    expect(counts[0]).toBe(taxonomy.values.length);
    const first = taxonomy.categories[0]!;
    const row = table.rows.find((r) => r.name === first.name)!;
    expect(row.values).toBe(first.valueCount);
    const largest = taxonomy.values.find((v) => v.category === first.name)!;
    expect(row.largest).toBe(largest.name);
  });

  it('lays itself out for a room (a handout, a slide) at one unit a pixel', () => {
    const room = valuesAtlas.render(atlas, {}, serverDocument(), { width: 640, height: 500 });
    expect(room.getAttribute('viewBox')).toBe('0 0 500 500');
    expect(room.querySelectorAll('.labels-room text').length).toBeGreaterThan(0);
  });
});
