import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { pageKindsIn } from '../../scripts/page-kinds.ts';
import { colourCount, newContext, useBrowser, watchPage } from './helpers.ts';

/**
 * The pages readers see first, at a phone's, a tablet's and a desktop's width, in the light and the dark scheme. Each
 * screen is saved to tests/output/screens/ (to look at; CI keeps them) and checked for what a reader would notice at
 * once: the page scrolls sideways, text runs off the screen, the scheme is not followed, or nothing is drawn.
 */
const baseUrl = inject('baseUrl');
const browser = useBrowser();
const OUT = 'tests/output/screens';

const kinds = pageKindsIn('dist');
const PAGES: Record<string, string> = {
  report: '/',
  ...(kinds.value ? { value: kinds.value } : {}),
  gallery: '/charts/',
  embed: '/embed/top-values/',
};
const WIDTHS = [390, 768, 1440] as const;
const SCHEMES = ['light', 'dark'] as const;

/** Relative luminance of a CSS rgb() colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('the first screens, at three widths and in both schemes', () => {
  mkdirSync(OUT, { recursive: true });
  for (const scheme of SCHEMES) {
    for (const width of WIDTHS) {
      it(`${scheme}, ${width} px`, async () => {
        const context = await newContext(browser(), { width, colorScheme: scheme });
        const page = await context.newPage();
        const problems = watchPage(page, baseUrl);
        for (const [name, path] of Object.entries(PAGES)) {
          await page.goto(baseUrl + path);
          await page.waitForLoadState('networkidle');
          const file = `${OUT}/${name}-${width}-${scheme}.png`;
          const shot = await page.screenshot({ path: file });
          expect(await colourCount(page, shot), `${file} is blank`).toBeGreaterThan(8);

          const layout = await page.evaluate(() => {
            const root = document.documentElement;
            const background = getComputedStyle(document.body).backgroundColor;
            const pageBackground = background === 'rgba(0, 0, 0, 0)' ? getComputedStyle(root).backgroundColor : background;
            // Text that ends past the right edge, outside the containers that scroll on purpose (tables, code).
            const offscreen = [...document.querySelectorAll('h1, h2, h3, p, li, a, button, summary, label, figcaption')]
              .filter((el) => !el.closest('.table-scroll, pre, textarea, .chart-area.wide, [hidden], details:not([open]) > :not(summary)'))
              .filter((el) => {
                const box = el.getBoundingClientRect();
                return box.width > 0 && box.right > root.clientWidth + 1;
              })
              .map((el) => `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 40)}”`);
            return { sideways: root.scrollWidth - root.clientWidth, pageBackground, ink: getComputedStyle(document.body).color, offscreen };
          });
          expect(layout.sideways, `${name}: the page scrolls sideways`).toBeLessThanOrEqual(0);
          expect(layout.offscreen, `${name}: text past the right edge`).toEqual([]);
          const [paper, ink] = [luminance(layout.pageBackground), luminance(layout.ink)];
          if (scheme === 'dark') expect(paper, `${name}: background ${layout.pageBackground} in the dark scheme`).toBeLessThan(0.05);
          else expect(paper, `${name}: background ${layout.pageBackground} in the light scheme`).toBeGreaterThan(0.85);
          expect((Math.max(paper, ink) + 0.05) / (Math.min(paper, ink) + 0.05), `${name}: body text contrast`).toBeGreaterThanOrEqual(7);
        }
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }
});
