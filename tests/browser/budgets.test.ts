import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pageWeight } from '../../scripts/page-weight.ts';

const budgets = JSON.parse(readFileSync('budgets.json', 'utf8')) as {
  pages: Record<string, { path: string; totalGzip: number; jsGzip: number; htmlGzip?: number; elements?: number }>;
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
