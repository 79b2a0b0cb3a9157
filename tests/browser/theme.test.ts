import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BACKGROUND, CATEGORIES, TEXT } from '../../src/charts/lib/palette.ts';
import { MARKS, SURFACES } from '../../src/charts/lib/chart-colors.ts';
import { axeViolations, describeViolations, type newContext, openPage, useBrowser } from './helpers.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const EMBED = '/embed/taxonomy-sunburst/';

const open = (path: string, options: Parameters<typeof newContext>[1] = {}) => openPage(browser(), baseUrl + path, options);

/** #rrggbb → the rgb() a computed style gives. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/** The page's background and text colour, and the data-theme a script set (if any). */
const scheme = (page: Page) =>
  page.evaluate(() => ({
    background: getComputedStyle(document.documentElement).backgroundColor,
    color: getComputedStyle(document.body).color,
    theme: document.documentElement.getAttribute('data-theme'),
  }));

const LIGHT = { background: rgb(BACKGROUND.light), color: rgb(TEXT.ink.light) };
const DARK = { background: rgb(BACKGROUND.dark), color: rgb(TEXT.ink.dark) };

describe('dark mode', () => {
  for (const path of ['/', EMBED]) {
    it(`${path} is dark under a dark system setting, with no axe violations`, async () => {
      const { page, problems, close } = await open(path, { colorScheme: 'dark' });
      expect(await scheme(page)).toMatchObject(DARK);
      // To look at (not compared): the first screen of each.
      await page.screenshot({ path: `tests/output/dark-mode-${path === '/' ? 'report' : 'embed'}.png` });
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(problems).toEqual([]);
      await close();
    });
  }

  it('draws chart marks in the dark palette, and in the light one under a light setting', async () => {
    for (const colorScheme of ['dark', 'light'] as const) {
      const { page, close } = await open('/', { colorScheme });
      for (const [category, color] of Object.entries(CATEGORIES)) {
        // The sunburst's arcs, the category bars and the legend swatches all carry the light colour as their attribute.
        const fills = await page.locator(`svg [fill="${color.light}"]`).evaluateAll((els) => [...new Set(els.map((el) => getComputedStyle(el).fill))]);
        expect(fills, `${category} (${colorScheme})`).toEqual([rgb(color[colorScheme])]);
      }
      await close();
    }
  });

  it('draws the context chart’s dots, threshold and stems in the dark palette too', async () => {
    const { page, close } = await open('/', { colorScheme: 'dark' });
    const dot = page.locator(`#context-heatmap svg [fill="${MARKS.blue.light}"]`).first();
    expect(await dot.evaluate((el) => getComputedStyle(el).fill)).toBe(rgb(MARKS.blue.dark));
    const stem = page.locator(`#context-heatmap svg [stroke="${SURFACES.stem.light}"]`).first();
    expect(await stem.evaluate((el) => getComputedStyle(el).stroke)).toBe(rgb(SURFACES.stem.dark));
    await close();
  });

  it('follows the system setting in an embed without JavaScript', async () => {
    const { page, close } = await open(`${EMBED}?theme=light`, { colorScheme: 'dark', javaScriptEnabled: false });
    expect(await scheme(page)).toMatchObject({ ...DARK, theme: null });
    await close();
  });
});

describe('an embed’s ?theme=', () => {
  const cases = [
    { theme: 'dark', system: 'light', expected: DARK },
    { theme: 'light', system: 'dark', expected: LIGHT },
    { theme: 'auto', system: 'dark', expected: DARK },
    { theme: 'auto', system: 'light', expected: LIGHT },
    // Anything else is auto: the system's setting.
    { theme: 'purple', system: 'dark', expected: DARK },
    { theme: 'purple', system: 'light', expected: LIGHT },
    { theme: 'Dark', system: 'light', expected: LIGHT },
    { theme: '', system: 'dark', expected: DARK },
  ] as const;
  for (const { theme, system, expected } of cases) {
    it(`?theme=${theme} under a ${system} system setting is ${expected === DARK ? 'dark' : 'light'}`, async () => {
      const { page, problems, close } = await open(`${EMBED}?theme=${theme}`, { colorScheme: system });
      const seen = await scheme(page);
      expect(seen).toMatchObject(expected);
      expect(seen.theme).toBe(theme === 'dark' || theme === 'light' ? theme : null);
      // The chart follows too.
      const practical = CATEGORIES['Practical values']!;
      const fill = await page.locator(`.chart-area svg [fill="${practical.light}"]`).first().evaluate((el) => getComputedStyle(el).fill);
      expect(fill).toBe(rgb(expected === DARK ? practical.dark : practical.light));
      expect(problems).toEqual([]);
      await close();
    });
  }

  it('?theme=dark under a light setting has no axe violations', async () => {
    const { page, close } = await open(`${EMBED}?theme=dark&limit=5`, { colorScheme: 'light' });
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await close();
  });
});
