import { existsSync, globSync } from 'node:fs';
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

/** Chromium for the tests: the one browserLaunchOptions names, else Playwright's own (only if installed). */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = browserLaunchOptions(env).executablePath ?? chromium.executablePath();
  return existsSync(own) ? own : undefined;
}

/** Firefox ESR for the cross-browser suite ($FIREFOX_PATH, else Debian's). */
export function firefoxPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  return existsSync(path) ? path : undefined;
}

/** WebKitGTK's MiniBrowser for the cross-browser suite ($WEBKIT_MINIBROWSER, else Debian's). */
export function miniBrowserPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.WEBKIT_MINIBROWSER) return existsSync(env.WEBKIT_MINIBROWSER) ? env.WEBKIT_MINIBROWSER : undefined;
  return globSync('/usr/lib/*/webkit2gtk-4.*/MiniBrowser').sort().at(-1);
}

/** Whether a command is on the PATH. */
export function onPath(command: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.PATH ?? '').split(':').some((dir) => dir && existsSync(`${dir}/${command}`));
}

export type Engine = 'chromium' | 'firefox' | 'webkit';

/** The Debian package missing to drive an engine here, or null when it can be driven. */
export function engineMissing(engine: Engine, env: NodeJS.ProcessEnv = process.env): string | null {
  if (engine === 'chromium') return chromiumPath(env) ? null : 'chromium';
  if (engine === 'firefox') return firefoxPath(env) ? null : 'firefox-esr';
  if (!onPath('WebKitWebDriver', env) || !miniBrowserPath(env)) return 'webkit2gtk-driver';
  return onPath('xvfb-run', env) ? null : 'xvfb';
}
