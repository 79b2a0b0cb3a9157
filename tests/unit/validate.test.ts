import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { loadDataset } from '../../src/data/load.ts';
import { validateDataset } from '../../src/data/validate.ts';
import { DataValidationError, type DataProblem } from '../../src/data/types.ts';
import { HOSTILE_NAME, RELEASE_COUNTS, syntheticDataset } from '../fixtures/synthetic-dataset.ts';
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
      { file: 't.csv', line: 2, column: '(row)', found: '3 fields', expected: '2 fields, one per column' },
      { file: 't.csv', line: 3, column: '(row)', found: 'a quoted field that never closes', expected: 'a closing double quote' },
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
    const dataset = loadDataset(realDatasetDir);
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
      ['120', '120', 'a percentage above 0 and at most 100'],
      ['-1', '-1', 'a percentage above 0 and at most 100'],
      // 0 would silently drop the value from the log-scale charts.
      ['0', '0', 'a percentage above 0 and at most 100'],
      ['0.000', '0.000', 'a percentage above 0 and at most 100'],
    ]) {
      const problems = problemsOf(good.tree, good.frequencies.replace(row, `value 0005,${bad}`));
      expect(problems).toContainEqual({ file: FREQ, line, column: 'pct_convos', found, expected });
    }
  });

  it('validates the structure, not the counts: a next release with one more value and one more cluster is accepted', () => {
    const next = syntheticDataset({ counts: { ...RELEASE_COUNTS, 0: RELEASE_COUNTS[0] + 1, 1: RELEASE_COUNTS[1] + 1 } });
    const { dataset, problems } = validateDataset(next.tree, next.frequencies);
    expect(problems).toEqual([]);
    const levels = dataset!.tree.array('level') as number[];
    expect([0, 1, 2, 3].map((l) => levels.filter((x) => x === l).length)).toEqual([3308, 267, 26, 5]);
  });

  it('names a level with no rows at all, rather than a count', () => {
    const tree = good.tree.split('\r\n').filter((l) => !/,3,,[\d.]+$/.test(l)).join('\r\n');
    expect(problemsOf(tree, good.frequencies)).toContainEqual({
      file: TREE, line: 0, column: 'level', found: 'no rows at level 3', expected: 'at least one row at each level 0, 1, 2, 3',
    });
  });

  it('names a value whose removal leaves its cluster short (the structure, not the count)', () => {
    const line = good.tree.split('\r\n').find((l) => l.startsWith('value 0100,'))!;
    const tree = good.tree.replace(`${line}\r\n`, '');
    const frequencies = good.frequencies.replace(/value 0100,[^\n]*\n/, '');
    expect(problemsOf(tree, frequencies)).toEqual([
      expect.objectContaining({ file: TREE, column: 'pct_total_occurrences', expected: "the sum of its children's shares ± 0.01" }),
    ]);
  });

  it('names a parent that does not exist one level up, and a category that has a parent', () => {
    const line = lineOf(good.tree, treeRow('value 0002'));
    const orphan = good.tree.replace(/(value 0002,,value 0002,0,)[^,]*/, '$1ai_values:l1:nope');
    expect(problemsOf(orphan, good.frequencies)).toEqual([
      { file: TREE, line, column: 'parent_cluster_id', found: '"ai_values:l1:nope"', expected: 'the cluster_id of a level-1 row' },
      expect.objectContaining({ file: TREE, column: 'pct_total_occurrences', expected: "the sum of its children's shares ± 0.01" }),
    ]);
    // A level-0 row pointing at a level-2 id is also wrong: parents are exactly one level up.
    const level2 = good.tree.match(/ai_values:l2:[^,]+/)![0];
    expect(problemsOf(good.tree.replace(/(value 0002,,value 0002,0,)[^,]*/, `$1${level2}`), good.frequencies)).toContainEqual(
      { file: TREE, line, column: 'parent_cluster_id', found: JSON.stringify(level2), expected: 'the cluster_id of a level-1 row' },
    );
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
    expect(problemsOf(tree, good.frequencies)).toContainEqual(
      { file: TREE, line: 0, column: 'pct_total_occurrences', found: 'level 3 sums to 100.500', expected: '100 ± 0.1' },
    );
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

describe('rules the published data obeys', () => {
  const id = (level: number, i: number) => `ai_values:l${level}:${String(i).padStart(8, '0')}-0000-4000-8000-${String(level).padStart(12, '0')}`;
  /** Replace a cluster id everywhere it appears (its own row and its children's parent column). */
  const renameId = (tree: string, from: string, to: string) => tree.split(from).join(to);
  const clusterLine = (tree: string, clusterId: string) => lineOf(tree, `\n${clusterId},`) + 1;

  it('cluster ids have the form ai_values:l<level>:<uuid>, with the row level', () => {
    const bad = renameId(good.tree, id(1, 3), 'ai_values:l1:not-a-uuid');
    expect(problemsOf(bad, good.frequencies)).toEqual([{
      file: TREE, line: clusterLine(good.tree, id(1, 3)), column: 'cluster_id', found: '"ai_values:l1:not-a-uuid"',
      expected: 'ai_values:l1:<uuid>, the level-1 prefix and a lower-case UUID (8-4-4-4-12 hex digits)',
    }]);
    const wrongLevel = renameId(good.tree, id(2, 3), id(2, 3).replace(':l2:', ':l1:'));
    expect(problemsOf(wrongLevel, good.frequencies)).toEqual([
      expect.objectContaining({ line: clusterLine(good.tree, id(2, 3)), column: 'cluster_id', expected: expect.stringMatching(/^ai_values:l2:<uuid>/) }),
    ]);
  });

  it('no two nodes share a short key: two clusters whose UUIDs start with the same 8 digits', () => {
    // Passed validation before, then broke the build half-way ("Two taxonomy nodes share the key").
    const impostor = 'ai_values:l1:00000000-1111-4000-8000-000000000001';
    const tree = renameId(good.tree, id(1, 1), impostor);
    expect(problemsOf(tree, good.frequencies)).toEqual([{
      file: TREE, line: clusterLine(good.tree, id(1, 1)), column: 'cluster_id',
      found: `"${impostor}", whose key "l1:00000000" is already the key of "${id(1, 0)}" on line ${clusterLine(good.tree, id(1, 0))}`,
      expected: 'a key of its own (clusters are keyed by level and the first 8 UUID digits, values by name; the keys name nodes in links)',
    }]);
    // A value named like a cluster's key would collide too.
    const named = syntheticDataset({ names: ['l2:00000004'] });
    expect(problemsOf(named.tree, named.frequencies)).toEqual([expect.objectContaining({
      line: clusterLine(named.tree, id(2, 4)), column: 'cluster_id', found: `"${id(2, 4)}", whose key "l2:00000004" is already the key of "l2:00000004" on line 2`,
    })]);
  });

  it('value names are unique ignoring letter case: an impostor cannot take another value\'s page', () => {
    const { tree, frequencies } = syntheticDataset({ names: ['helpfulness', 'Helpfulness'] });
    expect(problemsOf(tree, frequencies)).toEqual([{
      file: TREE, line: 3, column: 'name', found: '"Helpfulness", which differs from "helpfulness" on line 2 only in letter case',
      expected: 'each value name once, ignoring letter case, white space, invisible characters and Unicode normalisation (NFKC)',
    }]);
  });

  it('value names are unique after Unicode normalisation, shown by code point since they print alike', () => {
    const { tree, frequencies } = syntheticDataset({ names: ['caf\u00e9', 'cafe\u0301'] });
    expect(problemsOf(tree, frequencies)).toEqual([expect.objectContaining({
      line: 3, column: 'name',
      found: '"cafe\u0301" (U+0063 U+0061 U+0066 U+0065 U+0301), which differs from "caf\u00e9" on line 2 (U+0063 U+0061 U+0066 U+00E9) only in Unicode normalisation (NFKC)',
    })]);
    const folded = syntheticDataset({ names: ['STRASSE', 'stra\u00dfe'] });
    expect(problemsOf(folded.tree, folded.frequencies)).toEqual([expect.objectContaining({ line: 3, column: 'name', found: expect.stringContaining('U+00DF') })]);
  });

  it('cluster names may repeat exactly (the published taxonomy does) but not as look-alikes', () => {
    const repeated = syntheticDataset({ clusterNames: ['methodical rigor', 'methodical rigor'] });
    expect(validateDataset(repeated.tree, repeated.frequencies).problems).toEqual([]);
    const lookAlike = syntheticDataset({ clusterNames: ['methodical rigor', 'Methodical Rigor'] });
    expect(problemsOf(lookAlike.tree, lookAlike.frequencies)).toContainEqual({
      file: TREE, line: clusterLine(lookAlike.tree, id(1, 1)), column: 'name',
      found: `"Methodical Rigor", which differs from "methodical rigor" on line ${clusterLine(lookAlike.tree, id(1, 0))} only in letter case`,
      expected: 'cluster names that differ in more than letter case, white space, invisible characters or Unicode normalisation (NFKC)',
    });
  });

  it('every cluster has at least one child', () => {
    // Move the children of cluster 1-5 to cluster 1-4.
    const tree = good.tree.split(`,0,${id(1, 5)},`).join(`,0,${id(1, 4)},`);
    expect(problemsOf(tree, good.frequencies)).toContainEqual({
      file: TREE, line: clusterLine(good.tree, id(1, 5)), column: 'cluster_id',
      found: `"${id(1, 5)}" ("cluster 1-5"), which no level-0 row names as its parent`, expected: 'every cluster to have at least one child',
    });
  });

  it("a cluster's share is the sum of its children's within ±0.01", () => {
    const shift = (tree: string, clusterId: string, by: number) =>
      tree.replace(new RegExp(`(\\n${clusterId},[^\\r]*,)([\\d.]+)\\r`), (_m, head, pct) => `${head}${(Number(pct) + by).toFixed(3)}\r`);
    const share = (clusterId: string) => Number(good.tree.split('\r\n').find((l) => l.startsWith(`${clusterId},`))!.split(',').pop());
    // Within the tolerance (the published data is off by up to 0.004 from rounding): accepted.
    expect(validateDataset(shift(shift(good.tree, id(1, 7), 0.009), id(1, 8), -0.009), good.frequencies).problems).toEqual([]);
    // Beyond it, on both clusters (the level still sums to 100).
    const tree = shift(shift(good.tree, id(1, 7), 0.02), id(1, 8), -0.02);
    expect(problemsOf(tree, good.frequencies)).toEqual([
      {
        file: TREE, line: clusterLine(good.tree, id(1, 7)), column: 'pct_total_occurrences',
        found: `${Number((share(id(1, 7)) + 0.02).toFixed(3))}, but its 12 children's shares sum to ${share(id(1, 7))}`,
        expected: "the sum of its children's shares ± 0.01",
      },
      expect.objectContaining({ line: clusterLine(good.tree, id(1, 8)), column: 'pct_total_occurrences' }),
    ]);
  });

  it('caps the length of every field', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const tree = good.tree.replace('Plain description.', huge);
    expect(problemsOf(tree, good.frequencies)).toEqual([
      { file: TREE, line: lineOf(good.tree, 'Plain description.'), column: 'description', found: 'a text of 10,485,760 characters', expected: 'at most 5,000 characters' },
    ]);
    const long = 'n'.repeat(501);
    const named = syntheticDataset({ names: [long] });
    expect(problemsOf(named.tree, named.frequencies)).toContainEqual(
      { file: TREE, line: 2, column: 'name', found: 'a text of 501 characters', expected: 'at most 500 characters' },
    );
  });
});
