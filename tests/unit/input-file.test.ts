import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, readInputFile } from '../../src/data/input-file.ts';
import { loadDataset } from '../../src/data/load.ts';
import { validateDataset } from '../../src/data/validate.ts';
import { DataValidationError, type DataProblem } from '../../src/data/types.ts';
import { syntheticDataset } from '../fixtures/synthetic-dataset.ts';

const TREE = 'values_tree.csv';
const FREQ = 'values_frequencies.csv';
const good = syntheticDataset();
const root = path.resolve(import.meta.dirname, '../..');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data folder with the good synthetic files, then `tree` (bytes, or a function that makes the path) in place of values_tree.csv. */
function dataDir(tree?: string | Uint8Array | ((file: string) => void)): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vitw-input-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, FREQ), good.frequencies);
  const file = path.join(dir, TREE);
  if (typeof tree === 'function') tree(file);
  else writeFileSync(file, tree ?? good.tree);
  return dir;
}

function problemsLoading(dir: string): DataProblem[] {
  try {
    loadDataset(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(DataValidationError);
    return (error as DataValidationError).problems;
  }
  throw new Error('loadDataset accepted the data');
}

describe('reading an input file', () => {
  it('reads the good synthetic files', () => {
    expect(loadDataset(dataDir()).tree.numRows()).toBe(3604);
  });

  it('says the file is empty, once', () => {
    const dir = dataDir('');
    expect(problemsLoading(dir)).toEqual([
      { file: TREE, line: 0, column: '(file)', found: 'nothing: the file is empty (0 bytes)', expected: 'a header line and one row per line' },
    ]);
    expect(new DataValidationError(problemsLoading(dir)).message).toContain('values_tree.csv: found nothing: the file is empty (0 bytes)');
    // Parsing empty text directly gives one problem too, not one "no column" per column.
    expect(validateDataset('', good.frequencies).problems).toEqual([
      expect.objectContaining({ file: TREE, column: '(file)', found: 'nothing: the file is empty' }),
    ]);
  });

  it('names UTF-16 and UTF-32 text by its byte-order mark', () => {
    const utf16le = Buffer.from(`\ufeff${good.tree}`, 'utf16le');
    expect(problemsLoading(dataDir(utf16le))).toEqual([
      { file: TREE, line: 0, column: '(encoding)', found: 'UTF-16 LE text (it starts with the byte-order mark FF FE)', expected: 'UTF-8 text (save the file as UTF-8)' },
    ]);
    const utf16be = Buffer.from(utf16le).swap16();
    expect(problemsLoading(dataDir(utf16be))[0]!.found).toBe('UTF-16 BE text (it starts with the byte-order mark FE FF)');
    const utf32le = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('c\0\0\0')]);
    expect(problemsLoading(dataDir(utf32le))[0]!.found).toMatch(/^UTF-32 LE text/);
  });

  it('names UTF-16 without a byte-order mark by its NUL bytes', () => {
    expect(problemsLoading(dataDir(Buffer.from(good.tree, 'utf16le')))).toEqual([
      expect.objectContaining({ file: TREE, line: 1, column: '(encoding)', found: 'a NUL byte (0x00), as in UTF-16 text without a byte-order mark' }),
    ]);
  });

  it('names the line and byte of text that is not UTF-8 (Latin-1)', () => {
    const latin1 = Buffer.from(good.tree.replace('value 0007,,value 0007', 'café,,café'), 'latin1');
    const line = good.tree.split('\r\n').findIndex((l) => l.startsWith('value 0007,')) + 1;
    expect(problemsLoading(dataDir(latin1))).toEqual([
      { file: TREE, line, column: '(encoding)', found: 'a byte that is not UTF-8 (0xE9 at byte 4 of the line; Latin-1 or Windows-1252 text?)', expected: 'UTF-8 text (save the file as UTF-8)' },
    ]);
  });

  it('names a directory where a file should be', () => {
    const dir = dataDir((file) => mkdirSync(file));
    expect(problemsLoading(dir)).toEqual([
      { file: TREE, line: 0, column: '(file)', found: `a directory at ${path.join(dir, TREE)}`, expected: 'a file' },
    ]);
  });

  it('refuses a file over the size cap without reading it', () => {
    // A sparse 3 GiB file: cheap on disk, and past what Node can read into one buffer (2 GiB), so a reader that tried
    // would fail with another error than the size the check names.
    const size = 3 * 1024 ** 3;
    const dir = dataDir((file) => {
      writeFileSync(file, '');
      truncateSync(file, size);
    });
    expect(problemsLoading(dir)).toEqual([
      { file: TREE, line: 0, column: '(file)', found: `a file of ${size.toLocaleString('en')} bytes`, expected: `at most ${MAX_INPUT_BYTES.toLocaleString('en')} bytes` },
    ]);
    expect(MAX_INPUT_BYTES).toBeGreaterThan(20 * 440_691);
  });

  it('names a missing file', () => {
    const dir = dataDir((file) => void file);
    expect(problemsLoading(dir)).toEqual([expect.objectContaining({ file: TREE, found: `no file at ${path.join(dir, TREE)}` })]);
    expect(readInputFile(path.join(dir, FREQ)).text).toBe(good.frequencies);
  });

  it('stops the build step with the message, not a stack trace, for a directory', async () => {
    const dir = dataDir((file) => mkdirSync(file));
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['scripts/fetch-data.ts'], { cwd: root, env: { PATH: process.env.PATH, VITW_DATA_DIR: dir } }, (_e, _out, stderr) =>
        resolve({ code: child.exitCode, stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`values_tree.csv: found a directory at ${path.join(dir, TREE)}; expected a file`);
    expect(result.stderr).not.toMatch(/EISDIR|at .*\.ts:\d+/);
  });
});

describe('blank lines', () => {
  it('calls a blank line an empty line, not "1 fields"', () => {
    const rows = good.frequencies.split('\n');
    const frequencies = [...rows.slice(0, 10), '', ...rows.slice(10)].join('\n');
    const { problems } = validateDataset(good.tree, frequencies);
    expect(problems).toEqual([{ file: FREQ, line: 11, column: '(row)', found: 'an empty line', expected: 'a row of 2 fields (delete the line)' }]);
    const spaces = validateDataset(good.tree, [...rows.slice(0, 10), '   ', ...rows.slice(10)].join('\n')).problems;
    expect(spaces).toEqual([expect.objectContaining({ line: 11, found: 'a line with only white space' })]);
  });
});
