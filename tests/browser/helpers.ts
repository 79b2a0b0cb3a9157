import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../scripts/browser.ts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Collects what a page must never do: log errors, throw, or ask another origin for anything. */
export function watchPage(page: Page, origin: string) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`request to another origin: ${url}`);
  });
  return problems;
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations;
  });
  return result as AxeViolation[];
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
}

export async function newContext(
  browser: import('playwright-core').Browser,
  options: { javaScriptEnabled?: boolean; width?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
}

/** A page at `url` in a fresh context, loaded until the network is idle, with what it must never do collected. */
export async function openPage(browser: import('playwright-core').Browser, url: string, options: Parameters<typeof newContext>[1] = {}) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const problems = watchPage(page, new URL(url).origin);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  return { page, problems, close: () => context.close() };
}

/**
 * A point (page coordinates) that lies inside an SVG shape. The centre of a ring segment's bounding box is often
 * outside it (in the hole), so pointer actions aim here instead.
 */
export async function pointInside(locator: import('playwright-core').Locator): Promise<{ x: number; y: number }> {
  const point = await locator.evaluate((shape: SVGGeometryElement) => {
    const box = shape.getBBox();
    const matrix = shape.getScreenCTM()!;
    for (let i = 1; i < 12; i++) {
      for (let j = 1; j < 12; j++) {
        const p = new DOMPoint(box.x + (box.width * i) / 12, box.y + (box.height * j) / 12);
        if (shape.isPointInFill(p)) {
          const screen = p.matrixTransform(matrix);
          return { x: screen.x, y: screen.y };
        }
      }
    }
    return null;
  });
  if (!point) throw new Error('no point inside the shape');
  return point;
}

/** Hover, then click, an SVG arc at a point inside it. */
export async function hoverAndClickArc(page: import('playwright-core').Page, arc: import('playwright-core').Locator, click = true) {
  await settled(page, arc);
  const { x, y } = await pointInside(arc);
  await page.mouse.move(x, y);
  if (click) await page.mouse.click(x, y);
}

/**
 * Scroll a mark into view and wait until it stays put for two frames. The report lays out its figures as they near
 * the screen (content-visibility), so those around a mark scrolled to may still take their real height and move it.
 */
async function settled(page: import('playwright-core').Page, mark: import('playwright-core').Locator) {
  let last = '';
  for (let i = 0; i < 30; i++) {
    await mark.scrollIntoViewIfNeeded();
    const box = JSON.stringify(await mark.boundingBox());
    if (box === last) return;
    last = box;
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
}

/** One browser for a test file: launched before its tests, closed after them. */
export function useBrowser(): () => import('playwright-core').Browser {
  let browser: import('playwright-core').Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

const htmlcsSource = readFileSync(require.resolve('@pa11y/html_codesniffer/build/HTMLCS.js'), 'utf8');

/** A second engine beside axe: HTML_CodeSniffer (pa11y's fork, the runner pa11y uses) at WCAG 2 AA; its errors only. */
export async function htmlcsErrors(page: Page): Promise<string[]> {
  await page.evaluate(htmlcsSource);
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        // @ts-expect-error HTMLCS is injected above
        const htmlcs = window.HTMLCS;
        htmlcs.process('WCAG2AA', document, () => {
          const errors = htmlcs.getMessages().filter((m: { type: number }) => m.type === htmlcs.ERROR);
          resolve(errors.map((m: { code: string; msg: string; element: Element }) => `${m.code}: ${m.msg} — ${m.element.outerHTML?.slice(0, 120) ?? ''}`));
        });
      }),
  );
}

/**
 * Run inside an embed's frame (frame.evaluate(embedLayout)): how its page sits in the frame (overflow either way, where
 * the source line is) and the scale the chart is drawn at, against its natural width (1 = not shrunk to fit).
 */
export function embedLayout() {
  const root = document.documentElement;
  const source = document.querySelector('.chart-source')!.getBoundingClientRect();
  const svg = document.querySelector('.chart-area svg')!;
  // A chart drawn on a canvas once its script runs (the atlas) shows its picture's drawing there, at the same proportions.
  const box = (svg.checkVisibility() ? svg : (document.querySelector('.chart-area canvas') ?? svg)).getBoundingClientRect();
  const [, , w, h] = svg.getAttribute('viewBox')!.split(/[\s,]+/).map(Number) as [number, number, number, number];
  const natural = Math.min(Number(svg.getAttribute('width')), document.querySelector('.chart-area')!.clientWidth);
  return {
    scrollHeight: root.scrollHeight,
    clientHeight: root.clientHeight,
    scrollWidth: root.scrollWidth,
    clientWidth: root.clientWidth,
    sourceTop: source.top,
    sourceBottom: source.bottom,
    // The drawing keeps its aspect ratio, so its scale is the smaller of the two its box allows.
    scale: Math.min(box.width / natural, box.height / ((natural * h) / w)),
  };
}

/** How many colours a sample of a PNG's pixels holds (a blank image has one), decoded in the page. */
export function colourCount(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return colours.size;
  }, png.toString('base64'));
}

/** Pages in a PDF: its page objects (not the /Pages tree nodes). */
export const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/**
 * Run in the page: the smallest text drawn in the SVGs under `selector`, in CSS px as rendered (its font size times
 * the scale its SVG is drawn at), and which text it is. Hidden and empty texts are skipped.
 */
/**
 * Record every text a page draws on a canvas, with its rendered size in CSS px (its font size times the context's
 * scale, less the device pixel ratio), in window.__canvasText: run before the page's scripts (addInitScript).
 */
export function recordCanvasText(): void {
  const texts: { px: number; text: string }[] = [];
  (window as unknown as { __canvasText: typeof texts }).__canvasText = texts;
  const draw = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, ...rest: [number, number, number?]) {
    const m = this.getTransform();
    texts.push({ px: (parseFloat(/(\d+(\.\d+)?)px/.exec(this.font)?.[1] ?? '0') * Math.hypot(m.a, m.b)) / devicePixelRatio, text: String(text) });
    return draw.call(this, text, ...(rest as [number, number]));
  };
}

/** The smallest text drawn on a canvas since the page loaded (see recordCanvasText), as smallestSvgText gives it. */
export function smallestCanvasText(): { px: number; text: string } {
  const texts = (window as unknown as { __canvasText?: { px: number; text: string }[] }).__canvasText ?? [];
  const smallest = texts.reduce((a, b) => (b.px < a.px ? b : a), { px: Infinity, text: '' });
  return { px: Math.round(smallest.px * 100) / 100, text: smallest.text.slice(0, 40) };
}

export function smallestSvgText(selector: string): { px: number; text: string } {
  let px = Infinity;
  let text = '';
  for (const el of Array.from(document.querySelectorAll<SVGTextContentElement>(`${selector} svg text, ${selector} svg tspan`))) {
    const style = getComputedStyle(el);
    if (!el.textContent?.trim() || style.visibility === 'hidden' || Number(style.opacity) === 0 || !el.getClientRects().length) continue;
    const ctm = el.getScreenCTM();
    if (!ctm) continue;
    const size = parseFloat(style.fontSize) * Math.hypot(ctm.a, ctm.b);
    if (size < px) [px, text] = [size, el.textContent.trim().slice(0, 40)];
  }
  return { px: Math.round(px * 100) / 100, text };
}
