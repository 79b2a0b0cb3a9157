import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { parseCsv } from '../../src/data/csv.ts';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { FORMULA_TEXTS, HOSTILE_TEXTS, syntheticDataset } from '../fixtures/synthetic-dataset.ts';
import { launchBrowser } from '../../scripts/browser.ts';
import { hoverAndClickArc, newContext, watchPage } from './helpers.ts';
import { pageKindsIn } from '../../scripts/page-kinds.ts';

/**
 * Build the whole site from a dataset whose names and descriptions are hostile (markup, quotes, very long words,
 * right-to-left text, emoji) and check that nothing from the data runs as code or breaks the layout.
 */
let browser: Browser;
let site: StaticServer;
let workDir: string;
let hostileKinds: Record<string, string>;
const screenshots = path.resolve('tests/output');

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'vitw-hostile-'));
  const dataDir = path.join(workDir, 'data');
  mkdirSync(dataDir);
  const hostile = syntheticDataset({ names: HOSTILE_TEXTS, clusterNames: HOSTILE_TEXTS, descriptions: HOSTILE_TEXTS });
  writeFileSync(path.join(dataDir, 'values_tree.csv'), hostile.tree);
  writeFileSync(path.join(dataDir, 'values_frequencies.csv'), hostile.frequencies);
  const outDir = path.join(workDir, 'dist');
  await promisify(execFile)(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    env: { ...process.env, VITW_DATA_DIR: dataDir, ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  site = await startStaticServer(outDir);
  hostileKinds = pageKindsIn(outDir);
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('a site built from hostile data', () => {
  // The kinds of page the real build has; each must exist in the hostile build too.
  for (const kind of Object.keys(pageKindsIn('dist'))) {
    it(`${kind}: shows the data as text, runs none of it, and keeps the layout at 390px`, async () => {
      const pagePath = hostileKinds[kind];
      expect(pagePath, `the hostile build has no ${kind} page`).toBeDefined();
      const context = await newContext(browser, { width: 390 });
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const problems = watchPage(page, site.url);
      await page.goto(site.url + pagePath);
      const arc = page.locator('.sunburst path[data-key]').first();
      if (await arc.count()) await hoverAndClickArc(page, arc);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await page.locator('img[src="x"], b:text("bold?")').count()).toBe(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'page scrolls sideways').toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await page.screenshot({ path: path.join(screenshots, `hostile-${kind.replace(/\W+/g, '-')}.png`), fullPage: true });
      await context.close();
    });
  }

  it('renders the markup in names literally where the reader can see it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${site.url}/embed/top-values/`);
    const cells = await page.locator('table tbody td:nth-of-type(1)').allTextContents();
    expect(cells).toContain(HOSTILE_TEXTS[0]);
    expect(cells).toContain(HOSTILE_TEXTS[2]);
    await context.close();
  });
});

/** Every field of a CSV that a spreadsheet would run as a formula (numbers, negative ones included, are fine). */
function formulaFields(csv: string): string[] {
  const body = csv.split('\n').filter((line) => !line.startsWith('#')).join('\n');
  return parseCsv(body, 'download').rows.flatMap((r) => r.values).filter((v) => /^[=+\-@\t\r]/.test(v) && Number.isNaN(Number(v)));
}

describe('CSV downloads of hostile names', () => {
  it('neutralise formulas in every CSV the build writes', () => {
    const csvFiles = readdirSync(path.join(workDir, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.csv'));
    expect(csvFiles.length).toBeGreaterThan(20);
    const taxonomy = readFileSync(path.join(workDir, 'dist', 'downloads', 'derived', 'taxonomy.csv'), 'utf8');
    for (const text of FORMULA_TEXTS) expect(taxonomy).toContain(`'${text.replace(/"/g, '""')}`);
    for (const file of csvFiles) expect(formulaFields(readFileSync(path.join(workDir, 'dist', file), 'utf8')), file).toEqual([]);
  });

  it('neutralise formulas in the toolbar download', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${site.url}/embed/top-values/?limit=30`);
    await page.waitForFunction(() => document.querySelector('figure')?.getAttribute('data-option-limit') === '30');
    await page.locator('summary', { hasText: 'Download' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="csv"]').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(FORMULA_TEXTS.filter((t) => csv.includes(`'${t.replace(/"/g, '""')}`)).length).toBeGreaterThan(0);
    expect(formulaFields(csv)).toEqual([]);
    await context.close();
  });
});

describe('a build from invalid data', () => {
  it('stops before writing anything, naming the file, line and column', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vitw-invalid-'));
    try {
      const good = syntheticDataset();
      mkdirSync(path.join(dir, 'data'));
      writeFileSync(path.join(dir, 'data', 'values_tree.csv'), good.tree.replace(',value 0003,0,', ',value 0003,zero,'));
      writeFileSync(path.join(dir, 'data', 'values_frequencies.csv'), good.frequencies);
      const outDir = path.join(dir, 'dist');
      const failure = await promisify(execFile)(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
        env: { ...process.env, VITW_DATA_DIR: path.join(dir, 'data'), ASTRO_TELEMETRY_DISABLED: '1' },
      }).then(
        () => null,
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect(failure?.code).not.toBe(0);
      expect(`${failure?.stdout}${failure?.stderr}`).toMatch(/values_tree\.csv:\d+ column "level": found "zero"/);
      expect(existsSync(outDir)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
