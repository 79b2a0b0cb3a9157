import { describe, expect, inject, it } from 'vitest';
import { newContext, watchPage, useBrowser } from './helpers.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('keyboard only on the report', () => {
  it('Tab reaches every visible control, and focus is always visible', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const problems = watchPage(page, baseUrl);
    await page.goto(`${baseUrl}/`);
    await page.waitForFunction(() => performance.getEntriesByName('interactive-ready').length > 0);
    const controls = await page.evaluate(() => {
      const selector = 'a[href], button, input, select, textarea, summary, [tabindex="0"]';
      return [...document.querySelectorAll<HTMLElement>(selector)]
        .filter((el) => el.getClientRects().length > 0 && !el.closest('[hidden], details:not([open]) > :not(summary)'))
        .map((el, i) => (el.dataset.kbd = String(i)));
    });
    expect(controls.length).toBeGreaterThan(15);
    const reached = new Set<string>();
    const invisible: string[] = [];
    for (let step = 0; step < controls.length + 20; step++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | SVGElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 ? true : parseFloat(style.strokeWidth) >= 2;
        return { id: (el as HTMLElement).dataset?.kbd ?? null, visible, what: el.outerHTML.slice(0, 80) };
      });
      if (!focused) continue;
      if (focused.id) reached.add(focused.id);
      if (!focused.visible) invisible.push(focused.what);
    }
    const missed = controls.filter((id) => !reached.has(id));
    expect(missed, `controls never reached by Tab: ${missed.join(', ')}`).toEqual([]);
    expect(invisible, 'focused without a visible focus indicator').toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('changes the number of top values with the arrow keys', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.locator('#top-values input[name="limit"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#top-values')?.getAttribute('data-option-limit') === '35');
    expect(await page.locator('#top-values .chart-area svg [aria-label="bar"] rect').count()).toBe(35);
    await page.locator('#top-values select[name="category"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.querySelector('#top-values')?.getAttribute('data-option-category') !== '');
    await context.close();
  });
});
