import { describe, expect, it } from 'vitest';
import { missingMessage, prerequisites } from '../../scripts/prerequisites.ts';

describe('the prerequisites of npm test', () => {
  it('ask for Firefox and WebKit only where CI is set', () => {
    const purposes = (env: NodeJS.ProcessEnv) => prerequisites(env).map((p) => p.purpose).join('\n');
    expect(purposes({ ...process.env, CI: '' })).not.toMatch(/cross-browser/);
    expect(purposes({ ...process.env, CI: 'true' })).toMatch(/cross-browser suite \(Firefox ESR\)[\s\S]*cross-browser suite \(WebKit/);
  });

  it('find a browser missing where it was looked for', () => {
    const env = { ...process.env, CI: 'true', FIREFOX_PATH: '/nonexistent/firefox', WEBKIT_MINIBROWSER: '/nonexistent/MiniBrowser' };
    const missing = prerequisites(env).filter((p) => !p.present).map((p) => p.pkg);
    expect(missing).toEqual(expect.arrayContaining(['firefox-esr', 'webkit2gtk-driver']));
  });

  it('name every missing package once, with the one command that installs them all', () => {
    const message = missingMessage([
      { pkg: 'chromium', purpose: 'the browser tests', present: false },
      { pkg: 'default-jre-headless', purpose: 'the Nu HTML Checker', present: true },
      { pkg: 'php-cli', purpose: 'PHP', present: false },
      { pkg: 'php-cli', purpose: 'PHP again', present: false },
    ])!;
    expect(message).toContain('chromium: for the browser tests');
    expect(message).not.toContain('default-jre-headless');
    expect(message).toMatch(/sudo apt-get install chromium php-cli\n$/);
    expect(missingMessage([{ pkg: 'unzip', purpose: 'x', present: true }])).toBeNull();
  });
});
