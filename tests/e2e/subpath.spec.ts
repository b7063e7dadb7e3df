/**
 * Smoke test of a sub-path build, as GitHub Pages serves a project site (`BASE_PATH=/codex-mcp/`,
 * dist-subpath/ from `npm run build:subpath`), served with its _headers under /codex-mcp/ only:
 * every request the pages make stays under the base path and succeeds; the home page leads to a
 * guide; the generator's engine loads and its share link reopens the same output; search finds a
 * page and links under the base; Add to Codex writes a badge and link under the base.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { test, expect, type Page } from '@playwright/test';
import { serveDist } from '../support/serve.ts';

const DIR = 'dist-subpath';
const BASE = '/codex-mcp/';
let server: Server | undefined;
let site = '';

test.beforeAll(async () => {
  expect(existsSync(`${DIR}/index.html`), `${DIR}/ is missing: run npm run build:subpath`).toBe(
    true,
  );
  const served = await serveDist(DIR, 0, BASE);
  server = served.server;
  site = served.url; // http://127.0.0.1:PORT/codex-mcp
});

test.afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** Records every request and failed response; after the test, each must be under the base path. */
function guard(page: Page): () => void {
  const outside: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${site}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))
      outside.push(url);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return () => {
    expect(outside, 'requests outside the base path').toEqual([]);
    expect(failed, 'failed requests').toEqual([]);
    expect(errors, 'uncaught page errors').toEqual([]);
  };
}

test.setTimeout(90_000);

test('home → guide → generator → share link, all under /codex-mcp/, with the production headers', async ({
  page,
  browser,
}) => {
  const check = guard(page);
  const response = await page.goto(`${site}/`);
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await page.getByRole('link', { name: /Nekt/ }).first().click();
  await expect(page).toHaveURL(`${site}/guides/nekt/`);
  const island = page.locator('[data-generator]').first();
  await page.locator('[data-generator][data-hydrated="true"]').first().waitFor();
  await island.getByLabel('Server name').fill('sub-path');
  await expect(island.locator('[data-output="toml"]')).toContainText('[mcp_servers.sub-path]');
  await island.getByRole('button', { name: 'Copy link for teammates' }).click();
  await expect(island.locator('.cmg-live')).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link.startsWith(`${site}/guides/nekt/#`)).toBe(true);
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
  await page.goto(`${site}/reference/troubleshooting/`);
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
  await page.goto(`${site}/tools/add-to-codex/`);
  const json = readFileSync('tests/fixtures/server-json/brave-search-mcp-server.json', 'utf8');
  await page.locator('#sj-authors-paste').click();
  await page.locator('#sj-authors-paste').fill(json);
  const link = page.locator('[data-output="sj-link"]').first();
  await expect(link).toContainText(`${site}/guides/custom/#v=1&`);
  await expect(page.locator('[data-output="sj-badge-md"]').first()).toContainText(
    `[![Add to Codex](${site}/badges/add-to-codex.svg)]`,
  );
  const img = page.locator('[data-sj="badge-link"] img');
  await expect(img).toHaveAttribute('src', `${BASE}badges/add-to-codex.svg`);
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  check();
});

test('the server answers only under the base path, as GitHub Pages does', async ({ request }) => {
  const root = new URL(site).origin;
  expect((await request.get(`${root}/guides/nekt/`)).status()).toBe(404);
  expect((await request.get(`${site}/guides/nekt/`)).status()).toBe(200);
  expect((await request.get(`${site}/og.png`)).headers()['content-type']).toBe('image/png');
});
