import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { newContext, useBrowser, watchPage } from './helpers.ts';

/**
 * Listen (issue 22, item 7), on every chart's embed: it plays one note per row of the chart's table, shows that it
 * plays (aria-pressed) until it stops, stops with Escape and with its button, and says in the live region when it has
 * finished. The page's AudioContext is replaced by one that records each note started (the notes are counted, nothing
 * sounds), and the page's clock is the test's (Playwright's clock), so a table of a hundred rows plays in no time.
 */
const baseUrl = inject('baseUrl');
const browser = useBrowser();
const NOTE_MS = 240;

/** Records each oscillator started, by frequency, in window.__notes. */
function recordNotes() {
  const w = window as unknown as { __notes: number[]; AudioContext: unknown };
  w.__notes = [];
  const param = () => ({ value: 0, setValueAtTime() {}, linearRampToValueAtTime() {} });
  const node = () => ({ connect: (next: unknown) => next });
  w.AudioContext = class {
    state = 'running';
    currentTime = 0;
    destination = node();
    createOscillator() {
      const frequency = param();
      return { ...node(), type: 'sine', frequency, start: () => w.__notes.push(frequency.value), stop() {} };
    }
    createGain() {
      return { ...node(), gain: param() };
    }
    resume() {
      return Promise.resolve();
    }
  };
}

async function openEmbed(id: string, width = 1000): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await newContext(browser(), { width });
  await context.addInitScript(recordNotes);
  const page = await context.newPage();
  await page.clock.install();
  const problems = watchPage(page, baseUrl);
  await page.goto(`${baseUrl}/embed/${id}/`);
  // (The clock's fake `performance` holds no marks: the toolbar's Listen button says the islands have started.)
  await page.locator('[data-action="listen"]').waitFor();
  // From here the page's time moves only when the test says.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  return { page, problems, close: () => context.close() };
}

const notes = (page: Page) => page.evaluate(() => (window as unknown as { __notes: number[] }).__notes.length);
const said = (page: Page) => page.locator('[data-announce]').textContent();

describe('Listen plays every chart, shows its state, stops, and says when it ends', () => {
  for (const chart of CHARTS) {
    it(chart.id, async () => {
      const { page, problems, close } = await openEmbed(chart.id);
      const rows = await page.locator('.chart-table tbody tr').count();
      expect(rows, `${chart.id} has a table`).toBeGreaterThan(0);
      const listen = page.locator('[data-action="listen"]');

      await listen.click();
      await expect.poll(() => listen.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
      await page.clock.runFor(NOTE_MS * rows + 1000);
      expect(await notes(page), `${chart.id}: one note per row`).toBe(rows);
      expect(await listen.getAttribute('aria-pressed'), `${chart.id}: no longer pressed at the end`).toBe('false');
      expect(await said(page)).toMatch(new RegExp(`^Finished: played all ${rows} value`));

      // Again, stopped by Escape after two notes: no more notes, not pressed, and it says so.
      await listen.click();
      await expect.poll(() => listen.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
      await page.clock.runFor(NOTE_MS * 1.5);
      await page.keyboard.press('Escape');
      expect(await listen.getAttribute('aria-pressed')).toBe('false');
      const heard = await notes(page);
      expect(heard - rows, `${chart.id}: played until Escape`).toBeGreaterThan(0);
      await page.clock.runFor(NOTE_MS * 4);
      expect(await notes(page), `${chart.id}: silent after Escape`).toBe(heard);
      expect(await said(page)).toMatch(/^Stopped at value \d+ of \d+/);
      expect(problems).toEqual([]);
      await close();
    });
  }
});

describe('Listen’s controls', () => {
  it('stops with its own button, steps note by note from a button (touch), changes speed, and lists its keys with ?', async () => {
    const { page, problems, close } = await openEmbed('top-values', 360);
    const listen = page.locator('[data-action="listen"]');
    await listen.click();
    await expect.poll(() => listen.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    await page.clock.runFor(NOTE_MS * 2.5);
    await listen.click();
    await expect.poll(() => listen.getAttribute('aria-pressed')).toBe('false');
    const stoppedAt = await notes(page);
    await page.clock.runFor(NOTE_MS * 4);
    expect(await notes(page)).toBe(stoppedAt);

    // A touch screen reader's way: a button per note, each note's row read out.
    const next = page.getByRole('button', { name: 'Next note' });
    expect(await next.isVisible()).toBe(true);
    await next.click();
    expect(await notes(page)).toBe(stoppedAt + 1);
    const row = (await page.locator('.chart-table tbody tr').nth(stoppedAt).locator('th, td').first().textContent())!.trim();
    expect(await said(page)).toContain(row);
    await page.getByRole('button', { name: 'Previous note' }).click();
    expect(await notes(page)).toBe(stoppedAt + 2);

    // Fastest plays four notes in the time Normal plays one.
    await page.getByRole('combobox', { name: 'Speed', exact: true }).selectOption({ label: 'Fastest' });
    await expect.poll(() => said(page)).toBe('Speed: fastest.');
    await listen.click();
    await expect.poll(() => listen.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    const before = await notes(page);
    await page.clock.runFor(NOTE_MS * 2 - 10);
    expect(await notes(page)).toBe(before + 8);
    await page.keyboard.press('Escape');
    // "," slows down, with focus anywhere in the figure.
    await page.locator('.chart-area').focus();
    await page.keyboard.press(',');
    await expect.poll(() => said(page)).toBe('Speed: fast.');

    // "?" lists the keys and takes focus there, so a screen reader reads them.
    await page.keyboard.press('?');
    const keys = page.locator('.listen-keys');
    await expect.poll(() => keys.isVisible()).toBe(true);
    await expect.poll(() => keys.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await keys.textContent()).toContain('Escape');
    expect(await page.getByRole('button', { name: 'Keys' }).getAttribute('aria-expanded')).toBe('true');
    expect(problems).toEqual([]);
    await close();
  });

  it('on the report, starting one chart’s Listen stops another’s, whose button then shows it stopped', async () => {
    const context = await newContext(browser());
    await context.addInitScript(recordNotes);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForFunction(() => performance.getEntriesByName('interactive-ready').length > 0);
    const first = page.locator('#top-values [data-action="listen"]');
    const second = page.locator('#long-tail [data-action="listen"]');
    await first.click();
    await expect.poll(() => first.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    await second.click();
    await expect.poll(() => second.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    expect(await first.getAttribute('aria-pressed')).toBe('false');
    expect(await first.textContent()).toBe('Listen');
    await second.click();
    await expect.poll(() => second.getAttribute('aria-pressed')).toBe('false');
    await context.close();
  });
});
