import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pageKindsIn } from '../../scripts/page-kinds.ts';
import { engineMissing, launchEngine, type Engine, type EngineDriver } from './engines.ts';

/**
 * A smoke test of one page of every kind in Chromium, Firefox ESR and WebKit: no console error, no uncaught error, no
 * CSP violation, the charts drawn, the search answering, a chart entered by keyboard, and nothing wider than the
 * window at 375 and 1440 px. In CI every engine must be there (`npm test` checks before it starts); elsewhere a
 * missing engine is skipped, saying which package would add it.
 */
const baseUrl = inject('baseUrl');
const kinds = pageKindsIn('dist');
const PAGES: { kind: string; path: string; charts: string | null; keyboard: boolean }[] = [
  { kind: 'report', path: '/', charts: '.chart-figure .chart-area svg', keyboard: true },
  // Value and cluster pages carry no script: their chart is an image with its table, nothing to walk.
  { kind: 'value page', path: kinds.value!, charts: '.chart-figure .chart-area svg', keyboard: false },
  { kind: 'cluster page', path: kinds.cluster!, charts: '.chart-figure .chart-area svg', keyboard: false },
  { kind: 'charts gallery', path: '/charts/', charts: 'img.gallery-thumb', keyboard: false },
  { kind: 'chart page', path: '/charts/top-values/', charts: '.chart-figure .chart-area svg', keyboard: true },
  { kind: 'embed', path: '/embed/taxonomy-sunburst/', charts: '.chart-figure .chart-area svg', keyboard: true },
  { kind: 'handout', path: '/charts/top-values/handout/', charts: 'svg', keyboard: false },
  { kind: 'data page', path: '/data/', charts: null, keyboard: false },
];
const WIDTHS = [375, 1440];
const ENGINES: Engine[] = ['chromium', 'firefox', 'webkit'];

/**
 * Runs first in every page (injected by the proxy below as a script from the site's own origin, which its CSP
 * allows): notes CSP violations, uncaught errors and rejections, resources that fail to load and console.error calls,
 * in every engine alike (WebKitWebDriver reports none of them itself).
 */
const WATCH = `window.__problems = [];
const note = (text) => window.__problems.push(text);
addEventListener('securitypolicyviolation', (e) => note('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));
addEventListener('error', (e) => {
  if (e instanceof ErrorEvent) return note('error: ' + e.message);
  // Firefox fires error at a modulepreload link whose module is already loaded (Vite adds such links before a
  // dynamic import); a module that truly fails shows as a failed import instead.
  if (!e.target.matches('link[rel=modulepreload]')) note('failed to load: ' + (e.target.currentSrc || e.target.src || e.target.href));
}, true);
addEventListener('unhandledrejection', (e) => note('unhandled rejection: ' + e.reason));
const consoleError = console.error;
console.error = (...args) => { note('console.error: ' + args.join(' ')); consoleError.apply(console, args); };
`;

let proxy: Server;
let origin: string;

beforeAll(async () => {
  proxy = createServer(async (req, res) => {
    if (req.url === '/__watch.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(WATCH);
    const upstream = await fetch(baseUrl + req.url, { redirect: 'manual' });
    const headers = Object.fromEntries([...upstream.headers].filter(([name]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(name)));
    if (!upstream.headers.get('content-type')?.startsWith('text/html')) return res.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
    const html = (await upstream.text()).replace(/<head>/i, '<head><script src="/__watch.js"></script>');
    res.writeHead(upstream.status, headers).end(html);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
});

afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

/** Problems the page noted and the engine reported since it was opened. */
async function problemsIn(driver: EngineDriver): Promise<string[]> {
  const noted = await driver.evaluate<string[] | null>('window.__problems ?? null');
  expect(noted, 'the watch script ran (the page loaded, and its CSP allowed a script of its own origin)').not.toBeNull();
  return [...noted!, ...driver.takeNativeErrors()];
}

/** How far the page reaches past the window's right edge (0 when nothing is wider than the window). */
const OVERFLOW = `document.documentElement.scrollWidth - document.documentElement.clientWidth`;

/** The charts the selector finds that are drawn with a size (and, for images, loaded). */
const drawnCharts = (selector: string) => `(async () => {
  const all = [...document.querySelectorAll(${JSON.stringify(selector)})];
  const images = all.filter((el) => el instanceof HTMLImageElement);
  for (const img of images) { img.loading = 'eager'; await img.decode().catch(() => {}); }
  return {
    found: all.length,
    drawn: all.filter((el) => { const r = el.getBoundingClientRect(); return r.width > 50 && r.height > 30; }).length,
    broken: images.filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src),
  };
})()`;

/** What has the keyboard focus: whether it is in a chart, and its accessible name. */
const FOCUSED = `(() => {
  const el = document.activeElement;
  return { inChart: Boolean(el && el.closest('.chart-area')), name: (el && el.getAttribute('aria-label')) || '', area: Boolean(el && el.classList.contains('chart-area')) };
})()`;

/** Tab from just before the first chart until focus is in it, then one arrow key: a data point (a name with a number) takes the focus. */
async function enterChartByKeyboard(driver: EngineDriver): Promise<string> {
  await driver.evaluate(`(() => {
    const title = document.querySelector('.chart-figure .chart-title');
    title.scrollIntoView({ block: 'center' });
    title.tabIndex = -1;
    title.focus();
    return true;
  })()`);
  let focus = await driver.evaluate<{ inChart: boolean; name: string; area: boolean }>(FOCUSED);
  for (let i = 0; i < 15 && !focus.inChart; i++) {
    await driver.press('Tab');
    focus = await driver.evaluate(FOCUSED);
  }
  expect(focus.inChart, 'Tab reaches the chart').toBe(true);
  await driver.press('ArrowRight');
  focus = await driver.evaluate(FOCUSED);
  expect(focus.inChart && !focus.area, `an arrow key moves into the chart's data (focus: ${focus.name})`).toBe(true);
  expect(focus.name, 'the data point says its figure').toMatch(/\d/);
  return focus.name;
}

/**
 * For each item of the report's table of contents: the dark pixels of its first line left of the item's text
 * (its number), and how many of those lie in the two pixel columns at the contents' left edge, where `overflow:
 * auto` clips. A number drawn whole leaves those columns blank; a clipped one is cut there.
 */
const tocNumbers = (png: string) => `(async () => {
  const image = new Image();
  image.src = 'data:image/png;base64,${png}';
  await image.decode();
  const scale = image.naturalWidth / innerWidth;
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const edge = document.querySelector('.report > .toc').getBoundingClientRect().left;
  return [...document.querySelectorAll('.report > .toc li')].map((li, i) => {
    const text = li.querySelector('a').getBoundingClientRect();
    const top = text.top, bottom = Math.min(text.bottom, text.top + 1.3 * parseFloat(getComputedStyle(li).fontSize));
    const x0 = Math.floor(edge * scale), x1 = Math.floor(text.left * scale), y0 = Math.ceil(top * scale), y1 = Math.floor(bottom * scale);
    const visible = top >= 0 && bottom <= innerHeight && x1 > x0 + 4;
    if (!visible) return { item: i + 1, visible, ink: 0, atEdge: 0 };
    const pixels = context.getImageData(x0, y0, x1 - x0, y1 - y0).data;
    let ink = 0, atEdge = 0;
    for (let p = 0; p < pixels.length; p += 4) {
      if (0.299 * pixels[p] + 0.587 * pixels[p + 1] + 0.114 * pixels[p + 2] > 140) continue;
      ink++;
      if ((p / 4) % (x1 - x0) < 2) atEdge++;
    }
    return { item: i + 1, visible, ink, atEdge };
  });
})()`;

for (const engine of ENGINES) {
  const missing = engineMissing(engine);
  describe.skipIf(missing !== null)(`${engine}${missing ? ` (skipped: install ${missing})` : ''}`, () => {
    let driver: EngineDriver;
    beforeAll(async () => {
      driver = await launchEngine(engine);
    }, 120_000);
    afterAll(() => driver?.close());

    for (const page of PAGES) {
      it(`${page.kind} (${page.path}): no error or CSP violation, charts drawn, no overflow at ${WIDTHS.join(' and ')} px${page.keyboard ? ', a chart entered by keyboard' : ''}`, async () => {
        for (const width of WIDTHS) {
          await driver.open(origin + page.path, width);
          expect(await driver.evaluate<number>(OVERFLOW), `${width} px: nothing wider than the window`).toBeLessThanOrEqual(0);
          if (page.charts) {
            const charts = await driver.evaluate<{ found: number; drawn: number; broken: string[] }>(drawnCharts(page.charts));
            expect(charts.found, `${width} px: charts on the page`).toBeGreaterThan(0);
            expect(charts.drawn, `${width} px: charts drawn with a size`).toBe(charts.found);
            expect(charts.broken, `${width} px: images that did not load`).toEqual([]);
          }
          if (page.keyboard && width === 1440) await enterChartByKeyboard(driver);
          expect(await problemsIn(driver), `${width} px`).toEqual([]);
        }
      });
    }

    it('the search answers a query', async () => {
      await driver.open(`${origin}/values/`, 1440);
      await driver.type('#search-input', 'honesty');
      let results = 0;
      for (let i = 0; i < 50 && results === 0; i++) {
        results = await driver.evaluate<number>(`Number(document.querySelector('form[data-search]')?.getAttribute('data-results') ?? 0)`);
        if (results === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(results, 'results for "honesty"').toBeGreaterThan(0);
      const first = await driver.evaluate<string>(`document.querySelector('#search-option-0')?.textContent ?? ''`);
      expect(first.toLowerCase()).toContain('honest');
      expect(await problemsIn(driver)).toEqual([]);
    });

    it('the values atlas zooms in and paints its tiles in idle moments', async () => {
      await driver.open(`${origin}/values/`, 1440);
      const frame = () => driver.evaluate<{ ready: boolean; level: number; lacking: number }>(`(() => {
        const last = performance.getEntriesByName('atlas-frame').at(-1);
        return { ready: performance.getEntriesByName('atlas-ready').length > 0, level: last?.detail?.level ?? -2, lacking: last?.detail?.lacking ?? -1 };
      })()`);
      const until = async (done: (f: Awaited<ReturnType<typeof frame>>) => boolean, what: string) => {
        let f = await frame();
        for (let i = 0; i < 100 && !done(f); i++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          f = await frame();
        }
        expect(done(f), `${what} (last frame: ${JSON.stringify(f)})`).toBe(true);
      };
      // The whole's picture is ready once a frame draws from it (level 0).
      await until((f) => f.ready && f.level === 0, 'the whole drawn');
      // Each click zooms in twice as far, over 300 ms (a click during that starts from where the view then is).
      for (let i = 0; i < 3; i++) {
        await driver.evaluate(`(document.querySelector('#values-atlas [data-zoom="in"]').click(), true)`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await until((f) => f.level >= 1 && f.lacking === 0, 'every tile in view painted');
      expect(await problemsIn(driver)).toEqual([]);
    });

    it('the report\'s table of contents beside the text (≥ 1152 px) shows every number whole, measured in the painted page', async () => {
      // The contents move beside the text at 72rem (1152 px). WebKitGTK on the display scaled for 375 px (see
      // engines.ts) reads rem in media queries at 1.2 × 16 px, so its wide layout starts at 1382 px: it is measured at 1440.
      for (const width of engine === 'webkit' ? [1440] : [1152, 1440]) {
        await driver.open(`${origin}/`, width);
        await driver.evaluate(`(scrollTo(0, document.querySelector('.report h2:not(.toc h2)').getBoundingClientRect().top + scrollY + 300), true)`);
        await new Promise((resolve) => setTimeout(resolve, 200));
        const png = await driver.screenshotPng();
        mkdirSync('tests/output/screens', { recursive: true });
        writeFileSync(`tests/output/screens/report-toc-${engine}-${width}.png`, Buffer.from(png, 'base64'));
        const items = await driver.evaluate<{ item: number; visible: boolean; ink: number; atEdge: number }[]>(tocNumbers(png));
        expect(items.length, `${width} px: items in the table of contents`).toBeGreaterThanOrEqual(12);
        for (const { item, visible, ink, atEdge } of items) {
          expect(visible, `${width} px: item ${item} is on screen`).toBe(true);
          expect(ink, `${width} px: item ${item}'s number is painted`).toBeGreaterThan(0);
          expect(atEdge, `${width} px: item ${item}'s number is cut at the list's left edge`).toBe(0);
        }
      }
    });
  });
}
