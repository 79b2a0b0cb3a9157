import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './helpers.ts';

/** The tests' build has no SITE_URL: a local preview, which says so wherever the site hands out its own address. */
const baseUrl = inject('baseUrl');
const browser = useBrowser();
const NOTICE = '[data-preview-notice]';

describe('a local preview build (no SITE_URL)', () => {
  it('says where the course packs are offered that their links work only on the computer that built it', async () => {
    for (const path of ['/charts/', '/charts/top-values/teach/']) {
      const { page, close } = await openPage(browser(), baseUrl + path);
      const notice = page.locator(NOTICE);
      await expect.poll(() => notice.count(), { message: path }).toBe(1);
      expect(await notice.textContent()).toMatch(/local preview.*http:\/\/localhost:4321.*only on the computer that built/is);
      await close();
    }
  });

  it('says so in the Embed and Cite panels, on the report (written when a panel opens) and on chart pages', async () => {
    for (const [path, figure] of [['/', 'category-shares'], ['/charts/top-values/', 'top-values']] as const) {
      const { page, problems, close } = await openPage(browser(), baseUrl + path);
      for (const tool of ['embed', 'cite']) {
        const details = page.locator(`#${figure} details[data-tool="${tool}"]`);
        await details.locator('summary').click();
        await expect.poll(() => details.locator(NOTICE).count(), { message: `${path} ${tool}` }).toBe(1);
        expect(await details.locator(NOTICE).isVisible()).toBe(true);
      }
      expect(problems).toEqual([]);
      await close();
    }
  });
});
