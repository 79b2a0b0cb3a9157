import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { siteOrigin } from '../../src/config.ts';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { axeViolations, describeViolations, newContext, useBrowser, watchPage } from './helpers.ts';

/**
 * A chart pasted into a WordPress post, as WordPress shows it: each chart's oEmbed `html` run through the rewriting
 * WordPress applies to a discovered provider's answer (ported below), in a 640 px column of a long post served from
 * another origin, with WordPress's embed script (its protocol ported below) sizing and following the frames.
 *
 * Ported from WordPress 6.1.9 (Debian bookworm's package), checked against wordpress-develop trunk:
 * - wp-includes/embed.php:842-891 wp_filter_oembed_iframe_title_attribute (oembed_dataparse, priority 5,
 *   default-filters.php:672), then embed.php:909-973 wp_filter_oembed_result (priority 10, default-filters.php:673),
 *   hiding the frame as trunk does (visibility: hidden; 6.1.9 clips it);
 * - embed.php:388-397 wp_maybe_enqueue_oembed_host_js (embed_oembed_html, default-filters.php:647): wp-embed.js is
 *   printed only for an embed with a blockquote;
 * - wp-includes/js/wp-embed.js:35-101 receiveEmbedMessage and :103-144 onLoad, run on DOMContentLoaded as trunk's
 *   src/js/_enqueues/wp/embed.js does (6.1.9 also runs it on load).
 */
const baseUrl = inject('baseUrl');
const browser = useBrowser();
const buildOrigin = siteOrigin(process.env.SITE_URL || undefined);
const served = (text: string) => text.replaceAll(buildOrigin, baseUrl);
const SCREENSHOTS = 'tests/output/wordpress';
/** Charts whose frame in the post is saved as a screenshot, to look at. */
const PICTURED = ['context-heatmap', 'top-values', 'taxonomy-sunburst'];

/** A start tag's attributes as wp_kses_hair() reads them (our html quotes every value with "). */
function attributes(tag: string): [string, string][] {
  return [...tag.matchAll(/\s([a-zA-Z-]+)="([^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]);
}

const startTag = (name: string, attrs: [string, string][]) => `<${[name, ...attrs.map(([n, v]) => `${n}="${v}"`)].join(' ')}>`;

/** The elements and attributes wp_filter_oembed_result() lets wp_kses() keep (embed.php:921-936, data-secret at :959-960). */
const ALLOWED: Record<string, string[]> = {
  a: ['href'],
  blockquote: ['data-secret'],
  iframe: ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title', 'data-secret'],
};

/** wp_kses() for the tags our answer holds: each keeps only its allowed attributes. */
function kses(html: string, secretAllowed: boolean): string {
  return html.replace(/<(a|blockquote|iframe)\b([^>]*)>/gi, (tag, name: string) =>
    startTag(name.toLowerCase(), attributes(tag).filter(([attr]) => ALLOWED[name.toLowerCase()]!.includes(attr) && (secretAllowed || attr !== 'data-secret'))),
  );
}

/** What WordPress makes of a discovered provider's rich answer, with the secret it draws (wp_generate_password(10, false)). */
export function wordpressFiltered(html: string, secret: string): string {
  // embed.php:842-891 wp_filter_oembed_iframe_title_attribute: the iframe's title moves to the front of its tag.
  const tag = /<iframe([^>]*)>/i.exec(html)![0];
  const attrs = attributes(tag);
  const title = attrs.find(([name]) => name === 'title')!;
  let result = html.replace(tag, startTag('iframe', [title, ...attrs.filter((a) => a !== title)]));
  // embed.php:938-945: kses, then the blockquote (if any) and the iframe alone.
  const content = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(kses(result, false))!;
  result = (content[1] ?? '') + content[2];
  // embed.php:947-957: the secret goes into the address's hash (esc_url() writes & as &#038;) and data-secret.
  result = result.replace(/ src="([^"]*)"/, (_, src: string) => ` src="${src.replaceAll('&', '&#038;')}#?secret=${secret}" data-secret="${secret}"`);
  result = result.replace('<blockquote', `<blockquote data-secret="${secret}"`);
  result = kses(result, true);
  // embed.php:964-968: with a blockquote to fall back on, the iframe is hidden until it speaks (wordpress-develop
  // trunk's style; 6.1 clips it instead).
  if (content[1]) {
    result = result.replace('<iframe', '<iframe style="position: absolute; visibility: hidden;"');
    result = result.replace('<blockquote', '<blockquote class="wp-embedded-content"');
  }
  // embed.php:970.
  return result.replace('<iframe', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}

/** embed.php:388-397 wp_maybe_enqueue_oembed_host_js: WordPress prints wp-embed.js only for such an embed. */
const loadsWpEmbed = (html: string) => /<blockquote\s[^>]*?wp-embedded-content/.test(html);

/** wp-embed.js's protocol, as WordPress runs it in the post (a port, run in the host page). */
function wpEmbed() {
  window.addEventListener('message', (e) => {
    const data = e.data;
    if (!data || !(data.secret || data.message || data.value) || /[^a-zA-Z0-9]/.test(data.secret)) return;
    for (const blockquote of document.querySelectorAll<HTMLElement>(`blockquote[data-secret="${data.secret}"]`)) blockquote.style.display = 'none';
    for (const source of document.querySelectorAll<HTMLIFrameElement>(`iframe[data-secret="${data.secret}"]`)) {
      if (e.source !== source.contentWindow) continue;
      source.removeAttribute('style');
      if (data.message === 'height') {
        let height = parseInt(data.value, 10);
        if (height > 1000) height = 1000;
        else if (~~height < 200) height = 200;
        source.height = String(height);
      } else if (data.message === 'link') {
        const sourceURL = new URL(source.getAttribute('src')!);
        const targetURL = new URL(data.value);
        if (/^https?:$/i.test(targetURL.protocol) && targetURL.host === sourceURL.host && document.activeElement === source) {
          window.top!.location.href = data.value;
        }
      }
    }
  });
  document.addEventListener('DOMContentLoaded', () => {
    for (const source of document.querySelectorAll<HTMLIFrameElement>('iframe.wp-embedded-content')) {
      let secret = source.getAttribute('data-secret');
      if (!secret) {
        secret = Math.random().toString(36).substring(2, 12);
        source.src += `#?secret=${secret}`;
        source.setAttribute('data-secret', secret);
      }
      source.contentWindow!.postMessage({ message: 'ready', secret }, '*');
    }
  });
}

/**
 * What the test reads from the host: every message from a frame, by secret. Its listener runs before wp-embed.js's;
 * with ?hold in the address it takes the focus off the frame first, so that WordPress follows no link.
 */
function recorder() {
  const log: Record<string, { message: string; value: unknown }[]> = {};
  (window as unknown as { wpLog: typeof log }).wpLog = log;
  window.addEventListener('message', (e) => {
    if (typeof e.data?.secret === 'string') (log[e.data.secret] ??= []).push({ message: e.data.message, value: e.data.value });
    if (location.search === '?hold') (document.activeElement as HTMLElement | null)?.blur();
  });
}

const secretOf = (id: string) => `s${CHARTS.findIndex((c) => c.id === id)}x${id.replace(/[^a-z]/g, '').slice(0, 7)}`.slice(0, 10).padEnd(10, '0');

const paragraph = '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.</p>';

function post(column: number, frames: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A WordPress post</title>
<style>body { margin: 0; font: 18px/1.6 Georgia, serif; } .entry-content { width: ${column}px; margin: 0 auto; } .wp-block-embed { margin: 2em 0; }
/* WordPress’s embed block (wp-includes/blocks/embed/style.css:103-109): the hidden frame is placed in its wrapper, at its width. */
.wp-block-embed iframe { max-width: 100%; } .wp-block-embed__wrapper { position: relative; }</style>
<script src="/recorder.js"></script></head><body><main class="entry-content"><h1>Week 3: values in the wild</h1>
${paragraph.repeat(6)}
${frames.map((frame) => `<figure class="wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">${frame}</div></figure>\n${paragraph.repeat(3)}`).join('\n')}
</main>${frames.some(loadsWpEmbed) ? '<script src="/wp-embed.js"></script>' : ''}</body></html>`;
}

let host: StaticServer;
let hostDir: string;
const frames: Record<string, string> = {};

beforeAll(async () => {
  const context = await newContext(browser());
  for (const chart of CHARTS) {
    const answer = await (await context.request.get(`${baseUrl}/oembed/${chart.id}.json`)).json();
    frames[chart.id] = wordpressFiltered(served(answer.html), secretOf(chart.id));
  }
  await context.close();
  hostDir = mkdtempSync(path.join(os.tmpdir(), 'vitw-wordpress-'));
  writeFileSync(path.join(hostDir, 'wp-embed.js'), `(${wpEmbed})();`);
  writeFileSync(path.join(hostDir, 'recorder.js'), `(${recorder})();`);
  for (const column of [600, 640, 700]) writeFileSync(path.join(hostDir, `post-${column}.html`), post(column, CHARTS.map((c) => frames[c.id]!)));
  host = await startStaticServer(hostDir);
  expect(new URL(host.url).origin).not.toBe(new URL(baseUrl).origin);
});

afterAll(async () => {
  await host?.close();
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

describe('WordPress’s rewriting of the oEmbed answer (ported)', () => {
  it('keeps only the attributes wp_kses allows, adds the secret, sandboxes the frame and hides it behind the blockquote', () => {
    const iframe = '<iframe src="https://example.org/embed/x/?a=1&b=2" title="T" width="100%" height="740" style="border:0" loading="lazy"></iframe>';
    expect(wordpressFiltered(iframe, 'abcDEF1234')).toBe(
      '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" title="T" src="https://example.org/embed/x/?a=1&#038;b=2#?secret=abcDEF1234" data-secret="abcDEF1234" width="100%" height="740"></iframe>',
    );
    expect(loadsWpEmbed(wordpressFiltered(iframe, 'abcDEF1234'))).toBe(false);
    const withLink = `<blockquote style="display:none"><a href="https://example.org/charts/x/">T</a></blockquote>${iframe}`;
    const filtered = wordpressFiltered(withLink, 'abcDEF1234');
    expect(filtered).toBe(
      '<blockquote class="wp-embedded-content" data-secret="abcDEF1234"><a href="https://example.org/charts/x/">T</a></blockquote><iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="position: absolute; visibility: hidden;" title="T" src="https://example.org/embed/x/?a=1&#038;b=2#?secret=abcDEF1234" data-secret="abcDEF1234" width="100%" height="740"></iframe>',
    );
    expect(loadsWpEmbed(filtered)).toBe(true);
  });
});

async function openPost(column: number, query = ''): Promise<{ page: Page; problems: string[]; frameOf: (id: string) => Frame }> {
  const context = await newContext(browser(), { width: 1280 });
  const page = await context.newPage();
  const problems = watchPage(page, host.url);
  await page.goto(`${host.url}/post-${column}.html${query}`);
  await expect.poll(() => page.frames().length, { timeout: 20_000 }).toBe(CHARTS.length + 1);
  const frameOf = (id: string) => page.frames().find((f) => new URL(f.url()).pathname === `/embed/${id}/`)!;
  for (const chart of CHARTS) await frameOf(chart.id).waitForLoadState('load');
  return { page, problems, frameOf };
}

const log = (page: Page) => page.evaluate(() => (window as unknown as { wpLog: Record<string, { message: string; value: unknown }[]> }).wpLog);
const frameHeight = (page: Page, id: string) => page.locator(`iframe[data-secret="${secretOf(id)}"]`).evaluate((f: HTMLIFrameElement) => Number(f.getAttribute('height')));

/** What a reader of the frame sees, measured inside it: inner scrolling, the last line's place, and the smallest chart text. */
function inside() {
  const root = document.documentElement;
  const source = document.querySelector('.chart-source')!.getBoundingClientRect();
  const explore = document.querySelector('.chart-explore a')!.getBoundingClientRect();
  const svg = document.querySelector<SVGSVGElement>('.chart-area svg')!;
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('text')].filter((t) => t.getClientRects().length > 0).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
  root.classList.remove('embed-fit');
  root.style.overflow = 'hidden';
  const natural = Math.ceil(root.getBoundingClientRect().height);
  root.style.overflow = '';
  root.classList.add('embed-fit');
  return {
    natural,
    compact: root.classList.contains('embed-compact'),
    scrollHeight: root.scrollHeight,
    clientHeight: root.clientHeight,
    scrollWidth: root.scrollWidth,
    clientWidth: root.clientWidth,
    sourceBottom: Math.ceil(source.bottom),
    exploreBottom: Math.ceil(explore.bottom),
    smallestText: Math.min(...sizes),
  };
}

for (const column of [600, 640, 700]) {
  describe(`in a WordPress post with a ${column} px column, on another origin`, () => {
    it('every chart answers at once, below the fold too, and fits under 1000 px with no inner scroll and text of 9 px or more', async () => {
      const { page, problems, frameOf } = await openPost(column);
      // Before any scrolling: every frame, most of them far below the fold, has said its height.
      await expect
        .poll(async () => {
          const received = await log(page);
          return CHARTS.filter((c) => !received[secretOf(c.id)]?.some((m) => m.message === 'height')).map((c) => c.id);
        }, { timeout: 20_000 })
        .toEqual([]);
      const heights: Record<string, number> = {};
      const smallest: Record<string, number> = {};
      // Measured where they are, without scrolling: frames below the fold are sized before the reader reaches them.
      for (const chart of CHARTS) {
        // Settled: the frame is as tall as the page last said, and that is its natural height at the frame's width.
        const lastReported = async () => ((await log(page))[secretOf(chart.id)] ?? []).filter((m) => m.message === 'height').at(-1)?.value as number;
        await expect.poll(async () => (await frameHeight(page, chart.id)) === Math.max(await lastReported(), 200), { message: chart.id }).toBe(true);
        const reported = await lastReported();
        const height = await frameHeight(page, chart.id);
        const seen = await frameOf(chart.id).evaluate(inside);
        const where = `${chart.id} at ${column}px: reported ${reported}, frame ${height}, ${JSON.stringify(seen)}`;
        expect(seen.compact, where).toBe(true);
        expect(await page.locator(`blockquote[data-secret="${secretOf(chart.id)}"]`).isVisible(), where).toBe(false);
        expect(seen.natural, where).toBe(reported);
        // Under WordPress's ceiling, so the frame is as tall as the page asks and nothing is cut off.
        expect(reported, where).toBeLessThanOrEqual(1000);
        expect(seen.scrollHeight, where).toBeLessThanOrEqual(seen.clientHeight);
        expect(seen.scrollWidth, where).toBeLessThanOrEqual(seen.clientWidth);
        expect(seen.sourceBottom, where).toBeLessThanOrEqual(seen.clientHeight);
        expect(seen.exploreBottom, where).toBeLessThanOrEqual(seen.clientHeight);
        expect(seen.smallestText, where).toBeGreaterThanOrEqual(9);
        heights[chart.id] = height;
        smallest[chart.id] = seen.smallestText;
      }
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      // Reached by scrolling, each keeps its height.
      for (const chart of CHARTS) {
        await page.locator(`iframe[data-secret="${secretOf(chart.id)}"]`).scrollIntoViewIfNeeded();
        await page.waitForTimeout(150);
        expect(await frameHeight(page, chart.id), chart.id).toBe(heights[chart.id]);
        if (column === 640 && PICTURED.includes(chart.id)) {
          mkdirSync(SCREENSHOTS, { recursive: true });
          // The embed block as the reader sees it: the frame, and the fallback blockquote (which must be gone).
          await page.locator('figure.wp-block-embed', { has: page.locator(`iframe[data-secret="${secretOf(chart.id)}"]`) }).screenshot({ path: `${SCREENSHOTS}/wp-${chart.id}.png` });
        }
      }
      console.log(`In a ${column} px WordPress column (chart: frame height, smallest chart text in px):\n${CHARTS.map((c) => `| ${c.id} | ${heights[c.id]} | ${smallest[c.id]!.toFixed(1)} |`).join('\n')}`);
      expect(problems.filter((p) => !p.startsWith('request to another origin: ' + baseUrl))).toEqual([]);
      await page.context().close();
    });
  });
}

describe('in a WordPress post with a 640 px column: the handshake and links', () => {
  it('answers "ready" with its height wherever the frame is, and takes the compact layout when the secret comes late', async () => {
    const { page, frameOf } = await openPost(640);
    await expect.poll(async () => Object.keys(await log(page)).length, { timeout: 20_000 }).toBe(CHARTS.length);
    // Settled first: the atlas's canvas and tools replace its picture (a new height, said again), and every frame is
    // as tall as its page last said.
    await expect.poll(() => frameOf('values-atlas').evaluate(() => document.querySelector('.atlas-live canvas') !== null), { timeout: 20_000 }).toBe(true);
    const lastReported = async (id: string) => ((await log(page))[secretOf(id)] ?? []).filter((m) => m.message === 'height').at(-1)?.value as number;
    for (const chart of CHARTS) {
      await expect.poll(async () => (await frameHeight(page, chart.id)) === Math.max(await lastReported(chart.id), 200), { message: chart.id }).toBe(true);
    }
    const settled = Object.fromEntries(await Promise.all(CHARTS.map(async (c) => [c.id, await frameHeight(page, c.id)] as const)));
    // At the top of the post, every frame but the first far below the fold: shrink them all, then say "ready" as
    // wp-embed.js does; each answers, unseen, with its height.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => {
      for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe.wp-embedded-content')) {
        frame.height = '200';
        frame.contentWindow!.postMessage({ message: 'ready', secret: frame.dataset.secret }, '*');
      }
    });
    for (const chart of CHARTS) await expect.poll(() => frameHeight(page, chart.id), { message: chart.id }).toBe(settled[chart.id]);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // A "ready" with another secret gets no answer.
    const before = JSON.stringify(await log(page));
    await page.evaluate(() => document.querySelector('iframe')!.contentWindow!.postMessage({ message: 'ready', secret: 'wrong12345' }, '*'));
    await page.waitForTimeout(300);
    expect(JSON.stringify(await log(page))).toBe(before);

    // An iframe without data-secret gets one from wp-embed.js after it has loaded (wp-embed.js:119-125).
    const late = frameOf('context-heatmap');
    await page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[src*="/embed/context-heatmap/"]')!;
      frame.src = frame.src.replace(/#.*/, '');
      frame.removeAttribute('data-secret');
    });
    await expect.poll(() => late.evaluate(() => document.documentElement.classList.contains('embed-compact'))).toBe(false);
    await page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[src*="/embed/context-heatmap/"]')!;
      frame.src += '#?secret=late123456';
      frame.dataset.secret = 'late123456';
    });
    await expect.poll(() => late.evaluate(() => document.documentElement.classList.contains('embed-compact'))).toBe(true);
    // The compact layout (the drawing beside its text, the notes' disclosure) passes axe.
    await late.locator('.embed-notes summary').click();
    const violations = await axeViolations(late as unknown as Page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await expect.poll(async () => (await log(page))['late123456']?.some((m) => m.message === 'height')).toBe(true);
    await page.context().close();
  });

  it('sends every link to WordPress as an address on the site: a download to the file, another site to the chart page', async () => {
    const { page, frameOf } = await openPost(640, '?hold');
    const id = CHARTS.at(-1)!.id;
    const frame = frameOf(id);
    await page.locator(`iframe[data-secret="${secretOf(id)}"]`).scrollIntoViewIfNeeded();
    const links = async () => ((await log(page))[secretOf(id)] ?? []).filter((m) => m.message === 'link').map((m) => m.value);
    await frame.locator('summary', { hasText: 'Download' }).click();
    await frame.locator('a', { hasText: 'Data (CSV)' }).click();
    await frame.locator('.chart-source a').first().click();
    await expect.poll(links).toEqual([`${baseUrl}/downloads/${id}.csv`, `${baseUrl}/charts/${id}/`]);
    expect(page.url()).toBe(`${host.url}/post-640.html?hold`);
    await page.context().close();
  });

  it('"Explore this chart" moves the WordPress page to the chart page', async () => {
    const { page, frameOf } = await openPost(640);
    const id = 'value-pairs';
    await page.locator(`iframe[data-secret="${secretOf(id)}"]`).scrollIntoViewIfNeeded();
    const explore = frameOf(id).getByRole('link', { name: 'Explore this chart' });
    await expect.poll(() => explore.isVisible()).toBe(true);
    await Promise.all([page.waitForURL(`${baseUrl}/charts/${id}/`), explore.click()]);
    expect(await page.locator('h1').first().textContent()).toContain(CHARTS.find((c) => c.id === id)!.title);
    await page.context().close();
  });
});

describe('outside WordPress', () => {
  it('an embed without a secret keeps its full layout and sends no WordPress message', async () => {
    const context = await newContext(browser(), { width: 1280 });
    const page = await context.newPage();
    const answer = await (await context.request.get(`${baseUrl}/oembed/mirroring.json`)).json();
    writeFileSync(path.join(hostDir, 'plain.html'), post(640, [served(answer.html)]).replace('</head>', '<script>window.plain = []; addEventListener("message", (e) => plain.push(e.data));</script></head>'));
    await page.goto(`${host.url}/plain.html`);
    const received = () => page.evaluate(() => (window as unknown as { plain: { type?: string; message?: string }[] }).plain);
    await expect.poll(async () => (await received()).some((m) => m?.type === 'vitw-embed:height'), { timeout: 10_000 }).toBe(true);
    expect((await received()).filter((m) => m?.message)).toEqual([]);
    const frame = page.frames().find((f) => f.url().includes('/embed/mirroring/'))!;
    expect(await frame.evaluate(() => document.documentElement.classList.contains('embed-compact'))).toBe(false);
    // The fallback link is for WordPress only: other consumers show the frame alone.
    expect(await page.locator('blockquote').isVisible()).toBe(false);
    await expect.poll(() => frame.getByRole('link', { name: 'Explore this chart' }).isVisible()).toBe(true);
    await context.close();
  });
});
