import { describe, expect, it } from 'vitest';
import topValuesChart, { parseTopValuesOptions, selectTopValues, type TopValue } from '../../src/charts/top-values.ts';
import categoryShares from '../../src/charts/category-shares.ts';
import { serverDocument } from '../../src/charts/lib/server-document.ts';
import { CATEGORY_COLORS, contrastRatio, textColorOn } from '../../src/charts/lib/palette.ts';
import { dataTableHtml } from '../../src/components/data-table.ts';
import { arcPath, visibleArcs, type SunburstLayout } from '../../src/charts/lib/sunburst.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const categories = Object.keys(CATEGORY_COLORS);
const rows: TopValue[] = Array.from({ length: 120 }, (_, i) => ({
  rank: i + 1,
  value: i === 0 ? HOSTILE : `value ${i}`,
  pctConvos: 20 - i * 0.1,
  category: categories[i % 5]!,
  cluster: `cluster "${i}"`,
  href: `/values/value-${i}/`,
}));
const values = { rows, categories };
const renderTopValues = topValuesChart.render;
const topValuesTable = topValuesChart.table;

describe('top values chart', () => {
  it('draws exactly the rows asked for', () => {
    const svg = renderTopValues(values, { limit: 40, category: '' }, serverDocument());
    expect(svg.querySelectorAll('[aria-label="bar"] rect').length).toBe(40);
    expect(topValuesTable(values, { limit: 40, category: '' }).rows).toHaveLength(40);
    const social = selectTopValues(values, { limit: 10, category: 'Social values' });
    expect(social.every((v) => v.category === 'Social values')).toBe(true);
  });

  it('falls back to defaults for invalid options', () => {
    for (const limit of ['-5', '10000', 'garbage', '12.5', undefined]) expect(parseTopValuesOptions({ limit }, categories).limit).toBe(30);
    // Between the slider's steps, a limit snaps to the nearest step, so the chart and the slider agree.
    expect(parseTopValuesOptions({ limit: '12' }, categories).limit).toBe(10);
    expect(parseTopValuesOptions({ limit: '13' }, categories).limit).toBe(15);
    expect(parseTopValuesOptions({ limit: '55' }, categories).limit).toBe(55);
    expect(parseTopValuesOptions({ category: 'Nope' }, categories).category).toBe('');
    expect(parseTopValuesOptions({ category: 'Personal values' }, categories).category).toBe('Personal values');
  });

  it('renders names from the data as text, never as markup', () => {
    const html = renderTopValues(values, { limit: 10, category: '' }, serverDocument()).outerHTML;
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const table = dataTableHtml(topValuesTable(values, { limit: 10, category: '' }), 'top-values-title');
    expect(table).not.toContain('<img');
    expect(table).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(table).toContain('cluster &quot;1&quot;');
  });
});

describe('category chart', () => {
  it('draws one bar per category with its share as a label', () => {
    const rows = categories.map((category, i) => ({ category, href: '/clusters/x/', share: 30 - i * 5, level2Clusters: 5, level1Clusters: 50, values: 600 }));
    const svg = categoryShares.render(rows, {}, serverDocument());
    expect(svg.querySelectorAll('[aria-label="bar"] rect').length).toBe(5);
    expect(svg.outerHTML).toContain('30.0%');
  });
});

describe('palette', () => {
  it('labels on every category colour reach WCAG AA contrast', () => {
    for (const color of Object.values(CATEGORY_COLORS)) expect(contrastRatio(color, textColorOn(color))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('sunburst geometry', () => {
  // Root with two categories: one wide, and one so thin that its two children merge into "2 more".
  const layout: SunburstLayout = {
    key: ['', 'a', 'b', 'a1', 'b1', 'b2'],
    name: ['All values', 'A', 'B', 'a1', 'b1', 'b2'],
    level: [4, 3, 3, 2, 2, 2],
    parent: [-1, 0, 0, 1, 2, 2],
    x0: [0, 0, 0.9999, 0, 0.9999, 0.99995],
    x1: [1, 0.9999, 1, 0.9999, 0.99995, 1],
    depth: [0, 1, 1, 2, 2, 2],
    category: ['', 'Practical values', 'Social values', 'Practical values', 'Social values', 'Social values'],
    share: [100, 99.99, 0.01, 99.99, 0.005, 0.005],
    pctConvos: [null, null, null, null, null, null],
    rank: [null, 1, 2, 1, 2, 3],
    description: ['', '', '', '', '', ''],
    valueCount: [3, 1, 2, 1, 1, 1],
    href: ['/values/', '/clusters/a/', '/clusters/b/', '/clusters/a1/', '/clusters/b1/', '/clusters/b2/'],
  };

  it('merges arcs too thin to see into one "n more" arc, and shows them when zoomed in', () => {
    // At the root, the thin category B is still drawn (the focus's own children always are), but its two thin
    // children are merged into one arc.
    const atRoot = visibleArcs(layout, 0);
    expect(atRoot.map((a) => [a.node, a.merged.length])).toEqual([[1, 0], [3, 0], [2, 0], [4, 2]]);
    const zoomed = visibleArcs(layout, 2);
    expect(zoomed.map((a) => [a.node, a.merged.length])).toEqual([[4, 0], [5, 0]]);
  });

  it('draws a full ring as two circles, outer and inner, and a segment between its angles', () => {
    const ring = arcPath(0, 2 * Math.PI, 10, 20);
    expect(ring).toContain('A20,20');
    expect(ring).toContain('A10,10');
    // A quarter segment from 12 to 3 o'clock starts at the top of the outer circle (padded slightly clockwise).
    const quarter = arcPath(0, Math.PI / 2, 10, 20);
    const [x, y] = quarter.slice(1).split(/[A,]/).map(Number);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThan(1);
    expect(y).toBeCloseTo(-20, 0);
    expect(quarter).not.toContain('A10,10,0,1');
  });
});
