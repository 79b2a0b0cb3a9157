import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { startStaticServer } from '../../scripts/static-server.ts';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, describeViolations, hoverAndClickArc, newContext, useBrowser, watchPage } from './helpers.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** Where a chart appears, and the link its Copy link gives: the page itself (the report's at the figure), or from an embed the chart's page. */
const PLACES = {
  'chart page': { path: (id: string) => `/charts/${id}/`, prefix: () => '', linkPath: (id: string) => `/charts/${id}/`, hash: () => '' },
  embed: { path: (id: string) => `/embed/${id}/`, prefix: () => '', linkPath: (id: string) => `/charts/${id}/`, hash: () => '' },
  report: { path: () => '/', prefix: (id: string) => `${id}.`, linkPath: () => '/', hash: (id: string) => `#${id}` },
} as const;
type Place = keyof typeof PLACES;

async function open(url: string, options: { clipboard?: boolean; javaScriptEnabled?: boolean } = {}) {
  const context = await newContext(browser(), { javaScriptEnabled: options.javaScriptEnabled });
  if (options.clipboard !== false) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  else await context.addInitScript(() => Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('refused', 'NotAllowedError')) }));
  const page = await context.newPage();
  const problems = watchPage(page, baseUrl);
  await page.goto(url);
  if (options.javaScriptEnabled !== false) await page.waitForFunction(() => performance.getEntriesByName('interactive-ready').length > 0);
  return { page, problems, close: () => context.close() };
}

/** A view a reader sets through a chart's own controls, the parameters that record it, and how to see it is shown. */
interface ViewCase {
  id: string;
  name: string;
  params: Record<string, string>;
  set(figure: Locator, page: Page): Promise<void>;
  /** Resolves when the figure shows the view (waits for it), then checks it. */
  shows(figure: Locator, page: Page): Promise<void>;
}

const PRACTICAL = 'Practical values';
const showsGuess = async (figure: Locator) => {
  await figure.locator('.predict-panel').waitFor({ state: 'visible' });
  expect(await figure.locator('.chart-area').isVisible()).toBe(false);
};
const guess = (id: string): ViewCase => ({
  id,
  name: 'the guessing game',
  params: { predict: '1' },
  set: (figure) => figure.locator('[data-predict="start"]').click(),
  shows: showsGuess,
});

/** The table sorted by a column, its heading pressed `presses` times (a number column sorts largest first, then smallest). */
function sorted(id: string, key: string, presses: number): ViewCase {
  const descending = presses === 1 && key !== 'value';
  return {
    id,
    name: `the table sorted by ${key}`,
    params: { sort: `${descending ? '-' : ''}${key}` },
    set: async (figure) => {
      await figure.locator('[data-action="table"]').click();
      for (let i = 0; i < presses; i++) await figure.locator(`th[data-key="${key}"] button`).click();
    },
    shows: async (figure) => {
      const head = figure.locator(`th[data-key="${key}"]`);
      await head.and(figure.locator('[aria-sort]')).waitFor({ state: 'attached' });
      expect(await head.getAttribute('aria-sort')).toBe(descending ? 'descending' : 'ascending');
      const column = await figure.locator('thead th').evaluateAll((ths, k) => ths.findIndex((th) => (th as HTMLElement).dataset.key === k), key);
      const cells = await figure.locator(`tbody tr > :nth-child(${column + 1})`).evaluateAll((cs) => cs.map((c) => (c as HTMLElement).dataset.v ?? c.textContent!.trim()));
      const inOrder = [...cells].sort((a, b) => (Number.isNaN(Number(a)) ? a.localeCompare(b, 'en') : Number(a) - Number(b)) * (descending ? -1 : 1));
      expect(cells).toEqual(inOrder);
    },
  };
}

const CASES: ViewCase[] = [
  {
    id: 'top-values',
    name: 'limit and category',
    params: { category: PRACTICAL, limit: '50' },
    set: async (figure) => {
      await figure.locator('input[name="limit"]').fill('50');
      await figure.locator('select[name="category"]').selectOption(PRACTICAL);
    },
    shows: async (figure, page) => {
      await page.waitForFunction(() => document.querySelectorAll('#top-values .chart-area [aria-label="bar"] rect').length === 50);
      expect(await figure.locator('input[name="limit"]').inputValue()).toBe('50');
      expect(await figure.locator('select[name="category"]').inputValue()).toBe(PRACTICAL);
      const categories = await figure.locator('.chart-table tbody tr td:nth-child(4)').allTextContents();
      expect(new Set(categories)).toEqual(new Set([PRACTICAL]));
    },
  },
  {
    id: 'value-family',
    name: 'the value family',
    params: { family: 'honesty' },
    set: (figure) => figure.locator('select[name="family"]').selectOption('honesty').then(() => undefined),
    shows: async (_figure, page) => {
      await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('#value-family select[name="family"]')?.value === 'honesty');
      await page.waitForFunction(() => [...document.querySelectorAll('#value-family .chart-table tbody th')].every((th) => /honest/i.test(th.textContent ?? '')));
    },
  },
  {
    id: 'taxonomy-sunburst',
    name: 'the zoom',
    params: { focus: '' }, // filled in from the arc clicked
    set: async (figure, page) => {
      const arc = figure.locator('path[data-key^="l3:"]').nth(1);
      sunburstKey = (await arc.getAttribute('data-key'))!;
      await hoverAndClickArc(page, arc);
      await page.waitForFunction((k) => document.querySelector('#taxonomy-sunburst')?.getAttribute('data-focus') === k, sunburstKey);
      // The pointer leaves the chart, as a reader's does on the way to the toolbar: the tooltip, which stays while the
      // pointer is on the arc or on it (WCAG 1.4.13), closes and uncovers the buttons below.
      await page.mouse.move(0, 0);
      await page.waitForFunction(() => !document.querySelector('#taxonomy-sunburst .chart-tooltip:not([hidden])')?.checkVisibility());
    },
    shows: async (figure, page) => {
      await page.waitForFunction((k) => document.querySelector('#taxonomy-sunburst')?.getAttribute('data-focus') === k, sunburstKey);
      expect(await figure.locator('.breadcrumb li').count()).toBe(2);
    },
  },
  guess('top-values'),
  guess('long-tail'),
  guess('response-types'),
  {
    id: 'context-heatmap',
    name: 'the selected pair',
    params: { select: '2' },
    set: (figure) => figure.locator('svg circle[data-row="2"]').click(),
    shows: async (figure) => {
      await figure.locator('svg [data-row="2"].is-selected').first().waitFor({ state: 'attached' });
      expect(await figure.getAttribute('class')).toContain('has-selection');
      expect(await figure.locator('.is-selected').count()).toBe(2); // the dot and its table row
    },
  },
  sorted('top-values', 'value', 1),
  sorted('category-shares', 'values', 2),
];
let sunburstKey = '';
const paramsOf = (view: ViewCase) => (view.id === 'taxonomy-sunburst' ? { focus: sunburstKey } : view.params);

/** The view's parameters as a place spells them: bare on a chart's page and embed, prefixed with the id on the report. */
function expectParams(url: string, view: ViewCase, place: Place) {
  const search = new URL(url).searchParams;
  for (const [name, value] of Object.entries(paramsOf(view))) expect(search.get(PLACES[place].prefix(view.id) + name), `${name} in ${url}`).toBe(value);
}

describe('a chart’s view in the URL, and Copy link', () => {
  for (const view of CASES) {
    for (const place of Object.keys(PLACES) as Place[]) {
      it(`${view.id}: ${view.name} set on the ${place} is copied as a link that opens the same view`, async () => {
        const where = PLACES[place];
        const { page, problems, close } = await open(baseUrl + where.path(view.id));
        const figure = page.locator(`figure#${view.id}`);
        const entries = await page.evaluate(() => history.length);
        await view.set(figure, page);
        // The page's own URL follows the view (replaced, not pushed: one history entry).
        await page.waitForFunction((prefix) => location.search.includes(prefix), `${where.prefix(view.id)}${Object.keys(paramsOf(view))[0]}=`);
        expect(await page.evaluate(() => history.length)).toBe(entries);
        if (place !== 'embed') expectParams(page.url(), view, place);

        const copy = figure.getByRole('button', { name: /^Copy link to/ });
        await copy.click();
        await page.waitForFunction(() => /^Link to this view of “.+” copied to the clipboard\.$/.test(document.querySelector('[data-announce]')?.textContent ?? ''));
        const link = await page.evaluate(() => navigator.clipboard.readText());
        expect(new URL(link).pathname).toBe(where.linkPath(view.id));
        expect(new URL(link).hash).toBe(where.hash(view.id));
        expectParams(link, view, place === 'embed' ? 'chart page' : place);
        expect(problems).toEqual([]);
        await close();

        const restored = await open(link);
        await view.shows(restored.page.locator(`figure#${view.id}`), restored.page);
        if (place === 'chart page') {
          // The Embed panel's code is for the same view.
          const code = restored.page.locator(`figure#${view.id} [data-snippet="scriptFree"]`);
          await restored.page.locator(`figure#${view.id} details[data-tool="embed"] > summary`).click();
          await restored.page.waitForFunction(
            ([id, search]) => document.querySelector<HTMLTextAreaElement>(`figure#${id} [data-snippet="scriptFree"]`)?.value.includes(`/embed/${id}/${search.replace(/&/g, '&amp;')}"`),
            [view.id, new URL(link).search],
          );
          expect(await code.inputValue()).toContain(`/embed/${view.id}/?`);
          // The embed takes the same parameters.
          const embed = await open(`${baseUrl}/embed/${view.id}/${new URL(link).search}`);
          await view.shows(embed.page.locator(`figure#${view.id}`), embed.page);
          expect(embed.problems).toEqual([]);
          await embed.close();
        }
        expect(restored.problems).toEqual([]);
        await restored.close();
      });
    }
  }

  it('keeps the URL clean at the default view, and drops a parameter when its view returns to the default', async () => {
    const { page, problems, close } = await open(`${baseUrl}/`);
    expect(new URL(page.url()).search).toBe('');
    const entries = await page.evaluate(() => history.length);
    await page.locator('#value-family select[name="family"]').selectOption('honesty');
    await page.waitForFunction(() => location.search === '?value-family.family=honesty');
    await page.locator('#value-family select[name="family"]').selectOption('autonomy');
    await page.waitForFunction(() => location.search === '');
    await page.locator('#long-tail [data-predict="start"]').click();
    await page.waitForFunction(() => location.search === '?long-tail.predict=1');
    await page.locator('#long-tail [data-predict="skip"]').click();
    await page.waitForFunction(() => location.search === '');
    expect(await page.evaluate(() => history.length)).toBe(entries);
    expect(problems).toEqual([]);
    await close();
  });

  const INVALID: [string, string][] = [
    ['/charts/top-values/', '?limit=7&category=Nope&predict=yes'],
    ['/embed/value-family/', '?family=%3Cscript%3E&theme=dark'],
    ['/embed/taxonomy-sunburst/', '?focus=no-such-node'],
    ['/charts/context-heatmap/', '?select=999&sort=nope'],
    ['/', '?taxonomy-sunburst.focus=%25&top-values.limit=abc&top-values.category=&value-family.family=zzz&long-tail.predict=2&context-heatmap.select=-1&category-shares.sort=-'],
  ];
  for (const [path, query] of INVALID) {
    it(`falls back to the default view for invalid parameters, without an error: ${path}${query}`, async () => {
      const { page, problems, close } = await open(`${baseUrl}${path}${query}`);
      const only = (id: string) => (path === '/' ? `#${id}` : 'figure.chart-figure');
      if (path === '/' || path.includes('top-values')) {
        await page.waitForFunction((sel) => document.querySelectorAll(`${sel} .chart-area [aria-label="bar"] rect`).length === 30, only('top-values'));
        expect(await page.locator(`${only('top-values')} select[name="category"]`).inputValue()).toBe('');
      }
      if (path === '/' || path.includes('value-family')) expect(await page.locator(`${only('value-family')} select[name="family"]`).inputValue()).toBe('autonomy');
      if (path === '/' || path.includes('sunburst')) expect(await page.locator(`${only('taxonomy-sunburst')}`).getAttribute('data-focus')).toBeNull();
      expect(await page.locator('.predict-panel:visible').count()).toBe(0);
      expect(await page.locator('.is-selected, [aria-sort]').count()).toBe(0);
      // The invalid parameters leave the URL; the embed's own `theme` stays.
      await page.waitForFunction(() => !/limit|category|family|focus|predict|select|sort/.test(location.search));
      if (query.includes('theme')) expect(new URL(page.url()).searchParams.get('theme')).toBe('dark');
      expect(problems).toEqual([]);
      await close();
    });
  }

  it('shows the link selected in a field, and says so, where the clipboard is refused', async () => {
    const { page, problems, close } = await open(`${baseUrl}/embed/value-family/?family=honesty`, { clipboard: false });
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('select[name="family"]')?.value === 'honesty');
    const copy = page.getByRole('button', { name: 'Copy link to “One idea, many contexts”' });
    await copy.focus();
    await page.keyboard.press('Enter');
    const field = page.getByRole('textbox', { name: 'Link to this view' });
    await field.waitFor({ state: 'visible' });
    expect(await field.inputValue()).toBe(`${baseUrl}/charts/value-family/?family=honesty`);
    expect(await page.evaluate(() => [document.activeElement?.tagName, (document.activeElement as HTMLInputElement).selectionStart, (document.activeElement as HTMLInputElement).selectionEnd])).toEqual([
      'INPUT',
      0,
      `${baseUrl}/charts/value-family/?family=honesty`.length,
    ]);
    await page.waitForFunction(() => /selected in the field/.test(document.querySelector('[data-announce]')?.textContent ?? ''));
    expect(problems).toEqual([]);
    await close();
  });

  it('walks a sorted table in its order, while each mark keeps its own row’s tooltip', async () => {
    const { page, problems, close } = await open(`${baseUrl}/charts/category-shares/?sort=values`);
    const figure = page.locator('figure#category-shares');
    await figure.locator('th[aria-sort="ascending"]').waitFor({ state: 'attached' });
    const firstRow = (await figure.locator('tbody tr').first().locator('th').textContent())!.trim();
    await figure.locator('.chart-area').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(new RegExp(`^${firstRow}, .*, 1 of 5$`));
    // The mark of the table's first row in its own order (data-row 0) still shows that row.
    const ownFirst = (await page.locator('tbody tr[data-row="0"] th').textContent())!.trim();
    await figure.locator('svg [data-row="0"]').first().hover();
    await expect(figure.locator('.chart-tooltip').textContent()).resolves.toMatch(new RegExp(`^${ownFirst}, `));
    expect(problems).toEqual([]);
    await close();
  });

  it('selects a heatmap pair from the keyboard walk with Enter, says so, and lets go with Enter again', async () => {
    const { page, problems, close } = await open(`${baseUrl}/charts/context-heatmap/`);
    await page.locator('figure#context-heatmap .chart-area').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('select') === '1');
    expect(await page.locator('svg circle[data-row="1"]').getAttribute('class')).toContain('is-selected');
    await expect(page.locator('[data-announce]').textContent()).resolves.toBe(`Selected: ${name}.`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search === '');
    expect(await page.locator('.is-selected').count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('keeps the view and copies the chart page’s link from an embed in a sandboxed frame, as WordPress shows it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vitw-sandbox-'));
    const embedUrl = `${baseUrl}/embed/value-family/?family=honesty#?secret=abc123`;
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>Post</title><iframe sandbox="allow-scripts" src="${embedUrl}" title="Chart" width="800" height="900"></iframe>`);
    const host = await startStaticServer(dir);
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto(`${host.url}/`);
    const frame = page.frameLocator('iframe');
    await frame.locator('select[name="family"]').selectOption('privacy');
    const inFrame = page.frames().find((f) => f.url().startsWith(`${baseUrl}/embed/`))!;
    await inFrame.waitForFunction(() => location.search === '?family=privacy' && location.hash === '#?secret=abc123');
    // The frame has no origin of its own, so the clipboard is refused: the link is shown to copy by hand.
    await frame.getByRole('button', { name: /^Copy link to/ }).click();
    expect(await frame.getByRole('textbox', { name: 'Link to this view' }).inputValue()).toBe(`${baseUrl}/charts/value-family/?family=privacy`);
    await context.close();
    await host.close();
    rmSync(dir, { recursive: true });
  });

  it('has no axe violations with a sorted table shown, a pair selected and the link field open', async () => {
    const { page, problems, close } = await open(`${baseUrl}/charts/context-heatmap/?select=1&sort=-rank`, { clipboard: false });
    await page.locator('[data-action="table"]').click();
    await page.locator('th[aria-sort="descending"]').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: /^Copy link to/ }).click();
    await page.getByRole('textbox', { name: 'Link to this view' }).waitFor();
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('adds no element to the report’s HTML: Copy link is made by the script', async () => {
    const { page, close } = await open(`${baseUrl}/`, { javaScriptEnabled: false });
    expect(await page.locator('[data-action="copy-link"]').count()).toBe(0);
    await close();
  });

  it('points an embed’s “Explore this chart” at the chart’s page with the view shown, as it changes', async () => {
    const { page, problems, close } = await open(`${baseUrl}/embed/value-family/?family=respect`);
    const explore = page.locator('.chart-explore a');
    await expect.poll(() => explore.getAttribute('href')).toBe(`${baseUrl}/charts/value-family/?family=respect`);
    await page.selectOption('select[name="family"]', 'wellbeing');
    await expect.poll(() => explore.getAttribute('href')).toBe(`${baseUrl}/charts/value-family/?family=wellbeing`);
    expect(problems).toEqual([]);
    await close();
  });
});
