import { afterAll, describe, expect, inject, it } from 'vitest';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { chartPaths } from '../../src/charts/lib/links.ts';
import { newContext, pdfPages, smallestSvgText, useBrowser } from './helpers.ts';

/**
 * Handouts print legibly (issue 20, item 7): on A4 and on US Letter, with the handout's page margins (12 mm × 14 mm,
 * classroom.css), no chart text prints under 8 pt, and page 1 (the students' sheet) fits one page. The page is laid
 * out in print emulation at the paper's printable width; text sizes are font size × the SVG's drawn scale, in CSS px
 * (1 px = 0.75 pt).
 */
const baseUrl = inject('baseUrl');
const browser = useBrowser();
const MIN_PT = 8;
const mm = (x: number) => (x * 96) / 25.4;
const PAPERS = [
  { format: 'A4', width: mm(210 - 2 * 14), height: mm(297 - 2 * 12) },
  { format: 'Letter', width: mm(215.9 - 2 * 14), height: mm(279.4 - 2 * 12) },
] as const;

const found: string[] = [];
afterAll(() => {
  // The measurements, for a report: `PRINT_LOG=1 npx vitest run --config vitest.browser.config.ts tests/browser/print.test.ts`.
  if (process.env.PRINT_LOG) console.log(found.join('\n'));
});

for (const paper of PAPERS) {
  describe(`handouts printed on ${paper.format}`, () => {
    for (const chart of CHARTS) {
      it(`${chart.id}: chart text at least ${MIN_PT} pt, and the students’ sheet on one page`, async () => {
        const context = await newContext(browser(), { width: Math.floor(paper.width) });
        const page = await context.newPage();
        await page.emulateMedia({ media: 'print' });
        await page.goto(`${baseUrl}${chartPaths(chart.id).handout}`);
        const smallest = await page.evaluate(smallestSvgText, '.handout-chart');
        const sheet = await page.evaluate(() => document.querySelector('.handout-sheet')!.getBoundingClientRect().height);
        const pt = Math.round(smallest.px * 0.75 * 10) / 10;
        found.push(`${chart.id}\t${paper.format}\t${pt} pt ("${smallest.text}")\tsheet ${Math.round(sheet)} of ${Math.floor(paper.height)} px`);
        expect(pt, `${chart.id}: "${smallest.text}"`).toBeGreaterThanOrEqual(MIN_PT);
        expect(sheet, `${chart.id}: page 1's height`).toBeLessThanOrEqual(paper.height);
        expect(pdfPages(await page.pdf({ format: paper.format })), `${chart.id}: pages`).toBe(2);
        await context.close();
      });
    }
  });
}
