import { describe, expect, it } from 'vitest';
import { valuePagesLimit } from '../../src/config.ts';
import { sitePaths } from '../../src/charts/lib/site-paths.ts';
import { loadPaperFigures } from '../../src/data/load.ts';
import { buildModel } from '../../src/data/model.ts';
import { validateDataset } from '../../src/data/validate.ts';
import { syntheticDataset } from '../fixtures/synthetic-dataset.ts';

/** VITW_VALUE_PAGES: for data too large for a host's file limit, pages for the most frequent values only. */
describe('value pages for the top N values only', () => {
  const fixture = syntheticDataset();
  const dataset = validateDataset(fixture.tree, fixture.frequencies).dataset!;
  const paper = loadPaperFigures();

  it('gives the N most frequent values a page and links the others to their entry on their cluster page', () => {
    const { taxonomy } = buildModel(dataset, paper, { valuePages: 100 });
    const [withPage, without] = [taxonomy.values.slice(0, 100), taxonomy.values.slice(100)];
    expect(withPage.every((v) => v.hasPage && v.href === `/values/${v.slug}/`)).toBe(true);
    for (const v of without) {
      const cluster = taxonomy.byId.get(v.parentId!)!;
      expect(v.hasPage).toBe(false);
      expect(v.href).toBe(`${cluster.href}#value-${v.slug}`);
    }
    const paths = sitePaths(taxonomy.nodes);
    expect(paths.filter((p) => p.startsWith('/values/') && p !== '/values/')).toHaveLength(100);
    expect(paths.filter((p) => p.startsWith('/clusters/'))).toHaveLength(taxonomy.nodes.length - taxonomy.values.length);
    expect(paths.some((p) => p.includes('#'))).toBe(false);
  });

  it('is off by default: every value has its page', () => {
    const { taxonomy } = buildModel(dataset, paper);
    expect(taxonomy.values.every((v) => v.hasPage)).toBe(true);
  });

  it('reads VITW_VALUE_PAGES as a whole number of at least 1', () => {
    expect(valuePagesLimit({})).toBeUndefined();
    expect(valuePagesLimit({ VITW_VALUE_PAGES: ' ' })).toBeUndefined();
    expect(valuePagesLimit({ VITW_VALUE_PAGES: '5000' })).toBe(5000);
    for (const bad of ['0', '-1', '1.5', 'all']) expect(() => valuePagesLimit({ VITW_VALUE_PAGES: bad })).toThrow(/VITW_VALUE_PAGES must be a whole number/);
  });
});
