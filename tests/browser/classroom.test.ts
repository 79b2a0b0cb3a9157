import { describe, expect, inject, it } from 'vitest';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { chartLink, chartPaths } from '../../src/charts/lib/links.ts';
import { DEFAULT_SITE_URL, siteOrigin } from '../../src/config.ts';
import { COURSE_PACK_MOODLE_PATH, COURSE_PACK_PATH } from '../../src/lessons/lib/course-pack.ts';
import { cartridgeProblems } from '../../src/lessons/lib/cartridge-check.ts';
import { unzipPack } from '../../src/lessons/lib/pack-zip.ts';
import { pngSize } from '../png-size.ts';
import { axeViolations, colourCount, describeViolations, newContext, pdfPages, useBrowser, watchPage } from './helpers.ts';

/** Slides, handouts, teacher's pages and the course pack: what a teacher takes from the site into a classroom. */
const baseUrl = inject('baseUrl');
/** The address the site was built for: captions and handouts name it, like the citations. */
const buildOrigin = siteOrigin(process.env.SITE_URL || DEFAULT_SITE_URL);
const browser = useBrowser();

async function open(url: string) {
  const context = await newContext(browser());
  const page = await context.newPage();
  const problems = watchPage(page, baseUrl);
  await page.goto(url);
  return { page, problems, context, close: () => context.close() };
}

/** How many distinct colours a PNG has (sampled), decoded by the browser. */

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
    expect(caption).toBe(`Five kinds of value. Data: Anthropic, Values in the Wild · CC BY 4.0 · ${chartLink(buildOrigin, 'category-shares')}`);
    expect(problems).toEqual([]);
    await close();
  });

  it('offers Copy image only where the browser can put images on the clipboard', async () => {
    for (const clipboard of [true, false]) {
      const context = await newContext(browser());
      if (!clipboard) await context.addInitScript(() => Object.defineProperty(window, 'ClipboardItem', { value: undefined }));
      const page = await context.newPage();
      await page.goto(`${baseUrl}/embed/category-shares/`);
      await page.locator('.figure-toolbar summary', { hasText: 'Download' }).click();
      await page.locator('[data-download="png"]').waitFor();
      expect(await page.locator('[data-download="copy-image"]').count(), `with ClipboardItem: ${clipboard}`).toBe(clipboard ? 1 : 0);
      await context.close();
    }
  });
});

describe('handouts', () => {
  it('print to two pages on A4 and on US Letter: the sheet, then the answer key', async () => {
    const { page, problems, close } = await open(`${baseUrl}/charts/`);
    for (const chart of CHARTS) {
      await page.goto(`${baseUrl}${chartPaths(chart.id).handout}`);
      for (const format of ['A4', 'Letter'] as const) expect(pdfPages(await page.pdf({ format })), `${chart.id} on ${format}`).toBe(2);
    }
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() => ({
      keyStartsPage: getComputedStyle(document.querySelector('.handout-key')!).breakBefore,
      chrome: [...document.querySelectorAll('body > header, .site-footer, .screen-only')].map((el) => getComputedStyle(el).display),
    }));
    expect(layout.keyStartsPage).toBe('page');
    expect(new Set(layout.chrome)).toEqual(new Set(['none']));
    expect(problems).toEqual([]);
    await close();
  });

  it('carry the chart, notice and wonder, questions at two levels, the source and a link back; the key has every answer', async () => {
    const { page, problems, close } = await open(`${baseUrl}${chartPaths('context-heatmap').handout}`);
    const sheet = page.locator('.handout-sheet');
    expect(await sheet.locator('svg').count()).toBeGreaterThan(0);
    expect(await sheet.locator('h2').allTextContents()).toEqual(['What do you notice?', 'What do you wonder?', 'Getting started', 'Going further']);
    await expect(sheet.locator('figcaption').textContent()).resolves.toMatch(/Uncertain.*CC BY 4\.0/s);
    expect(await sheet.locator('.handout-link a').getAttribute('href')).toBe(chartLink(buildOrigin, 'context-heatmap'));
    expect(await page.locator('.handout-key .answer').count()).toBe(await sheet.locator('.questions > li').count());
    expect(problems).toEqual([]);
    await close();
  });

  it('and teacher’s pages are linked from the gallery for every chart', async () => {
    const { page, close } = await open(`${baseUrl}/charts/`);
    for (const chart of CHARTS) {
      for (const path of [chartPaths(chart.id).handout, chartPaths(chart.id).teach]) expect(await page.locator(`#card-${chart.id} a[href="${path}"]`).count(), path).toBe(1);
    }
    await close();
  });

  it('teacher’s pages give the learning goal, the misconception (with the figure from the data) and discussion questions', async () => {
    const { page, problems, close } = await open(`${baseUrl}${chartPaths('top-values').teach}`);
    expect(await page.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(['Learning goal', 'A misconception to address', 'Discussion questions', 'The handout’s questions, with answers']),
    );
    const accuracy = await page.evaluate(async () => (await (await fetch('/data/top-values.json')).json()).rows.find((r: { value: string }) => r.value === 'accuracy').pctConvos);
    await expect(page.locator('main').textContent()).resolves.toContain(`accurate ${accuracy.toFixed(1)}% of the time`);
    expect(problems).toEqual([]);
    await close();
  });

  for (const id of ['top-values', 'context-heatmap', 'taxonomy-sunburst', 'study-flow']) {
    it(`have no axe violations: handout and teacher’s page for ${id}`, async () => {
      const { page, problems, close } = await open(`${baseUrl}${chartPaths(id).handout}`);
      for (const path of [chartPaths(id).handout, chartPaths(id).teach]) {
        await page.goto(`${baseUrl}${path}`);
        const violations = await axeViolations(page);
        expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
      }
      expect(problems).toEqual([]);
      await close();
    });
  }
});

describe('course pack', () => {
  for (const [path, version] of [[COURSE_PACK_PATH, 'v1p3'], [COURSE_PACK_MOODLE_PATH, 'v1p1']]) {
    it(`${path} unzips to a sound cartridge whose XML the browser parses`, async () => {
      const { page, close } = await open(`${baseUrl}/charts/`);
      expect(await page.locator(`a[href="${path}"]`).count()).toBeGreaterThan(0);
      const response = await page.request.get(`${baseUrl}${path}`);
      expect(response.status()).toBe(200);
      const files = unzipPack(await response.body());
      expect(cartridgeProblems(files)).toEqual([]);
      const xml = [...files].filter(([name]) => name.endsWith('.xml')).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)] as const);
      const parsed = await page.evaluate((docs) => docs.map(([name, text]) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return { name, error: doc.querySelector('parsererror')?.textContent ?? null, namespace: doc.documentElement.namespaceURI };
      }), xml);
      expect(parsed.filter((p) => p.error)).toEqual([]);
      expect(parsed.find((p) => p.name === 'imsmanifest.xml')?.namespace).toBe(`http://www.imsglobal.org/xsd/imsc${version === 'v1p3' ? 'cv1p3' : 'cv1p1'}/imscp_v1p1`);
      // Per chart four pages and two images (the student page's and the handout's); the manifest and the question bank.
      expect(files.size).toBe(6 * CHARTS.length + 2);
      await close();
    });
  }
});
