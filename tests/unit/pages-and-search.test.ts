import { describe, expect, it } from 'vitest';
import { loadDataset, loadPaperFigures } from '../../src/data/load.ts';
import { buildModel } from '../../src/data/model.ts';
import { assignSlugs, slugify } from '../../src/data/slugs.ts';
import { buildSearchIndex, entryHref, search } from '../../src/data/search-index.ts';
import { HOSTILE_TEXTS } from '../fixtures/synthetic-dataset.ts';
import { realDatasetDir } from './dataset-dir.ts';

const model = buildModel(loadDataset(realDatasetDir), loadPaperFigures());
const { taxonomy } = model;
const node = (name: string) => taxonomy.nodes.find((n) => n.name === name && n.level === 0)!;

describe('slugs', () => {
  it('are readable and safe for any name', () => {
    expect(slugify('Filial piety', 'value')).toBe('filial-piety');
    expect(slugify('Crème brûlée', 'value')).toBe('creme-brulee');
    for (const text of HOSTILE_TEXTS) expect(slugify(text, 'value'), text).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slugify('<img src=x onerror=alert(1)>', 'value')).toBe('img-src-x-onerror-alert-1');
    expect(slugify('שלום', 'value')).toBe('value');
    expect(slugify('x'.repeat(300), 'value').length).toBeLessThanOrEqual(80);
  });

  it('are unique over every value and every cluster of the real dataset, one per node', () => {
    const hrefs = taxonomy.nodes.map((n) => n.href);
    expect(new Set(hrefs).size).toBe(taxonomy.nodes.length);
    expect(hrefs.filter((h) => h.startsWith('/values/'))).toHaveLength(taxonomy.nodes.filter((n) => n.level === 0).length);
    expect(node('filial piety').href).toBe('/values/filial-piety/');
  });

  it('resolve collisions deterministically, whatever the order of the input', () => {
    const make = (id: string, name: string) => ({ id, name });
    const nodes = [make('b', 'Cost effectiveness'), make('a', 'cost-effectiveness'), make('c', 'cost effectiveness 2'), make('d', 'COST EFFECTIVENESS')];
    const forward = assignSlugs(nodes, 'value');
    const backward = assignSlugs([...nodes].reverse(), 'value');
    expect(Object.fromEntries(forward)).toEqual(Object.fromEntries(backward));
    expect(forward.get('a')).toBe('cost-effectiveness');
    expect(new Set(forward.values()).size).toBe(4);
  });
});

describe('related values', () => {
  it('share a word of the name, most frequent first', () => {
    const related = model.related(node('patient autonomy'));
    expect(related[0]!.name).toBe('user autonomy');
    expect(related.every((r) => /autonomy|patient/.test(r.name))).toBe(true);
    expect(related.map((r) => r.pctConvos)).toEqual([...related.map((r) => r.pctConvos)].sort((a, b) => b! - a!));
  });
});

describe('search', () => {
  const index = buildSearchIndex(taxonomy);
  const names = (query: string, category?: number) => search(index, query, { category }).map((r) => index.name[r.index]);

  it('finds a value from the start of its name, and its page', () => {
    const [first] = search(index, 'filial');
    expect(index.name[first!.index]).toBe('filial piety');
    expect(entryHref(index, first!.index)).toBe('/values/filial-piety/');
  });

  it('finds clusters by name and by description, and every entry links to its real page', () => {
    expect(names('Practical values')[0]).toBe('Practical values');
    expect(names('intergenerational').length).toBeGreaterThan(3);
    const real = new Set(taxonomy.nodes.map((n) => n.href));
    for (let i = 0; i < index.name.length; i++) expect(real.has(entryHref(index, i))).toBe(true);
  });

  it('filters by category and ranks exact, then prefix matches first', () => {
    const social = taxonomy.categories.findIndex((c) => c.name === 'Social values');
    const results = search(index, 'respect', { category: social });
    expect(results.every((r) => index.category[r.index] === social)).toBe(true);
    expect(names('honesty')[0]).toBe('honesty');
    expect(search(index, '   ')).toEqual([]);
  });

  it('answers each keystroke as a fresh search would, typing on, deleting and changing category', () => {
    const typed = ['a', 'au', 'aut', 'autonomy', 'autonom', 'autonomy', 'x', 'hon', 'honesty', 'h', 'respect'];
    for (const [n, query] of typed.entries()) {
      const category = n % 3 === 0 ? 1 : undefined;
      // A copy of the index has nothing remembered from earlier keystrokes.
      expect(search(index, query, { category })).toEqual(search({ ...index }, query, { category }));
    }
    expect(search(index, 'autonomy', { limit: 50 }).length).toBeGreaterThan(20);
  });
});
