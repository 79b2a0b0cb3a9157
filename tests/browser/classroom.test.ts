import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { chartPaths } from '../../src/charts/lib/links.ts';
import { pngSize } from '../png-size.ts';
import { newContext, useBrowser, watchPage } from './helpers.ts';

/** Slides, handouts, teacher's pages and the course pack: what a teacher takes from the site into a classroom. */
const baseUrl = inject('baseUrl');
const browser = useBrowser();

async function open(url: string) {
  const context = await newContext(browser());
  const page = await context.newPage();
  const problems = watchPage(page, baseUrl);
  await page.goto(url);
  return { page, problems, context, close: () => context.close() };
}

/** How many distinct colours a PNG has (sampled), decoded by the browser. */
function colourCount(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return colours.size;
  }, png.toString('base64'));
}

describe('slide images', () => {
  it('exist for every chart at 1920×1080 and are not blank', async () => {
    const { page, problems, close } = await open(`${baseUrl}/charts/`);
    for (const chart of CHARTS) {
      const response = await page.request.get(`${baseUrl}${chartPaths(chart.id).slide}`);
      expect(response.status(), chart.id).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
      const png = await response.body();
      expect(pngSize(png), chart.id).toEqual({ width: 1920, height: 1080 });
      expect(await colourCount(page, png), chart.id).toBeGreaterThan(20);
    }
    expect(await page.locator(`a[href="${chartPaths('top-values').slide}"]`).textContent()).toBe('Slide (PNG, 1920×1080)');
    expect(problems).toEqual([]);
    await close();
  });

  it('are offered in the Download menu, copied by Copy image with an announcement, and captioned in Cite', async () => {
    const { page, problems, context, close } = await open(`${baseUrl}/embed/category-shares/`);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await page.locator('summary', { hasText: 'Download' }).click();
    await expect(page.locator('.tool-panel a', { hasText: 'Slide (PNG, 1920×1080)' }).getAttribute('href')).resolves.toBe(chartPaths('category-shares').slide);

    await page.locator('button', { hasText: 'Copy image' }).click();
    await page.waitForFunction(() => /copied/.test(document.querySelector('[data-announce]')?.textContent ?? ''), undefined, { timeout: 5000 });
    await expect(page.locator('[data-announce]').textContent()).resolves.toBe('Image copied to the clipboard.');
    const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types));
    expect(types).toContain('image/png');

    await page.locator('summary', { hasText: 'Cite' }).click();
    const caption = await page.locator('#category-shares-caption').textContent();
    expect(caption).toBe(`Five kinds of value. Data: Anthropic, Values in the Wild · CC BY 4.0 · ${baseUrl}/embed/category-shares/`);
    expect(problems).toEqual([]);
    await close();
  });

  it('hides Copy image where the browser cannot put images on the clipboard', async () => {
    const context = await newContext(browser());
    await context.addInitScript(() => Object.defineProperty(window, 'ClipboardItem', { value: undefined }));
    const page = await context.newPage();
    await page.goto(`${baseUrl}/embed/category-shares/`);
    await page.locator('button', { hasText: 'Copy embed code' }).waitFor({ state: 'attached' });
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[data-copy="category-shares-caption"]')?.hidden);
    expect(await page.locator('[data-copy-image]').isHidden()).toBe(true);
    await context.close();
  });
});
