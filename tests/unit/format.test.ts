import { describe, expect, it } from 'vitest';
import { integer } from '../../src/lib/format.ts';
import { plural } from '../../src/lib/text.ts';

describe('integer', () => {
  it('groups whole numbers exactly as toLocaleString("en-US") does, without Intl', () => {
    for (const value of [0, 7, 12, 999, 1000, 3307, 12_345, 308_210, 1_234_567, -12, -1234, -1_000_000, Number.MAX_SAFE_INTEGER]) {
      expect(integer(value), String(value)).toBe(value.toLocaleString('en-US'));
    }
  });

  it('leaves fractions and numbers past 2^53 to toLocaleString', () => {
    for (const value of [1234.5, 0.25, 1e21]) expect(integer(value)).toBe(value.toLocaleString('en-US'));
  });

  it('is what plural() prints', () => {
    expect(plural(3307, 'value')).toBe('3,307 values');
    expect(plural(1, 'category', 'categories')).toBe('1 category');
  });
});
