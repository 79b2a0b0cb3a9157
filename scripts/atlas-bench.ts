import type { Browser } from 'playwright-core';

export interface AtlasFrames {
  /** Each frame's drawing, ms (the atlas measures its draw as 'atlas-frame'). */
  draws: number[];
  /** Time between frames while it zoomed, ms (requestAnimationFrame to requestAnimationFrame). */
  intervals: number[];
  /** Tasks over 50 ms while it zoomed. */
  longTasks: number;
  /** Frames over 16 ms: how far in (1 = the whole atlas), the tile level they drew from (-1: none), and the marks' share. */
  slow: { ms: number; zoom: number; level: number; marksMs: number }[];
}

/**
 * The values atlas's frames while a reader zooms and pans at CPU ×4 (Chrome's CPU throttling over CDP): a search that
 * flies to a value, wheel steps out and back in, a drag, and Reset flying back out, as a phone would draw them.
 */
export async function atlasFrames(browser: Browser, url: string, cpuSlowdown = 4): Promise<AtlasFrames> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('atlas-ready').length > 0, null, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  await page.evaluate(() => {
    performance.clearMeasures('atlas-frame');
    const state = { intervals: [] as number[], longTasks: 0, last: 0, on: true };
    (window as unknown as { benchFrames: typeof state }).benchFrames = state;
    const tick = (now: number) => {
      if (state.last) state.intervals.push(now - state.last);
      state.last = now;
      if (state.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => (state.longTasks += list.getEntries().length)).observe({ type: 'longtask' });
  });
  // All of it over the atlas's marks, where frames cost most: a search flies in to a value, the wheel steps out to
  // the whole and back in through every level, a drag pans, and Reset flies back out.
  await page.locator('#values-atlas-search').fill('epistemic humility');
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1500);
  const box = (await page.locator('#values-atlas canvas').boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(cx, cy);
  for (const direction of [120, -120]) {
    for (let i = 0; i < 12; i++) {
      await page.mouse.wheel(0, direction);
      await page.waitForTimeout(40);
    }
  }
  await page.mouse.down();
  for (let i = 1; i <= 15; i++) await page.mouse.move(cx + i * 12, cy + i * 6);
  await page.mouse.up();
  await page.waitForTimeout(300);
  await page.locator('#values-atlas [data-zoom="reset"]').click();
  await page.waitForTimeout(1500);
  const result = await page.evaluate(() => {
    const state = (window as unknown as { benchFrames: { intervals: number[]; longTasks: number; on: boolean } }).benchFrames;
    state.on = false;
    const frames = performance.getEntriesByName('atlas-frame') as PerformanceMeasure[];
    const slow = frames.filter((m) => m.duration > 16).map((m) => ({ ms: m.duration, ...(m.detail as { zoom: number; level: number; marksMs: number }) }));
    return { draws: frames.map((m) => m.duration), intervals: state.intervals, longTasks: state.longTasks, slow };
  });
  await context.close();
  return result;
}
