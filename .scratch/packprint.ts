import { launchBrowser } from '../scripts/browser.ts';
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
for (const id of ['context-heatmap', 'taxonomy-sunburst']) {
  await page.goto(`file:///tmp/pack/web_resources/${id}/handout.html`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `/tmp/pack-${id}.pdf`, format: 'A4' });
}
await browser.close();
