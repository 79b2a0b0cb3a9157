import { describe, expect, it } from 'vitest';
import { cellNumber, pitches } from '../../src/islands/sonify.ts';

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

describe('the number a table cell holds', () => {
  const cell = (text: string, v?: string) => ({ dataset: v === undefined ? {} : { v }, textContent: text });

  it('is its exact value when the cell shows it formatted', () => {
    expect(cellNumber(cell('23.4', '23.359'))).toBe(23.359);
  });

  it('is the first number written in it otherwise, thousands separators and all (a diagram’s rows)', () => {
    expect(cellNumber(cell('308,210 subjective conversations, 44% of the sample'))).toBe(308210);
    expect(cellNumber(cell('residual 271.38'))).toBe(271.38);
  });

  it('is none for a cell without a number (the row plays a click)', () => {
    expect(cellNumber(cell('harm prevention'))).toBeNaN();
    expect(cellNumber(cell('—'))).toBeNaN();
    expect(cellNumber(undefined)).toBeNaN();
  });
});
