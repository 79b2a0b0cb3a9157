import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadDataset, loadPaperFigures } from '../../src/data/load.ts';
import { buildModel } from '../../src/data/model.ts';
import { percentAdaptive } from '../../src/charts/lib/format.ts';
import { categoryColor } from '../../src/charts/lib/palette.ts';
import { realDatasetDir } from '../unit/dataset-dir.ts';
import { openPage, useBrowser } from './helpers.ts';

/**
 * The values atlas (issue 24 item 1) on /values/ and its embed: the picture without a script, the canvas with one,
 * search fly-to kept in the URL, the keyboard walk and what it says, a tapped value's card, and its width on a wide
 * screen. Figures are read from the model, not written here.
 */
const baseUrl = inject('baseUrl');
const browser = useBrowser();
const model = buildModel(loadDataset(realDatasetDir), loadPaperFigures());
const { taxonomy } = model;

const open = (url: string, options: Parameters<typeof openPage>[2] = {}) => openPage(browser(), baseUrl + url, options);
const ready = (page: Page) => page.waitForFunction(() => performance.getEntriesByName('atlas-ready').length > 0, null, { timeout: 20_000 });
/** The canvas's zoom (d3-zoom keeps it on the element), rounded. */
const zoomOf = (page: Page) =>
  page.locator('#values-atlas canvas').evaluate((c) => {
    const t = (c as unknown as { __zoom: { k: number; x: number; y: number } }).__zoom;
    return { k: Math.round(t.k * 100) / 100, x: Math.round(t.x), y: Math.round(t.y) };
  });

/** A value of middling frequency with a name of two words, so that typing it finds it first. */
const value = taxonomy.values.find((v) => v.rank > 40 && /^[a-z]+ [a-z]+$/.test(v.name) && taxonomy.values.filter((w) => w.name.startsWith(v.name)).length === 1)!;
const cluster = taxonomy.byId.get(value.parentId!)!;

describe('the values atlas on /values/', () => {
  it('heads the page, says it holds every value (counted from the model), and shows a picture and the list without a script', async () => {
    const { page, problems, close } = await open('/values/', { javaScriptEnabled: false });
    const figure = page.locator('main figure').first();
    expect(await figure.getAttribute('id')).toBe('values-atlas');
    expect(await figure.locator('.chart-takeaway').textContent()).toContain(`All ${taxonomy.values.length.toLocaleString('en-US')} values`);
    const picture = figure.locator('.chart-area svg.atlas');
    expect(await picture.isVisible()).toBe(true);
    // Every value is a dot: the picture's dots (zero-length strokes) number the values.
    const dots = await picture.evaluate((svg) => [...svg.querySelectorAll('.values path')].reduce((n, p) => n + (p.getAttribute('d')!.match(/M/g) ?? []).length, 0));
    expect(dots).toBe(taxonomy.values.length);
    // Cluster names, at the size the picture is drawn at (the wide set at 1280 px).
    const labels = await picture.locator('.labels-wide text').allTextContents();
    for (const category of taxonomy.categories) expect(labels).toContain(category.name);
    expect(labels.length).toBeGreaterThan(taxonomy.categories.length);
    expect(await page.locator('ul.browse > li').count()).toBe(taxonomy.categories.length);
    expect(problems).toEqual([]);
    await close();
  });

  it('draws on a canvas with a script, at least 1,000 px wide on a 1440 px screen', async () => {
    const { page, problems, close } = await open('/values/', { width: 1440 });
    await ready(page);
    const widths = await page.locator('#values-atlas').evaluate((f) => ({ figure: f.getBoundingClientRect().width, canvas: f.querySelector('canvas')!.getBoundingClientRect().width }));
    expect(widths.figure).toBeGreaterThanOrEqual(1000);
    expect(widths.canvas).toBeGreaterThanOrEqual(1000);
    expect(await page.locator('#values-atlas svg.atlas').isVisible()).toBe(false);
    // Something is drawn: the canvas holds more than the background.
    const colours = await page.locator('#values-atlas canvas').evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await close();
  });

  it('flies to a value found in its search field, announces it, keeps it in the URL, and a reload shows the same view', async () => {
    const { page, problems, close } = await open('/values/', { width: 1280 });
    await ready(page);
    const before = await zoomOf(page);
    await page.locator('#values-atlas-search').fill(value.name);
    await expect.poll(() => page.locator('#values-atlas [role="option"]').first().textContent(), { timeout: 10_000 }).toContain(value.name);
    await page.keyboard.press('Enter');
    const live = page.locator('#values-atlas [data-atlas-live]');
    await expect.poll(() => live.textContent(), { timeout: 10_000 }).toBe(`${value.name}: ${percentAdaptive(value.pctConvos)} of conversations, in ${cluster.name}.`);
    expect(new URL(page.url()).searchParams.get('value')).toBe(value.slug);
    await expect.poll(() => page.locator('#values-atlas .atlas-card').isVisible(), { timeout: 10_000 }).toBe(true);
    const flown = await zoomOf(page);
    expect(flown.k).toBeGreaterThan(before.k * 2);
    await page.reload();
    await ready(page);
    expect(await zoomOf(page)).toEqual(flown);
    expect(await page.locator('#values-atlas').getAttribute('data-selected')).toBe(value.slug);
    expect(await page.locator('#values-atlas .atlas-card').textContent()).toContain(value.name);
    // Reset goes back to the whole and takes the value out of the URL.
    await page.locator('#values-atlas [data-zoom="reset"]').click();
    await expect.poll(() => zoomOf(page), { timeout: 10_000 }).toEqual(before);
    expect(new URL(page.url()).searchParams.has('value')).toBe(false);
    expect(problems).toEqual([]);
    await close();
  });

  it('closer in, shows tiles painted in idle moments: each circle where the layout puts it, in its colour, with no seam between tiles', async () => {
    // The commonest value, zoomed in on until its circle is wider than a tile (at most 362 px on a 1× screen).
    const largest = taxonomy.values.reduce((a, b) => (b.pctConvos > a.pctConvos ? b : a));
    const { page, problems, close } = await open(`/values/?value=${largest.slug}`, { width: 1280 });
    await ready(page);
    const canvas = page.locator('#values-atlas canvas');
    /** The value's circle on the canvas (CSS px), from the layout and the canvas's zoom. */
    const circle = () =>
      canvas.evaluate(async (c, name) => {
        const src = (c.closest('figure') as HTMLElement).dataset.src!;
        const layout = (await (await fetch(src)).json()) as { name: string[]; level: number[]; category: number[]; categories: string[]; circles: number[] };
        const i = layout.name.findIndex((n, j) => n === name && layout.level[j] === 0);
        const t = (c as unknown as { __zoom: { k: number; x: number; y: number } }).__zoom;
        return { x: layout.circles[3 * i]! * t.k + t.x, y: layout.circles[3 * i + 1]! * t.k + t.y, r: layout.circles[3 * i + 2]! * t.k, category: layout.categories[layout.category[i]!]! };
      }, largest.name);
    const box = (await canvas.boundingBox())!;
    for (let c = await circle(); c.r < 320; c = await circle()) {
      await page.mouse.move(box.x + c.x, box.y + c.y);
      await page.mouse.wheel(0, -200);
      await page.waitForTimeout(200);
    }
    const lastFrame = () => page.evaluate(() => (performance.getEntriesByName('atlas-frame').at(-1) as PerformanceMeasure).detail as { level: number; lacking?: number });
    await expect.poll(async () => { const f = await lastFrame(); return f.level >= 1 && f.lacking === 0; }, { timeout: 20_000 }).toBe(true);
    const c = await circle();
    // A chord half the radius below the centre (clear of the name), inside the circle and the canvas.
    const y = Math.round(c.y + c.r / 2);
    const [x0, x1] = [Math.max(2, Math.round(c.x - 0.8 * c.r)), Math.min(box.width - 2, Math.round(c.x + 0.8 * c.r))];
    expect(y).toBeLessThan(box.height);
    expect(x1 - x0).toBeGreaterThan(400);
    const colours = await canvas.evaluate((element, [x, y, width]) => {
      const data = (element as HTMLCanvasElement).getContext('2d')!.getImageData(x, y, width, 1).data;
      const seen = new Set<string>();
      for (let p = 0; p < data.length; p += 4) seen.add([data[p], data[p + 1], data[p + 2]].join(','));
      return [...seen];
    }, [x0, y, x1 - x0]);
    const hex = categoryColor(c.category, 'light');
    expect(colours).toEqual([[1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)).join(',')]);
    expect(problems).toEqual([]);
    await close();
  });

  it('ignores a value in the URL that names no value, and leaves the URL', async () => {
    const { page, problems, close } = await open('/values/?value=no-such-value');
    await ready(page);
    expect(new URL(page.url()).searchParams.has('value')).toBe(false);
    expect(problems).toEqual([]);
    await close();
  });

  it('is walked from the keyboard as a tree: arrows among neighbours, Page Down into a cluster, Page Up out; each stop says name, share and cluster; Enter opens its page', async () => {
    const { page, problems, close } = await open('/values/');
    await ready(page);
    await page.locator('#values-atlas .chart-area').focus();
    const name = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    const [first, second] = taxonomy.categories;
    await page.keyboard.press('ArrowRight');
    expect(await name()).toBe(`${first!.name}, category of ${first!.valueCount.toLocaleString('en-US')} values, ${percentAdaptive(first!.share)} of expressions, 1 of ${taxonomy.categories.length}`);
    await page.keyboard.press('ArrowRight');
    expect(await name()).toContain(`${second!.name}, category`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('PageDown');
    const group = taxonomy.byId.get(first!.childIds[0]!)!;
    expect(await name()).toContain(`${group.name}, level-2 cluster`);
    expect(await name()).toContain(`in ${first!.name}`);
    await page.keyboard.press('PageDown');
    const level1 = taxonomy.byId.get(group.childIds[0]!)!;
    await page.keyboard.press('PageDown');
    const top = taxonomy.byId.get(level1.childIds[0]!)!;
    expect(await name()).toBe(`${top.name}, ${percentAdaptive(top.pctConvos!)} of conversations, in ${level1.name}, 1 of ${level1.childIds.length}`);
    await page.keyboard.press('ArrowRight');
    const neighbour = taxonomy.byId.get(level1.childIds[1]!)!;
    expect(await name()).toContain(`${neighbour.name}, ${percentAdaptive(neighbour.pctConvos!)} of conversations, in ${level1.name}`);
    await page.keyboard.press('PageUp');
    expect(await name()).toContain(`${level1.name}, level-1 cluster`);
    await page.keyboard.press('PageDown');
    await Promise.all([page.waitForURL(`**${top.href}`), page.keyboard.press('Enter')]);
    expect(problems).toEqual([]);
    await close();
  });

  it('shows a card for a value tapped, with its share, rank, cluster path and a link to its page', async () => {
    const { page, problems, close } = await open('/values/', { width: 1280 });
    await ready(page);
    const top = taxonomy.values[0]!;
    // The commonest value's circle, where the page draws it (from the data the page loaded), with the canvas in view.
    await page.locator('#values-atlas canvas').evaluate((c) => c.scrollIntoView({ block: 'center' }));
    const point = await page.locator('#values-atlas canvas').evaluate(async (c, name) => {
      const layout = (await (await fetch('/data/values-atlas.json')).json()) as { name: string[]; level: number[]; circles: number[] };
      const i = layout.name.findIndex((n, j) => n === name && layout.level[j] === 0);
      const t = (c as unknown as { __zoom: { k: number; x: number; y: number } }).__zoom;
      const box = c.getBoundingClientRect();
      return { x: box.left + layout.circles[3 * i]! * t.k + t.x, y: box.top + layout.circles[3 * i + 1]! * t.k + t.y };
    }, top.name);
    await page.mouse.click(point.x, point.y);
    const card = page.locator('#values-atlas .atlas-card');
    await expect.poll(() => card.isVisible(), { timeout: 10_000 }).toBe(true);
    const text = await card.textContent();
    expect(text).toContain(top.name);
    expect(text).toContain(`${percentAdaptive(top.pctConvos)} of conversations`);
    expect(text).toContain(`rank ${top.rank} of ${taxonomy.values.length.toLocaleString('en-US')}`);
    const path: string[] = [];
    for (let id = top.parentId; id; id = taxonomy.byId.get(id)!.parentId) path.unshift(taxonomy.byId.get(id)!.name);
    expect(text).toContain(path.join(' › '));
    expect(await card.locator('a').getAttribute('href')).toBe(top.href);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('the values atlas as an embed', () => {
  it('works at /embed/values-atlas/ with its search, and a linked value opens the same view', async () => {
    const { page, problems, close } = await open(`/embed/values-atlas/?value=${value.slug}`, { width: 600 });
    await ready(page);
    expect(await page.locator('#values-atlas').getAttribute('data-selected')).toBe(value.slug);
    expect(await page.locator('#values-atlas-search').isVisible()).toBe(true);
    expect(await page.locator('.chart-explore a').getAttribute('href')).toBe(`${baseUrl}/charts/values-atlas/?value=${value.slug}`);
    expect(problems).toEqual([]);
    await close();
  });

  it('does not scroll sideways at 320 px', async () => {
    const { page, close } = await open('/embed/values-atlas/', { width: 320 });
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await close();
  });
});
