import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { embedLayout, newContext, useBrowser } from './helpers.ts';

/**
 * The gallery's script-free snippet, pasted as it is into a course page on another origin that runs no script of ours
 * (as in Canvas, whose editor strips scripts): at each host width the chart and its source line show in full, with
 * no scrollbar inside the frame, for every chart.
 */
const baseUrl = inject('baseUrl');
const browser = useBrowser();
const WIDTHS = [360, 768, 1280];
let host: StaticServer;
let hostDir: string;

beforeAll(async () => {
  const context = await newContext(browser());
  const page = await context.newPage();
  await page.goto(`${baseUrl}/charts/`);
  // Read in the browser, so the snippets name the address the site is served from, as a teacher copies them.
  const snippets = await page.locator('textarea[data-snippet="scriptFree"]').evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
  await context.close();
  expect(snippets).toHaveLength(CHARTS.length);
  hostDir = mkdtempSync(path.join(os.tmpdir(), 'vitw-fit-host-'));
  for (const [i, chart] of CHARTS.entries()) {
    expect(snippets[i]).toContain(`/embed/${chart.id}/"`);
    writeFileSync(
      path.join(hostDir, `${chart.id}.html`),
      `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Course page</title></head><body><h1>Week 3</h1>\n${snippets[i]}\n<p>Discuss the chart above.</p></body></html>`,
    );
  }
  host = await startStaticServer(hostDir);
});

afterAll(async () => {
  await host?.close();
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

async function chartFrame(page: Page): Promise<Frame> {
  await page.waitForFunction(() => (document.querySelector('iframe') as HTMLIFrameElement | null)?.contentWindow !== null);
  await expect.poll(() => page.frames().length).toBe(2);
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  await frame.waitForLoadState('load');
  // Let the islands start and the layout settle.
  await frame.waitForFunction(() => document.readyState === 'complete');
  await page.waitForTimeout(150);
  return frame;
}

describe('the script-free embed snippet fits its frame without a script', () => {
  for (const width of WIDTHS) {
    describe(`in a ${width} px wide host page`, () => {
      let context: BrowserContext;
      beforeAll(async () => {
        context = await newContext(browser(), { width });
      });
      afterAll(() => context?.close());

      for (const chart of CHARTS) {
        it(chart.id, async () => {
          const page = await context.newPage();
          await page.goto(`${host.url}/${chart.id}.html`);
          const f = await (await chartFrame(page)).evaluate(embedLayout);
          const where = `${chart.id} at ${width}px: ${JSON.stringify(f)}`;
          expect(f.scrollHeight, where).toBeLessThanOrEqual(f.clientHeight);
          expect(f.scrollWidth, where).toBeLessThanOrEqual(f.clientWidth);
          expect(f.sourceTop, where).toBeGreaterThanOrEqual(0);
          expect(f.sourceBottom, where).toBeLessThanOrEqual(f.clientHeight);
          // Fitting is by scaling the drawing down; the heights the snippet chooses keep that to a little.
          expect(f.scale, where).toBeGreaterThan(0.9);
          await page.close();
        });
      }
    });
  }
});
