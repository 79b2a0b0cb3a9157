import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { chartLink, chartPaths } from '../../src/charts/lib/links.ts';
import { DEFAULT_SITE_URL, siteOrigin } from '../../src/config.ts';
import { COURSE_PACK_MOODLE_PATH, COURSE_PACK_PATH, folderOf } from '../../src/lessons/lib/course-pack.ts';
import { unzipPack } from '../../src/lessons/lib/pack-zip.ts';
import { moodlePurify } from '../moodle-purifier.ts';
import { pngSize } from '../png-size.ts';
import { newContext, useBrowser } from './helpers.ts';

/**
 * What survives Moodle's HTML filter (HTML Purifier as purify_html() sets it up, run in PHP: tests/moodle/purify.php):
 * the pack's student pages and handouts and the chart pages' image snippet must keep the chart image, its alt text
 * and a link to the interactive chart, with an image address that resolves.
 */
const baseUrl = inject('baseUrl');
const buildOrigin = siteOrigin(process.env.SITE_URL || DEFAULT_SITE_URL);
const browser = useBrowser();

/** The images, alt texts and links of some HTML, read by the browser's parser. */
async function imagesAndLinks(page: Page, html: string) {
  return page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, 'text/html');
    return {
      images: [...doc.querySelectorAll('img')].map((img) => ({ src: img.getAttribute('src') ?? '', alt: img.getAttribute('alt') ?? '', width: img.getAttribute('width'), height: img.getAttribute('height') })),
      links: [...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
      text: doc.body.textContent ?? '',
      removed: ['iframe', 'svg', 'script', 'style'].filter((tag) => doc.querySelector(tag)),
    };
  }, html);
}

async function packFiles(page: Page, path: string) {
  const response = await page.request.get(`${baseUrl}${path}`);
  expect(response.status(), path).toBe(200);
  return unzipPack(await response.body());
}

describe('Moodle: what its HTML filter keeps', () => {
  for (const path of [COURSE_PACK_MOODLE_PATH, COURSE_PACK_PATH]) {
    it(`${path}: every student page and handout keeps the chart image (alt text, a file in the zip) and the link to the interactive chart`, async () => {
      const context = await newContext(browser());
      const page = await context.newPage();
      const files = await packFiles(page, path);
      for (const chart of CHARTS) {
        for (const name of ['student.html', 'handout.html']) {
          const file = `${folderOf(chart.id)}/${name}`;
          const filtered = await imagesAndLinks(page, moodlePurify(new TextDecoder().decode(files.get(file))));
          expect(filtered.removed, file).toEqual([]);
          expect(filtered.images, file).toHaveLength(1);
          const [image] = filtered.images;
          expect(image!.alt.length, file).toBeGreaterThan(chart.title.length);
          const resolved = new URL(image!.src, `https://pack.invalid/${file}`).pathname.slice(1);
          expect(files.has(resolved), `${file}: ${image!.src} → ${resolved}`).toBe(true);
          expect(pngSize(Buffer.from(files.get(resolved)!)), file).toEqual({ width: 2 * Number(image!.width), height: 2 * Number(image!.height) });
          expect(filtered.links, file).toContain(chartLink(buildOrigin, chart.id));
          expect(filtered.text, file).toContain('What do you notice?');
        }
      }
      await context.close();
    });
  }

  it('the image snippet of every chart page keeps the image (alt text, a PNG at twice its size on the site) and the link', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    for (const chart of CHARTS) {
      await page.goto(`${baseUrl}${chartPaths(chart.id).page}`);
      const snippet = await page.locator(`#snippet-${chart.id}-image`).inputValue();
      const filtered = await imagesAndLinks(page, moodlePurify(snippet));
      expect(filtered.images, chart.id).toHaveLength(1);
      const [image] = filtered.images;
      expect(image!.alt.length, chart.id).toBeGreaterThan(chart.title.length);
      expect(image!.src, chart.id).toBe(`${baseUrl}${chartPaths(chart.id).image}`);
      const response = await page.request.get(image!.src);
      expect(response.headers()['content-type'], chart.id).toBe('image/png');
      expect(pngSize(await response.body()), chart.id).toEqual({ width: 2 * Number(image!.width), height: 2 * Number(image!.height) });
      expect(filtered.links, chart.id).toContain(`${baseUrl}${chartPaths(chart.id).page}`);
    }
    await context.close();
  });

  it('renders a filtered student page with the pack’s image (saved to tests/output/moodle/ to look at)', async () => {
    const context = await newContext(browser(), { width: 900 });
    const page = await context.newPage();
    const files = await packFiles(page, COURSE_PACK_MOODLE_PATH);
    mkdirSync('tests/output/moodle', { recursive: true });
    for (const { id } of CHARTS) {
      const dir = `https://moodle.invalid/${folderOf(id)}/`;
      // Moodle shows the filtered text inside its own page: here, a bare one with no stylesheet of ours.
      await page.route(`${dir}**`, (route) => {
        const name = new URL(route.request().url()).pathname.replace(/^\//, '');
        if (name.endsWith('.png')) return route.fulfill({ body: Buffer.from(files.get(name)!), contentType: 'image/png' });
        const body = moodlePurify(new TextDecoder().decode(files.get(name)));
        return route.fulfill({ body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Moodle</title></head><body style="font-family:sans-serif;max-width:860px;margin:16px">${body}</body></html>`, contentType: 'text/html' });
      });
      await page.goto(`${dir}student.html`);
      const loaded = await page.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
      expect(loaded, id).toBe(true);
      writeFileSync(`tests/output/moodle/moodle-${id}.png`, await page.screenshot({ fullPage: true }));
    }
    await context.close();
  });
});
