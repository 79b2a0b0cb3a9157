import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.ts';
import { loadPaperFigures } from '../../src/data/load.ts';
import { buildModel } from '../../src/data/model.ts';
import { realDatasetDir } from './dataset-dir.ts';

const dataset = loadDataset(realDatasetDir);
const model = buildModel(dataset, loadPaperFigures());
const { taxonomy } = model;

describe('derived tables from the real dataset', () => {
  it('keeps every node, with the level counts of the paper', () => {
    const counts = [0, 1, 2, 3].map((level) => taxonomy.nodes.filter((n) => n.level === level).length);
    expect(counts).toEqual([3307, 266, 26, 5]);
    expect(taxonomy.nodes).toHaveLength(3604);
  });

  it('gives the five category shares and counts the clusters and values under each', () => {
    const shares = model.categories;
    expect(shares.map((c) => [c.category, c.share])).toEqual([
      ['Practical values', 31.426],
      ['Epistemic values', 22.203],
      ['Social values', 21.41],
      ['Protective values', 13.862],
      ['Personal values', 11.099],
    ]);
    expect(shares.reduce((sum, c) => sum + c.values, 0)).toBe(3307);
    expect(shares.reduce((sum, c) => sum + c.level1Clusters, 0)).toBe(266);
    expect(shares.reduce((sum, c) => sum + c.level2Clusters, 0)).toBe(26);
  });

  it('ranks the top five values by % of conversations with their categories', () => {
    expect(taxonomy.values.slice(0, 5).map((v) => [v.rank, v.name, v.pctConvos])).toEqual([
      [1, 'helpfulness', 23.359],
      [2, 'professionalism', 22.861],
      [3, 'transparency', 17.391],
      [4, 'clarity', 16.58],
      [5, 'thoroughness', 14.301],
    ]);
    for (const v of taxonomy.values.slice(0, 100)) expect(taxonomy.categories.map((c) => c.name)).toContain(v.category);
  });

  it('filters top values by category and never returns more than asked', () => {
    const personal = taxonomy.values.filter((v) => v.category === 'Personal values').slice(0, 10);
    expect(personal).toHaveLength(10);
    expect(new Set(personal.map((v) => v.category))).toEqual(new Set(['Personal values']));
    expect(personal.map((v) => v.pctConvos)).toEqual([...personal.map((v) => v.pctConvos)].sort((a, b) => b - a));
  });

  it('carries both measures on every node: share everywhere, % of conversations on values', () => {
    for (const node of taxonomy.nodes) {
      expect(node.share).toBeGreaterThanOrEqual(0);
      if (node.level === 0) expect(node.pctConvos).not.toBeNull();
      else expect(node.pctConvos).toBeNull();
    }
    const practical = taxonomy.categories[0]!;
    expect(practical.valueCount).toBe(846);
    // A cluster's expressions per 100 conversations is the sum over its values.
    const sum = taxonomy.nodes.filter((n) => n.level === 0 && n.category === practical.name).reduce((s, n) => s + n.pctConvos!, 0);
    expect(practical.expressionsPer100).toBeCloseTo(sum, 6);
  });

  it('gives tied values the same rank', () => {
    const ranked = taxonomy.values;
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1]!, ranked[i]!];
      if (a.pctConvos === b.pctConvos) expect(b.rank).toBe(a.rank);
      else expect(b.rank).toBe(i + 1);
    }
  });
});

describe('the sunburst reaches every node', () => {
  it('draws each of the 3,604 nodes as its own arc when zoomed into its parent', async () => {
    const { sunburstLayout } = await import('../../src/charts/lib/sunburst-layout.ts');
    const { childrenOf, visibleArcs } = await import('../../src/charts/lib/sunburst.ts');
    const layout = sunburstLayout(taxonomy);
    const children = childrenOf(layout);
    const drawnFromParent = new Set<number>();
    for (let parent = 0; parent < layout.key.length; parent++) {
      if (!children[parent]!.length) continue;
      for (const arc of visibleArcs(layout, parent, children)) if (arc.merged.length === 0 && layout.parent[arc.node] === parent) drawnFromParent.add(arc.node);
    }
    expect(layout.key.length - 1).toBe(3604);
    expect(drawnFromParent.size).toBe(3604);
    // The root view stays light: thin arcs below the first ring are merged.
    expect(visibleArcs(layout, 0, children).length).toBeLessThan(400);
  });
});
