import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RELEASE_COUNTS, syntheticDataset } from '../fixtures/synthetic-dataset.ts';

/**
 * A build writes into a staging folder and replaces the output folder only when it has fully succeeded, so a failed
 * build at any stage leaves the last good site exactly as it was.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** "sha256  relative/path" for every file under dir, sorted: equal lists mean byte-for-byte equal folders. */
function checksums(dir: string): string[] {
  const list: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else list.push(`${createHash('sha256').update(readFileSync(full)).digest('hex')}  ${path.relative(dir, full)}`);
    }
  };
  walk(dir);
  return list.sort();
}

/** A work folder with data/ (the given CSVs) and dist/ holding a stand-in for the last good site. */
function workspace(tree: string, frequencies: string) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'vitw-build-'));
  dirs.push(work);
  mkdirSync(path.join(work, 'data'));
  writeFileSync(path.join(work, 'data', 'values_tree.csv'), tree);
  writeFileSync(path.join(work, 'data', 'values_frequencies.csv'), frequencies);
  const dist = path.join(work, 'dist');
  mkdirSync(path.join(dist, 'values', 'helpfulness'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>the last good site</title>');
  writeFileSync(path.join(dist, 'values', 'helpfulness', 'index.html'), '<!doctype html><title>a value</title>');
  writeFileSync(path.join(dist, 'bytes.bin'), Buffer.from([0, 1, 2, 254, 255]));
  return { work, dist, data: path.join(work, 'data') };
}

function astroBuild(args: string[], dataDir: string, env: Record<string, string> = {}): Promise<{ code: number; signal: string | null; output: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'build', ...args],
      { env: { ...process.env, VITW_DATA_DIR: dataDir, ASTRO_TELEMETRY_DISABLED: '1', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode ?? 1, signal: child.signalCode, output: `${stdout}${stderr}` }),
    );
  });
}

const good = syntheticDataset();
const id = (level: number, i: number) => `ai_values:l${level}:${String(i).padStart(8, '0')}-0000-4000-8000-${String(level).padStart(12, '0')}`;

describe('a failed build never destroys the last good site', () => {
  it('data that used to break rendering (two cluster keys alike): stops, names the file, line and column, and leaves dist/ as it was', async () => {
    // Two level-1 clusters whose UUIDs share their first eight digits: the sunburst's keys collide.
    const tree = good.tree.split(id(1, 1)).join('ai_values:l1:00000000-1111-4000-8000-000000000001');
    const { work, dist, data } = workspace(tree, good.frequencies);
    const before = checksums(dist);
    const line = tree.slice(0, tree.indexOf('\nai_values:l1:00000000-1111-')).split('\n').length + 1;
    const result = await astroBuild(['--outDir', dist], data);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`values_tree.csv:${line} column "cluster_id": found "ai_values:l1:00000000-1111-4000-8000-000000000001", whose key "l1:00000000"`);
    expect(result.output).not.toContain('Two taxonomy nodes share the key');
    expect(result.output).not.toMatch(/at loadDataset|src\/data\/load\.ts/); // the data, not the code
    expect(checksums(dist)).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['data', 'dist']); // no staging folder left behind
  }, 180_000);

  it('a page that throws half-way through rendering: dist/ stays byte-for-byte as it was', async () => {
    const { work, dist, data } = workspace(good.tree, good.frequencies);
    const before = checksums(dist);
    const result = await astroBuild(['--config', 'tests/fixtures/failing-build.config.mjs', '--outDir', dist], data);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('This page throws while it is rendered');
    expect(checksums(dist)).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['data', 'dist']);
  }, 180_000);

  it('a build that succeeds replaces dist/ whole, and leaves nothing beside it', async () => {
    const { work, dist, data } = workspace(good.tree, good.frequencies);
    const result = await astroBuild(['--outDir', dist], data);
    expect(result.code, result.output.slice(-2000)).toBe(0);
    expect(existsSync(path.join(dist, 'bytes.bin'))).toBe(false);
    for (const file of ['index.html', '404.html', '_headers', 'values/value-0000/index.html']) expect(existsSync(path.join(dist, file)), file).toBe(true);
    expect(readdirSync(work).sort()).toEqual(['data', 'dist']);
  }, 180_000);

  it('a build killed between its two renames, then a build that fails: dist/ is back, byte for byte, with its .git', async () => {
    const { work, dist, data } = workspace(good.tree, good.frequencies);
    mkdirSync(path.join(dist, '.git'));
    writeFileSync(path.join(dist, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    const before = checksums(dist);
    const killed = await astroBuild(['--outDir', dist], data, { VITW_TEST_CRASH_AT: 'aside' });
    expect(killed.signal, killed.output.slice(-2000)).toBe('SIGKILL');
    expect(existsSync(dist)).toBe(false);
    // The next build fails on bad data, after its start has put the previous output back.
    writeFileSync(path.join(data, 'values_tree.csv'), good.tree.replace('value 0001,,value 0001,0,', 'value 0001,,value 0001,zero,'));
    const failed = await astroBuild(['--outDir', dist], data);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('is back in place');
    expect(checksums(dist)).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['data', 'dist']);
  }, 1_200_000);
});

describe('a next release of the dataset', () => {
  it('one more value and one more cluster, shares still summing: builds, with pages for both, and the counts stated follow', async () => {
    const next = syntheticDataset({ counts: { ...RELEASE_COUNTS, 0: RELEASE_COUNTS[0] + 1, 1: RELEASE_COUNTS[1] + 1 } });
    const { dist, data } = workspace(next.tree, next.frequencies);
    const result = await astroBuild(['--outDir', dist], data, { VITW_PRECOMPRESS: '0' });
    expect(result.code, result.output.slice(-3000)).toBe(0);
    const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');
    // The new value ("value 3307") and the new level-1 cluster ("cluster 1-266") have their pages, in the sitemap too.
    const newValue = read('values/value-3307/index.html');
    expect(newValue).toContain('value 3307');
    expect(newValue).toContain('of 3,308');
    expect(read('clusters/cluster-1-266/index.html')).toContain('cluster 1-266');
    expect(read('sitemap.xml')).toContain('/values/value-3307/</loc>');
    expect(read('sitemap.xml')).toContain('/clusters/cluster-1-266/</loc>');
    // The counts the pages state come from the data, not the paper's release.
    const report = read('index.html');
    expect(report).toContain('3,308');
    expect(report).toMatch(/\b267 clusters/);
    expect(read('data/index.html')).toContain('0 = individual value (3,308), 1 and 2 = clusters (267, 26), 3 = top-level category (5).');
    // The paper's counts stay a claim, checked against the data: here it no longer matches.
    const claim = report.slice(report.indexOf('The taxonomy has 3,307 values in 266, 26 and 5 clusters'));
    expect(claim.slice(0, 600)).toMatch(/3307[^]*3308[^]*267/);
  }, 1_200_000);
});
