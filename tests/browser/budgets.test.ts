import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { pageWeight } from '../../scripts/page-weight.ts';
import { newContext, useBrowser } from './helpers.ts';

const budgets = JSON.parse(readFileSync('budgets.json', 'utf8')) as {
  pages: Record<string, { path: string; totalGzip: number; jsGzip: number; htmlGzip?: number; elements?: number; afterLoadGzip?: number }>;
};

/** Elements in a built page as the browser parses it (the same count as document.getElementsByTagName('*')). */
function elementCount(page: string): number {
  const html = readFileSync(path.join(path.resolve('dist'), page, 'index.html'), 'utf8');
  return parseHTML(html).document.querySelectorAll('*').length;
}

describe('page weight budgets (bytes before any interaction, from budgets.json)', () => {
  for (const [kind, budget] of Object.entries(budgets.pages)) {
    it(`${kind} (${budget.path}) stays within ${budget.totalGzip} B gzip, ${budget.jsGzip} B of it JavaScript`, () => {
      const weight = pageWeight(path.resolve('dist'), budget.path);
      expect(weight.total.gzip).toBeLessThanOrEqual(budget.totalGzip);
      expect(weight.byType.js.gzip).toBeLessThanOrEqual(budget.jsGzip);
      expect(weight.byType.html.raw).toBeGreaterThan(0);
      if (budget.htmlGzip !== undefined) expect(weight.byType.html.gzip).toBeLessThanOrEqual(budget.htmlGzip);
    });
    if (budget.elements !== undefined) {
      it(`${kind} (${budget.path}) holds at most ${budget.elements} elements`, () => {
        expect(elementCount(budget.path)).toBeLessThanOrEqual(budget.elements!);
      });
    }
  }
});

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** Everything a page loads in the browser until its network is quiet, without interaction (data its scripts fetch at once included), gzip. */
async function loadedGzip(path: string): Promise<number> {
  const context = await newContext(browser());
  const page = await context.newPage();
  const bodies: Promise<number>[] = [];
  page.on('response', (response) => bodies.push(response.body().then((body) => gzipSync(body, { level: 6 }).length, () => 0)));
  await page.goto(baseUrl + path);
  await page.waitForLoadState('networkidle');
  const total = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
  await context.close();
  return total;
}

describe('page weight budgets once the page’s scripts have run (from budgets.json’s afterLoadGzip)', () => {
  for (const [kind, budget] of Object.entries(budgets.pages).filter(([, b]) => b.afterLoadGzip !== undefined)) {
    it(`${kind} (${budget.path}) loads at most ${budget.afterLoadGzip} B gzip before any interaction`, async () => {
      const total = await loadedGzip(budget.path);
      // More than its own first load: what its scripts fetch counts too.
      expect(total).toBeGreaterThan(pageWeight(path.resolve('dist'), budget.path).total.gzip);
      expect(total).toBeLessThanOrEqual(budget.afterLoadGzip!);
    });
  }
});
