import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHARTS, REPORT_CHARTS } from '../../src/charts/lib/registry.ts';
import { pageKindsIn } from '../../scripts/page-kinds.ts';
import { axeViolations, describeViolations, htmlcsErrors, type newContext, openPage, useBrowser } from './helpers.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const kinds = pageKindsIn('dist');

const open = (path: string, options: Parameters<typeof newContext>[1] = {}) => openPage(browser(), baseUrl + path, options);

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement!;
    return { name: el.getAttribute('aria-label') ?? '', isArea: el.classList.contains('chart-area'), figure: el.closest('figure')?.id ?? '' };
  });

/** The label and the number of a table row, as the table shows them. */
async function rowCells(page: Page, figureId: string, row: number): Promise<string[]> {
  return page.locator(`#${figureId} .chart-table tbody tr`).nth(row).evaluate((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent?.trim() ?? ''));
}

/** Tab until focus lands in this figure's chart; then walk three stops, check their names, Escape, and Tab out. */
async function walkChart(page: Page, figureId: string) {
  await page.locator(`#${figureId}`).scrollIntoViewIfNeeded();
  // Start from the element just before the chart so that one Tab must reach it.
  await page.locator(`#${figureId} .chart-title`).evaluate((el) => {
    (el as HTMLElement).tabIndex = -1;
    (el as HTMLElement).focus();
  });
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    reached = f.figure === figureId && (f.isArea || /\d/.test(f.name));
  }
  expect(reached, `${figureId}: Tab reaches the chart`).toBe(true);
  const names: string[] = [];
  if ((await focused(page)).isArea) await page.keyboard.press('ArrowRight');
  names.push((await focused(page)).name);
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press('ArrowRight');
    names.push((await focused(page)).name);
  }
  expect(new Set(names).size, `${figureId}: three different stops (${names.join(' | ')})`).toBe(3);
  const island = await page.locator(`#${figureId}`).getAttribute('data-island');
  // Charts whose marks are stops of their own (the sunburst's arcs, the atlas's circles) name each stop with its share.
  if (island !== 'sunburst' && island !== 'atlas') {
    for (const [n, name] of names.entries()) {
      const cells = await rowCells(page, figureId, n);
      expect(cells.some((c) => c && c !== '—' && name.includes(c) && /[A-Za-z]/.test(c)), `${figureId}: "${name}" names row ${n} (${cells.join(', ')})`).toBe(true);
      const numbers = cells.filter((c) => /^-?[\d,]+(\.\d+)?%?$/.test(c));
      if (numbers.length) expect(numbers.some((c) => name.includes(c)), `${figureId}: "${name}" has a number of row ${n}`).toBe(true);
    }
  } else {
    for (const name of names) expect(name, figureId).toMatch(/[a-z].*\d+(\.\d+)?%/);
  }
  await page.keyboard.press('Escape');
  expect((await focused(page)).isArea, `${figureId}: Escape returns to the chart`).toBe(true);
  await page.keyboard.press('Tab');
  const after = await focused(page);
  expect(after.figure !== figureId || !after.name.includes(' of '), `${figureId}: Tab leaves the chart`).toBe(true);
}

describe('every chart can be walked by keyboard in place', () => {
  it('on the report', async () => {
    const { page, problems, close } = await open('/');
    await page.waitForFunction(() => performance.getEntriesByName('interactive-ready').length > 0);
    for (const chart of REPORT_CHARTS) await walkChart(page, chart.id);
    expect(problems).toEqual([]);
    await close();
  });

  it('in every embed', async () => {
    for (const chart of CHARTS) {
      const { page, close } = await open(`/embed/${chart.id}/`);
      await page.waitForFunction(() => performance.getEntriesByName('interactive-ready').length > 0);
      await walkChart(page, chart.id);
      await close();
    }
  });

  it('draws the focus mark over the mark of the row it names', async () => {
    const { page, close } = await open('/');
    await page.locator('#top-values .chart-area').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const [stop, bar] = await Promise.all([
      page.evaluate(() => document.activeElement!.getBoundingClientRect().toJSON()),
      page.locator('#top-values svg [data-row="1"]').evaluate((el) => el.getBoundingClientRect().toJSON()),
    ]);
    expect(Math.abs(stop.x + 3 - bar.x)).toBeLessThan(1.5);
    expect(Math.abs(stop.width - 6 - bar.width)).toBeLessThan(1.5);
    await close();
  });
});

describe('listening to a chart', () => {
  it('loads the sonification only when Listen is pressed, then plays the table’s values', async () => {
    const { page, problems, close } = await open('/embed/top-values/');
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.waitForFunction(() => performance.getEntriesByName('interactive-ready').length > 0);
    await page.keyboard.press('Tab'); // some interaction first: still nothing requested
    expect(requested.filter((u) => /sonify|listen-panel/.test(u))).toEqual([]);
    const listen = page.locator('[data-action="listen"]');
    await listen.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => listen.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    expect(requested.filter((u) => /sonify|listen-panel/.test(u)).length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-announce]').textContent()).toMatch(/Playing 30 values/);
    await page.keyboard.press('Enter'); // Stop
    await expect.poll(() => listen.getAttribute('aria-pressed')).toBe('false');
    expect(problems).toEqual([]);
    await close();
  });
});

describe('display settings', () => {
  it('forced colours (high contrast): every chart keeps its marks distinct from its background and its text readable', async () => {
    for (const scheme of ['dark', 'light'] as const) {
      const { page, close } = await open('/', { width: 1000 });
      await page.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
      const charts = await page.locator('figure.chart-figure .chart-area > svg').evaluateAll((svgs) =>
        svgs.map((svg) => {
          const style = getComputedStyle(svg);
          const mark = svg.querySelector('[data-row="0"], path[data-key]');
          return {
            id: svg.closest('figure')!.id,
            background: style.backgroundColor,
            // Text drawn in currentColor (axes, labels) takes the card's colour.
            text: style.color,
            mark: mark ? getComputedStyle(mark).fill : '',
          };
        }),
      );
      expect(charts.length).toBe(REPORT_CHARTS.length);
      for (const chart of charts) {
        expect(chart.background, `${chart.id} (${scheme})`).toBe('rgb(255, 255, 255)');
        expect(chart.mark, `${chart.id} (${scheme}): a mark that is not the background`).not.toBe('rgb(255, 255, 255)');
        expect(chart.text, `${chart.id} (${scheme}): text is not white on the card`).not.toBe('rgb(255, 255, 255)');
      }
      await page.screenshot({ path: `tests/output/forced-colors-${scheme}.png` });
      await close();
    }
  });

  it('reduced motion: the sunburst jumps instead of animating, and no transition runs', async () => {
    const { page, close } = await open('/');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const durations = await page.evaluate(() =>
      [...document.querySelectorAll('*')].map((el) => getComputedStyle(el)).filter((s) => parseFloat(s.transitionDuration) > 0 || parseFloat(s.animationDuration) > 0).length,
    );
    expect(durations).toBe(0);
    await page.locator('#taxonomy-sunburst path[data-key^="l3:"]').first().click();
    await page.waitForFunction(() => document.querySelector('#taxonomy-sunburst')?.getAttribute('data-focus')?.startsWith('l3:'));
    // Animating hides the labels until the tween ends; a jump shows them at once.
    expect(await page.locator('#taxonomy-sunburst .labels').evaluate((g) => (g as SVGGElement).style.opacity)).toBe('');
    await close();
  });

  it('animates the zoom when motion is allowed (so the check above can fail)', async () => {
    const { page, close } = await open('/');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.locator('#taxonomy-sunburst path[data-key^="l3:"]').first().click();
    await page.waitForFunction(() => document.querySelector('#taxonomy-sunburst')?.getAttribute('data-focus')?.startsWith('l3:'));
    expect(await page.locator('#taxonomy-sunburst .labels').evaluate((g) => (g as SVGGElement).style.opacity)).toBe('0');
    await close();
  });

  /** Elements wider than the page, other than data tables and wide charts (WCAG 1.4.10's two-dimensional exception), which scroll inside their own box. */
  const overflowing = (page: Page) =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const page = document.documentElement.scrollWidth - width;
      const cut = [...document.querySelectorAll<HTMLElement>('main *')]
        .filter((el) => !el.closest('.table-scroll, .chart-area.wide, svg') && el.getClientRects().length > 0)
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .map((el) => el.outerHTML.slice(0, 80));
      return { page, cut: cut.slice(0, 5) };
    });

  for (const [kind, path] of Object.entries(kinds)) {
    it(`reflows at 320 px and at 200% text size without sideways scrolling: ${kind}`, async () => {
      const { page, close } = await open(path, { width: 320 });
      expect(await overflowing(page)).toEqual({ page: 0, cut: [] });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      expect(await overflowing(page)).toEqual({ page: 0, cut: [] });
      await close();
    });
  }
});

describe('axe on every page kind, in both colour schemes', () => {
  for (const [kind, path] of Object.entries(kinds)) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${kind} (${colorScheme})`, async () => {
        const { page, close } = await open(path, { colorScheme });
        const violations = await axeViolations(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        await close();
      });
    }
  }
});

describe('a second engine agrees', () => {
  it('(it finds what it should: an image without a text alternative)', async () => {
    const { page, close } = await open('/404.html');
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/favicon.svg">'));
    expect((await htmlcsErrors(page)).join('\n')).toMatch(/H37/);
    await close();
  });

  for (const [kind, path] of Object.entries(kinds)) {
    it(`HTML_CodeSniffer (WCAG 2 AA) finds no errors on the ${kind} page`, async () => {
      const { page, close } = await open(path);
      expect(await htmlcsErrors(page)).toEqual([]);
      await close();
    });
  }
});

describe('markup the HTML checker would flag', () => {
  for (const [kind, path] of Object.entries(kinds)) {
    it(`${kind}: no heading level skipped, one control per label, no font-variant attribute`, async () => {
      const { page, close } = await open(path);
      const found = await page.evaluate(() => {
        const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
        const skips = levels.filter((level, i) => i > 0 && level > levels[i - 1]! + 1).map(String);
        const crowded = [...document.querySelectorAll('label')].filter((l) => l.querySelectorAll('input, select, textarea, output, button, meter, progress').length > 1).map((l) => l.outerHTML.slice(0, 60));
        const fontVariant = document.querySelectorAll('[font-variant]').length;
        return { skips, crowded, fontVariant };
      });
      expect(found).toEqual({ skips: [], crowded: [], fontVariant: 0 });
      await close();
    });
  }
});
