import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { smallestSvgText, useBrowser, watchPage } from './helpers.ts';

/**
 * Embeds opened on a phone (issue 22, item 5; WCAG 1.4.10 Reflow): every chart's embed page, opened directly at 320 px
 * wide (a phone's window, 568 px tall), with and without JavaScript, does not scroll sideways, has every
 * control inside the view (on screen, not clipped or covered: the element at its centre is the control), and draws no
 * chart text under 9 px. Also framed: in a frame of a phone's width and height, no control is clipped.
 */
const baseUrl = inject('baseUrl');
const browser = useBrowser();
const MIN_TEXT_PX = 9;
/** The narrowest phone (WCAG 1.4.10's 320 CSS px): a wider one has room to spare. */
const PHONES = [{ width: 320, height: 568 }];

/** Every control that is shown, and where it lies: outside the window's width, or clipped or covered. */
function controlsOutOfView(): string[] {
  const width = document.documentElement.clientWidth;
  const out: string[] = [];
  const controls = document.querySelectorAll<HTMLElement>('a[href], button, summary, input, select, textarea, [tabindex="0"]');
  for (const control of controls) {
    // Shown: not in a closed disclosure (its content is content-visibility: hidden), not hidden, not for screen readers only.
    if (!control.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) || control.closest('.visually-hidden')) continue;
    const name = `${control.tagName.toLowerCase()} “${(control.getAttribute('aria-label') ?? control.textContent ?? '').trim().slice(0, 30)}”`;
    control.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    const box = control.getBoundingClientRect();
    if (box.left < -0.5 || box.right > width + 0.5) {
      out.push(`${name} lies outside the view (${Math.round(box.left)}–${Math.round(box.right)} of ${width} px)`);
      continue;
    }
    // The element drawn at the control's centre (a link's first line's) must be the control or inside it.
    const line = control.getClientRects()[0]!;
    const hit = document.elementFromPoint(line.left + Math.min(line.width / 2, 8), line.top + line.height / 2);
    if (!hit || !(control.contains(hit) || hit.contains(control))) out.push(`${name} is clipped or covered (by ${hit?.tagName.toLowerCase()}.${hit?.className})`);
  }
  window.scrollTo({ top: 0, behavior: 'instant' });
  return out;
}

const found: string[] = [];
afterAll(() => {
  // The measurements, for a report: `EMBED_PHONE_LOG=1 npx vitest run … embed-phone`.
  if (process.env.EMBED_PHONE_LOG) console.log(found.join('\n'));
});

async function check(page: Page, label: string) {
  const text = await page.evaluate(smallestSvgText, '.chart-area');
  const scroll = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
  const out = await page.evaluate(controlsOutOfView);
  found.push(`${label}: smallest text ${text.px} px “${text.text}”, scroll width ${scroll.scrollWidth}/${scroll.width}, ${out.length} controls out of view`);
  expect(scroll.scrollWidth, `${label} scrolls sideways`).toBeLessThanOrEqual(scroll.width);
  expect(out, label).toEqual([]);
  expect(text.px, `${label}: chart text “${text.text}”`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
}

for (const phone of PHONES) {
  describe(`every embed opened on a phone ${phone.width} px wide`, () => {
    for (const chart of CHARTS) {
      it(chart.id, async () => {
        for (const javaScriptEnabled of [true, false]) {
          const context = await browser().newContext({ viewport: phone, javaScriptEnabled, isMobile: true, hasTouch: true });
          const page = await context.newPage();
          const problems = watchPage(page, baseUrl);
          await page.goto(`${baseUrl}/embed/${chart.id}/`);
          if (javaScriptEnabled) await page.waitForFunction(() => performance.getEntriesByName('interactive-ready').length > 0);
          await check(page, `${chart.id} at ${phone.width} px${javaScriptEnabled ? '' : ', no JavaScript'}`);
          expect(problems).toEqual([]);
          await context.close();
        }
      });
    }
  });
}

describe('every embed in a frame of a phone’s size', () => {
  it('clips no control', async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const chart of CHARTS) {
      await page.goto(`${baseUrl}/embed/${chart.id}/`);
      await page.setContent(`<iframe src="${baseUrl}/embed/${chart.id}/" style="border:0;width:320px;height:568px"></iframe>`);
      const frame = await (await page.waitForSelector('iframe')).contentFrame();
      await frame!.waitForFunction(() => performance.getEntriesByName('interactive-ready').length > 0);
      const out = await frame!.evaluate(controlsOutOfView);
      found.push(`${chart.id} in a 320×568 frame: ${out.length} controls clipped`);
      problems.push(...out.map((o) => `${chart.id}: ${o}`));
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
