/**
 * npm run bench [-- --build] [--runs 5] [--no-lighthouse] [--peer https://other.site/page ...] [--baseline ../other/dist]
 *   [--pages report,embed (sunburst)]
 *
 * Measures the built site as a reader would get it from a static host (gzip on): bytes and requests on first load by
 * type, paint and readiness times over cold loads (unthrottled and throttled: 150 ms latency, 1.6 Mbit/s down, CPU
 * 4× slower), long tasks, Lighthouse scores (mobile), and the build. Prints tables and writes bench/results.json.
 * A script, not a test: timings on a shared machine are noisy, so compare ratios within one run; bytes are exact.
 *
 * --baseline serves a second built site (say, a worktree of main built into its own dist/) beside this one and
 * measures the same pages in it, taking turns load by load so that both see the same machine, then prints the two side
 * by side with ratios. --pages limits the page kinds measured (comma-separated names, as printed).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { atlasFrames } from './atlas-bench.ts';
import { browserLaunchOptions, launchBrowser } from './browser.ts';
import { pageKindsIn } from './page-kinds.ts';
import { startStaticServer } from './static-server.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const peers = args.flatMap((a, i) => (a === '--peer' && args[i + 1] ? [args[i + 1]!] : []));
const runs = Number(option('runs', '5'));
const dist = path.resolve('dist');
const baselineDist = option('baseline', '') ? path.resolve(option('baseline', '')) : null;
const onlyPages = option('pages', '') ? option('pages', '').split(',').map((k) => k.trim()) : null;

type Kind = 'html' | 'css' | 'js' | 'font' | 'image' | 'data' | 'other';
interface Bytes { raw: number; gzip: number; requests: number }
interface Timing {
  fcp: number | null;
  firstChart: number | null;
  interactive: number | null;
  longTasks: number;
  longTaskMs: number;
  /** The longest task at load (ms; 0 when none reached 50 ms). */
  longestTaskMs: number;
  /** Elements in the document once loaded, scripts' included. */
  elements: number;
  /** Elements in the page's HTML as delivered (what the parser builds before any script, and budgets.json counts). */
  htmlElements: number;
}

function countPages(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countPages(path.join(dir, entry.name));
    else if (entry.name.endsWith('.html')) count++;
  }
  return count;
}

function build(): { seconds: number } | null {
  if (!flag('build') && existsSync(path.join(dist, 'index.html'))) return null;
  const start = performance.now();
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error('build failed');
  return { seconds: (performance.now() - start) / 1000 };
}

function kindOf(resourceType: string, contentType: string): Kind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'script') return 'js';
  if (resourceType === 'font') return 'font';
  if (resourceType === 'image' || contentType.startsWith('image/')) return 'image';
  if (resourceType === 'fetch' || resourceType === 'xhr' || /json|csv/.test(contentType)) return 'data';
  return 'other';
}

/** Marks the first chart's first paint and collects long tasks, from before the page's own code runs. */
const INSTRUMENT = () => {
  const w = window as unknown as { __longTasks: number[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  const seen = new MutationObserver(() => {
    if (!document.querySelector('.chart-area svg, main svg')) return;
    seen.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('first-chart-visible')));
  });
  seen.observe(document, { childList: true, subtree: true });
};

async function firstLoadBytes(browser: Browser, url: string): Promise<Record<Kind | 'total', Bytes>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses: Promise<{ kind: Kind; raw: number; gzip: number }>[] = [];
  page.on('response', (response) => {
    responses.push(
      (async () => {
        const request = response.request();
        const body = await response.body().catch(() => Buffer.alloc(0));
        const sizes = await request.sizes().catch(() => ({ responseBodySize: body.length }));
        return { kind: kindOf(request.resourceType(), response.headers()['content-type'] ?? ''), raw: body.length, gzip: sizes.responseBodySize };
      })(),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const rows = await Promise.all(responses);
  await context.close();
  const kinds: (Kind | 'total')[] = ['html', 'css', 'js', 'font', 'image', 'data', 'other', 'total'];
  return Object.fromEntries(
    kinds.map((k) => {
      const mine = rows.filter((r) => k === 'total' || r.kind === k);
      return [k, { raw: sum(mine.map((r) => r.raw)), gzip: sum(mine.map((r) => r.gzip)), requests: mine.length }];
    }),
  ) as Record<Kind | 'total', Bytes>;
}

async function coldLoad(browser: Browser, url: string, throttled: boolean): Promise<Timing> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page: Page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  if (throttled) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('interactive-ready').length > 0, undefined, { timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(200);
  const timing = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    const tasks = [...(window as unknown as { __longTasks: number[] }).__longTasks];
    return {
      fcp: at('first-contentful-paint'), firstChart: at('first-chart-visible'), interactive: at('interactive-ready'),
      longTasks: tasks.length, longTaskMs: tasks.reduce((a, b) => a + b, 0), longestTaskMs: Math.max(0, ...tasks),
      elements: document.getElementsByTagName('*').length,
    };
  });
  // Counted after the timings are read, so that parsing the page again is not one of its tasks.
  const htmlElements = await page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    return new DOMParser().parseFromString(html, 'text/html').getElementsByTagName('*').length;
  });
  await context.close();
  return { ...timing, htmlElements };
}

/**
 * Keystroke → results rendered on the search page, in ms (the page marks 'search-rendered' after each update), for
 * each of `urls` (this build's search page, and the baseline's): the pages take turns query by query, so that a busy
 * moment on the machine falls on both alike.
 */
async function searchLatency(browser: Browser, urls: string[], cpuSlowdown: number): Promise<number[][]> {
  const pages = await Promise.all(
    urls.map(async (url) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      if (cpuSlowdown > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
      await page.goto(url);
      await page.locator('#search-input').focus();
      await page.waitForFunction(() => performance.getEntriesByName('search-rendered').length > 0 || document.querySelector('#search-results') !== null);
      await page.waitForLoadState('networkidle');
      // Timed from the moment the page received the key (the event's own time stamp), so that the test harness's round
      // trips, which a reader's keyboard does not make, are not counted; a page still busy with the last keystroke is.
      await page.evaluate(() => addEventListener('keydown', (event) => ((window as unknown as { keyAt: number }).keyAt = event.timeStamp), { capture: true }));
      return { context, page, input: page.locator('#search-input') };
    }),
  );
  const latencies = urls.map((): number[] => []);
  for (const [q, query] of ['filial', 'honesty', 'boundaries', 'autonomy'].entries()) {
    for (const [n, { page, input }] of (q % 2 ? [...pages.entries()].reverse() : [...pages.entries()])) {
      await input.fill('');
      for (const char of query) {
        await page.evaluate(() => performance.clearMarks('search-rendered'));
        await input.press(char);
        latencies[n]!.push(
          await page.evaluate(
            () =>
              new Promise<number>((resolve) => {
                const done = () => resolve(performance.getEntriesByName('search-rendered')[0]!.startTime - (window as unknown as { keyAt: number }).keyAt);
                if (performance.getEntriesByName('search-rendered').length) return done();
                new PerformanceObserver((_list, observer) => {
                  if (!performance.getEntriesByName('search-rendered').length) return;
                  observer.disconnect();
                  done();
                }).observe({ type: 'mark' });
              }),
          ),
        );
      }
    }
  }
  await Promise.all(pages.map((p) => p.context.close()));
  return latencies;
}

async function lighthouseScores(url: string) {
  const { default: lighthouse } = await import('lighthouse');
  const port = 9300 + Math.floor(Math.random() * 500);
  const launch = browserLaunchOptions();
  const chrome = spawn(launch.executablePath ?? 'chromium', [...(launch.args ?? []), `--remote-debugging-port=${port}`, `--user-data-dir=/tmp/vitw-lh-${port}`, 'about:blank'], { stdio: 'ignore' });
  try {
    await waitForPort(port);
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
    const lhr = result!.lhr;
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? null;
    return {
      performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo'),
      lcpMs: metric('largest-contentful-paint'), tbtMs: metric('total-blocking-time'), cls: metric('cumulative-layout-shift'),
    };
  } finally {
    chrome.kill();
  }
}

async function waitForPort(port: number) {
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/json/version`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Chromium did not open its debugging port ${port}`);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

interface Summary { fcp: number | null; firstChart: number | null; interactive: number | null; longTasks: number | null; longTaskMs: number | null; longestTaskMs: number | null; elements: number | null; htmlElements: number | null }
interface Result { kind: string; url: string; bytes: Record<Kind | 'total', Bytes>; unthrottled: Summary; throttled: Summary }

/** Each page beside the same page in the baseline build, with this build's figure as a fraction of the baseline's. */
function printComparison(results: Result[]) {
  const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? '—' : (a / b).toFixed(2));
  const rows: [string, (r: Result) => number | null, (n: number | null) => string][] = [
    ['HTML, gzip (KB)', (r) => r.bytes.html.gzip, (n) => (n === null ? '—' : kb(n))],
    ['total first load, gzip (KB)', (r) => r.bytes.total.gzip, (n) => (n === null ? '—' : kb(n))],
    ['elements in the HTML', (r) => r.throttled.htmlElements, (n) => (n === null ? '—' : String(n))],
    ['elements once loaded', (r) => r.throttled.elements, (n) => (n === null ? '—' : String(n))],
    ['FCP (ms)', (r) => r.unthrottled.fcp, ms],
    ['FCP, throttled (ms)', (r) => r.throttled.fcp, ms],
    ['first chart, throttled (ms)', (r) => r.throttled.firstChart, ms],
    ['interactive, throttled (ms)', (r) => r.throttled.interactive, ms],
    ['long tasks, throttled', (r) => r.throttled.longTasks, (n) => (n === null ? '—' : String(n))],
    ['long tasks, throttled, total (ms)', (r) => r.throttled.longTaskMs, ms],
    ['longest task, throttled (ms)', (r) => r.throttled.longestTaskMs, ms],
  ];
  for (const current of results.filter((r) => !r.kind.startsWith('baseline ') && !r.kind.startsWith('peer '))) {
    const base = results.find((r) => r.kind === `baseline ${current.kind}`);
    if (!base) continue;
    console.log(`\n${current.kind}: this build against the baseline (${baselineDist}), medians of ${runs} loads each, taken in turn`);
    console.log('| measure | this build | baseline | ratio |');
    console.log('|---|---|---|---|');
    for (const [label, get, show] of rows) console.log(`| ${label} | ${show(get(current))} | ${show(get(base))} | ${ratio(get(current), get(base))} |`);
  }
}
function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function median(xs: (number | null)[]): number | null {
  const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)]! : null;
}
const kb = (n: number) => (n / 1024).toFixed(1);
const ms = (n: number | null) => (n === null ? '—' : `${Math.round(n)}`);

async function main() {
  const built = build();
  const site = await startStaticServer(dist);
  const baseline = baselineDist ? await startStaticServer(baselineDist) : null;
  const browser = await launchBrowser();
  const kinds = Object.entries(pageKindsIn(dist)).filter(([kind]) => !onlyPages || onlyPages.includes(kind));
  const targets: [string, string][] = [
    ...kinds.map(([kind, p]): [string, string] => [kind, site.url + p]),
    ...peers.map((url): [string, string] => [`peer ${new URL(url).host}`, url]),
  ];
  const results: Result[] = [];
  const summarise = (t: Timing[]) => ({
    fcp: median(t.map((x) => x.fcp)), firstChart: median(t.map((x) => x.firstChart)), interactive: median(t.map((x) => x.interactive)),
    longTasks: median(t.map((x) => x.longTasks)), longTaskMs: median(t.map((x) => x.longTaskMs)), longestTaskMs: median(t.map((x) => x.longestTaskMs)),
    elements: median(t.map((x) => x.elements)),
    htmlElements: median(t.map((x) => x.htmlElements)),
  });
  for (const [kind, url] of targets) {
    // The same page in the baseline build, measured in turn with this one.
    const pagePath = url.startsWith(site.url) ? url.slice(site.url.length) : null;
    const pair: [string, string][] = [[kind, url]];
    if (baseline && pagePath !== null) pair.push([`baseline ${kind}`, baseline.url + pagePath]);
    process.stderr.write(`measuring ${pair.map(([k, u]) => `${k} (${u})`).join(' and ')}…\n`);
    const measured = await Promise.all(pair.map(async ([k, u]) => ({ kind: k, url: u, bytes: await firstLoadBytes(browser, u), fast: [] as Timing[], slow: [] as Timing[] })));
    // Taking turns, and each going first every other time, so that a busy moment on the machine falls on both alike.
    const inTurn = (i: number) => (i % 2 ? [...measured].reverse() : measured);
    for (let i = 0; i < runs; i++) for (const m of inTurn(i)) m.fast.push(await coldLoad(browser, m.url, false));
    for (let i = 0; i < runs; i++) for (const m of inTurn(i)) m.slow.push(await coldLoad(browser, m.url, true));
    for (const m of measured) results.push({ kind: m.kind, url: m.url, bytes: m.bytes, unthrottled: summarise(m.fast), throttled: summarise(m.slow) });
  }
  const searchPage = !onlyPages || onlyPages.includes('search') ? pageKindsIn(dist).search : undefined;
  const searchUrls = searchPage ? [site.url + searchPage, ...(baseline ? [baseline.url + searchPage] : [])] : [];
  const [unthrottled, cpu4x] = searchPage ? [await searchLatency(browser, searchUrls, 1), await searchLatency(browser, searchUrls, 4)] : [];
  const search = unthrottled && cpu4x ? { unthrottled: unthrottled[0]!, cpu4x: cpu4x[0]!, baseline: baseline ? { unthrottled: unthrottled[1]!, cpu4x: cpu4x[1]! } : undefined } : null;
  const atlas = searchPage ? await atlasFrames(browser, site.url + searchPage) : null;
  await browser.close();

  const lighthouseKinds = ['report', 'embed (sunburst)', 'value'];
  const lighthouseResults: Record<string, unknown> = {};
  if (!flag('no-lighthouse')) {
    for (const [kind, url] of targets.filter(([k]) => lighthouseKinds.includes(k) || k.startsWith('peer'))) {
      process.stderr.write(`lighthouse ${kind}…\n`);
      lighthouseResults[kind] = await lighthouseScores(url).catch((e: Error) => ({ error: e.message }));
    }
  }
  await site.close();
  await baseline?.close();

  console.log('\nFirst load, before interaction (KB; gzip = bytes on the wire)');
  console.log('| page | requests | HTML raw/gz | CSS raw/gz | JS raw/gz | fonts | images | data | total raw/gz |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const b = r.bytes;
    const pair = (k: Kind | 'total') => `${kb(b[k]!.raw)} / ${kb(b[k]!.gzip)}`;
    console.log(`| ${r.kind} | ${b.total!.requests} | ${pair('html')} | ${pair('css')} | ${pair('js')} | ${kb(b.font!.gzip)} | ${kb(b.image!.gzip)} | ${kb(b.data!.gzip)} | ${pair('total')} |`);
  }
  console.log(`\nTimes (ms, median of ${runs} cold loads; throttled = 150 ms RTT, 1.6 Mbit/s, CPU ×4)`);
  console.log('| page | FCP | first chart | interactive | long tasks | FCP (thr.) | first chart (thr.) | interactive (thr.) | long tasks (thr.) |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const u = r.unthrottled;
    const t = r.throttled;
    console.log(`| ${r.kind} | ${ms(u.fcp!)} | ${ms(u.firstChart!)} | ${ms(u.interactive!)} | ${u.longTasks} (${ms(u.longTaskMs!)} ms) | ${ms(t.fcp!)} | ${ms(t.firstChart!)} | ${ms(t.interactive!)} | ${t.longTasks} (${ms(t.longTaskMs!)} ms) |`);
  }
  if (baseline) printComparison(results);
  if (Object.keys(lighthouseResults).length) {
    console.log('\nLighthouse (mobile preset)');
    console.log('| page | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const [kind, l] of Object.entries(lighthouseResults) as [string, Record<string, number | null | string>][]) {
      if ('error' in l) console.log(`| ${kind} | error: ${l.error} |`);
      else console.log(`| ${kind} | ${l.performance} | ${l.accessibility} | ${l.bestPractices} | ${l.seo} | ${ms(l.lcpMs as number)} | ${ms(l.tbtMs as number)} | ${(l.cls as number).toFixed(3)} |`);
    }
  }
  if (search) {
    const describe = (xs: number[]) => `median ${median(xs)!.toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms over ${xs.length} keystrokes`;
    console.log(`\nSearch, keystroke to results: ${describe(search.unthrottled)}; with CPU ×4: ${describe(search.cpu4x)}`);
    if (search.baseline) console.log(`Baseline search, in turn with it: ${describe(search.baseline.unthrottled)}; with CPU ×4: ${describe(search.baseline.cpu4x)}`);
  }
  if (atlas && searchPage) {
    const bytes = results.find((r) => r.url === site.url + searchPage)?.bytes.total;
    const stats = (xs: number[]) => `median ${median(xs)!.toFixed(1)}, p95 ${percentile(xs, 0.95).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}`;
    console.log(`\nValues atlas (${searchPage}, ${bytes ? `${kb(bytes.gzip)} KB gzip on first load` : 'bytes not measured'}), zooming, panning and flying at CPU ×4:`);
    console.log(`  drawing a frame (ms): ${stats(atlas.draws)} over ${atlas.draws.length} frames; ${atlas.draws.filter((d) => d > 16).length} over 16 ms`);
    for (const frame of atlas.slow) console.log(`    ${frame.ms.toFixed(1)} ms at ${frame.zoom.toFixed(1)}× the whole, ${frame.level < 0 ? 'drawn circle by circle' : `tile level ${frame.level}`}, marks ${frame.marksMs.toFixed(1)} ms`);
    console.log(`  between frames (ms): ${stats(atlas.intervals)}; ${atlas.intervals.filter((d) => d > 20).length} over 20 ms, ${atlas.intervals.filter((d) => d > 50).length} over 50 ms; long tasks: ${atlas.longTasks}`);
  }
  const pages = countPages(dist);
  console.log(`\nBuild: ${built ? `${built.seconds.toFixed(1)} s` : 'existing dist/ (pass --build to time a build)'}; ${pages} HTML pages.`);
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', JSON.stringify({ date: new Date().toISOString(), runs, build: built, baseline: baselineDist, pages, results, search, atlas, lighthouse: lighthouseResults }, null, 2));
  console.log('Wrote bench/results.json');
}

await main();
