import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { siteOrigin } from '../../src/config.ts';
import { newContext, useBrowser, watchPage } from './helpers.ts';

/**
 * Paste a link (oEmbed 1.0, https://oembed.com/): every chart page and embed page names its answer in a discovery link,
 * where WordPress finds it, and the answer is valid, holds the gallery's script-free snippet and a PNG thumbnail of the
 * stated size. How WordPress shows the answer: tests/browser/wordpress.test.ts.
 */
const baseUrl = inject('baseUrl');
const browser = useBrowser();
/** The build names the address it was built for (SITE_URL, or the local preview); the tests serve it elsewhere. */
const buildOrigin = siteOrigin(process.env.SITE_URL || undefined);
const served = (text: string) => text.replaceAll(buildOrigin, baseUrl);

/** Each field the answer must have (oEmbed 1.0 §2.3.4, and for type "rich" §2.3.4.4), with its type. */
const REQUIRED = {
  version: 'string',
  type: 'string',
  html: 'string',
  width: 'number',
  height: 'number',
  title: 'string',
  provider_name: 'string',
  provider_url: 'string',
  thumbnail_url: 'string',
  thumbnail_width: 'number',
  thumbnail_height: 'number',
  cache_age: 'number',
} as const;

describe('oEmbed discovery and answers', () => {
  let snippets: Record<string, string>;

  beforeAll(async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto(`${baseUrl}/charts/`);
    const codes = await page.locator('textarea[data-snippet="scriptFree"]').evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
    snippets = Object.fromEntries(CHARTS.map((chart, i) => [chart.id, codes[i]!]));
    await context.close();
  });

  for (const chart of CHARTS) {
    it(`${chart.id}: its chart page and embed page link to a valid answer with the script-free snippet and a real thumbnail`, async () => {
      const context = await newContext(browser());
      const page = await context.newPage();
      const problems = watchPage(page, baseUrl);
      const answers: unknown[] = [];
      for (const pagePath of [`/charts/${chart.id}/`, `/embed/${chart.id}/`]) {
        await page.goto(baseUrl + pagePath);
        const links = await page.locator('link[rel="alternate"][type="application/json+oembed"]').evaluateAll((els) =>
          els.map((el) => ({ href: el.getAttribute('href')!, title: el.getAttribute('title') })),
        );
        expect(links, pagePath).toHaveLength(1);
        // WordPress reads the first 150 KB of the page, and of that only what comes before </head>
        // (WordPress 6.1.9 class-wp-oembed.php:434 and :472-476, in WP_oEmbed::discover()).
        const html = await (await page.request.get(baseUrl + pagePath)).body();
        const at = html.indexOf('application/json+oembed');
        expect(at, pagePath).toBeGreaterThan(0);
        expect(at, pagePath).toBeLessThan(Math.min(153_600, html.indexOf('</head>')));
        const [link] = links;
        expect(link!.href, pagePath).toBe(`${buildOrigin}/oembed/${chart.id}.json`);
        expect(link!.title, pagePath).toBe(chart.title);
        const response = await page.request.get(served(link!.href));
        expect(response.status(), pagePath).toBe(200);
        expect(response.headers()['content-type']).toMatch(/^application\/json/);
        // Consumers that ask from a browser may read it too.
        expect(response.headers()['access-control-allow-origin']).toBe('*');
        answers.push(await response.json());
      }
      expect(answers[1]).toEqual(answers[0]);
      const answer = answers[0] as Record<string, unknown>;

      for (const [field, type] of Object.entries(REQUIRED)) expect(typeof answer[field], field).toBe(type);
      expect(answer.version).toBe('1.0');
      expect(answer.type).toBe('rich');
      expect(answer.title).toBe(chart.title);
      for (const field of ['width', 'height', 'thumbnail_width', 'thumbnail_height', 'cache_age'] as const) {
        expect(Number.isInteger(answer[field]) && (answer[field] as number) > 0, field).toBe(true);
      }
      expect(answer.provider_url).toBe(`${buildOrigin}/`);
      // The script-free snippet, after the hidden link WordPress needs (tests/browser/wordpress.test.ts).
      expect(served(answer.html as string)).toMatch(/^<blockquote style="display:none"><a href="[^"]+">[^<]+<\/a><\/blockquote><iframe [^>]*><\/iframe>$/);
      expect(served(answer.html as string).endsWith(snippets[chart.id]!)).toBe(true);

      // The thumbnail is a PNG of the stated size: its signature, then the IHDR chunk's width and height (PNG §11.2.2).
      const thumbnail = await page.request.get(served(answer.thumbnail_url as string));
      expect(thumbnail.status()).toBe(200);
      expect(thumbnail.headers()['content-type']).toBe('image/png');
      const png = await thumbnail.body();
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
      expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: answer.thumbnail_width, height: answer.thumbnail_height });
      // The same image is the chart page's and the embed page's og:image, with the same size.
      for (const pagePath of [`/charts/${chart.id}/`, `/embed/${chart.id}/`]) {
        await page.goto(baseUrl + pagePath);
        const og = (property: string) => page.locator(`meta[property="${property}"]`).getAttribute('content');
        expect(await og('og:image'), pagePath).toBe(answer.thumbnail_url);
        expect([await og('og:image:width'), await og('og:image:height')], pagePath).toEqual([String(answer.thumbnail_width), String(answer.thumbnail_height)]);
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
