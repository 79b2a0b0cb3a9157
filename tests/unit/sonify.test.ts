import { describe, expect, it } from 'vitest';
import { pitches } from '../../src/islands/sonify.ts';

describe('sonification pitches', () => {
  it('rise with the value, from 220 to 880 Hz', () => {
    const hz = pitches([1, 2, 3, 4]);
    expect(hz[0]).toBeCloseTo(220);
    expect(hz.at(-1)).toBeCloseTo(880);
    expect([...hz].sort((a, b) => a - b)).toEqual(hz);
  });

  it('use a log scale for a long tail, so small values are still told apart', () => {
    const [, small] = pitches([0.01, 0.02, 20]);
    expect(small! - 220).toBeGreaterThan(20); // on a linear scale 0.02 would sound almost like 0.01
  });

  it('play one steady tone when every value is the same', () => {
    expect(new Set(pitches([5, 5, 5])).size).toBe(1);
  });
});
