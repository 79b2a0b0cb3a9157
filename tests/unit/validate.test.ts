import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { loadDataset } from '../../src/data/load.ts';
import { validateDataset } from '../../src/data/validate.ts';
import { DataValidationError, type DataProblem } from '../../src/data/types.ts';
import { HOSTILE_NAME, syntheticDataset } from '../fixtures/synthetic-dataset.ts';
import { realDatasetDir } from './dataset-dir.ts';

const TREE = 'values_tree.csv';
const FREQ = 'values_frequencies.csv';
const good = syntheticDataset({ names: [HOSTILE_NAME] });

function lineOf(text: string, fragment: string): number {
  const at = text.indexOf(fragment);
  if (at < 0) throw new Error(`fixture does not contain ${fragment}`);
  return text.slice(0, at).split('\n').length;
}

function problemsOf(tree: string, frequencies: string): DataProblem[] {
  const result = validateDataset(tree, frequencies);
  expect(result.dataset).toBeUndefined();
  return result.problems;
}

const treeRow = (name: string) => `${name},,${name},0,`;

describe('parsing', () => {
  it('handles a BOM, CRLF, quoted commas, doubled quotes and line breaks, and keeps line numbers', () => {
    const text = '\ufeffa,b\r\n1,"x, y"\r\n2,"say ""hi"""\r\n3,"two\r\nlines"\r\n4,last';
    const parsed = parseCsv(text, 't.csv');
    expect(parsed.columns).toEqual(['a', 'b']);
    expect(parsed.rows.map((r) => [r.line, r.values])).toEqual([
      [2, ['1', 'x, y']],
      [3, ['2', 'say "hi"']],
      [4, ['3', 'two\r\nlines']],
      [6, ['4', 'last']],
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('reports an unterminated quote and a row with the wrong number of fields', () => {
    const parsed = parseCsv('a,b\n1,2,3\n2,"open', 't.csv');
    expect(parsed.problems).toEqual([
      { file: 't.csv', line: 3, column: '(row)', found: 'a quoted field that never closes', expected: 'a closing double quote' },
      { file: 't.csv', line: 2, column: '(row)', found: '3 fields', expected: '2 fields, one per column' },
    ]);
  });
});

describe('validation of a good dataset', () => {
  it('accepts the synthetic dataset in CRLF, LF and with a BOM', () => {
    for (const variant of [good, syntheticDataset({ lineEnding: '\n' }), syntheticDataset({ bom: true })]) {
      expect(validateDataset(variant.tree, variant.frequencies).problems).toEqual([]);
    }
  });

  it('keeps HTML-like names as the literal text', () => {
    const { dataset } = validateDataset(good.tree, good.frequencies);
    expect(dataset!.tree.filter((d: { level: number }) => d.level === 0).get('name', 0)).toBe(HOSTILE_NAME);
    const descriptions = new Set(dataset!.tree.array('description') as string[]);
    for (const text of ['Spans\ntwo lines', 'Says "quoted" words', 'Has a comma, inside']) expect(descriptions).toContain(text);
  });

  it('accepts the real dataset, whose invariants hold', () => {
    const start = performance.now();
    const dataset = loadDataset(realDatasetDir);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(dataset.tree.numRows()).toBe(3604);
    expect(dataset.frequencies.numRows()).toBe(3307);
    const practical = dataset.tree.filter((d: { name: string }) => d.name === 'Practical values');
    expect(practical.get('pct_total_occurrences', 0)).toBe(31.426);
  });
});

describe('validation rules, one bad input each', () => {
  it('names a wrong, missing or extra column', () => {
    expect(problemsOf(good.tree.replace('pct_total_occurrences', 'pct'), good.frequencies)).toContainEqual({
      file: TREE, line: 1, column: 'pct_total_occurrences', found: 'column 6 named "pct"', expected: 'column 6 named "pct_total_occurrences"',
    });
    expect(problemsOf(good.tree, good.frequencies.replace('value,pct_convos', 'value'))).toContainEqual({
      file: FREQ, line: 1, column: 'pct_convos', found: 'no column', expected: 'column 2 named "pct_convos"',
    });
    const extra = problemsOf(good.tree, good.frequencies.replace('value,pct_convos', 'value,pct_convos,extra'));
    expect(extra).toContainEqual(expect.objectContaining({ file: FREQ, line: 1, column: 'extra', found: 'column 3 named "extra"' }));
  });

  it('names a level that is not a number, or not 0–3', () => {
    const line = lineOf(good.tree, treeRow('value 0001'));
    expect(problemsOf(good.tree.replace(treeRow('value 0001'), 'value 0001,,value 0001,zero,'), good.frequencies)).toContainEqual({
      file: TREE, line, column: 'level', found: '"zero"', expected: 'one of the levels 0, 1, 2, 3',
    });
    expect(problemsOf(good.tree.replace(treeRow('value 0001'), 'value 0001,,value 0001,7,'), good.frequencies)).toContainEqual(
      expect.objectContaining({ file: TREE, line, column: 'level', found: '"7"' }),
    );
  });

  it('names a percentage that is not a number or is outside 0–100', () => {
    const line = lineOf(good.frequencies, 'value 0005,');
    const row = good.frequencies.split('\n')[line - 1]!;
    for (const [bad, found, expected] of [
      ['abc', '"abc"', 'a decimal number'],
      ['120', '120', 'a percentage between 0 and 100'],
      ['-1', '-1', 'a percentage between 0 and 100'],
    ]) {
      const problems = problemsOf(good.tree, good.frequencies.replace(row, `value 0005,${bad}`));
      expect(problems).toContainEqual({ file: FREQ, line, column: 'pct_convos', found, expected });
    }
  });

  it('names level counts that differ from 3307 / 266 / 26 / 5', () => {
    const line = good.tree.split('\r\n').find((l) => l.startsWith('value 0100,'))!;
    const tree = good.tree.replace(`${line}\r\n`, '');
    const frequencies = good.frequencies.replace(/value 0100,[^\n]*\n/, '');
    expect(problemsOf(tree, frequencies)).toEqual([{ file: TREE, line: 0, column: 'level', found: '3306 rows at level 0', expected: '3307' }]);
  });

  it('names a parent that does not exist one level up, and a category that has a parent', () => {
    const line = lineOf(good.tree, treeRow('value 0002'));
    const orphan = good.tree.replace(/(value 0002,,value 0002,0,)[^,]*/, '$1ai_values:l1:nope');
    expect(problemsOf(orphan, good.frequencies)).toEqual([
      { file: TREE, line, column: 'parent_cluster_id', found: '"ai_values:l1:nope"', expected: 'the cluster_id of a level-1 row' },
    ]);
    // A level-0 row pointing at a level-2 id is also wrong: parents are exactly one level up.
    const level2 = good.tree.match(/ai_values:l2:[^,]+/)![0];
    expect(problemsOf(good.tree.replace(/(value 0002,,value 0002,0,)[^,]*/, `$1${level2}`), good.frequencies)).toHaveLength(1);
    const categoryLine = lineOf(good.tree, ',Personal values,3,');
    const withParent = good.tree.replace(',Personal values,3,', `,Personal values,3,${level2}`);
    expect(problemsOf(withParent, good.frequencies)).toContainEqual({
      file: TREE, line: categoryLine, column: 'parent_cluster_id', found: JSON.stringify(level2), expected: 'empty: level 3 is the top',
    });
  });

  it('names a duplicate id', () => {
    const tree = good.tree.replace('value 0003,,value 0003,', 'value 0002,,value 0002,');
    const frequencies = good.frequencies.replace('value 0003,', 'value 0002,');
    const problems = problemsOf(tree, frequencies);
    expect(problems).toContainEqual({
      file: TREE, line: lineOf(good.tree, 'value 0003,'), column: 'cluster_id',
      found: `"value 0002", already on line ${lineOf(good.tree, 'value 0002,')}`, expected: 'each cluster_id once',
    });
    expect(problems).toContainEqual(expect.objectContaining({ file: FREQ, column: 'value', expected: 'each value once' }));
  });

  it('names values missing on either side of the tree ↔ frequencies match', () => {
    const missing = problemsOf(good.tree, good.frequencies.replace(/value 0004,[^\n]*\n/, ''));
    expect(missing).toEqual([
      expect.objectContaining({ file: TREE, line: lineOf(good.tree, 'value 0004,'), column: 'name', found: '"value 0004", which values_frequencies.csv does not list' }),
    ]);
    const extra = problemsOf(good.tree, `${good.frequencies}stowaway,0.001\n`);
    expect(extra).toEqual([
      expect.objectContaining({ file: FREQ, line: 3309, column: 'value', found: '"stowaway", which is not a level-0 name in values_tree.csv' }),
    ]);
  });

  it('names a level whose shares do not sum to 100 ± 0.1', () => {
    const tree = good.tree.replace(/(,Personal values,3,,)([\d.]+)/, (_m, head, pct) => `${head}${(Number(pct) + 0.5).toFixed(3)}`);
    expect(problemsOf(tree, good.frequencies)).toEqual([
      { file: TREE, line: 0, column: 'pct_total_occurrences', found: 'level 3 sums to 100.500', expected: '100 ± 0.1' },
    ]);
  });

  it('names an unterminated quote and a row with too many fields', () => {
    const unterminated = `${good.tree}\r\nx,"never closed,y,0,,0.1`;
    expect(problemsOf(unterminated, good.frequencies)).toContainEqual(expect.objectContaining({ file: TREE, column: '(row)', expected: 'a closing double quote' }));
    const line = lineOf(good.frequencies, 'value 0006,');
    const row = good.frequencies.split('\n')[line - 1]!;
    expect(problemsOf(good.tree, good.frequencies.replace(row, `${row},surplus`))).toContainEqual({
      file: FREQ, line, column: '(row)', found: '3 fields', expected: '2 fields, one per column',
    });
  });

  it('reports every problem at once, and loadDataset throws them all', () => {
    const tree = good.tree
      .replace(treeRow('value 0001'), 'value 0001,,value 0001,zero,')
      .replace(/(value 0002,,value 0002,0,)[^,]*/, '$1ai_values:l1:nope');
    const frequencies = good.frequencies.replace(/value 0005,[^\n]*/, 'value 0005,abc');
    const problems = problemsOf(tree, frequencies);
    expect(problems.map((p) => p.column).sort()).toEqual(expect.arrayContaining(['level', 'parent_cluster_id', 'pct_convos']));
    const error = new DataValidationError(problems);
    expect(error.message).toContain(`${TREE}:${lineOf(good.tree, 'value 0001,')} column "level": found "zero"`);
    expect(error.message).toContain(`${FREQ}:${lineOf(good.frequencies, 'value 0005,')} column "pct_convos": found "abc"`);
  });
});

describe('the build step', () => {
  it('stops with every problem listed when the data is bad', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { execFile } = await import('node:child_process');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vitw-bad-'));
    try {
      writeFileSync(path.join(dir, TREE), good.tree.replace(treeRow('value 0001'), 'value 0001,,value 0001,zero,'));
      writeFileSync(path.join(dir, FREQ), good.frequencies.replace(/value 0005,[^\n]*/, 'value 0005,abc'));
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = execFile(process.execPath, ['scripts/fetch-data.ts'], { env: { PATH: process.env.PATH, VITW_DATA_DIR: dir } }, (_e, _out, stderr) =>
          resolve({ code: child.exitCode, stderr }),
        );
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/failed validation \(\d+ problems\)/);
      expect(result.stderr).toContain(`${TREE}:${lineOf(good.tree, 'value 0001,')} column "level"`);
      expect(result.stderr).toContain(`${FREQ}:${lineOf(good.frequencies, 'value 0005,')} column "pct_convos"`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
