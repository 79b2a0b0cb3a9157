import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { CHARTS, REPORT_CHARTS } from '../../src/charts/lib/registry.ts';
import { EMBED_WIDTHS } from '../../src/components/embed-code.ts';
import { newContext, recordCanvasText, smallestCanvasText, smallestSvgText, useBrowser } from './helpers.ts';

/**
 * Charts fit their space (issue 11, item 2): every chart's SVG scales with its container, and its text, as rendered,
 * is never smaller than 11 px at any width from 320 to 1600 px, on the report and on each chart's embed page; on a
 * phone no chart scrolls sideways. Sizes are measured in the browser: each text's font size times the scale its SVG is
 * drawn at (the screen CTM), for every text that is displayed.
 */
const baseUrl = inject('baseUrl');
const browser = useBrowser();
const WIDTHS = [320, 390, 768, 1440, 1600];
const MIN_TEXT_PX = 11;

export interface TextSizes {
  /** Smallest rendered text, px, and the text it was found in. */
  min: number;
  text: string;
  /** Whether the chart's area scrolls sideways (its SVG is wider than the space it has). */
  overflows: boolean;
}

/** The smallest rendered text of each displayed chart, by figure id, and whether its area scrolls sideways. */
async function measureCharts(page: Page): Promise<Record<string, TextSizes>> {
  const ids = await page.evaluate(() => Array.from(document.querySelectorAll('figure.chart-figure')).filter((f) => f.querySelector('.chart-area')).map((f) => f.id));
  const out: Record<string, TextSizes> = {};
  for (const id of ids) {
    const area = `[id="${id}"] .chart-area`;
    // A chart drawn on a canvas once its script runs (the atlas) is measured by what it draws there, once it has one.
    await page.waitForFunction((selector) => document.querySelector(selector)?.closest('[data-island="atlas"]') === null || Boolean(document.querySelector(`${selector} canvas`)), area, { timeout: 10_000 });
    const drawsOnCanvas = await page.evaluate((selector) => Boolean(document.querySelector(`${selector} canvas`)?.checkVisibility()), area);
    // Its script draws after it fetches the layout: wait for the first text it draws.
    if (drawsOnCanvas) await page.waitForFunction(() => ((window as unknown as { __canvasText?: unknown[] }).__canvasText ?? []).length > 0, null, { timeout: 10_000 });
    const { px, text } = await page.evaluate(drawsOnCanvas ? smallestCanvasText : smallestSvgText, area);
    if (px === Infinity) continue;
    const overflows = await page.evaluate((selector) => {
      const element = document.querySelector(selector)!;
      return element.scrollWidth > element.clientWidth + 1;
    }, area);
    out[id] = { min: px, text, overflows };
  }
  return out;
}

/** The height (px) the embed snippet gives its frame at this width: between its narrow and wide heights. */
function frameHeight(heights: { narrow: number; wide: number }, width: number): number {
  const t = Math.min(1, Math.max(0, (width - EMBED_WIDTHS.narrow) / (EMBED_WIDTHS.wide - EMBED_WIDTHS.narrow)));
  return Math.round(heights.narrow + t * (heights.wide - heights.narrow));
}

const found: string[] = [];
afterAll(() => {
  // The measurements, for a report: `CHART_TEXT_LOG=1 npx vitest run … chart-text`.
  if (process.env.CHART_TEXT_LOG) console.log(found.join('\n'));
});

describe('chart text is at least 11 px as rendered, at every width', () => {
  let heights: Record<string, { narrow: number; wide: number }> = {};

  beforeAll(async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    // Every chart's embed heights, from the pages that show them (the report's figures and the values atlas).
    for (const path of ['/', '/values/']) {
      await page.goto(`${baseUrl}${path}`);
      heights = {
        ...heights,
        ...(await page.evaluate(() =>
          Object.fromEntries(Array.from(document.querySelectorAll<HTMLElement>('figure[data-embed-height]')).map((f) => [f.id, JSON.parse(f.dataset.embedHeight!)])),
        )),
      };
    }
    await context.close();
  });

  for (const width of WIDTHS) {
    describe(`at ${width} px`, () => {
      let context: BrowserContext;
      beforeAll(async () => {
        context = await newContext(browser(), { width });
        await context.addInitScript(recordCanvasText);
      });
      afterAll(() => context?.close());

      it('on the report', async () => {
        const page = await context.newPage();
        await page.goto(`${baseUrl}/`);
        await page.waitForFunction(() => document.readyState === 'complete');
        const sizes = await measureCharts(page);
        const problems: string[] = [];
        for (const chart of REPORT_CHARTS) {
          const s = sizes[chart.id];
          found.push(`report ${width} ${chart.id} ${s?.min} "${s?.text}"`);
          if (!s) problems.push(`${chart.id} is not drawn`);
          else if (s.min < MIN_TEXT_PX) problems.push(`${chart.id}: ${s.min} px “${s.text}”`);
          if (s && width <= 390 && s.overflows) problems.push(`${chart.id} scrolls sideways`);
        }
        expect(problems, `at ${width} px`).toEqual([]);
        if (width <= 390) expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await page.close();
      });

      for (const chart of CHARTS) {
        it(`on the embed of ${chart.id}`, async () => {
          const page: Page = await context.newPage();
          await page.setViewportSize({ width, height: frameHeight(heights[chart.id]!, width) });
          await page.goto(`${baseUrl}/embed/${chart.id}/`);
          await page.waitForFunction(() => document.readyState === 'complete');
          const s = (await measureCharts(page))[chart.id];
          found.push(`embed ${width} ${chart.id} ${s?.min} "${s?.text}"`);
          expect(s, `${chart.id} is drawn in its embed`).toBeDefined();
          expect(s!.min, `${chart.id} embed at ${width} px: “${s!.text}”`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
          if (width <= 390) expect(s!.overflows, `${chart.id} embed scrolls sideways at ${width} px`).toBe(false);
          await page.close();
        });
      }
    });
  }
});
