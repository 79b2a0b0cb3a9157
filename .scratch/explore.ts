import { launchBrowser } from '../scripts/browser.ts';
import { startStaticServer } from '../scripts/static-server.ts';
const site = await startStaticServer('/work/main/dist');
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 700, height: 900 } });
for (const path of ['/embed/value-family/?family=respect', '/embed/top-values/?limit=20&category=Epistemic', '/embed/taxonomy-sunburst/', '/embed/value-family/']) {
  await page.goto(site.url + path); await page.waitForLoadState('networkidle');
  console.log(path, '→', await page.locator('.chart-explore a').getAttribute('href'));
}
await page.goto(site.url + '/embed/value-family/');
await page.selectOption('select[name="family"]', 'wellbeing'); await page.waitForTimeout(800);
console.log('after choosing →', await page.locator('.chart-explore a').getAttribute('href'));
await browser.close(); await site.close();
