import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/**
 * The one place that decides which browser the tests drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * Playwright's own browser if one is installed on this machine. Nothing here ever downloads a browser.
 */
export function browserLaunchOptions(env: NodeJS.ProcessEnv = process.env): LaunchOptions {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium'].filter((p): p is string => Boolean(p));
  const executablePath = candidates.find((p) => existsSync(p));
  return {
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(browserLaunchOptions());
}
