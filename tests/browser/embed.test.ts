import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { integer } from '../../src/charts/lib/format.ts';
import { DATASET_LICENSE, DATASET_LICENSE_URL } from '../../src/config.ts';
import { loadDataset, loadPaperFigures } from '../../src/data/load.ts';
import { buildModel } from '../../src/data/model.ts';
import { realDatasetDir } from '../unit/dataset-dir.ts';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { launchBrowser } from '../../scripts/browser.ts';
import { axeViolations, describeViolations, embedLayout, newContext, watchPage } from './helpers.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let host: StaticServer;
let hostDir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  // A teacher's page on another origin (another port), embedding two charts with the auto-height script.
  hostDir = mkdtempSync(path.join(os.tmpdir(), 'vitw-host-'));
  writeFileSync(
    path.join(hostDir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>Course page</title></head><body>
<h1>Week 3: values in AI systems</h1>
<iframe id="a" src="${baseUrl}/embed/category-shares/" title="Five kinds of value" width="100%" height="300" style="border:0"></iframe>
<iframe id="b" src="${baseUrl}/embed/top-values/?limit=20" title="Top values" width="100%" height="300" style="border:0"></iframe>
<iframe id="local" src="/other.html" title="Same-origin frame" width="100%" height="120" style="border:0"></iframe>
<script src="${baseUrl}/embed.js"></script>
</body></html>`,
  );
  writeFileSync(path.join(hostDir, 'other.html'), '<!doctype html><title>other</title><p>not a chart</p>');
  host = await startStaticServer(hostDir);
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  rmSync(hostDir, { recursive: true, force: true });
});

async function open(url: string, options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const problems = watchPage(page, baseUrl);
  const response = await page.goto(url);
  return { page, problems, context, status: response?.status(), close: () => context.close() };
}

const barCount = (page: Page) => page.locator('.chart-area svg [aria-label="bar"] rect').count();

describe('embed pages', () => {
  it('exist for every chart in the registry, readable without JavaScript', async () => {
    const { page, close } = await open(`${baseUrl}/`, { javaScriptEnabled: false });
    for (const chart of CHARTS) {
      const response = await page.goto(`${baseUrl}/embed/${chart.id}/`);
      expect(response?.status(), chart.id).toBe(200);
      await expect(page.locator('h1.chart-title').textContent()).resolves.toBe(chart.title);
      expect(await page.locator('.chart-area svg').count()).toBe(1);
      await expect(page.locator('.chart-source').textContent()).resolves.toContain('CC BY 4.0');
      expect(await page.locator('.site-nav').count()).toBe(0); // no site chrome
    }
    await close();
  });

  it('apply options from the query string, and fall back to defaults for invalid ones', async () => {
    const { page, problems, close } = await open(`${baseUrl}/embed/top-values/?limit=50&category=Social%20values`);
    await page.waitForFunction(() => document.querySelector('figure')?.getAttribute('data-option-limit') === '50');
    expect(await barCount(page)).toBe(50);
    const categories = await page.locator('table tbody tr td:nth-of-type(3)').allTextContents();
    expect(new Set(categories)).toEqual(new Set(['Social values']));
    for (const query of ['limit=-5', 'limit=10000', 'limit=garbage&category=%3Cscript%3E', 'category=Unknown', 'limit=&category=']) {
      await page.goto(`${baseUrl}/embed/top-values/?${query}`);
      await page.waitForLoadState('networkidle');
      expect(await barCount(page), query).toBe(30);
      expect(await page.locator('select[name="category"]').inputValue(), query).toBe('');
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('zoom the sunburst from ?focus=, and ignore an unknown node', async () => {
    const { page, problems, close } = await open(`${baseUrl}/embed/taxonomy-sunburst/`);
    const key = await page.locator('path[data-key^="l2:"]').first().getAttribute('data-key');
    await page.goto(`${baseUrl}/embed/taxonomy-sunburst/?focus=${encodeURIComponent(key!)}`);
    await page.waitForFunction((k) => document.querySelector('figure')?.getAttribute('data-focus') === k, key);
    for (const kind of ['withScript', 'scriptFree']) {
      await expect(page.locator(`[data-snippet="${kind}"]`).inputValue()).resolves.toContain(`?focus=${encodeURIComponent(key!)}`);
    }
    await page.goto(`${baseUrl}/embed/taxonomy-sunburst/?focus=nonsense`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('figure').getAttribute('data-focus')).toBeNull();
    expect(problems).toEqual([]);
    await close();
  });
});

describe('auto-height in a host page on another origin', () => {
  const frameGap = (page: Page, id: string) =>
    page.evaluate((frameId) => document.getElementById(frameId)!.getBoundingClientRect().height, id);

  /** The embed's natural height: without the class that fits it to whatever frame it is in. */
  async function contentHeight(page: Page, id: string) {
    const frame = page.frame({ url: new RegExp(id === 'a' ? 'category-shares' : 'top-values') })!;
    return frame.evaluate(() => {
      const root = document.documentElement;
      root.classList.remove('embed-fit');
      const height = root.getBoundingClientRect().height;
      root.classList.add('embed-fit');
      return height;
    });
  }

  async function settled(page: Page, id: string) {
    await page.waitForFunction(
      (frameId) => (document.getElementById(frameId) as HTMLIFrameElement).style.height !== '',
      id,
    );
    await page.waitForTimeout(300);
    return { frame: await frameGap(page, id), content: await contentHeight(page, id) };
  }

  it('sizes each iframe to its content, also after the viewport changes', async () => {
    const context = await newContext(browser, { width: 1200 });
    const page = await context.newPage();
    await page.goto(`${host.url}/`);
    for (const id of ['a', 'b']) {
      const { frame, content } = await settled(page, id);
      expect(Math.abs(frame - content), `${id}: frame ${frame}px, content ${content}px`).toBeLessThanOrEqual(4);
      // The frame is the content's own size: the chart is drawn whole, not scaled down to fit.
      const layout = await page.frame({ url: id === 'a' ? /category-shares/ : /top-values/ })!.evaluate(embedLayout);
      expect(layout.scale, id).toBeGreaterThan(0.99);
      expect(layout.scrollHeight, id).toBeLessThanOrEqual(layout.clientHeight);
    }
    const before = await frameGap(page, 'a');
    await page.setViewportSize({ width: 360, height: 800 });
    await page.waitForTimeout(600);
    for (const id of ['a', 'b']) {
      const frame = await frameGap(page, id);
      const content = await contentHeight(page, id);
      expect(Math.abs(frame - content), `${id} at 360px: frame ${frame}px, content ${content}px`).toBeLessThanOrEqual(4);
    }
    expect(await frameGap(page, 'a')).not.toBe(before);
    await context.close();
  });

  it('opens links from inside the frame in a new tab, leaving the course page in place', async () => {
    const context = await newContext(browser, { width: 1200 });
    const page = await context.newPage();
    await page.goto(`${host.url}/`);
    const chartFrame = page.frame({ url: /top-values/ })!;
    await chartFrame.waitForLoadState();
    // With its script, a figure's table is behind the toolbar's Table switch (the disclosure is the way without one).
    await chartFrame.locator('[data-action="table"]').click();
    const link = chartFrame.locator('a[href^="/values/"]').first();
    const href = await link.getAttribute('href');
    const [opened] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(`${baseUrl}${href}`);
    expect(await opened.locator('h1').count()).toBeGreaterThan(0);
    expect(page.url()).toBe(`${host.url}/`);
    expect(page.frame({ url: /top-values/ })!.url()).toContain('/embed/top-values/');
    // The link to the site, the source and the licence open outside the frame too.
    const kinds = await page.frame({ url: /top-values/ })!.evaluate(() =>
      [...document.querySelectorAll('a[href]')].filter((a) => !a.hasAttribute('download')).map((a) => (a as HTMLAnchorElement).target || document.querySelector('base')?.target),
    );
    expect(new Set(kinds)).toEqual(new Set(['_blank']));
    await context.close();
  });

  it('ignores messages of the wrong shape or from an unexpected source', async () => {
    const context = await newContext(browser, { width: 1200 });
    const page = await context.newPage();
    await page.goto(`${host.url}/`);
    await settled(page, 'a');
    const height = () => page.evaluate(() => (document.getElementById('a') as HTMLIFrameElement).style.height);
    const start = await height();
    const chartFrame = page.frame({ url: /category-shares/ })!;
    // Wrong shapes, from the right frame and origin.
    await chartFrame.evaluate(() => {
      for (const message of [
        { type: 'other', height: 99 },
        { type: 'vitw-embed:height', height: '999' },
        { type: 'vitw-embed:height', height: Number.NaN },
        { type: 'vitw-embed:height', height: -5 },
        { type: 'vitw-embed:height', height: 1e9 },
        'vitw-embed:height 999',
        null,
      ]) window.parent.postMessage(message, '*');
    });
    // The right shape, from the wrong origin: the host page itself and a same-origin frame.
    await page.evaluate(() => window.postMessage({ type: 'vitw-embed:height', height: 777 }, '*'));
    await page.frame({ url: /other\.html/ })!.evaluate(() => window.parent.postMessage({ type: 'vitw-embed:height', height: 777 }, '*'));
    await page.waitForTimeout(300);
    expect(await height()).toBe(start);
    expect(await page.evaluate(() => (document.getElementById('local') as HTMLIFrameElement).style.height)).toBe('');
    await context.close();
  });
});

describe('downloads and tools', () => {
  it('carry the caveat of every uncertain figure into the CSV and the SVG (and so the PNG) the toolbar makes', async () => {
    const { page, problems, close } = await open(`${baseUrl}/embed/value-pairs/`);
    const caveats = await page.locator('.chart-caveat').allTextContents();
    expect(caveats.length).toBeGreaterThan(0);
    await page.locator('summary', { hasText: 'Download' }).click();
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="csv"]').click()]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    for (const caveat of caveats) expect(csv).toContain(`# Caution: ${caveat}`);
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="svg"]').click()]);
    const svgText = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return [...doc.querySelectorAll('svg > text')].map((t) => t.textContent).join(' ');
    }, readFileSync((await svgDownload.path())!, 'utf8'));
    for (const caveat of caveats) expect(svgText).toContain(caveat);
    expect(problems).toEqual([]);
    await close();
  });

  it('CSV equals the rows drawn, SVG is well-formed with the title, PNG is 2× and not blank', async () => {
    const { page, problems, context, close } = await open(`${baseUrl}/embed/top-values/?limit=15`);
    void context;
    await page.waitForFunction(() => document.querySelector('figure')?.getAttribute('data-option-limit') === '15');
    await page.locator('summary', { hasText: 'Download' }).click();

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="csv"]').click()]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    const lines = csv.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(csv).toMatch(/^# The values Claude expresses most/);
    expect(csv).toContain('CC BY 4.0');
    expect(lines[0]).toBe('rank,value,pctConvos,category,cluster');
    const drawn = await page.locator('.chart-area svg [aria-label="bar"] rect').count();
    expect(lines.length - 1).toBe(drawn);
    const tableValues = await page.locator('table tbody tr th').allTextContents();
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(await page.locator('table tbody tr td:nth-of-type(1)').allTextContents());
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(tableValues.map(Number));

    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="svg"]').click()]);
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, title: doc.querySelector('title')?.textContent, width: doc.documentElement.getAttribute('width'), height: doc.documentElement.getAttribute('height') };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.title).toBe('The values Claude expresses most');
    // The page's marks carry their tooltips as data-tip; the image has them as <title>s, as a standalone SVG shows them.
    expect(svg).not.toContain('data-tip');
    expect(svg).toMatch(/<rect [^>]*><title>helpfulness, [\d.]+% of conversations, 1 of \d+<\/title>/);

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="png"]').click()]);
    const png = readFileSync((await pngDownload.path())!);
    const image = await page.evaluate(async (base64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${base64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return { width: img.naturalWidth, height: img.naturalHeight, colours: colours.size };
    }, png.toString('base64'));
    expect(image.width).toBe(2 * Number(parsed.width));
    expect(image.height).toBe(2 * Number(parsed.height));
    expect(image.colours).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await close();
  });

  it('switches to the table, copies the embed code and announces it', async () => {
    const { page, problems, context, close } = await open(`${baseUrl}/embed/category-shares/`);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await page.locator('[data-action="table"]').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-action="table"]').getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await page.locator('.chart-area').isVisible()).toBe(false);
    expect(await page.locator('.chart-table table').isVisible()).toBe(true);
    await page.locator('summary', { hasText: 'Embed' }).click();
    await page.locator('button', { hasText: 'Copy embed code' }).click();
    // The copy is asynchronous: wait for the announcement rather than reading it at once.
    await page.waitForFunction(() => /copied/.test(document.querySelector('[data-announce]')?.textContent ?? ''), undefined, { timeout: 5000 });
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toContain(`<iframe src="${baseUrl}/embed/category-shares/"`);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('About this data, in every embed', () => {
  const model = buildModel(loadDataset(realDatasetDir), loadPaperFigures());
  const sampleSize = integer(model.scope('subjective_conversations').value);

  it('is a disclosure, closed at first, that opens without JavaScript and gives the sample size and the licence', async () => {
    const { page, close } = await open(`${baseUrl}/`, { javaScriptEnabled: false });
    for (const chart of CHARTS) {
      await page.goto(`${baseUrl}/embed/${chart.id}/`);
      const about = page.locator('details', { has: page.locator('summary', { hasText: 'About this data' }) });
      expect(await about.count(), chart.id).toBe(1);
      expect(await about.evaluate((d) => (d as HTMLDetailsElement).open), chart.id).toBe(false);
      const text = await about.textContent();
      expect(text, chart.id).toContain(`${sampleSize} subjective conversations`);
      expect(text, chart.id).toContain(chart.measure);
      expect(text, chart.id).toContain(DATASET_LICENSE);
      expect(await about.locator(`a[href="${DATASET_LICENSE_URL}"]`).count(), chart.id).toBe(1);
      await about.locator('summary').click();
      expect(await about.evaluate((d) => (d as HTMLDetailsElement).open), chart.id).toBe(true);
      expect(await about.locator('p').first().isVisible(), chart.id).toBe(true);
    }
    await close();
  });
});

describe('accessibility of the pages for educators', () => {
  const chartPages = CHARTS.map((chart) => `/charts/${chart.id}/`);
  for (const pagePath of ['/embed/taxonomy-sunburst/', '/embed/top-values/', '/embed/category-shares/', '/charts/', ...chartPages, '/data/']) {
    it(`has no axe violations on ${pagePath}`, async () => {
      const { page, problems, status, close } = await open(`${baseUrl}${pagePath}`);
      expect(status).toBe(200);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(problems).toEqual([]);
      await close();
    });
  }
});

describe('predict, then reveal', () => {
  for (const id of ['top-values', 'long-tail', 'response-types']) {
    it(`${id}: guess by keyboard alone in an embed with ?predict=1, then see the data beside the guess`, async () => {
      const { page, problems, close } = await open(`${baseUrl}/embed/${id}/?predict=1`);
      await page.locator('.predict-panel').waitFor({ state: 'visible' });
      expect(await page.locator('.chart-area').isVisible()).toBe(false);
      expect(await page.locator('.chart-takeaway').isVisible()).toBe(false);
      const slider = page.locator('.predict-guess input');
      await slider.focus();
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
      await expect(page.locator('.predict-guess output').textContent()).resolves.toBe('47%');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const result = page.locator('.predict-result');
      await expect(result.textContent()).resolves.toMatch(/You guessed 47%\. The data: \d+(\.\d)?% of (conversations|the values)\. (You were [\d.]+ points too (high|low)\.|Very close\.)/);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('predict-result'))).toBe(true);
      expect(await page.locator('.chart-area').isVisible()).toBe(true);
      expect(await page.locator('.predict-bar').count()).toBe(2);
      expect(problems).toEqual([]);
      await close();
    });
  }

  it('is offered on the report, and without JavaScript the chart simply shows', async () => {
    const withJs = await open(`${baseUrl}/`);
    await withJs.page.locator('#response-types [data-predict="start"]').waitFor({ state: 'visible' });
    expect(await withJs.page.locator('[data-predict="start"]:visible').count()).toBe(3);
    await withJs.page.locator('#long-tail [data-predict="start"]').click();
    expect(await withJs.page.locator('#long-tail .chart-area').isVisible()).toBe(false);
    await withJs.page.locator('#long-tail [data-predict="skip"]').click();
    expect(await withJs.page.locator('#long-tail .chart-area').isVisible()).toBe(true);
    await withJs.close();
    const noJs = await open(`${baseUrl}/embed/top-values/?predict=1`, { javaScriptEnabled: false });
    expect(await noJs.page.locator('.chart-area').isVisible()).toBe(true);
    expect(await noJs.page.locator('.predict-panel').isVisible()).toBe(false);
    expect(await noJs.page.locator('[data-predict="start"]').isVisible()).toBe(false);
    await noJs.close();
  });
});
