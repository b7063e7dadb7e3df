/**
 * The README's screenshot: a guide with its generator, from the production build (dist/) served with
 * its _headers, in headless Chromium. `npx astro build && node scripts/screenshot.ts` rewrites
 * docs/screenshot.png (PNG, 980 × 1180 px, under 150 KB).
 */
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from '../tests/support/browser.ts';
import { serveDist } from '../tests/support/serve.ts';

const executablePath = findChromium();
if (!executablePath) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
const { server, url } = await serveDist('dist');
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1240 } });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${url}/guides/nekt/`);
  const island = page.locator('[data-generator]').first();
  // The generator, top of the form at the top of the picture, filled in as a reader would.
  await island.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.mouse.wheel(0, -70);
  await island.getByLabel('Server name').click();
  await page.locator('[data-generator][data-hydrated="true"]').first().waitFor();
  await island.getByLabel('Server name').fill('nekt-sales');
  await page.waitForTimeout(500);
  // Left out: the page's own contents list on the right (it only repeats the headings).
  const png = await page.screenshot({
    type: 'png',
    clip: { x: 0, y: 0, width: 980, height: 1180 },
  });
  writeFileSync('docs/screenshot.png', png);
  console.log(`Wrote docs/screenshot.png (${png.length} B)`);
} finally {
  await browser.close();
  server.close();
}
