import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPORT_CHARTS } from '../../src/charts/lib/registry.ts';
import { axeViolations, describeViolations, newContext, watchPage, useBrowser } from './helpers.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

async function openReport(path = '/', options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const context = await newContext(browser(), options);
  const page = await context.newPage();
  const problems = watchPage(page, baseUrl);
  await page.goto(baseUrl + path);
  return { page, problems, close: () => context.close() };
}

const sunburstFocus = (page: Page) => page.locator('#taxonomy-sunburst').getAttribute('data-focus');

describe('report page without JavaScript', () => {
  it('shows every chart as SVG with its numbered title, table and source', async () => {
    const { page, close } = await openReport('/', { javaScriptEnabled: false });
    for (const [i, chart] of REPORT_CHARTS.entries()) {
      const figure = page.locator(`figure#${chart.id}`);
      await expect(figure.locator('.chart-title').textContent()).resolves.toBe(`Figure ${i + 1}. ${chart.title}`);
      expect(await figure.locator('.chart-area svg').count(), chart.id).toBe(1);
      expect(await figure.locator('table tbody tr').count(), chart.id).toBeGreaterThan(0);
      await expect(figure.locator('.chart-source').textContent()).resolves.toContain('CC BY 4.0');
    }
    expect(await page.locator('#top-values .chart-area svg [aria-label="bar"] rect').count()).toBe(30);
    // Three rings: 5 categories, their 26 groups, and the clusters inside (those under 10 units merged, as "n more").
    expect(await page.locator('#taxonomy-sunburst path[data-key]').count()).toBeGreaterThan(90);
    // Controls that need JavaScript stay hidden without it.
    expect(await page.locator('#top-values form').isVisible()).toBe(false);
    await close();
  });

  it('reaches each table by its Data table disclosure (the toolbar’s Table switch needs a script)', async () => {
    const { page, close } = await openReport('/', { javaScriptEnabled: false });
    for (const chart of REPORT_CHARTS) {
      expect(await page.locator(`figure#${chart.id} details.chart-table > summary`).isVisible(), chart.id).toBe(true);
      expect(await page.locator(`figure#${chart.id} [data-action="table"]`).isVisible(), chart.id).toBe(false);
    }
    await close();
  });

  it('prints part of a long table, saying which part and linking to the whole: the CSV and the chart’s page', async () => {
    const { page, close } = await openReport('/', { javaScriptEnabled: false });
    for (const id of ['long-tail', 'taxonomy-sunburst']) {
      const note = page.locator(`figure#${id} .table-part`);
      const printed = await page.locator(`figure#${id} .chart-table tbody tr`).count();
      const [shown, total] = (await note.textContent())!.match(/[\d,]+/g)!.map((n) => Number(n.replace(/,/g, '')));
      expect(shown, id).toBe(printed);
      expect(total, id).toBeGreaterThan(printed);
      expect(await note.locator(`a[href="/downloads/${id}.csv"]`).count(), id).toBe(1);
      await page.goto(`${baseUrl}/charts/${id}/`);
      expect(await page.locator('.chart-table tbody tr').count(), id).toBe(total);
      expect(await page.locator('.table-part').count(), id).toBe(0);
      await page.goto(`${baseUrl}/`);
    }
    // Short tables print whole.
    expect(await page.locator('figure#top-values .table-part').count()).toBe(0);
    await close();
  });
});

describe('report page with JavaScript', () => {
  it('zooms the sunburst by click and back out through the centre, keeping the zoom in the URL', async () => {
    const { page, problems, close } = await openReport();
    const practical = page.locator('#taxonomy-sunburst path[data-key^="l3:"]').first();
    const key = await practical.getAttribute('data-key');
    await practical.click();
    await page.waitForFunction((k) => document.querySelector('#taxonomy-sunburst')?.getAttribute('data-focus') === k, key);
    expect(new URL(page.url()).searchParams.get('taxonomy-sunburst.focus')).toBe(key);
    await expect(page.locator('#taxonomy-sunburst .breadcrumb li').count()).resolves.toBe(2);
    // Zoomed in, only this category's descendants are drawn.
    const keys = await page.locator('#taxonomy-sunburst path[data-key]').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-key')));
    expect(keys).not.toContain(key);
    await page.locator('#taxonomy-sunburst .center').click();
    await page.waitForFunction(() => document.querySelector('#taxonomy-sunburst')?.getAttribute('data-focus') === '');
    expect(new URL(page.url()).search).toBe('');
    expect(problems).toEqual([]);
    await close();
  });

  it('zooms the sunburst by keyboard: Tab to the chart, arrows through its tree, Enter in, Escape out', async () => {
    const { page, problems, close } = await openReport();
    const categoryKey = await page.locator('#taxonomy-sunburst path[data-key]').first().getAttribute('data-key');
    await page.locator('#taxonomy-sunburst .chart-area').focus();
    const activeKey = () => page.evaluate(() => (document.activeElement as Element | null)?.getAttribute('data-key'));
    await page.keyboard.press('ArrowRight'); // into the chart's tree, on its root (the centre)
    await page.keyboard.press('ArrowDown'); // the first category
    expect(await activeKey()).toBe(categoryKey);
    await page.keyboard.press('ArrowDown');
    expect(await activeKey()).not.toBe(categoryKey);
    await page.keyboard.press('ArrowUp');
    expect(await activeKey()).toBe(categoryKey);
    await expect(page.locator('#taxonomy-sunburst .chart-tooltip').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction((k) => document.querySelector('#taxonomy-sunburst')?.getAttribute('data-focus') === k, categoryKey);
    // Focus moves into the zoomed view so the keyboard user can go on.
    expect(await page.evaluate(() => (document.activeElement as Element | null)?.closest('#taxonomy-sunburst') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('#taxonomy-sunburst')?.getAttribute('data-focus') === '');
    // Back at the top, focus returns to the arc the reader zoomed into.
    expect(await activeKey()).toBe(categoryKey);
    expect(problems).toEqual([]);
    await close();
  });

  it('restores a zoomed view from the URL on load', async () => {
    const { page: first, close: closeFirst } = await openReport();
    const key = await first.locator('#taxonomy-sunburst path[data-key^="l2:"]').first().getAttribute('data-key');
    await closeFirst();
    const { page, problems, close } = await openReport(`/?${new URLSearchParams({ 'taxonomy-sunburst.focus': key! })}`);
    await page.waitForFunction((k) => document.querySelector('#taxonomy-sunburst')?.getAttribute('data-focus') === k, key);
    expect(await sunburstFocus(page)).toBe(key);
    await page.reload();
    await page.waitForFunction((k) => document.querySelector('#taxonomy-sunburst')?.getAttribute('data-focus') === k, key);
    expect(problems).toEqual([]);
    await close();
  });

  it('still opens a zoom linked the old way, in the hash, moving it to the query', async () => {
    const { page: first, close: closeFirst } = await openReport();
    const key = await first.locator('#taxonomy-sunburst path[data-key^="l2:"]').first().getAttribute('data-key');
    await closeFirst();
    const { page, problems, close } = await openReport(`/#taxonomy-sunburst=${encodeURIComponent(key!)}`);
    await page.waitForFunction((k) => document.querySelector('#taxonomy-sunburst')?.getAttribute('data-focus') === k, key);
    const url = new URL(page.url());
    expect([url.searchParams.get('taxonomy-sunburst.focus'), url.hash]).toEqual([key, '#taxonomy-sunburst']);
    expect(problems).toEqual([]);
    await close();
  });

  /** Every figure's Table switch still turns its table on: the toolbars started. */
  async function everyToolbarWorks(page: Page) {
    for (const chart of REPORT_CHARTS) {
      const button = page.locator(`figure#${chart.id} [data-action="table"]`);
      await button.click();
      expect(await button.getAttribute('aria-pressed'), chart.id).toBe('true');
      expect(await page.locator(`figure#${chart.id} details.chart-table`).getAttribute('open'), chart.id).not.toBeNull();
    }
  }

  it('offers one way to each table: the toolbar’s Table switch, the disclosure’s own summary stepping aside', async () => {
    const { page, problems, close } = await openReport();
    await page.waitForFunction(() => performance.getEntriesByName('interactive-ready').length > 0);
    for (const chart of REPORT_CHARTS) {
      expect(await page.locator(`figure#${chart.id} details.chart-table > summary`).isVisible(), chart.id).toBe(false);
      expect(await page.locator(`figure#${chart.id} [data-action="table"]`).isVisible(), chart.id).toBe(true);
    }
    const button = page.locator('figure#category-shares [data-action="table"]');
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('figure#category-shares .chart-table table').isVisible()).toBe(true);
    expect(await page.locator('figure#category-shares .chart-area').isVisible()).toBe(false);
    await page.keyboard.press('Space');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('figure#category-shares .chart-area').isVisible()).toBe(true);
    expect(await page.locator('figure#category-shares .chart-table table').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await close();
  });

  it('ignores a malformed view parameter and keeps every figure working', async () => {
    const { page, problems, close } = await openReport('/?taxonomy-sunburst.focus=%');
    await page.waitForFunction(() => performance.getEntriesByName('interactive-ready').length > 0);
    expect(await sunburstFocus(page)).toBeNull();
    await everyToolbarWorks(page);
    expect(problems).toEqual([]);
    await close();
  });

  it('starts each figure on its own: one that fails to start leaves the others working', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const problems = watchPage(page, baseUrl);
    // Break the sunburst's markup (its breadcrumb is gone) so that its island throws while starting.
    await page.route(`${baseUrl}/`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace(/class="breadcrumb"/g, 'class="broken"') });
    });
    await page.goto(`${baseUrl}/`);
    await page.waitForFunction(() => performance.getEntriesByName('interactive-ready').length > 0);
    expect(problems.filter((p) => !/taxonomy-sunburst: its sunburst could not start/.test(p))).toEqual([]);
    expect(problems.length).toBe(1);
    await everyToolbarWorks(page);
    await page.locator('#top-values input[name="limit"]').fill('20');
    await page.waitForFunction(() => document.querySelectorAll('#top-values .chart-area svg [aria-label="bar"] rect').length === 20);
    await context.close();
  });

  it('redraws the top values when N and the category change', async () => {
    const { page, problems, close } = await openReport();
    const bars = page.locator('#top-values .chart-area svg [aria-label="bar"] rect');
    expect(await bars.count()).toBe(30);
    await page.locator('#top-values input[name="limit"]').fill('50');
    await page.waitForFunction(() => document.querySelector('#top-values')?.getAttribute('data-option-limit') === '50');
    expect(await bars.count()).toBe(50);
    expect(await page.locator('#top-values table tbody tr').count()).toBe(50);
    await page.locator('#top-values select[name="category"]').selectOption('Personal values');
    await page.waitForFunction(() => document.querySelector('#top-values')?.getAttribute('data-option-category') === 'Personal values');
    const categories = await page.locator('#top-values table tbody tr td:nth-of-type(3)').allTextContents();
    expect(new Set(categories)).toEqual(new Set(['Personal values']));
    expect(problems).toEqual([]);
    await close();
  });

  it('writes a figure’s embed codes and copy buttons when its Embed panel first opens, for the chart as drawn', async () => {
    const { page, problems, close } = await openReport();
    const figure = page.locator('#top-values');
    expect(await page.locator('main textarea, main [data-copy]').count(), 'nothing built before it is asked for').toBe(0);
    await figure.locator('input[name="limit"]').fill('40');
    await page.waitForFunction(() => document.querySelector('#top-values')?.getAttribute('data-option-limit') === '40');
    await figure.locator('.figure-toolbar summary', { hasText: 'Embed' }).focus();
    await page.keyboard.press('Enter');
    for (const kind of ['withScript', 'scriptFree']) {
      const code = await figure.locator(`textarea[data-snippet="${kind}"]`).inputValue();
      expect(code, kind).toContain(`<iframe src="${baseUrl}/embed/top-values/?limit=40"`);
    }
    expect(await figure.locator('.figure-toolbar [data-copy]').allTextContents()).toEqual(['Copy embed code', 'Copy script-free code', 'Copy image code']);
    // The image code is the default view's (its PNG is drawn at build time), whatever the options: image, takeaway as alt, link.
    const image = await figure.locator('textarea[data-snippet="image"]').inputValue();
    expect(image).toContain(`<img src="${baseUrl}/downloads/top-values.png" alt="The values Claude expresses most. `);
    expect(image).toContain(`<a href="${baseUrl}/charts/top-values/">Open the interactive chart`);
    // Closing and opening again builds nothing twice.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await figure.locator('textarea').count()).toBe(3);
    await figure.locator('.figure-toolbar summary', { hasText: 'Cite' }).click();
    expect(await figure.locator('.figure-toolbar [data-copy]').allTextContents()).toContain('Copy caption');
    expect(problems).toEqual([]);
    await close();
  });

  it('shows a mark’s tip beside it on hover, for marks drawn at build time and redrawn ones alike', async () => {
    const { page, problems, close } = await openReport();
    // The page's charts carry their tips as attributes, not <title> elements (downloads keep those).
    expect(await page.locator('main .chart-area svg title').count()).toBe(0);
    const tooltip = page.locator('#top-values .chart-tooltip');
    // A mark tied to a row of the table says what the keyboard walk says there, read from the table.
    const bar = page.locator('#top-values [aria-label="bar"] rect').first();
    expect(await bar.getAttribute('data-tip')).toBeNull();
    await bar.hover();
    const share = await page.locator('#top-values tbody tr').first().locator('td.num').first().textContent();
    await expect(tooltip.textContent()).resolves.toBe(`helpfulness, ${share}% of conversations, 1 of 30`);
    // A label cut short shows its full text.
    const cut = page.locator('main g[aria-label="y-axis tick label"] text[data-tip]').first();
    expect(await cut.textContent()).toMatch(/…$/);
    await cut.hover();
    const figureId = await cut.evaluate((text) => text.closest('figure')!.id);
    await expect(page.locator(`#${figureId} .chart-tooltip`).textContent()).resolves.toBe(await cut.getAttribute('data-tip'));
    await page.locator('#top-values input[name="limit"]').fill('50');
    await page.waitForFunction(() => document.querySelector('#top-values')?.getAttribute('data-option-limit') === '50');
    const last = page.locator('#top-values [aria-label="bar"] rect').last();
    await last.hover();
    await expect(tooltip.textContent()).resolves.toMatch(/, 50 of 50$/);
    expect(await page.locator('#top-values svg title').count()).toBe(0);
    await page.mouse.move(0, 0);
    await expect(tooltip.isHidden()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('has no axe violations, no console errors and no requests to other origins', async () => {
    const { page, problems, close } = await openReport();
    await page.locator('#taxonomy-sunburst path[data-key]').first().hover();
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('the report’s table of contents on a wide screen', () => {
  it('stays beside the text while the reader scrolls, and marks the section being read', async () => {
    const { page, problems, close } = await openReport('/', { width: 1440 });
    const toc = page.locator('.toc');
    await page.locator('#support-reframing-resistance').scrollIntoViewIfNeeded();
    await page.evaluate(() => scrollBy(0, 200));
    await expect.poll(() => page.locator('.toc a[aria-current]').getAttribute('href')).toBe('#support-reframing-resistance');
    expect(await page.locator('.toc a[aria-current]').count()).toBe(1);
    // Sticky: still on screen far down the page, to the left of the text column.
    const [tocBox, textBox] = [await toc.boundingBox(), await page.locator('#support-reframing-resistance').boundingBox()];
    expect(tocBox!.y).toBeGreaterThanOrEqual(0);
    expect(tocBox!.y).toBeLessThan(900);
    expect(tocBox!.x + tocBox!.width).toBeLessThan(textBox!.x);
    expect(problems).toEqual([]);
    await close();
  });
});
