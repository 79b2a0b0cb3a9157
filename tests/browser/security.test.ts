import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseHeadersFile } from '../../scripts/static-server.ts';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/site/security.ts';
import { allowHashes, pagesToInline, sourceHash, type InlineHashes } from '../../src/site/inline-assets.ts';
import { hoverAndClickArc, newContext, watchPage, useBrowser } from './helpers.ts';
import { pageKindsIn } from '../../scripts/page-kinds.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** Exercise what a page can do, so that lazily loaded code and data also run under the policy. */
async function interact(page: import('playwright-core').Page) {
  const arc = page.locator('.sunburst path[data-key]').first();
  if (await arc.count()) {
    await hoverAndClickArc(page, arc);
    await page.waitForFunction(() => document.querySelector('[data-island="sunburst"]')?.getAttribute('data-focus'));
  }
  const range = page.locator('input[name="limit"]').first();
  if (await range.count()) {
    await range.fill('40');
    await page.waitForFunction(() => document.querySelector('#top-values')?.getAttribute('data-option-limit') === '40');
  }
  const download = page.locator('.figure-toolbar summary', { hasText: 'Download' }).first();
  if (await download.count()) {
    await download.click();
    await Promise.all([page.waitForEvent('download'), page.locator('[data-download="png"]').first().click()]);
  }
}

/** The hashes of what a page carries inline: its <style> elements and its scripts without a src. */
const inlineHashes = (html: string): InlineHashes => ({
  styles: [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sourceHash(m[1]!)),
  scripts: [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => sourceHash(m[1]!)),
});
/** What the report and the embeds carry inline: what every served policy allows beside 'self'. */
const inlined = pagesToInline('dist').map((page) => inlineHashes(readFileSync(path.join('dist', page), 'utf8')));
const siteHashes: InlineHashes = {
  styles: [...new Set(inlined.flatMap((h) => h.styles))].sort(),
  scripts: [...new Set(inlined.flatMap((h) => h.scripts))].sort(),
};

describe('Content-Security-Policy on every page kind', () => {
  for (const [kind, path] of Object.entries(pageKindsIn('dist'))) {
    it(`${kind} (${path}): sent with the policy; no violation, console error or foreign request, even when used`, async () => {
      const context = await newContext(browser());
      const page = await context.newPage();
      await page.addInitScript(() => {
        (window as unknown as { cspViolations: string[] }).cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      const problems = watchPage(page, baseUrl);
      const response = await page.goto(baseUrl + path);
      // The report and the embeds carry the site stylesheet inline; both policies allow it by its hash, and nothing else.
      const html = await response!.text();
      const own = inlineHashes(html);
      const inlines = pagesToInline('dist').includes(`${path.slice(1)}index.html`);
      expect(own.styles.length > 0, 'inline stylesheets').toBe(inlines);
      // Only embeds have a classic script (theme.js), written in where the page is inlined.
      expect(own.scripts.length, 'inline scripts').toBe(inlines && path.startsWith('/embed/') ? 1 : 0);
      expect(response?.headers()['content-security-policy']).toContain(allowHashes(CONTENT_SECURITY_POLICY, siteHashes));
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(allowHashes(CONTENT_SECURITY_POLICY, own));
      await interact(page);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
      expect(problems).toEqual([]);
      // Nothing else inline to allow in the served HTML: no other script without a file, no style attribute.
      const inline = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'text/html');
        return doc.querySelectorAll('script:not([src]), [style]').length;
      }, html);
      expect(inline).toBe(own.scripts.length);
      await context.close();
    });
  }
});

describe('framing', () => {
  it('lets embed pages be framed by any site, and no other page', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const embed = await page.request.get(`${baseUrl}/embed/${CHARTS[0]!.id}/`);
    expect(embed.headers()['x-frame-options']).toBeUndefined();
    expect(embed.headers()['content-security-policy']).not.toContain('frame-ancestors');
    for (const path of ['/', '/charts/', '/data/']) {
      const response = await page.request.get(baseUrl + path);
      expect(response.headers()['content-security-policy'], path).toContain("frame-ancestors 'self'");
      expect(response.headers()['x-frame-options'], path).toBe('SAMEORIGIN');
    }
    await context.close();
  });
});

describe('the _headers file, as hosts read it', () => {
  const dist = path.resolve('dist');
  const rules = parseHeadersFile(readFileSync(path.join(dist, '_headers'), 'utf8'));

  /** How Netlify and Cloudflare match a rule, read liberally: a splat also matches its folder, a trailing slash is optional. */
  const matches = (pattern: string, pathname: string) => {
    if (pattern.endsWith('/*')) {
      const folder = pattern.slice(0, -1);
      return pathname.startsWith(folder) || pathname === folder.slice(0, -1);
    }
    if (pattern.endsWith('*')) return pathname.startsWith(pattern.slice(0, -1));
    const trim = (p: string) => (p.length > 1 ? p.replace(/\/$/, '') : p);
    return trim(pattern) === trim(pathname);
  };

  /** Every address the build serves (files, and folders by their index.html), and some it does not. */
  function servedPaths(): string[] {
    const paths = ['/', '/no-such-page', '/no-such-page/', '/embed/no-such-chart/', '/values/no-such-value/', '/a/b/c'];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else {
          const url = `/${path.relative(dist, full).split(path.sep).join('/')}`;
          paths.push(url);
          if (entry.name === 'index.html') paths.push(url.slice(0, -'index.html'.length));
        }
      }
    };
    walk(dist);
    return paths;
  }

  it('has no path that matches two rules setting the same header (hosts keep one value, or join them)', () => {
    const paths = servedPaths();
    expect(paths.length).toBeGreaterThan(3600);
    const clashes: string[] = [];
    for (const pathname of paths) {
      const setBy = new Map<string, string[]>();
      for (const rule of rules.filter((r) => matches(r.pattern, pathname))) {
        for (const [name] of rule.headers) setBy.set(name.toLowerCase(), [...(setBy.get(name.toLowerCase()) ?? []), rule.pattern]);
      }
      for (const [name, patterns] of setBy) if (patterns.length > 1) clashes.push(`${pathname}: ${name} from ${patterns.join(' and ')}`);
    }
    expect(clashes.slice(0, 10)).toEqual([]);
  });

  it('gives every built file one complete header set: the CSP, framing only for /embed/*', () => {
    const headersOf = (pathname: string) => new Map(rules.filter((r) => matches(r.pattern, pathname)).flatMap((r) => r.headers).map(([n, v]) => [n.toLowerCase(), v]));
    for (const pathname of servedPaths().filter((p) => !p.startsWith('/no-such') && !p.startsWith('/a/') && !p.includes('/no-such-') && p !== '/_headers')) {
      const headers = headersOf(pathname);
      expect(headers.get('content-security-policy'), pathname).toContain(allowHashes(CONTENT_SECURITY_POLICY, siteHashes));
      for (const name of ['x-content-type-options', 'referrer-policy', 'permissions-policy', 'cross-origin-opener-policy']) expect(headers.has(name), `${pathname} ${name}`).toBe(true);
      if (pathname.startsWith('/embed/')) {
        expect(headers.get('content-security-policy'), pathname).not.toContain('frame-ancestors');
        expect(headers.has('x-frame-options'), pathname).toBe(false);
      } else {
        expect(headers.get('content-security-policy'), pathname).toContain("frame-ancestors 'self'");
        expect(headers.get('x-frame-options'), pathname).toBe('SAMEORIGIN');
      }
    }
  });
});

describe('unknown addresses', () => {
  it('get the 404 page, in the site layout, with status 404', async () => {
    expect(existsSync(path.resolve('dist/404.html'))).toBe(true);
    const context = await newContext(browser());
    const page = await context.newPage();
    const problems = watchPage(page, baseUrl);
    for (const pathname of ['/no-such-page/', '/embed/no-such-chart/', '/values/no-such-value/', '/a/b/c.html']) {
      const response = await page.goto(baseUrl + pathname);
      expect(response?.status(), pathname).toBe(404);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Page not found');
      expect(await page.locator('nav.site-nav a').count(), pathname).toBeGreaterThan(0);
    }
    const home = await page.goto(`${baseUrl}/`);
    expect(home?.status()).toBe(200);
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    await context.close();
  });
});
