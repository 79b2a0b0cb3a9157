import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { verdict } from '../../src/data/claims.ts';
import { buildModel } from '../../src/data/model.ts';
import { bonferroniZ, normalQuantile } from '../../src/data/stats.ts';
import { loadDataset } from '../../src/data/load.ts';
import { loadPaperFigures } from '../../src/data/load.ts';
import { realDatasetDir } from './dataset-dir.ts';

describe('statistics', () => {
  it('inverts the normal distribution', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(1 - 1e-6)).toBeCloseTo(4.753424, 5);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it('derives the paper’s 4.33 threshold from the number of values', () => {
    expect(bonferroniZ(3307)).toBeCloseTo(4.327, 3);
  });
});

describe('verdicts', () => {
  it('are computed from the printed figure’s precision', () => {
    expect(verdict('4.0', 3.987)).toBe('matches');
    expect(verdict('4.33', 4.327)).toBe('matches');
    expect(verdict('75', 73.3)).toBe('close');
    expect(verdict('75', 60)).toBe('differs');
    expect(verdict('3307', 3307)).toBe('matches');
    expect(verdict('3307', 3306)).toBe('close');
  });
});

describe('the claims against the real dataset', () => {
  const dataset = loadDataset(realDatasetDir);
  const { claims } = buildModel(dataset, loadPaperFigures());

  it('recomputes each claim and gives the expected verdicts', () => {
    expect(claims.map((c) => [c.claim.slice(0, 24), c.verdict])).toEqual([
      ['The taxonomy has 3,307 v', 'matches'],
      ['The five categories’ sha', 'matches'],
      ['The five most frequent v', 'matches'],
      ['Together those five make', 'matches'],
      ['75% of values occur in f', 'close'],
      ['Each value traced to jai', 'matches'],
      ['Most of them occur in ar', 'differs'],
      ['Claude expresses about 4', 'matches'],
      ['Residuals above 4.33 are', 'consistent'],
    ]);
    const byStart = (start: string) => claims.find((c) => c.claim.startsWith(start))!;
    expect(byStart('75% of values').ours).toBe('73.3%');
    expect(byStart('Together those five').ours).toBe('23.7%');
    expect(byStart('The five categories').ours).toBe('31.4% / 22.2% / 21.4% / 13.9% / 11.1%');
    expect(byStart('Most of them').ours).toBe('sexual exploitation 0.14% / dominance 0.103% / amorality 0.067% / most within a factor of 10.3 of 0.01%');
    // The paper sets no band for “around”, and the row says so, and what the test cannot reach.
    expect(byStart('Most of them').how).toMatch(/sets no band/);
    expect(byStart('Most of them').how).toMatch(/reaches only the values the paper names/);
    expect(byStart('Most of them').how).toContain('amorality is commoner than 80.9% of values');
    // A threshold recomputed from an α and a number of comparisons we assume can only be consistent with the paper’s.
    expect(byStart('Residuals above').how).toMatch(/our assumptions/);
  });

  it('compare at the precision the paper prints, and say so', () => {
    const mean = claims.find((c) => c.claim.startsWith('Claude expresses about'))!;
    expect(mean.claim).toContain('about 4.0 values');
    expect([mean.paper, mean.ours]).toEqual(['4.0', '4.0']);
    expect(mean.how).not.toMatch(/averages over/);
    expect(claims.find((c) => c.claim.startsWith('Residuals'))!.ours).toBe('4.33');
  });

  it('name their provenance in readers’ words, not letter grades', () => {
    for (const c of claims) expect(c.source).toMatch(/^(from the paper|reported by one secondary source|uncertain|this report)/);
    expect(claims.find((c) => c.claim.startsWith('The five categories'))!.source).toBe('from the paper and reported by one secondary source, §4 (taxonomy figure)');
  });
});

describe('verdicts follow the data', () => {
  it('change when a fixture changes the underlying data', async () => {
    const { syntheticDataset } = await import('../fixtures/synthetic-dataset.ts');
    const { validateDataset } = await import('../../src/data/validate.ts');
    const fixture = syntheticDataset();
    const { dataset } = validateDataset(fixture.tree, fixture.frequencies);
    const { claims } = buildModel(dataset!, loadPaperFigures());
    const verdictOf = (start: string) => claims.find((c) => c.claim.startsWith(start))?.verdict;
    expect(verdictOf('The taxonomy has')).toBe('matches'); // the fixture keeps the level counts
    expect(verdictOf('The five most frequent')).toBe('differs'); // but not the top values
    expect(verdictOf('75% of values')).toBe('differs');
    expect(verdictOf('Each value traced to jailbreak')).toBe('differs'); // the fixture has none of them
    expect(verdictOf('Together those five')).toBe('differs');
  });
});

describe('“most around 0.01%” is graded by how far “around” must stretch', () => {
  const dataset = loadDataset(realDatasetDir);
  /** The real dataset with some values' % of conversations replaced. */
  const withFrequencies = (pcts: Record<string, number>) => ({
    ...dataset,
    frequencies: dataset.frequencies.derive({ pct_convos: aq.escape((d: { value: string; pct_convos: number }) => pcts[d.value] ?? d.pct_convos) }),
  });
  const rowFor = (pcts: Record<string, number>) => buildModel(withFrequencies(pcts), loadPaperFigures()).claims.find((c) => c.claim.startsWith('Most of them'))!;

  it('holds when most round to the figure, is consistent within a factor of 2, and fails beyond', () => {
    expect(rowFor({ 'sexual exploitation': 0.012, dominance: 0.009, amorality: 0.5 }).verdict).toBe('matches');
    expect(rowFor({ 'sexual exploitation': 0.018, dominance: 0.019, amorality: 0.5 }).verdict).toBe('consistent');
    expect(rowFor({ 'sexual exploitation': 0.018, dominance: 0.5, amorality: 0.5 }).verdict).toBe('differs');
    expect(rowFor({}).verdict).toBe('differs');
  });
});
