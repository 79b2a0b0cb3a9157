import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadDataset, loadPaperFigures } from '../../src/data/load.ts';
import { buildModel } from '../../src/data/model.ts';
import { percentAdaptive } from '../../src/charts/lib/format.ts';
import { realDatasetDir } from '../unit/dataset-dir.ts';
import { axeViolations, describeViolations, newContext, watchPage, useBrowser } from './helpers.ts';

const baseUrl = inject('baseUrl');
const dist = path.resolve('dist');
const { taxonomy } = buildModel(loadDataset(realDatasetDir), loadPaperFigures());
const browser = useBrowser();

const pageDirs = (dir: string) => readdirSync(path.join(dist, dir), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe('a page for every value and cluster', () => {
  it('builds exactly one page per value and per cluster, counted from the data', () => {
    const values = pageDirs('values');
    const clusters = pageDirs('clusters');
    expect(values).toHaveLength(taxonomy.nodes.filter((n) => n.level === 0).length);
    expect(clusters).toHaveLength(taxonomy.nodes.filter((n) => n.level > 0).length);
    expect(new Set(values).size).toBe(values.length);
  });

  it('shows a known value with its path, numbers and rank from the dataset', async () => {
    const context = await newContext(browser(), { javaScriptEnabled: false });
    const page = await context.newPage();
    const problems = watchPage(page, baseUrl);
    for (const name of ['helpfulness', 'filial piety']) {
      const node = taxonomy.nodes.find((n) => n.name === name && n.level === 0)!;
      await page.goto(`${baseUrl}/values/${name.replace(' ', '-')}/`);
      await expect(page.locator('h1').textContent()).resolves.toBe(name);
      const path: string[] = [];
      for (let id = node.parentId; id; id = taxonomy.byId.get(id)!.parentId) path.unshift(taxonomy.byId.get(id)!.name);
      expect(await page.locator('.node-path li').allTextContents()).toEqual(['All values', ...path]);
      const stats = await page.locator('.node-stats dd').allTextContents();
      expect(stats[0]).toBe(percentAdaptive(node.pctConvos!));
      expect(stats[1]).toBe(percentAdaptive(node.share));
      expect(stats[2]).toBe(`${node.rank!.toLocaleString('en-US')} of 3,307`);
      expect(await page.locator('figure#members .chart-area svg').count()).toBe(1);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('links', () => {
  it('reach every page from the report, and none is broken', async () => {
    const context = await newContext(browser());
    const request = context.request;
    const seen = new Set<string>(['/']);
    const broken: string[] = [];
    let frontier = ['/'];
    while (frontier.length) {
      const next: string[] = [];
      // Sixteen requests at a time: thousands at once reset connections on a loaded machine.
      const visit = async (pagePath: string) => {
        const response = await request.get(baseUrl + pagePath);
        if (!response.ok()) return void broken.push(`${pagePath} (${response.status()})`);
        if (!(response.headers()['content-type'] ?? '').includes('text/html')) return;
        const html = await response.text();
        for (const [, href] of html.matchAll(/<a\s[^>]*href="([^"#]*)(?:#[^"]*)?"/g)) {
          if (!href || /^[a-z]+:/i.test(href)) continue; // external, mailto:, or a same-page anchor
          const target = new URL(href, baseUrl + pagePath).pathname;
          if (!seen.has(target)) {
            seen.add(target);
            next.push(target);
          }
        }
      };
      for (let i = 0; i < frontier.length; i += 16) await Promise.all(frontier.slice(i, i + 16).map(visit));
      frontier = next;
    }
    expect(broken).toEqual([]);
    const built = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? walk(path.join(dir, d.name)) : d.name === 'index.html' ? [`/${path.relative(dist, dir)}/`.replace('//', '/')] : [],
      );
    })(dist);
    const orphans = built.filter((p) => !seen.has(p));
    expect(orphans).toEqual([]);
    expect(built.length).toBeGreaterThan(3600);
    await context.close();
  }, 180_000);
});

describe('search', () => {
  it('finds “filial piety” from “filial”, finds clusters, and opens a result by keyboard', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const problems = watchPage(page, baseUrl);
    await page.goto(`${baseUrl}/values/`);
    const input = page.locator('#search-input');
    await input.focus();
    await input.pressSequentially('filial');
    // Results update on every keystroke: wait for the ones for the whole word.
    await page.waitForFunction(() => document.querySelector('[role="option"] .result-name')?.textContent === 'filial piety');
    await input.fill('Prosocial');
    await page.waitForFunction(() => [...document.querySelectorAll('[role="option"]')].some((o) => o.querySelector('.result-kind')?.textContent === 'cluster' && /prosocial/i.test(o.textContent ?? '')));
    await input.fill('filial');
    await page.waitForFunction(() => document.querySelector('[role="option"] .result-name')?.textContent === 'filial piety');
    await page.keyboard.press('ArrowDown');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe('search-option-0');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/values\/filial-piety\/$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists every category and cluster as links without JavaScript', async () => {
    const context = await newContext(browser(), { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/values/`);
    expect(await page.locator('.browse a').count()).toBe(taxonomy.nodes.filter((n) => n.level > 0).length);
    expect(await page.locator('form[data-search]').isVisible()).toBe(false);
    await context.close();
  });
});

describe('accessibility', () => {
  for (const pagePath of ['/values/', '/values/filial-piety/', `/clusters/${pageDirs('clusters')[0]}/`]) {
    it(`has no axe violations on ${pagePath}`, async () => {
      const context = await newContext(browser());
      const page = await context.newPage();
      const problems = watchPage(page, baseUrl);
      await page.goto(baseUrl + pagePath);
      if (pagePath === '/values/') {
        await page.locator('#search-input').fill('honesty');
        await page.waitForFunction(() => Number(document.querySelector('form[data-search]')?.getAttribute('data-results')) > 0);
        await page.keyboard.press('ArrowDown');
      }
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
