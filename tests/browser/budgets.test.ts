import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageWeight } from '../../scripts/page-weight.ts';

const budgets = JSON.parse(readFileSync('budgets.json', 'utf8')) as {
  pages: Record<string, { path: string; totalGzip: number; jsGzip: number }>;
};

describe('page weight budgets (bytes before any interaction, from budgets.json)', () => {
  for (const [kind, budget] of Object.entries(budgets.pages)) {
    it(`${kind} (${budget.path}) stays within ${budget.totalGzip} B gzip, ${budget.jsGzip} B of it JavaScript`, () => {
      const weight = pageWeight(path.resolve('dist'), budget.path);
      expect(weight.total.gzip).toBeLessThanOrEqual(budget.totalGzip);
      expect(weight.byType.js.gzip).toBeLessThanOrEqual(budget.jsGzip);
      expect(weight.byType.html.raw).toBeGreaterThan(0);
    });
  }
});
