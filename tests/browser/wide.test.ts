import { describe, expect, inject, it } from 'vitest';
import { WIDE_CHARTS } from '../../src/charts/lib/registry.ts';
import { newContext, useBrowser, watchPage } from './helpers.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

async function openReport(width: number, height = 900) {
  const context = await newContext(browser(), { width });
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const problems = watchPage(page, baseUrl);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`${baseUrl}/`);
  await page.waitForLoadState('networkidle');
  return { page, problems, requested, close: () => context.close() };
}

/** The widest chart drawing among the report's figures, in CSS pixels as laid out. */
const widestChart = (page: import('playwright-core').Page) =>
  page.evaluate(() => Math.max(...[...document.querySelectorAll('.report figure .chart-area svg')].map((svg) => svg.getBoundingClientRect().width)));

describe('the report on a wide screen', () => {
  it('at 1440 px draws its key figures for the width, 860 px or wider, and shows a chart on the first screen', async () => {
    const { page, problems, close } = await openReport(1440);
    await expect.poll(() => page.locator('.report > figure.is-wide').count(), { timeout: 15_000 }).toBe(WIDE_CHARTS.length);
    for (const id of WIDE_CHARTS) {
      const box = (await page.locator(`#${id} .chart-area svg`).boundingBox())!;
      expect(box.width, id).toBeGreaterThanOrEqual(860);
      // Laid out for the width (its viewBox as wide as it is drawn, give or take the figure's last few pixels).
      const viewBoxWidth = await page.locator(`#${id} .chart-area svg`).evaluate((svg: SVGSVGElement) => svg.viewBox.baseVal.width);
      expect(box.width / viewBoxWidth, id).toBeGreaterThan(0.95);
      expect(box.width / viewBoxWidth, id).toBeLessThan(1.1);
    }
    expect(await widestChart(page)).toBeGreaterThanOrEqual(860);
    // The first screen (1440 × 900, not scrolled) shows a chart: the taxonomy's picture, loaded, linking to its figure.
    const lead = page.locator('.report > .lead-chart');
    await expect(lead.getAttribute('href')).resolves.toBe('#taxonomy-sunburst');
    const picture = (await lead.locator('img').boundingBox())!;
    expect(picture.y + picture.height).toBeLessThanOrEqual(900);
    expect(picture.width).toBeGreaterThanOrEqual(300);
    expect(await lead.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1440);
    expect(problems).toEqual([]);
    await close();
  });

  it('zooms the sunburst in its wide shape, and draws the phone’s again when the window narrows', async () => {
    const { page, problems, close } = await openReport(1440);
    const sunburst = page.locator('#taxonomy-sunburst');
    await expect.poll(() => sunburst.evaluate((f) => f.classList.contains('is-wide')), { timeout: 15_000 }).toBe(true);
    const viewBox = () => sunburst.locator('.chart-area svg').evaluate((svg: SVGSVGElement) => svg.viewBox.baseVal.width);
    expect(await viewBox()).toBe(880);
    await sunburst.locator('path[data-key^="l3:"]').first().click();
    await expect.poll(() => sunburst.getAttribute('data-focus'), { timeout: 15_000 }).toMatch(/^l3:/);
    expect(await viewBox()).toBe(880);
    await page.setViewportSize({ width: 800, height: 900 });
    await expect.poll(viewBox, { timeout: 15_000 }).toBe(640);
    await expect.poll(() => page.locator('#long-tail .chart-area svg').evaluate((svg: SVGSVGElement) => svg.viewBox.baseVal.width), { timeout: 15_000 }).toBe(340);
    expect(await page.locator('.report > figure.is-wide').count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('the report on a phone', () => {
  it('at 375 px keeps the phone’s drawings, fetches no wide ones, and nothing scrolls sideways', async () => {
    const { page, problems, requested, close } = await openReport(375, 812);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
    expect(requested.filter((p) => /\.(wide|lead)\.svg$/.test(p))).toEqual([]);
    expect(await page.locator('.report > .lead-chart').isVisible()).toBe(false);
    expect(await widestChart(page)).toBeLessThanOrEqual(375);
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
    expect(problems).toEqual([]);
    await close();
  });
});
