import { describe, expect, it } from 'vitest';
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
      ['The five most frequent v', 'matches'],
      ['75% of values occur in f', 'close'],
      ['Claude expresses about 4', 'matches'],
      ['Residuals above 4.33 are', 'matches'],
    ]);
    expect(claims[2]!.ours).toBe('73.3%');
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
  });
});
