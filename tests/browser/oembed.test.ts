import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { siteOrigin } from '../../src/config.ts';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { newContext, useBrowser, watchPage } from './helpers.ts';

/**
 * Paste a link (oEmbed 1.0, https://oembed.com/): every chart page and embed page names its answer in a discovery link,
 * and the answer is valid, holds the gallery's script-free snippet and a thumbnail of the stated size. And WordPress's
 * resize handshake (wp-embed.js), which sizes the iframe of such an answer, gets its replies.
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
      expect(served(answer.html as string)).toBe(snippets[chart.id]);
      expect(answer.html).toMatch(/^<iframe [^>]*><\/iframe>$/);

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

describe('WordPress’s embed handshake (wp-embed.js)', () => {
  let host: StaticServer;
  let hostDir: string;

  beforeAll(async () => {
    // As WordPress shows an oEmbed answer: the iframe sandboxed to scripts only, the secret in the address's hash.
    hostDir = mkdtempSync(path.join(os.tmpdir(), 'vitw-wp-host-'));
    writeFileSync(
      path.join(hostDir, 'index.html'),
      `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A WordPress post</title></head><body>
<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="${baseUrl}/embed/category-shares/#?secret=abc" data-secret="abc" width="600" height="338" title="Five kinds of value"></iframe>
<script src="/listen.js"></script></body></html>`,
    );
    writeFileSync(
      path.join(hostDir, 'plain.html'),
      `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A page</title></head><body>
<iframe src="${baseUrl}/embed/mirroring/" width="600" height="338" title="Mirroring by response type"></iframe>
<script src="/listen.js"></script></body></html>`,
    );
    writeFileSync(path.join(hostDir, 'listen.js'), 'window.received = []; addEventListener("message", (e) => window.received.push(e.data));');
    host = await startStaticServer(hostDir);
  });

  afterAll(async () => {
    await host?.close();
    if (hostDir) rmSync(hostDir, { recursive: true, force: true });
  });

  it('posts {message: "height", value, secret} with the secret from #?secret=, again on "ready", and hands links over', async () => {
    const context = await newContext(browser(), { width: 800 });
    const page = await context.newPage();
    const problems = watchPage(page, baseUrl);
    await page.goto(`${host.url}/`);
    type Received = { message?: string; value?: unknown; secret?: string };
    const received = () => page.evaluate(() => (window as unknown as { received: Received[] }).received);
    const heights = async () => (await received()).filter((m) => m?.message === 'height');
    await expect.poll(async () => (await heights()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const [first] = await heights();
    expect(first!.secret).toBe('abc');
    expect(Number.isInteger(first!.value)).toBe(true);

    // The value is the page's natural height: what the page measures without the class that fits it to its frame.
    const frame = page.frames().find((f) => f.url().includes('/embed/category-shares/'))!;
    const natural = await frame.evaluate(() => {
      const root = document.documentElement;
      root.classList.remove('embed-fit');
      const height = Math.ceil(root.getBoundingClientRect().height);
      root.classList.add('embed-fit');
      return height;
    });
    await expect.poll(async () => (await heights()).at(-1)!.value).toBe(natural);

    // wp-embed.js says "ready" once it has set the secret; the embed answers with its height again.
    const before = (await heights()).length;
    await page.evaluate(() => document.querySelector('iframe')!.contentWindow!.postMessage({ message: 'ready', secret: 'abc' }, '*'));
    await expect.poll(async () => (await heights()).length).toBeGreaterThan(before);
    // A "ready" with another secret gets no answer.
    const after = (await heights()).length;
    await page.evaluate(() => document.querySelector('iframe')!.contentWindow!.postMessage({ message: 'ready', secret: 'xyz' }, '*'));
    await page.waitForTimeout(300);
    expect((await heights()).length).toBe(after);

    // The sandbox opens no new tab, so a link goes to WordPress, which follows it.
    await frame.locator('.chart-source a').first().click();
    await expect.poll(async () => (await received()).filter((m) => m?.message === 'link')).toEqual([
      { message: 'link', value: await frame.locator('.chart-source a').first().evaluate((a) => (a as HTMLAnchorElement).href), secret: 'abc' },
    ]);
    expect(problems.filter((p) => !p.includes(host.url))).toEqual([]);
    await context.close();
  });

  it('sends no WordPress message without a secret', async () => {
    const context = await newContext(browser(), { width: 800 });
    const page = await context.newPage();
    await page.goto(`${host.url}/plain.html`);
    const received = () => page.evaluate(() => (window as unknown as { received: { type?: string; message?: string }[] }).received);
    await expect.poll(async () => (await received()).some((m) => m?.type === 'vitw-embed:height'), { timeout: 10_000 }).toBe(true);
    expect((await received()).filter((m) => m?.message)).toEqual([]);
    await context.close();
  });
});
