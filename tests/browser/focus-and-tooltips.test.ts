import { writeFileSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { CHARTS, REPORT_CHARTS } from '../../src/charts/lib/registry.ts';
import { categoryColor } from '../../src/charts/lib/palette.ts';
import { pointInside, useBrowser, watchPage } from './helpers.ts';

/**
 * What a keyboard, pointer or low-vision reader meets in every chart, on the report, every chart's page and every
 * embed (issue 22): a focus ring you can see on the chart and on its first stop (WCAG 2.4.7, 2.4.11: at least a
 * 2 px perimeter of pixels that change 3:1 between focused and unfocused, on every side, so a clipped or covered ring
 * fails); tooltips that Escape dismisses wherever focus is, that the pointer can move onto, and that leave the mark
 * and its labels uncovered (1.4.13); no text clipped inside a figure under WCAG's text-spacing overrides (1.4.12);
 * legend swatches that match the chart's marks under forced colours (the chart's light colours, ringed in CanvasText); and under prefers-contrast: more, marks outlined in ink. One browser, one page per address, every check on it.
 * Each chart's results per place are written to tests/output/focus-and-tooltips.md.
 */
const baseUrl = inject('baseUrl');
const browser = useBrowser();
let context: BrowserContext;
/** A blank page that decodes screenshots (the page under test is left as it is). */
let decoder: Page;

beforeAll(async () => {
  context = await browser().newContext({ viewport: { width: 1280, height: 1500 }, colorScheme: 'light' });
  decoder = await context.newPage();
  mkdirSync('tests/output/focus', { recursive: true });
});
afterAll(async () => {
  const kinds = ['report', 'page', 'embed'] as const;
  const lines = [
    '| chart | check | report `/` | chart page | embed |',
    '|---|---|---|---|---|',
    ...CHARTS.flatMap((chart) =>
      CHECKS.map((check) => `| ${chart.id} | ${check} | ${kinds.map((kind) => results.get(`${chart.id} ${kind} ${check}`) ?? '—').join(' | ')} |`),
    ),
  ];
  mkdirSync('tests/output', { recursive: true });
  writeFileSync('tests/output/focus-and-tooltips.md', `${lines.join('\n')}\n`);
  await context?.close();
});

const CHECKS = ['chart ring', 'first stop ring', 'Escape closes tooltip', 'tooltip hoverable', 'text spacing', 'forced-colours legend', 'more contrast'] as const;
type Check = (typeof CHECKS)[number];
const results = new Map<string, string>();

const PLACES = [
  { kind: 'report' as const, path: '/', charts: REPORT_CHARTS.map((c) => c.id) },
  ...CHARTS.map((c) => ({ kind: 'page' as const, path: `/charts/${c.id}/`, charts: [c.id] })),
  ...CHARTS.map((c) => ({ kind: 'embed' as const, path: `/embed/${c.id}/`, charts: [c.id] })),
];

const hexToRgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

const frames = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/**
 * The box of the focused element, after scrolling it to the middle of the screen, and its perimeter: its box's, or for
 * a shape the length of its outline as drawn. A shape is an SVG geometry element (a sunburst's arc), a group drawn by
 * one such element filling its box (the sunburst's centre, a circle), or a box rounded into a circle (the atlas's stops).
 */
async function focusedBox(page: Page) {
  await page.evaluate(() => (document.activeElement as Element).scrollIntoView({ block: 'center', inline: 'nearest' }));
  await frames(page);
  return page.evaluate(() => {
    const el = document.activeElement as Element;
    const box = el.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number };
    const same = (r: DOMRect) => Math.abs(r.width - box.width) < 1 && Math.abs(r.height - box.height) < 1;
    const outline = el instanceof SVGGeometryElement ? el : [...el.children].find((c): c is SVGGeometryElement => c instanceof SVGGeometryElement && same(c.getBoundingClientRect()));
    const ctm = outline?.getScreenCTM();
    if (outline && ctm) return { ...box, perimeter: outline.getTotalLength() * Math.hypot(ctm.a, ctm.b), shape: true };
    const round = el instanceof HTMLElement && getComputedStyle(el).borderRadius === '50%' && Math.abs(box.width - box.height) < 1;
    return { ...box, perimeter: round ? Math.PI * box.width : 2 * (box.width + box.height), shape: round };
  });
}

/**
 * Pixels around a box that change by 3:1 or more between two screenshots of the same region (WCAG's focus indicator
 * measure): how many in the ring from 3 px inside the box to 8 px outside it, and how many on each side's part of it.
 */
function changedRing(before: string, after: string, box: { x: number; y: number; width: number; height: number; shape: boolean }) {
  return decoder.evaluate(
    async ({ before, after, box }) => {
      const pixels = async (png: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${png}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
        const c = canvas.getContext('2d')!;
        c.drawImage(img, 0, 0);
        return { data: c.getImageData(0, 0, canvas.width, canvas.height).data, width: canvas.width, height: canvas.height };
      };
      const [a, b] = await Promise.all([pixels(before), pixels(after)]);
      const luminance = (d: Uint8ClampedArray, i: number) =>
        [0, 1, 2].map((k) => d[i + k]! / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, k) => s + v * [0.2126, 0.7152, 0.0722][k]!, 0);
      const sides = { top: 0, right: 0, bottom: 0, left: 0 };
      let ring = 0;
      const [x0, y0, x1, y1] = [box.x, box.y, box.x + box.width, box.y + box.height];
      for (let y = 0; y < a.height; y++) {
        for (let x = 0; x < a.width; x++) {
          // A shape's outline runs through its box; a box's ring lies around it.
          const inner = !box.shape && x >= x0 + 3 && x < x1 - 3 && y >= y0 + 3 && y < y1 - 3;
          const outer = x >= x0 - 8 && x < x1 + 8 && y >= y0 - 8 && y < y1 + 8;
          if (inner || !outer) continue;
          const i = (y * a.width + x) * 4;
          const [la, lb] = [luminance(a.data, i), luminance(b.data, i)];
          if ((Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05) < 3) continue;
          ring++;
          if (y < y0 + 3) sides.top++;
          if (y >= y1 - 3) sides.bottom++;
          if (x < x0 + 3) sides.left++;
          if (x >= x1 - 3) sides.right++;
        }
      }
      return { ring, sides };
    },
    { before, after, box },
  );
}

/**
 * Focus with `focus`, then compare the region around the focused element with the same region unfocused (`blur`):
 * a 2 px perimeter's worth of pixels changed 3:1, and at least 2 × 10 px of them (or 2 × the side) on every side.
 */
async function ringCheck(page: Page, focus: () => Promise<void>, blur: () => Promise<void>, saveAs?: string): Promise<string> {
  await focus();
  const box = await focusedBox(page);
  const viewport = page.viewportSize()!;
  const clip = { x: Math.max(0, box.x - 10), y: Math.max(0, box.y - 10) };
  const region = { ...clip, width: Math.min(viewport.width, box.x + box.width + 10) - clip.x, height: Math.min(viewport.height, box.y + box.height + 10) - clip.y };
  if (region.height < box.height + 6) return `fails: the stop (${Math.round(box.height)} px) is taller than the screen`;
  const shot = await page.screenshot({ clip: region });
  if (saveAs) writeFileSync(saveAs, shot);
  const after = shot.toString('base64');
  await blur();
  await frames(page);
  const before = (await page.screenshot({ clip: region })).toString('base64');
  const local = { x: box.x - region.x, y: box.y - region.y, width: box.width, height: box.height, shape: box.shape };
  const { ring, sides } = await changedRing(before, after, local);
  const need = 2 * box.perimeter;
  const sideNeed = { top: box.width, bottom: box.width, left: box.height, right: box.height };
  const thin = Object.entries(sides).filter(([side, n]) => n < 2 * Math.min(10, sideNeed[side as keyof typeof sides])).map(([side]) => side);
  if (ring < need || thin.length) return `fails: ${ring} px changed 3:1 (need ${Math.round(need)}); sides without a ring: ${thin.join(', ') || 'none'}`;
  return `pass (${ring} px changed 3:1, ≥ ${Math.round(need)})`;
}

/** The mark a pointer reader would hover first: the sunburst's first arc, else the first mark tied to a row or with a tip. */
async function firstMark(page: Page, id: string) {
  const selector = `#${id} .chart-area svg :is(path[data-key], [data-row], [data-tip])`;
  const index = await page.locator(selector).evaluateAll((marks) => marks.findIndex((m) => m.getBoundingClientRect().width > 2 && m.getBoundingClientRect().height > 2));
  return page.locator(selector).nth(Math.max(0, index));
}

async function hoverPoint(mark: ReturnType<Page['locator']>) {
  const geometry = await mark.evaluate((m) => m instanceof SVGGeometryElement && !(m instanceof SVGTextContentElement));
  if (geometry) return pointInside(mark).catch(() => mark.boundingBox().then((b) => ({ x: b!.x + b!.width / 2, y: b!.y + b!.height / 2 })));
  const box = (await mark.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const tooltipState = (page: Page, id: string) =>
  page.locator(`#${id} .chart-tooltip`).evaluate((t) => ({ visible: !(t as HTMLElement).hidden && t.getBoundingClientRect().height > 0, text: t.textContent ?? '', box: t.getBoundingClientRect().toJSON() })).catch(() => ({ visible: false, text: '', box: null }));

/** Hover the first mark; with focus on body, Escape closes its tooltip. */
async function escapeCheck(page: Page, id: string): Promise<string> {
  const mark = await firstMark(page, id);
  await mark.scrollIntoViewIfNeeded();
  await frames(page);
  const point = await hoverPoint(mark);
  await page.mouse.move(point.x, point.y);
  await expect.poll(async () => (await tooltipState(page, id)).visible, { timeout: 2000 }).toBe(true).catch(() => undefined);
  if (!(await tooltipState(page, id)).visible) return 'fails: no tooltip on hover';
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  if (!(await page.evaluate(() => document.activeElement === document.body))) return 'fails: focus not on body';
  await page.keyboard.press('Escape');
  return (await tooltipState(page, id)).visible ? 'fails: Escape leaves the tooltip' : 'pass';
}

/**
 * Hover the first mark, then move the pointer onto its tooltip in steps: the tooltip stays, with the same text, after
 * the moment a pointer off the marks is allowed; and it covers neither the mark nor the labels on the mark's row.
 */
async function hoverableCheck(page: Page, id: string): Promise<string> {
  await page.mouse.move(0, 0);
  const mark = await firstMark(page, id);
  await mark.scrollIntoViewIfNeeded();
  await frames(page);
  const point = await hoverPoint(mark);
  await page.mouse.move(point.x, point.y, { steps: 2 });
  await expect.poll(async () => (await tooltipState(page, id)).visible, { timeout: 2000 }).toBe(true).catch(() => undefined);
  const shown = await tooltipState(page, id);
  if (!shown.visible) return 'fails: no tooltip on hover';
  const covered = await mark.evaluate((m, tip) => {
    const overlaps = (a: DOMRect, b: { left: number; right: number; top: number; bottom: number }) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const box = m.getBoundingClientRect();
    // A pointer's mark is the arc under it (the sunburst's arcs are large): only the pointer's spot and the labels drawn on it count there.
    const labels = [...m.closest('svg')!.querySelectorAll('text')].filter((t) => {
      const r = t.getBoundingClientRect();
      const y = (r.top + r.bottom) / 2;
      return r.width > 0 && y >= box.top && y <= box.bottom && r.left < box.right + 16 && r.right > box.left - 16 && m.tagName !== 'path';
    });
    return [...(m.tagName === 'path' ? [] : [box]), ...labels.map((t) => t.getBoundingClientRect())].some((r) => overlaps(r, tip));
  }, shown.box);
  const target = { x: shown.box.x + Math.min(20, shown.box.width / 2), y: shown.box.y + shown.box.height / 2 };
  await page.mouse.move(target.x, target.y, { steps: 6 });
  await page.waitForTimeout(600);
  const after = await tooltipState(page, id);
  await page.mouse.move(0, 0);
  if (!after.visible || after.text !== shown.text) return 'fails: the tooltip closes or changes when the pointer moves onto it';
  if (covered) return 'fails: the tooltip covers the mark or its label';
  return 'pass';
}

/** WCAG 1.4.12's overrides, as the usual bookmarklet sets them. */
const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`;

/** Run in the page: text inside a figure that an ancestor (up to the figure, included) clips, or a box clips its own text. */
function clippedText(id: string): string[] {
  const figure = document.getElementById(id)!;
  const clips = (el: Element) => {
    const s = getComputedStyle(el);
    const scrolls = (v: string) => v === 'auto' || v === 'scroll';
    if (scrolls(s.overflowX) || scrolls(s.overflowY)) return null; // a scroll box shows all of its content
    const x = s.overflowX !== 'visible';
    const y = s.overflowY !== 'visible';
    const paint = s.contentVisibility === 'auto' || /paint|strict|content/.test(s.contain);
    if (!x && !y && !paint) return null;
    const margin = paint ? parseFloat(s.overflowClipMargin) || 0 : 0;
    const r = el.getBoundingClientRect();
    return { left: r.left - margin, right: r.right + margin, top: r.top - margin, bottom: r.bottom + margin, x: x || paint, y: y || paint };
  };
  const cut: string[] = [];
  const texts = [
    ...figure.querySelectorAll<SVGTextElement>('svg text'),
    ...[...figure.querySelectorAll<HTMLElement>('*:not(svg *)')].filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())),
  ];
  for (const el of texts) {
    if (!el.checkVisibility({ visibilityProperty: true }) || el.closest('.visually-hidden, .chart-tooltip')) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    const own = el instanceof HTMLElement && clips(el);
    if (own && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) cut.push(`${el.tagName} "${el.textContent!.trim().slice(0, 30)}" overflows its own box`);
    for (let a = el.parentElement; a && a !== figure.parentElement; a = a.parentElement) {
      const c = clips(a);
      if (!c) continue;
      if ((c.x && (r.left < c.left - 0.5 || r.right > c.right + 0.5)) || (c.y && (r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5))) {
        cut.push(`${el.tagName} "${el.textContent!.trim().slice(0, 30)}" clipped by ${a.tagName.toLowerCase()}.${[...a.classList].join('.')}`);
        break;
      }
    }
    if (r.left < -0.5) cut.push(`${el.tagName} "${el.textContent!.trim().slice(0, 30)}" starts left of the page`);
  }
  return cut;
}

describe('focus, tooltips, text spacing and forced colours on every chart', () => {
  for (const place of PLACES) {
    it(`${place.kind} ${place.path}`, async () => {
      const page = await context.newPage();
      const problems = watchPage(page, baseUrl);
      await page.goto(baseUrl + place.path);
      await page.waitForFunction(() => performance.getEntriesByName('interactive-ready').length > 0);
      const record = (id: string, check: Check, result: string) => results.set(`${id} ${place.kind} ${check}`, result);
      for (const id of place.charts) {
        const area = page.locator(`#${id} .chart-area`);
        const unfocus = async () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        record(id, 'chart ring', await ringCheck(page, () => page.keyboard.press('Tab').then(() => area.focus()), unfocus));
        record(
          id,
          'first stop ring',
          await ringCheck(
            page,
            async () => {
              await area.focus();
              await page.keyboard.press('ArrowRight');
            },
            unfocus,
            `tests/output/focus/${place.kind}-${id}.png`,
          ),
        );
        // A walk that ends (focus leaves, or Escape) leaves no stop in the chart for a screen reader to find.
        expect(await page.locator(`#${id} .nav-stop`).count(), `${id}: stops left after focus left the walk`).toBe(0);
        await area.focus();
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Escape');
        await frames(page);
        expect(await page.locator(`#${id} .nav-stop`).count(), `${id}: stops left after Escape`).toBe(0);
        await unfocus();
      }
      for (const id of place.charts) {
        if (id === 'values-atlas') {
          // The atlas has no hover tooltip: a click or tap opens a card, which stays until closed (tests/browser/atlas.test.ts).
          record(id, 'Escape closes tooltip', 'not applicable: no hover tooltip');
          record(id, 'tooltip hoverable', 'not applicable: no hover tooltip');
        } else {
          record(id, 'Escape closes tooltip', await escapeCheck(page, id));
          record(id, 'tooltip hoverable', await hoverableCheck(page, id));
        }
      }
      // A constructed stylesheet, as a reader's extension adds one (the page's CSP refuses inline styles).
      await page.evaluate((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }, SPACING);
      await frames(page);
      for (const id of place.charts) {
        // On screen: the report keeps a figure off screen at its last size (content-visibility) until it nears the view.
        await page.locator(`#${id}`).scrollIntoViewIfNeeded();
        await frames(page);
        const cut = await page.evaluate(clippedText, id);
        record(id, 'text spacing', cut.length ? `fails: ${cut.slice(0, 3).join('; ')}` : 'pass');
      }
      await page.reload();
      await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
      for (const id of place.charts) {
        // The key matches the marks: the chart keeps its light palette on its light card, so each swatch is its
        // category's light colour, ringed (or, for a shape, cut) so that it shows on the system's background.
        const swatches = await page.locator(`#${id} .legend li`).evaluateAll((items) => {
          const probe = document.createElement('span');
          probe.style.color = 'CanvasText';
          document.body.append(probe);
          const system = getComputedStyle(probe).color;
          probe.remove();
          return items.map((li) => {
            const swatch = getComputedStyle(li, '::before');
            return { name: li.textContent!, colour: swatch.backgroundColor, ring: swatch.clipPath !== 'none' || (swatch.outlineStyle === 'solid' && swatch.outlineColor === system) };
          });
        });
        const svgScheme = await page.locator(`#${id} .chart-area svg`).first().evaluate((svg) => getComputedStyle(svg).colorScheme).catch(() => 'none');
        const wrong = swatches.filter((s) => s.colour !== hexToRgb(categoryColor(`${s.name} values`, 'light')) || !s.ring);
        const distinct = new Set(swatches.map((s) => s.colour)).size === swatches.length;
        record(
          id,
          'forced-colours legend',
          !swatches.length ? 'no legend'
          : wrong.length || !distinct || svgScheme !== 'light' ? `fails: ${wrong.map((s) => `${s.name} ${s.colour}${s.ring ? '' : ' unringed'}`).join(', ')}${distinct ? '' : ' (swatches alike)'} chart scheme ${svgScheme}`
          : `pass (${swatches.length} distinct swatches in the chart's light colours, ringed in CanvasText)`,
        );
      }
      // prefers-contrast: more: marks outlined in ink, and the source line (muted text) in ink too.
      await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light', contrast: 'more' });
      for (const id of place.charts) {
        const mark = page.locator(`#${id} .chart-area svg :is(rect, path, circle):not([fill="none"], [fill="transparent"], [aria-label$="grid"])`).first();
        const { stroke, width } = await mark.evaluate((el) => ({ stroke: getComputedStyle(el).stroke, width: parseFloat(getComputedStyle(el).strokeWidth) }));
        const muted = await page.locator(`#${id} .chart-source`).evaluate((el) => getComputedStyle(el).color);
        const ink = 'rgb(26, 26, 26)';
        record(id, 'more contrast', stroke === ink && width >= 1 && muted === ink ? 'pass' : `fails: mark stroke ${stroke} ${width} px, muted text ${muted}`);
      }
      await page.close();
      const failed = place.charts.flatMap((id) => CHECKS.map((check) => [check, results.get(`${id} ${place.kind} ${check}`) ?? ''] as const).filter(([, r]) => r.startsWith('fails')).map(([check, r]) => `${id} ${check}: ${r}`));
      expect(failed).toEqual([]);
      expect(problems).toEqual([]);
    }, 30_000 + place.charts.length * 30_000);
  }
});
