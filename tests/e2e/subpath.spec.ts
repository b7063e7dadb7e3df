/**
 * Smoke test of a sub-path build, as GitHub Pages serves a project site (`BASE_PATH=/codex-mcp/`,
 * dist-subpath/ from `npm run build:subpath`), served with its _headers under /codex-mcp/ only:
 * every request the pages make stays under the base path and succeeds; the home page leads to a
 * guide; the generator's engine loads and its share link reopens the same output; search finds a
 * page and links under the base; Add to Codex writes a badge and link under the base.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { BASE, serveSubpath } from './subpath-support.ts';

const site = serveSubpath();
const { guard } = site;

test.setTimeout(90_000);

test('home → guide → generator → share link, all under /codex-mcp/, with the production headers', async ({
  page,
  browser,
}) => {
  const check = guard(page);
  const response = await page.goto(`${site.url}/`);
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await page.getByRole('link', { name: /Nekt/ }).first().click();
  await expect(page).toHaveURL(`${site.url}/guides/nekt/`);
  const island = page.locator('[data-generator]').first();
  await page.locator('[data-generator][data-hydrated="true"]').first().waitFor();
  await island.getByLabel('Server name').fill('sub-path');
  await expect(island.locator('[data-output="toml"]')).toContainText('[mcp_servers.sub-path]');
  await island.getByRole('button', { name: 'Copy link for teammates' }).click();
  await expect(island.locator('.cmg-live')).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link.startsWith(`${site.url}/guides/nekt/#`)).toBe(true);
  const fresh = await browser.newPage();
  const checkFresh = guard(fresh);
  await fresh.goto(link);
  await fresh.locator('[data-generator][data-hydrated="true"]').first().waitFor();
  // The link is read once the engine has loaded: slow on a loaded machine.
  await expect(fresh.locator('[data-output="toml"]').first()).toContainText(
    '[mcp_servers.sub-path]',
    { timeout: 20_000 },
  );
  checkFresh();
  await fresh.close();
  check();
});

test('search loads its index from under the base path and links there', async ({ page }) => {
  const check = guard(page);
  await page.goto(`${site.url}/reference/troubleshooting/`);
  await page.getByRole('button', { name: 'Search' }).first().click();
  await page.getByPlaceholder('Search').last().fill('codex mcp login');
  const result = page.locator('.pagefind-ui__result-link').first();
  await expect(result).toBeVisible({ timeout: 15_000 });
  expect(await result.getAttribute('href')).toMatch(/^\/codex-mcp\//);
  check();
});

test('Add to Codex: the badge image and the prefilled link are under the base path', async ({
  page,
}) => {
  const check = guard(page);
  await page.goto(`${site.url}/tools/add-to-codex/`);
  const json = readFileSync('tests/fixtures/server-json/brave-search-mcp-server.json', 'utf8');
  await page.locator('#sj-authors-paste').click();
  await page.locator('#sj-authors-paste').fill(json);
  const link = page.locator('[data-output="sj-link"]').first();
  await expect(link).toContainText(`${site.url}/guides/custom/#v=1&`);
  await expect(page.locator('[data-output="sj-badge-md"]').first()).toContainText(
    `[![Add to Codex](${site.url}/badges/add-to-codex.svg)]`,
  );
  const img = page.locator('[data-sj="badge-link"] img');
  await expect(img).toHaveAttribute('src', `${BASE}badges/add-to-codex.svg`);
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  check();
});

test('the server answers only under the base path, as GitHub Pages does', async ({ request }) => {
  const root = new URL(site.url).origin;
  expect((await request.get(`${root}/guides/nekt/`)).status()).toBe(404);
  expect((await request.get(`${site.url}/guides/nekt/`)).status()).toBe(200);
  expect((await request.get(`${site.url}/og.png`)).headers()['content-type']).toBe('image/png');
});
