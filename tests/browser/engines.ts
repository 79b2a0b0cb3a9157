import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { Builder, Key, type WebDriver } from 'selenium-webdriver';
import { browserLaunchOptions, firefoxPath, miniBrowserPath, type Engine } from '../../scripts/browser.ts';

export { engineMissing, type Engine } from '../../scripts/browser.ts';

/**
 * The three engines the cross-browser suite drives, behind one small interface: Chromium through Playwright,
 * Firefox ESR through Puppeteer (WebDriver BiDi), and WebKitGTK's MiniBrowser through Selenium and WebKitWebDriver,
 * under a virtual X display. Each finds its browser on this machine and never downloads one.
 */
export interface EngineDriver {
  engine: Engine;
  /** Navigate with the viewport this many CSS pixels wide (and 900 high), and wait until the page is quiet. */
  open(url: string, width: number): Promise<void>;
  /** The value of a JavaScript expression in the page (awaited when it is a promise; JSON values only). */
  evaluate<T>(expression: string): Promise<T>;
  press(key: 'Tab' | 'ArrowRight'): Promise<void>;
  /** Types into the element the selector names, key by key. */
  type(selector: string, text: string): Promise<void>;
  /** A PNG of the viewport as the engine painted it (base64), at the display's scale. */
  screenshotPng(): Promise<string>;
  /** Errors the engine itself reported since the last open (console errors, uncaught exceptions), where it reports them. */
  takeNativeErrors(): string[];
  close(): Promise<void>;
}

/** Resolves when the page has asked for nothing new for 400 ms (at most 10 s): its islands have loaded what they load. */
const QUIET = `new Promise((resolve) => {
  let count = -1, since = performance.now();
  const started = performance.now();
  const tick = () => {
    const now = performance.getEntriesByType('resource').length;
    if (now !== count) { count = now; since = performance.now(); }
    if (document.readyState === 'complete' && performance.now() - since > 400) return resolve(true);
    if (performance.now() - started > 10000) return resolve(false);
    setTimeout(tick, 100);
  };
  tick();
})`;

const HEIGHT = 900;

async function chromiumDriver(): Promise<EngineDriver> {
  const browser = await chromium.launch(browserLaunchOptions());
  const context = await browser.newContext({ viewport: { width: 1280, height: HEIGHT } });
  const page = await context.newPage();
  let errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(`console error: ${message.text()}`));
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return {
    engine: 'chromium',
    async open(url, width) {
      errors = [];
      await page.setViewportSize({ width, height: HEIGHT });
      await page.goto(url);
      await page.evaluate(QUIET);
    },
    evaluate: (expression) => page.evaluate(expression),
    press: (key) => page.keyboard.press(key),
    type: (selector, text) => page.locator(selector).pressSequentially(text),
    screenshotPng: async () => (await page.screenshot()).toString('base64'),
    takeNativeErrors: () => errors.splice(0),
    close: () => browser.close(),
  };
}

async function firefoxDriver(): Promise<EngineDriver> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath(), headless: true });
  const page = await browser.newPage();
  let errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(`console error: ${message.text()}`));
  page.on('pageerror', (error) => errors.push(`page error: ${(error as Error).message}`));
  return {
    engine: 'firefox',
    async open(url, width) {
      errors = [];
      await page.setViewport({ width, height: HEIGHT });
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(QUIET);
    },
    evaluate: (expression) => page.evaluate(expression) as Promise<never>,
    press: (key) => page.keyboard.press(key),
    type: (selector, text) => page.type(selector, text),
    screenshotPng: () => page.screenshot({ encoding: 'base64' }),
    takeNativeErrors: () => errors.splice(0),
    close: () => browser.close(),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForDriver(url: string, process: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (process.exitCode !== null) throw new Error(`WebKitWebDriver exited with code ${process.exitCode}`);
    try {
      if ((await fetch(`${url}/status`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer at ${url} within 10 s`);
}

/**
 * WebKit: MiniBrowser's window cannot be narrower than its toolbar (about 450 px), so the display scales CSS
 * pixels by 1.2 (GDK_DPI_SCALE, as a reader's zoom does: 375 CSS px is a 450 px window) and each width is reached
 * by sizing the window to it. Fonts stay 16 px, but media queries then read rem as 19.2 px: a breakpoint in rem
 * takes effect 1.2 times wider than elsewhere (none lies between 375 px and 576 px, nor above 1382 px).
 */
async function webkitDriver(): Promise<EngineDriver> {
  const port = await freePort();
  const server = spawn('xvfb-run', ['-a', '-s', '-screen 0 2400x1400x24', 'WebKitWebDriver', `--port=${port}`], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, GDK_DPI_SCALE: '1.2' },
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  let driver: WebDriver;
  try {
    await waitForDriver(url, server);
    driver = await new Builder()
      .usingServer(url)
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] } })
      .build();
  } catch (error) {
    stop();
    throw error;
  }
  const script = <T>(expression: string) => driver.executeScript(`return (${expression});`) as Promise<T>;
  const sizeTo = async (width: number) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const [inner, outer] = await script<[number, number]>('[innerWidth, outerWidth]');
      if (inner === width) return;
      await driver.manage().window().setRect({ width: Math.round((outer * width) / inner), height: Math.round((HEIGHT * outer) / inner) });
    }
    const inner = await script<number>('innerWidth');
    if (inner !== width) throw new Error(`WebKit: the viewport is ${inner} px wide, not ${width}`);
  };
  return {
    engine: 'webkit',
    async open(pageUrl, width) {
      await sizeTo(width);
      await driver.get(pageUrl);
      await script(QUIET);
    },
    evaluate: (expression) => script(expression),
    press: (key) => driver.actions().sendKeys(key === 'Tab' ? Key.TAB : Key.ARROW_RIGHT).perform(),
    type: async (selector, text) => {
      const element = await driver.findElement({ css: selector });
      for (const character of text) await element.sendKeys(character);
    },
    screenshotPng: () => driver.takeScreenshot(),
    takeNativeErrors: () => [],
    close: async () => {
      try {
        await driver.quit();
      } finally {
        stop();
      }
    },
  };
}

export function launchEngine(engine: Engine): Promise<EngineDriver> {
  return engine === 'chromium' ? chromiumDriver() : engine === 'firefox' ? firefoxDriver() : webkitDriver();
}
