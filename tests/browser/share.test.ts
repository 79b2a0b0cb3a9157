import { describe, expect, inject, it } from 'vitest';
import { pageKindsIn } from '../../scripts/page-kinds.ts';
import { pngSize } from '../png-size.ts';
import { colourCount, newContext, useBrowser } from './helpers.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('share cards', () => {
  it('every page kind names its title, description, address and a 1200×630 image that exists and is not blank', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const seen = new Set<string>();
    for (const [kind, path] of Object.entries(pageKindsIn('dist'))) {
      await page.goto(baseUrl + path);
      const meta = await page.evaluate(() =>
        Object.fromEntries(
          ['og:title', 'og:description', 'og:image', 'og:url', 'twitter:card'].map((key) => [
            key,
            document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? '',
          ]),
        ),
      );
      for (const [key, value] of Object.entries(meta)) expect(value, `${kind}: ${key}`).not.toBe('');
      expect(meta['og:title']).toBe(await page.title());
      expect(new URL(meta['og:url']!).pathname).toBe(path);
      expect(meta['twitter:card']).toBe('summary_large_image');
      const image = new URL(meta['og:image']!).pathname;
      if (seen.has(image)) continue;
      seen.add(image);
      const response = await page.request.get(baseUrl + image);
      expect(response.status(), `${kind}: ${image}`).toBe(200);
      const png = await response.body();
      expect(pngSize(png), image).toEqual({ width: 1200, height: 630 });
      expect(await colourCount(page, png), image).toBeGreaterThan(20);
    }
    // A chart's pages share its card; a value's page its category's; the report and the tools the report's.
    expect([...seen]).toEqual(expect.arrayContaining(['/downloads/cards/report.png', '/downloads/cards/top-values.png']));
    expect([...seen].some((p) => /cards\/[a-z]+-values\.png$/.test(p))).toBe(true);
    await context.close();
  });
});
