/**
 * The JS budget as a browser sees it: load every built page, let it sit idle without interacting
 * and add up every JavaScript response plus its inline scripts, gzip -9 (fetchedBeforeInteraction,
 * shared with the bench). It must stay within 25 KB and match the static count
 * (tests/build/bytes.test.ts) file for file, so nothing loaded on idle or by a preload can hide.
 * On every guide, the first interaction then fetches at most 30 KB more (the generator engine; no
 * highlighter), again file for file as the static count says.
 */
import { readFileSync } from 'node:fs';
import {
  builtPages,
  AFTER_INTERACTION_CEILING,
  CRITICAL_JS_BUDGET,
  criticalBytes,
  fetchedBeforeInteraction,
  fetchedOnFirstInteraction,
  firstInteractionChunks,
  guidePages,
  looksLikeHighlighter,
} from '../support/budget.ts';
import { expect, test } from './fixtures.ts';

const DIST = 'dist';

const PAGES = builtPages(DIST);

test('the budget scan covers every built page', () => {
  expect(PAGES.length).toBeGreaterThanOrEqual(10);
});

for (const { file, path } of PAGES) {
  test(`${path}: at most 25 KB of JS fetched before any interaction, as the static count says`, async ({
    page,
  }) => {
    const fetched = await fetchedBeforeInteraction(page, path);
    console.log(
      `${path}: fetched ${fetched.files.size} JS files, ${fetched.external} B + ${fetched.inline} B inline = ${fetched.total} B gzipped`,
    );
    const expected = criticalBytes(DIST, readFileSync(file, 'utf8'));
    expect([...fetched.files.keys()].sort()).toEqual([...expected.files].sort());
    expect(fetched.total).toBe(expected.external + expected.inline);
    expect(fetched.total).toBeLessThanOrEqual(CRITICAL_JS_BUDGET);
  });
}

const GUIDES = new Set(guidePages(DIST));
for (const { file, path } of PAGES.filter((p) => GUIDES.has(p.file))) {
  test(`${path}: at most 30 KB of JS fetched on the first interaction, as the static count says`, async ({
    page,
  }) => {
    const fetched = await fetchedOnFirstInteraction(page, path);
    console.log(
      `${path}: first interaction fetched ${fetched.files.size} JS files, ${fetched.total} B gzipped`,
    );
    const expected = firstInteractionChunks(DIST, readFileSync(file, 'utf8'));
    expect([...fetched.files.keys()].sort()).toEqual(expected.files);
    expect(fetched.total).toBe(expected.bytes);
    expect([...fetched.files.keys()].filter((f) => looksLikeHighlighter(f, DIST))).toEqual([]);
    expect(fetched.total).toBeLessThanOrEqual(AFTER_INTERACTION_CEILING);
  });
}

test('search loads its UI only when opened, by click, Ctrl+K or "/", and still finds pages', async ({
  page,
}) => {
  const searchUI: string[] = [];
  page.on('request', (r) => {
    if (/search-ui|pagefind-ui/.test(r.url())) searchUI.push(new URL(r.url()).pathname);
  });
  await page.goto('/reference/share-links/', { waitUntil: 'networkidle' });
  await page.waitForTimeout(1000);
  expect(searchUI, 'search UI fetched before search was opened').toEqual([]);
  // "/" outside a text field opens search; the UI loads then and takes the focus.
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  const input = page.getByPlaceholder('Search').last();
  await expect(input).toBeFocused();
  expect(searchUI.length).toBeGreaterThan(0);
  await input.fill('codex mcp');
  await expect(page.locator('.pagefind-ui__result').first()).toBeVisible({ timeout: 10_000 });
  await page.keyboard.press('Escape');
  await expect(page.locator('site-search dialog')).not.toHaveAttribute('open');
  // Ctrl+K toggles it, as in Starlight.
  await page.keyboard.press('Control+k');
  await expect(page.locator('site-search dialog')).toHaveAttribute('open');
  await page.keyboard.press('Control+k');
  await expect(page.locator('site-search dialog')).not.toHaveAttribute('open');
});
