import { describe, expect, it } from 'vitest';
import { loadPaperFigures } from '../../src/data/load.ts';
import { buildModel } from '../../src/data/model.ts';
import { nameWords } from '../../src/data/slugs.ts';
import { validateDataset } from '../../src/data/validate.ts';
import { RELEASE_COUNTS, syntheticDataset } from '../fixtures/synthetic-dataset.ts';

/** Values sharing a word of a value's name, most frequent first: the definition, checked against every value. */
function bruteForce(values: { name: string; rank: number }[], node: { name: string }, limit = 20) {
  const words = new Set(nameWords(node.name));
  return values
    .filter((v) => v !== node && nameWords(v.name).some((w) => words.has(w)))
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((v) => v.name);
}

function modelOf(values: number, names: string[]) {
  const fixture = syntheticDataset({ names, counts: { ...RELEASE_COUNTS, 0: values } });
  return buildModel(validateDataset(fixture.tree, fixture.frequencies).dataset!, loadPaperFigures());
}

describe('related values', () => {
  const names = ['user autonomy', 'patient autonomy', 'learner autonomy', 'autonomy', 'user privacy', 'privacy of the user', 'data privacy'];
  const model = modelOf(RELEASE_COUNTS[0], names);

  it('are the values sharing a word of the name, most frequent first, at most 20', () => {
    const related = model.related(model.value('user autonomy')!).map((v) => v.name);
    expect(related).toEqual(expect.arrayContaining(['patient autonomy', 'learner autonomy', 'autonomy', 'user privacy', 'privacy of the user']));
    expect(related).not.toContain('data privacy');
    expect(related).not.toContain('user autonomy');
    // Every synthetic name shares the word "value" with 3,000 others: the worst case for the index.
    for (const v of model.taxonomy.values.filter((_, i) => i % 97 === 0 || i < names.length)) {
      expect(model.related(v).map((r) => r.name), v.name).toEqual(bruteForce(model.taxonomy.values, v));
    }
  });

  it('look at no more values as the data grows: 8 times the values, all sharing a word, and the same work per value', () => {
    // The work counted, not timed (the machine is shared): every candidate a lookup considers goes into one Set.
    const candidates = (m: typeof model) => {
      const add = Set.prototype.add;
      let count = 0;
      Set.prototype.add = function <T>(this: Set<T>, value: T) {
        count++;
        return add.call(this, value) as Set<T>;
      };
      try {
        for (const v of m.taxonomy.values) m.related(v);
      } finally {
        Set.prototype.add = add;
      }
      return count / m.taxonomy.values.length;
    };
    const big = modelOf(8 * RELEASE_COUNTS[0], names);
    const [small, large] = [candidates(model), candidates(big)];
    // At most limit + 1 from each word's list, whatever the lists' length (the old sort of every sharer grew with n).
    const mostWords = Math.max(...big.taxonomy.values.map((v) => new Set(nameWords(v.name)).size));
    expect(large).toBeLessThanOrEqual(mostWords * 21);
    expect(large).toBeLessThanOrEqual(small * 1.05);
  }, 120_000);
});
