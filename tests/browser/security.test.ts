import { describe, expect, inject, it } from 'vitest';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/site/security.ts';
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
      expect(response?.headers()['content-security-policy']).toContain(CONTENT_SECURITY_POLICY);
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CONTENT_SECURITY_POLICY);
      await interact(page);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
      expect(problems).toEqual([]);
      // Nothing inline to allow in the served HTML: every script and style is a file.
      const html = await response!.text();
      const inline = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'text/html');
        return doc.querySelectorAll('script:not([src]), style, [style]').length;
      }, html);
      expect(inline).toBe(0);
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
