import { launchBrowser } from '../scripts/browser.ts';
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1800, height: 1300 } });
await page.goto('file:///tmp/sheet.html'); await page.waitForTimeout(500);
await page.screenshot({ path: '/work/notes/moodle-sheet.png', fullPage: true });
await browser.close();
