import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadDataset, loadPaperFigures } from '../../src/data/load.ts';
import { buildModel } from '../../src/data/model.ts';
import { realDatasetDir } from '../unit/dataset-dir.ts';
import { parseCsv } from '../../src/data/csv.ts';
import { PAPER_DIR } from '../../src/config.ts';
import { PAPER_TABLES } from '../../src/data/paper.ts';
import { launchBrowser } from '../../scripts/browser.ts';
import { newContext, watchPage } from './helpers.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await newContext(browser, { javaScriptEnabled: false, width: 390 });
  page = await context.newPage();
  problems = watchPage(page, baseUrl);
  await page.goto(`${baseUrl}/`);
});
afterAll(async () => {
  await browser?.close();
});

/** A figure's data table as rows of cell texts (exact values where the cell shows them formatted). */
const tableRows = (id: string) =>
  page.locator(`figure#${id} .chart-table tbody tr`).evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.dataset.v ?? c.textContent ?? '')));

/** A dataset file read straight from disk, as the test's independent source of truth. */
function rawCsv(file: string): Record<string, string>[] {
  const parsed = parseCsv(readFileSync(path.join(realDatasetDir, file), 'utf8'), file);
  return parsed.rows.map((r) => Object.fromEntries(parsed.columns.map((c, i) => [c, r.values[i]!])));
}

function paperRows(file: string): Record<string, string>[] {
  const parsed = parseCsv(readFileSync(path.resolve(PAPER_DIR, file), 'utf8'), file);
  return parsed.rows.map((r) => Object.fromEntries(parsed.columns.map((c, i) => [c, r.values[i]!])));
}

describe('the report, read at 390px without JavaScript', () => {
  it('never scrolls the page sideways (wide charts scroll inside their figure)', async () => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });

  it('has a numbered table of contents whose anchors all land on a section', async () => {
    const targets = await page.locator('.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    // One entry per section of the report, and no section left out.
    expect(targets.length).toBe(await page.locator('main h2[id]:not(#toc-title)').count());
    for (const target of targets) expect(await page.locator(target).count(), target).toBe(1);
  });

  it('draws each chart’s data table from its source: every paper chart’s rows are the CSV rows', async () => {
    const csvTable = (file: string, ...columns: string[]) => paperRows(file).map((r) => columns.map((c) => r[c]));
    const cells = async (id: string, ...indexes: number[]) => (await tableRows(id)).map((row) => indexes.map((i) => row[i]));
    expect(await cells('response-types', 0, 2)).toEqual(csvTable('response-types.csv', 'response_type', 'pct_of_conversations').map(([t, p]) => [t, String(Number(p))]));
    expect(await cells('mirroring', 0, 1)).toEqual(csvTable('mirroring.csv', 'response_type', 'pct_mirroring').map(([t, p]) => [t, String(Number(p))]));
    expect(await cells('stable-core', 1, 2)).toEqual(csvTable('variation.csv', 'value', 'cv').map(([v, c]) => [v, String(Number(c))]));
    expect(await cells('value-pairs', 1, 2)).toEqual(csvTable('value-pairs.csv', 'human_value', 'ai_value'));
    // Grouped by response, or ordered by residual, as drawn, so compared as a set of rows.
    const sorted = (rows: (string | undefined)[][]) => rows.map((r) => r.join('|')).sort();
    expect(sorted(await cells('context-heatmap', 0, 1, 2))).toEqual(
      sorted(csvTable('task-residuals.csv', 'task', 'ai_value', 'residual').map(([t, v, r]) => [t, v, r ? String(Number(r)) : 'top value, no residual given'])),
    );
    expect(sorted((await cells('model-variants', 0, 1, 2)).map(([m, model, p]) => [model, m, p]))).toEqual(
      sorted(csvTable('model-variants.csv', 'model', 'metric', 'pct').map(([model, m, p]) => [model, m, String(Number(p))])),
    );
    const human = (await cells('human-vs-ai', 0, 1, 2)).filter(([who]) => who!.startsWith('Users')).map(([, v, p]) => [v, p]);
    expect(human).toEqual(csvTable('human-values.csv', 'value', 'pct_convos').map(([v, p]) => [v, String(Number(p))]));
  });

  it('draws each dataset chart’s table from the dataset, checked against the raw CSVs (not against the model)', async () => {
    const frequencies = rawCsv('values_frequencies.csv').map((r) => ({ value: r.value!, pct: Number(r.pct_convos) }));
    const pctOf = new Map(frequencies.map((f) => [f.value, f.pct]));
    const byFrequency = [...frequencies].sort((a, b) => b.pct - a.pct);
    const top = await tableRows('top-values');
    expect(top.map((r) => [r[1], Number(r[2])])).toEqual(byFrequency.slice(0, 30).map((f) => [f.value, f.pct]));
    const categories = rawCsv('values_tree.csv').filter((r) => r.level === '3').sort((a, b) => Number(b.pct_total_occurrences) - Number(a.pct_total_occurrences));
    expect((await tableRows('category-shares')).map((r) => [r[0], Number(r[1])])).toEqual(categories.map((c) => [c.name, Number(c.pct_total_occurrences)]));
    for (const [rank, , pct] of await tableRows('long-tail')) expect(Number(pct), `rank ${rank}`).toBe(byFrequency[Number(rank) - 1]!.pct);
    const autonomy = frequencies.filter((f) => /\bautonomy\b/i.test(f.value));
    const family = await tableRows('value-family');
    expect(family.map((r) => r[0]).sort()).toEqual(autonomy.map((f) => f.value).sort());
    for (const [value, pct] of family) expect(Number(pct), value).toBe(pctOf.get(value!));
  });

  it('states each model figure once: the threshold reads the same in the prose, the study flow, the heatmap and the claims', async () => {
    const model = buildModel(loadDataset(realDatasetDir), loadPaperFigures());
    const threshold = model.threshold.toFixed(2);
    const text = (selector: string) => page.locator(selector).evaluateAll((els) => els.map((e) => e.textContent ?? '').join(' '));
    const thresholds = (t: string) => [...t.matchAll(/(?:above|exceed|threshold(?: of)?)\s+(\d+\.\d\d)\b/g)].map((m) => m[1]);
    const prose = thresholds(await text('main > p, main > div > p, main p:not(figure p)'));
    const flow = thresholds(await text('figure#study-flow .chart-table'));
    const heatmap = thresholds(await text('figure#context-heatmap .chart-notes, figure#context-heatmap .chart-takeaway'));
    const claims = await text('.claims tbody tr:last-child td:nth-child(3)');
    for (const found of [prose, flow, heatmap]) {
      expect(found.length).toBeGreaterThan(0);
      expect(new Set(found)).toEqual(new Set([threshold]));
    }
    expect(Number(claims.trim()).toFixed(2)).toBe(threshold);
  });

  it('names only values under the long-tail cutoff in the long-tail sentence, and ties no user value to jailbreaks', async () => {
    const cutoff = Number(paperRows('scope.csv').find((r) => r.key === 'long_tail_cutoff')!.value);
    const pct = new Map(rawCsv('values_frequencies.csv').map((r) => [r.value!, Number(r.pct_convos)]));
    const named = await page.locator('.long-tail-examples a').allTextContents();
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(pct.get(name)!, name).toBeLessThan(cutoff);
    const rare = await page.locator('figure#rare-values').textContent();
    expect(rare).not.toContain('moral nihilism');
    expect(rare).toContain('most likely');
    const nihilism = await (await page.request.get(`${baseUrl}/values/moral-nihilism/`)).text();
    expect(nihilism).not.toMatch(/jailbreak|safeguards/i);
    expect(nihilism).toContain('As a user’s value: one of those the paper finds characteristic of the conversations in which Claude responded with strong resistance');
  });

  it('shows every grade-C figure’s caveat, in view, wherever the figure appears', async () => {
    const gradeC = Object.values(PAPER_TABLES).flatMap((t) => paperRows(t.file).filter((r) => r.confidence === 'C').map((r) => ({ where: r.where!, caveat: r.caveat!, file: t.file as string })));
    expect(gradeC.length).toBeGreaterThan(0);
    for (const row of gradeC) {
      const figures = await page.locator('figure.chart-figure').evaluateAll(
        (figs, r) =>
          figs
            .filter((f) => [...f.querySelectorAll('.chart-table td')].some((td) => td.textContent?.includes(`uncertain, ${r.where}`)))
            .map((f) => ({ id: f.id, notes: f.querySelector('.chart-notes')?.textContent ?? '' })),
        row,
      );
      // A figure quoted in the prose rather than drawn carries its caveat in the same paragraph.
      const paragraphs = await page.locator('main p').evaluateAll((ps, r) => ps.map((p) => p.textContent ?? '').filter((t) => t.includes(`uncertain, ${r.where}`)), row);
      expect(figures.length + paragraphs.length, `the report shows the grade-C row of ${row.file}`).toBeGreaterThan(0);
      for (const figure of figures) expect(figure.notes, figure.id).toContain(row.caveat);
      for (const paragraph of paragraphs) expect(paragraph).toContain(row.caveat);
    }
    // The notes are outside the collapsed table, in view.
    const hidden = await page.locator('.chart-notes').evaluateAll((notes) => notes.filter((n) => n.closest('details:not([open])')).length);
    expect(hidden).toBe(0);
  });

  it('computes the claims table from the data, with a verdict per claim', async () => {
    const verdicts = await page.locator('.claims tbody td.verdict').allTextContents();
    expect(verdicts).toEqual(['✓ holds', '✓ holds', '✓ holds', '✓ holds', '≈ close', '✓ holds', '✗ fails', '✓ holds', '○ consistent with']);
    // A claim that fails is shown failing, with both sides' numbers.
    const failing = page.locator('.claims tbody tr', { has: page.locator('td.verdict-differs') });
    await expect(failing.locator('th').textContent()).resolves.toContain('around 0.01%');
    await expect(failing.locator('td').nth(1).textContent()).resolves.toMatch(/most within a factor of 10\.3 of 0\.01%/);
    // Printed precision: the paper's 4.0 is compared as 4.0.
    const mean = page.locator('.claims tbody tr', { hasText: 'values per conversation' });
    await expect(mean.locator('td.num').allTextContents()).resolves.toEqual(['4.0', '4.0']);
  });

  it('gives every figure exactly one provenance marker, explained once, and no letter grades', async () => {
    const markers = await page.locator('figure.chart-figure').evaluateAll((figs) =>
      figs.map((f) => ({ id: f.id, count: f.querySelectorAll('.provenance').length, origin: f.querySelector('.provenance')?.getAttribute('data-origin'), cites: f.querySelector('.chart-source')?.textContent ?? '' })),
    );
    expect(markers.length).toBe(14);
    for (const m of markers) {
      expect(m.count, m.id).toBe(1);
      // Charts that cite the paper say so at a glance; the others are from the dataset.
      expect(m.origin, m.id).toBe(m.cites.includes('Huang et al.') ? 'paper' : 'dataset');
    }
    await expect(page.locator('.provenance-legend dt').allTextContents()).resolves.toEqual([
      'From the dataset',
      'From the paper, §x',
      'Reported by one secondary source',
      'Uncertain',
    ]);
    const text = await page.locator('main').textContent();
    expect(text).not.toMatch(/grade [ABC]\b|graded [ABC]\b/);
    for (const path of ['/embed/context-heatmap/', '/values/healthy-boundaries/', '/charts/']) {
      expect(await (await page.request.get(baseUrl + path)).text(), path).not.toMatch(/grade [ABC]\b|graded [ABC]\b/);
    }
    expect(await (await page.request.get(`${baseUrl}/data/`)).text()).toMatch(/<strong>C<\/strong> — “uncertain”/);
  });

  it('carries every uncertain figure’s caveat into the built downloads (CSV and SVG)', async () => {
    const gradeC = Object.values(PAPER_TABLES).flatMap((t) => paperRows(t.file).filter((r) => r.confidence === 'C'));
    for (const id of ['context-heatmap', 'value-pairs']) {
      const csv = await (await page.request.get(`${baseUrl}/downloads/${id}.csv`)).text();
      const svg = await (await page.request.get(`${baseUrl}/downloads/${id}.svg`)).text();
      const svgText = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ').replace(/&amp;/g, '&');
      const caveats = gradeC.filter((r) => csv.includes(`uncertain, ${r.where}`)).map((r) => r.caveat!);
      expect(caveats.length, id).toBeGreaterThan(0);
      for (const caveat of caveats) {
        expect(csv, id).toContain(`# Caution: Uncertain (`);
        expect(csv, id).toContain(caveat);
        expect(svgText, id).toContain(caveat);
      }
    }
  });

  it('tells the study’s headline findings and its limits, with the numbers read from the data', async () => {
    const figures = loadPaperFigures();
    const main = (await page.locator('main').textContent())!.replace(/\s+/g, ' ');
    expect(main).toMatch(/helpful, honest and harmless/);
    expect(main).toMatch(/sycophan/);
    const shared = figures.scope.find((r) => r.key === 'sonnet_37_shared_top10')!;
    expect(main).toContain(`${shared.value} of its ten commonest values`);
    const opus = figures.modelTopValues.filter((r) => r.model === 'Claude 3 Opus').map((r) => r.value);
    expect(main).toContain(`Its commonest value is ${opus[0]}, followed by ${opus[1]} and ${opus[2]}`);
    for (const r of figures.responsePatterns) expect(main, r.value).toContain(r.value);
    const limitations = await page.locator('#limitations + p + ul > li strong').allTextContents();
    expect(limitations).toEqual(expect.arrayContaining(['Only after deployment.', 'What counts as a value is a judgement.', 'A model reading a model.', 'The open data has no context.']));
    const share = figures.scope.find((r) => r.key === 'share_claude_35_sonnet')!;
    expect(await page.locator('figure#model-variants .chart-notes').textContent()).toContain(`${Math.round(share.value)}% of which`);
  });
});
