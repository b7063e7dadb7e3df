/**
 * The JS budget as a browser sees it: load every built page, let it sit idle (network idle, then
 * idle callbacks and two more seconds) without interacting, and add up every JavaScript response
 * it fetched plus its inline scripts, gzip -9. It must stay within 25 KB and match the static count
 * (tests/build/bytes.test.ts) file for file, so nothing loaded on idle or by a preload can hide.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { CRITICAL_JS_BUDGET, criticalBytes, gzipBytes, htmlPages, inlineScripts } from '../support/budget.ts';
import { expect, test } from './fixtures.ts';

const DIST = 'dist';

/** URL path of a built page file: dist/guides/nekt/index.html → /guides/nekt/, dist/404.html → /404.html. */
function urlOf(file: string): string {
  const rel = relative(DIST, file).split(sep).join('/');
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

const PAGES = htmlPages(DIST).map((file) => ({ file, path: urlOf(file) }));

test('the budget scan covers every built page', () => {
  expect(PAGES.length).toBeGreaterThanOrEqual(10);
});

for (const { file, path } of PAGES) {
  test(`${path}: at most 25 KB of JS fetched before any interaction, as the static count says`, async ({ page, baseURL }) => {
    const scripts = new Map<string, number>();
    const pending: Promise<void>[] = [];
    page.on('response', (r) => {
      const type = r.headers()['content-type'] ?? '';
      if (r.request().resourceType() !== 'script' && !/javascript/.test(type)) return;
      pending.push(
        r.body().then(
          (body) => void scripts.set(new URL(r.url()).pathname, gzipBytes(body)),
          () => undefined,
        ),
      );
    });
    const response = await page.goto(path, { waitUntil: 'networkidle' });
    // Idle callbacks (where Starlight used to load search) and a quiet spell for anything later.
    await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => requestIdleCallback(() => resolve()))));
    await page.waitForTimeout(2000);
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const html = (await response?.text()) ?? '';
    const inline = inlineScripts(html).length === 0 ? 0 : gzipBytes(inlineScripts(html).join('\n'));
    const external = [...scripts.values()].reduce((a, b) => a + b, 0);
    console.log(`${path}: fetched ${scripts.size} JS files, ${external} B + ${inline} B inline = ${external + inline} B gzipped`);
    expect(new URL(page.url()).origin).toBe(baseURL);

    const expected = criticalBytes(DIST, readFileSync(file, 'utf8'));
    expect([...scripts.keys()].sort()).toEqual([...expected.files].sort());
    expect(external + inline).toBe(expected.external + expected.inline);
    expect(external + inline).toBeLessThanOrEqual(CRITICAL_JS_BUDGET);
  });
}
