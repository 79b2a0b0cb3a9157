import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAPER_TABLES, parsePaperFigures, provenance } from '../../src/data/paper.ts';
import { loadPaperFigures } from '../../src/data/load.ts';
import { PAPER_DIR } from '../../src/config.ts';

const texts = Object.fromEntries(readdirSync(PAPER_DIR).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(path.join(PAPER_DIR, f), 'utf8')]));
const withFile = (file: string, edit: (text: string) => string) => ({ ...texts, [file]: edit(texts[file]!) });

describe('figures transcribed from the paper', () => {
  it('all load, every row sourced and graded', () => {
    const figures = loadPaperFigures();
    for (const [name, rows] of Object.entries(figures)) {
      expect(rows.length, name).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.where).toBeTruthy();
        expect(['A', 'B', 'C']).toContain(row.confidence);
        if (row.confidence === 'C') expect(row.caveat).toBeTruthy();
      }
    }
    expect(figures.responseTypes.reduce((s, r) => s + (r.pct_of_conversations as number), 0)).toBeCloseTo(100, 1);
    expect(Object.keys(PAPER_TABLES).length).toBe(Object.keys(texts).length);
  });

  it('says where each figure comes from in readers’ words, not letter grades', () => {
    expect(provenance({ where: '§3', confidence: 'A', source: 's', caveat: '' })).toBe('from the paper, §3');
    expect(provenance({ where: 'Fig. 3a', confidence: 'B', source: 's', caveat: '' })).toBe('reported by one secondary source, Fig. 3a');
    expect(provenance({ where: 'Fig. 3b', confidence: 'C', source: 's', caveat: 'x' })).toBe('uncertain, Fig. 3b');
  });

  it('keeps each cell as printed, so "4.0" keeps its decimal', () => {
    const mean = loadPaperFigures().scope.find((r) => r.key === 'mean_ai_values')!;
    expect(mean.value).toBe(4);
    expect(mean.printed.value).toBe('4.0');
  });

  it('rejects a grade-C row without its caveat, naming file, line and column', () => {
    const { problems } = parsePaperFigures(withFile('task-residuals.csv', (t) => t.replace(/,C,one detailed summary of the paper,"[^"]+"/, ',C,one detailed summary of the paper,')));
    expect(problems).toEqual([
      { file: 'task-residuals.csv', line: 5, column: 'caveat', found: 'an empty cell', expected: 'a caveat, which every grade-C figure must carry' },
    ]);
  });

  it('rejects response-type shares that do not sum to 100 ± 0.1', () => {
    const { problems } = parsePaperFigures(withFile('response-types.csv', (t) => t.replace('strong support,support,28.2', 'strong support,support,29.2')));
    expect(problems).toEqual([{ file: 'response-types.csv', line: 0, column: 'pct_of_conversations', found: 'a sum of 101.00', expected: '100 ± 0.1' }]);
  });

  it('rejects bad grades, numbers, categories, headers and missing files — all at once', () => {
    const bad = {
      ...withFile('variation.csv', (t) => t.replace('transparency,1.23,§4.3,A', 'transparency,low,§4.3,Z')),
      'mirroring.csv': texts['mirroring.csv']!.replace('response_type,pct_mirroring', 'type,pct'),
    };
    delete (bad as Record<string, string>)['human-values.csv'];
    const { problems } = parsePaperFigures(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: 'variation.csv', line: 2, column: 'cv', found: '"low"', expected: 'a decimal number' },
        { file: 'variation.csv', line: 2, column: 'confidence', found: '"Z"', expected: 'one of A, B, C' },
        expect.objectContaining({ file: 'mirroring.csv', line: 1, column: '(header)' }),
        expect.objectContaining({ file: 'human-values.csv', column: '(file)', found: 'no file' }),
      ]),
    );
    const { problems: percent } = parsePaperFigures(withFile('response-types.csv', (t) => t.replace('reframing,reframing,6.6', 'reframing,reframing,106.6')));
    expect(percent).toContainEqual({ file: 'response-types.csv', line: 5, column: 'pct_of_conversations', found: '"106.6"', expected: 'a percentage between 0 and 100' });
  });
});
