/**
 * "No browser on this machine" in the browser (issue 21, item 4): the switch shows on OAuth sign-in
 * only, reorders the steps (the file store first, the TOML block instead of `codex mcp add`, then
 * `login --no-browser`), travels in the share link, and is axe-clean in light and dark. The steps'
 * text is src/lib/generator/headless.ts; what Codex does there is proven by
 * tests/conformance/runtime/headless.test.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, fillPlaceholders, openGuide, test } from './fixtures.ts';

const SWITCH = 'No browser on this machine';

/** Cinatra's generator (OAuth by default), with the engine woken by a first click in the form. */
async function cinatra(page: Page): Promise<Locator> {
  await openGuide(page, '/guides/cinatra/');
  const island = page.locator('[data-generator="cinatra"]');
  await island.getByLabel('Server name').click();
  await expect(island.getByLabel(SWITCH)).toBeVisible();
  await fillPlaceholders(island);
  return island;
}

const stepTitles = (island: Locator) => island.locator('.cmg-outputs .cmg-steps > li > h3');

test('the switch reorders the steps: store, TOML block, login --no-browser, check', async ({
  page,
}) => {
  const island = await cinatra(page);
  await expect(stepTitles(island).first()).toHaveText('Add the server');
  await expect(island.locator('[data-output="cli"]')).toContainText('codex mcp add cinatra');

  await island.getByLabel(SWITCH).check();
  await expect(stepTitles(island)).toHaveText([
    'Keep OAuth tokens in a file',
    'Add the server without signing in',
    'Sign in without a browser',
    'Check it',
  ]);
  const steps = island.locator('[data-headless] > li');
  await expect(steps.nth(0).locator('[data-output="toml-top"]')).toHaveText(
    'mcp_oauth_credentials_store = "file"',
  );
  await expect(steps.nth(1).locator('[data-output="toml"]')).toContainText('[mcp_servers.cinatra]');
  await expect(island.locator('[data-output="cli"]')).toHaveCount(0);
  await expect(steps.nth(2).locator('[data-output="login"]')).toHaveText(
    'codex mcp login cinatra --no-browser',
  );
  await expect(steps.nth(2)).toContainText('Callback URL (input hidden):');

  // A fixed callback port: the block gains it, and the sign-in step names it for forwarding.
  await island.locator('summary', { hasText: 'Advanced settings' }).click();
  await island.getByLabel('OAuth callback port (mcp_oauth_callback_port)').fill('8765');
  await expect(steps.nth(0).locator('[data-output="toml-top"]')).toHaveText(
    'mcp_oauth_credentials_store = "file"\nmcp_oauth_callback_port = 8765',
  );
  await expect(steps.nth(2)).toContainText('ssh -L 8765:127.0.0.1:8765 THIS-HOST');

  // Off again: the usual steps.
  await island.getByLabel(SWITCH).uncheck();
  await expect(stepTitles(island).first()).toHaveText('Add the server');
});

test('an older Codex without --no-browser: plain login and the callback address requested with curl', async ({
  page,
}) => {
  const island = await cinatra(page);
  await island.getByLabel(SWITCH).check();
  await island.getByLabel('Codex version').selectOption('0.140.0');
  const login = island.locator('[data-headless] > li[data-step="login"]');
  await expect(login.locator('[data-output="login"]')).toHaveText('codex mcp login cinatra');
  await expect(login).toContainText('Codex 0.140.0 has no --no-browser (it came in 0.156.0)');
  await expect(login).toContainText("curl 'ADDRESS'");
});

test('the switch shows on OAuth only', async ({ page }) => {
  const island = await cinatra(page);
  await island.getByRole('radio', { name: /^Static bearer token/ }).check();
  await expect(island.getByLabel(SWITCH)).toHaveCount(0);
});

test('the share link carries the switch, and opening it turns it on', async ({ page }) => {
  const island = await cinatra(page);
  await island.getByLabel(SWITCH).check();
  await island.getByRole('button', { name: 'Copy link for teammates' }).click();
  await expect(island.locator('.cmg-live')).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/[#&]nobrowser=on(&|$)/);
  // A fresh load (not a same-page hash change), as a teammate opening the link gets.
  await page.goto('about:blank');
  await openGuide(page, link.replace(new URL(link).origin, ''));
  const opened = page.locator('[data-generator="cinatra"]');
  await expect(opened.getByLabel(SWITCH)).toBeChecked();
  await expect(stepTitles(opened).first()).toHaveText('Keep OAuth tokens in a file');
  await expect(opened.locator('[data-link-notice]')).toContainText(SWITCH);
});

for (const theme of ['light', 'dark'] as const) {
  test(`switch on: no axe violations (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    const island = await cinatra(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await island.getByLabel(SWITCH).check();
    await expect(island.locator('[data-headless]')).toBeVisible();
    const axe = await new AxeBuilder({ page }).include('[data-generator="cinatra"]').analyze();
    expect(
      axe.violations.map(
        (v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.html.slice(0, 200)).join(' | ')}`,
      ),
    ).toEqual([]);
  });
}
