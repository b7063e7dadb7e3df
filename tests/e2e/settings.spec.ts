/**
 * The settings around a server in the browser (issue 12): tool approval and the top-level OAuth
 * block, the config path label following the shell, and the reserved name codex_apps flagged at the
 * Server name field. What Codex does with each block is proven by tests/conformance/settings.test.ts.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openGuide, test } from './fixtures.ts';

/** The "any MCP server" generator in `mode`, with a server URL and name typed in. */
async function customGuide(page: Page, mode: string): Promise<Locator> {
  await openGuide(page, '/guides/custom/');
  const island = page.locator('[data-generator="custom"]');
  await island.getByRole('radio', { name: mode }).check();
  await island.getByLabel('Server URL').fill('https://mcp.example.com/mcp');
  await island.getByLabel('Server name').fill('docs');
  await island.locator('summary', { hasText: 'Advanced settings' }).click();
  return island;
}

test('tool approval per server and per tool lands in the TOML block, and the command lists the keys to add', async ({
  page,
}) => {
  const island = await customGuide(page, 'Remote, no login');
  await island
    .getByRole('group', { name: /Tool approval for this server/ })
    .getByRole('radio', { name: 'prompt' })
    .check();
  await island.getByLabel('Per-tool approval').fill('search = approve\nget.page = writes');
  await expect(island.locator('[data-output="toml"]')).toHaveText(
    '[mcp_servers.docs]\nurl = "https://mcp.example.com/mcp"\ndefault_tools_approval_mode = "prompt"\n\n' +
      '[mcp_servers.docs.tools.search]\napproval_mode = "approve"\n\n[mcp_servers.docs.tools."get.page"]\napproval_mode = "writes"',
  );
  await expect(island.locator('[data-cli-note]')).toContainText('default_tools_approval_mode');
  await expect(island.locator('[data-cli-note]')).toContainText('tools');
  // No OAuth keys for a server without OAuth.
  await expect(island.getByLabel('OAuth callback port (mcp_oauth_callback_port)')).toHaveCount(0);
});

test('a per-tool line Codex would refuse is marked at its field and blocks the outputs', async ({
  page,
}) => {
  const island = await customGuide(page, 'Remote, no login');
  await island.getByLabel('Per-tool approval').fill('search = never');
  await expect(island.locator('[data-field$="-toolApprovals"] .cmg-error')).toContainText(
    'Per-tool approval, line 1: mode "never" is not a mode Codex 0.171.0 accepts: use one of "auto", "prompt", "writes", "approve".',
  );
  await expect(island.locator('[data-output="toml"]')).toHaveCount(0);
});

test('OAuth store and callback port are a separate top-level block, not inside the server table', async ({
  page,
}) => {
  const island = await customGuide(page, 'Remote, OAuth login');
  await island
    .getByRole('group', { name: /mcp_oauth_credentials_store/ })
    .getByRole('radio', { name: /^file / })
    .check();
  const port = island.getByLabel('OAuth callback port (mcp_oauth_callback_port)');
  await port.fill('70000');
  await expect(island.locator('[data-field$="-callbackPort"] .cmg-error')).toContainText(
    'OAuth callback port "70000" is not a port number',
  );
  await port.fill('8765');
  await expect(island.locator('[data-output="toml-top"]')).toHaveText(
    'mcp_oauth_credentials_store = "file"\nmcp_oauth_callback_port = 8765',
  );
  await expect(island.locator('[data-toplevel]')).toContainText(
    'at the top of ~/.codex/config.toml, above the first [table], not inside [mcp_servers.…]',
  );
  await expect(island.locator('[data-output="toml"]')).not.toContainText('mcp_oauth');
});

test('the config path label follows the shell, says CODEX_HOME moves it, and links to the page', async ({
  page,
}) => {
  const island = await customGuide(page, 'Remote, no login');
  await expect(island.locator('[data-block="toml"] figcaption')).toContainText(
    '~/.codex/config.toml',
  );
  await expect(island.locator('[data-config-path-note]')).toContainText('$CODEX_HOME/config.toml');
  await island.getByRole('radio', { name: 'PowerShell 7', exact: true }).check();
  await expect(island.locator('[data-block="toml"] figcaption')).toContainText(
    '%USERPROFILE%\\.codex\\config.toml',
  );
  await expect(island.locator('[data-config-path-note]')).toContainText(
    '$env:CODEX_HOME\\config.toml',
  );
  await island.getByRole('radio', { name: 'fish', exact: true }).check();
  await expect(island.locator('[data-block="toml"] figcaption')).toContainText(
    '~/.codex/config.toml',
  );
  await island.locator('[data-config-path-note] a').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Where Codex reads its config');
});

test('codex_apps is flagged at the Server name field and no output is shown', async ({ page }) => {
  const island = await customGuide(page, 'Remote, no login');
  await island.getByLabel('Server name').fill('codex_apps');
  await expect(island.locator('[data-field$="-name"] .cmg-error')).toContainText(
    'the name Codex keeps for its own built-in Apps server',
  );
  await expect(island.locator('[data-output="toml"]')).toHaveCount(0);
  await island.getByLabel('Server name').fill('codex_apps_own');
  await expect(island.locator('[data-output="toml"]')).toContainText(
    '[mcp_servers.codex_apps_own]',
  );
});

test("a teammate's link carries the advanced settings, and opens with the same blocks", async ({
  page,
}) => {
  const island = await customGuide(page, 'Remote, OAuth login');
  await island
    .getByRole('group', { name: /Tool approval for this server/ })
    .getByRole('radio', { name: 'prompt' })
    .check();
  await island.getByLabel('Per-tool approval').fill('search = approve');
  await island.getByLabel('OAuth callback port (mcp_oauth_callback_port)').fill('8765');
  const toml = await island.locator('[data-output="toml"]').textContent();
  const top = await island.locator('[data-output="toml-top"]').textContent();
  expect(toml).toContain('default_tools_approval_mode = "prompt"');

  await island.getByRole('button', { name: 'Copy link for teammates' }).click();
  await expect(island.locator('.cmg-live')).toContainText('Link copied');
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(link.hash).toContain('&approval=prompt&toolapproval=search+%3D+approve&callbackport=8765');

  // A new page load (a goto that only changes the hash would not reload).
  await page.goto('about:blank');
  await openGuide(page, link.pathname + link.hash);
  const opened = page.locator('[data-generator="custom"]');
  await expect(opened.locator('[data-link-notice] li')).toContainText([
    'Tool approval for this server: prompt',
    'Per-tool approval: search = approve',
    'OAuth callback port: 8765',
  ]);
  await expect(opened.getByLabel('Per-tool approval')).toHaveValue('search = approve');
  await expect(opened.locator('[data-output="toml"]')).toHaveText(toml ?? '');
  await expect(opened.locator('[data-output="toml-top"]')).toHaveText(top ?? '');
});
