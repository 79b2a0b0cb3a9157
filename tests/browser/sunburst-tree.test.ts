import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser } from './helpers.ts';

/**
 * The sunburst as a tree (issue 22, item 6): its rings are an ARIA tree (role tree, treeitems with their level, their
 * place among their siblings and whether their children are drawn), walked with the tree pattern's keys, and a
 * breadcrumb that zooms out leaves focus on the node it opened.
 */
const baseUrl = inject('baseUrl');
const browser = useBrowser();

async function openSunburst(path = '/embed/taxonomy-sunburst/') {
  const opened = await openPage(browser(), `${baseUrl}${path}`);
  await opened.page.waitForFunction(() => performance.getEntriesByName('interactive-ready').length > 0);
  return opened;
}

/** The focused element's place in the tree: its key (the centre's is the zoomed node's), level and expanded state. */
const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement!;
    return {
      key: (el as HTMLElement).dataset?.key ?? null,
      level: Number(el.getAttribute('aria-level')),
      expanded: el.getAttribute('aria-expanded'),
      role: el.getAttribute('role'),
      center: el.classList.contains('center'),
    };
  });
const zoomedTo = (page: Page, key: string) => page.waitForFunction((k) => (document.querySelector('#taxonomy-sunburst') as HTMLElement).dataset.focus === k, key);

describe('the sunburst exposes its hierarchy as a tree', () => {
  it('has a tree of four levels, each item with its level, its place among its siblings and whether it is open', async () => {
    const { page, problems, close } = await openSunburst();
    const tree = page.getByRole('tree');
    expect(await tree.count()).toBe(1);
    expect(await tree.getByRole('treeitem', { level: 1 }).count()).toBe(1);
    expect(await tree.getByRole('treeitem', { level: 2 }).count()).toBe(5);
    expect(await tree.getByRole('treeitem', { level: 3 }).count()).toBeGreaterThan(5);
    expect(await tree.getByRole('treeitem', { level: 4 }).count()).toBeGreaterThan(20);
    // Every item's set size and position agree with its siblings (the items under the same parent, in order), and an
    // item is expanded exactly when the next item is its child.
    const problemsInTree = await page.evaluate(() => {
      const items = [...document.querySelectorAll('#taxonomy-sunburst [role="treeitem"]')];
      const level = (el: Element) => Number(el.getAttribute('aria-level'));
      const parentOf = (i: number) => {
        for (let k = i - 1; k >= 0; k--) if (level(items[k]!) < level(items[i]!)) return k;
        return -1;
      };
      const out: string[] = [];
      items.forEach((item, i) => {
        const siblings = items.filter((other, j) => level(other) === level(item) && parentOf(j) === parentOf(i));
        if (Number(item.getAttribute('aria-setsize')) !== siblings.length) out.push(`${i}: setsize ${item.getAttribute('aria-setsize')} ≠ ${siblings.length}`);
        if (Number(item.getAttribute('aria-posinset')) !== siblings.indexOf(item) + 1) out.push(`${i}: posinset`);
        const open = items[i + 1] !== undefined && level(items[i + 1]!) === level(item) + 1;
        if (open !== (item.getAttribute('aria-expanded') === 'true')) out.push(`${i}: expanded ${item.getAttribute('aria-expanded')}`);
      });
      return out;
    });
    expect(problemsInTree).toEqual([]);
    expect(await tree.getByRole('treeitem', { level: 4, expanded: false }).count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('on the report too', async () => {
    const { page, close } = await openSunburst('/');
    expect(await page.locator('#taxonomy-sunburst').getByRole('tree').getByRole('treeitem', { level: 2 }).count()).toBe(5);
    await close();
  });
});

describe('the tree pattern’s keys', () => {
  it('Down and Up, Right into a child or opening, Left to the parent or out, Home and End, Enter', async () => {
    const { page, problems, close } = await openSunburst();
    await page.locator('#taxonomy-sunburst .chart-area').focus();
    await page.keyboard.press('ArrowDown');
    expect(await active(page)).toMatchObject({ center: true, level: 1, role: 'treeitem', expanded: 'true' });
    await page.keyboard.press('ArrowDown');
    const category = await active(page);
    expect(category).toMatchObject({ level: 2, expanded: 'true' });
    expect(category.key).toMatch(/^l3:/);
    await page.keyboard.press('ArrowRight'); // open: to its first child
    expect(await active(page)).toMatchObject({ level: 3 });
    await page.keyboard.press('ArrowLeft'); // to the parent
    expect((await active(page)).key).toBe(category.key);
    await page.keyboard.press('ArrowLeft');
    expect(await active(page)).toMatchObject({ center: true });
    await page.keyboard.press('End');
    const last = await page.evaluate(() => [...document.querySelectorAll('#taxonomy-sunburst [role="treeitem"]')].at(-1)!.getAttribute('data-key'));
    expect((await active(page)).key).toBe(last);
    await page.keyboard.press('Home');
    expect(await active(page)).toMatchObject({ center: true });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect((await active(page)).key).toBe(category.key);

    // Right on a closed item opens it: the chart zooms into it, and focus is on it, now the tree's root.
    const closed = page.locator('#taxonomy-sunburst [role="treeitem"][aria-expanded="false"]').first();
    const closedKey = (await closed.getAttribute('data-key'))!;
    await closed.focus();
    await page.keyboard.press('ArrowRight');
    await zoomedTo(page, closedKey);
    expect(await active(page)).toMatchObject({ center: true, key: closedKey, level: 1, expanded: 'true' });
    // Left on the root goes to its parent: the chart zooms out, focus on the parent, the new root.
    await page.keyboard.press('ArrowLeft');
    const parent = await page.evaluate(() => (document.querySelector('#taxonomy-sunburst') as HTMLElement).dataset.focus!);
    expect(parent).toMatch(/^l2:/);
    expect(await active(page)).toMatchObject({ center: true, key: parent, level: 1 });
    // Enter on an item zooms into it, focus on it.
    await page.keyboard.press('ArrowDown');
    const child = (await active(page)).key!;
    await page.keyboard.press('Enter');
    await zoomedTo(page, child);
    expect(await active(page)).toMatchObject({ center: true, key: child });
    expect(problems).toEqual([]);
    await close();
  });

  it('after a breadcrumb zooms out, focus is on the node it opened, not on the page', async () => {
    const { page, problems, close } = await openSunburst();
    const deep = (await page.locator('#taxonomy-sunburst path[data-key^="l1:"]').first().getAttribute('data-key'))!;
    await page.goto(`${baseUrl}/embed/taxonomy-sunburst/?focus=${encodeURIComponent(deep)}`);
    await zoomedTo(page, deep);
    const crumbs = page.locator('#taxonomy-sunburst .breadcrumb button');
    expect(await crumbs.count()).toBe(3);
    for (const n of [2, 0]) {
      const crumb = crumbs.nth(n);
      const key = (await crumb.getAttribute('data-key'))!;
      await crumb.focus();
      await page.keyboard.press('Enter');
      await zoomedTo(page, key);
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
      expect(await active(page)).toMatchObject({ center: true, key, level: 1 });
    }
    expect(problems).toEqual([]);
    await close();
  });
});
