/**
 * Every built page: it requests nothing but the site's own files (during load and a scripted
 * interaction, search included), raises no CSP violation (the fixture checks both), and axe finds
 * no violations in light and dark themes, including a generator showing errors.
 */
import { appendFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, fillPlaceholders, openGuide, test } from './fixtures.ts';

/** Every page of the build, as a URL path. */
function pages(): string[] {
  return readdirSync('dist', { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => '/' + relative('dist', e.parentPath).split(sep).join('/'))
    .map((p) => (p === '/' ? '/' : `${p}/`))
    .filter((p) => !p.startsWith('/scratch/'))
    .sort();
}

const PAGES = pages();
const stats = { pages: 0, requests: 0 };

test.afterAll(() => {
  mkdirSync('test-results', { recursive: true });
  // One line per worker; docs/testing.md's "pages scanned, requests observed" figures add them up.
  appendFileSync(join('test-results', 'site-stats.jsonl'), `${JSON.stringify(stats)}\n`);
});

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
}

test('the build has the pages this suite scans', () => {
  expect(PAGES).toContain('/');
  expect(PAGES.filter((p) => p.startsWith('/guides/')).length).toBeGreaterThanOrEqual(6);
});

for (const path of PAGES) {
  test(`${path}: only its own files are requested, during load, typing and search`, async ({
    page,
    guards,
  }) => {
    await openGuide(page, path);
    const field = page.locator('[data-generator] input[type="text"]').first();
    if ((await field.count()) > 0) {
      await fillPlaceholders(page.locator('[data-generator]').first());
      await field.fill('net-check');
      await expect(page.locator('[data-output="toml"]').first()).toContainText('net-check');
    }
    // Search loads Pagefind (JS, WebAssembly, index files) on demand: all must come from the site.
    await page.getByRole('button', { name: 'Search' }).first().click();
    await page.getByPlaceholder('Search').last().fill('codex mcp');
    await expect(page.locator('.pagefind-ui__result').first()).toBeVisible({ timeout: 10_000 });
    await page.keyboard.press('Escape');
    stats.pages++;
    stats.requests += guards.requests.length;
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`${path}: no axe violations (${theme})`, async ({ page }) => {
      await setTheme(page, theme);
      await openGuide(page, path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const island = page.locator('[data-generator]').first();
      if ((await island.count()) > 0) {
        // Show the island in its error state too: a bad server name and a bad timeout.
        await island.getByLabel('Server name').fill('bad name!');
        await island.locator('summary').click();
        await island.getByLabel('Startup timeout (seconds)').fill('-3');
        await expect(island.locator('.cmg-error').first()).toBeVisible();
      }
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
      expect(summary).toEqual([]);
    });
  }
}

test('every field of a generator is reachable and operable with the keyboard alone', async ({
  page,
}) => {
  await openGuide(page, '/guides/alloy/');
  const island = page.locator('[data-generator="alloy"]');
  await island.getByRole('radio', { name: /^OAuth/ }).focus();
  // Arrow keys move between auth modes, as in any radio group.
  await page.keyboard.press('ArrowDown');
  await expect(island.getByRole('radio', { name: /^Workspace MCP key/ })).toBeChecked();
  await expect(island.locator('[data-output="cli"]')).toContainText(
    '--bearer-token-env-var ALLOY_MCP_API_KEY',
  );
  // Tab reaches the copy buttons, and Enter copies and announces.
  const copy = island.getByRole('button', { name: /^Copy Command/ }).first();
  await copy.focus();
  await page.keyboard.press('Enter');
  await expect(island.locator('.cmg-live')).toContainText('copied to the clipboard');
});
