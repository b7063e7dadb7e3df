/**
 * The generator's "As a Codex plugin" block (issue 23, item 1): loaded with the engine, collapsed
 * under the TOML block; the files name variables only (a canary typed into the secret field never
 * appears); withheld with the other outputs while a field is marked; a relative cwd refused in the
 * block. What Codex does with these files is proven by tests/conformance/plugin.test.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, openGuide, test } from './fixtures.ts';

const CANARY = `CANARYplugin${Math.random().toString(36).slice(2, 10)}`;

test('Nekt: the plugin files name the variable, never the typed token, and pass axe', async ({
  page,
}) => {
  await openGuide(page, '/guides/nekt/');
  const island = page.locator('[data-generator="nekt"]');
  // Typing wakes the engine, which brings the plugin block.
  await island.locator('[data-secret]').first().fill(CANARY);
  const plugin = island.locator('[data-plugin]');
  await plugin.locator('summary', { hasText: 'As a Codex plugin' }).click();
  const servers = plugin.locator('[data-output="mcp-json"]');
  await expect(servers).toHaveText(
    JSON.stringify(
      {
        mcpServers: {
          nekt: {
            url: 'https://mcp.nekt.com/mcp',
            bearer_token_env_var: 'NEKT_MCP_BEARER_TOKEN',
          },
        },
      },
      null,
      2,
    ),
  );
  await expect(plugin.locator('[data-output="plugin-json"]')).toContainText('"name": "nekt"');
  await expect(plugin.getByRole('link', { name: 'Plugins and marketplaces' })).toHaveAttribute(
    'href',
    /\/reference\/plugins\/$/,
  );
  // Axe before the copies: a copy button's brief "Copied" text is not its accessible name.
  const axe = await new AxeBuilder({ page }).include('[data-generator="nekt"]').analyze();
  expect(
    axe.violations.map(
      (v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.html.slice(0, 200)).join(' | ')}`,
    ),
  ).toEqual([]);
  // The typed token reaches neither file nor anything else in the block, even after copying both.
  for (const button of await plugin.getByRole('button', { name: /^Copy / }).all())
    await button.click();
  expect(await plugin.textContent()).not.toContain(CANARY);
  // The secret is still typed: the env block holds it, the plugin block still does not.
  await island.locator('[data-secret]').first().fill(`${CANARY}2`);
  await expect(servers).toContainText('NEKT_MCP_BEARER_TOKEN');
  expect(await plugin.textContent()).not.toContain(CANARY);
});

test('the plugin block is withheld while a field is marked, like the other outputs', async ({
  page,
}) => {
  await openGuide(page, '/guides/nekt/');
  const island = page.locator('[data-generator="nekt"]');
  const name = island.getByLabel('Server name');
  await name.fill('bad name!');
  await expect(island.locator('.cmg-blocked')).toBeVisible();
  await expect(island.locator('[data-plugin]')).toHaveCount(0);
  await name.fill('nekt');
  await expect(island.locator('[data-plugin]')).toHaveCount(1);
});

test('a relative cwd gets the refusal in the plugin block, never a file', async ({ page }) => {
  await openGuide(page, '/guides/custom/');
  const island = page.locator('[data-generator="custom"]');
  await island.getByRole('radio', { name: /^Local/ }).check();
  await island.getByLabel('Server name').fill('docs');
  await island.getByLabel('Command', { exact: true }).fill('npx');
  await island.getByLabel('Working directory').fill('sub/dir');
  const plugin = island.locator('[data-plugin]');
  await plugin.locator('summary').click();
  await expect(plugin.locator('[data-plugin-problems]')).toContainText(
    'Working directory: in a plugin, Codex reads "sub/dir" as a folder inside the plugin\'s installed copy',
  );
  await expect(plugin.locator('[data-output="mcp-json"]')).toHaveCount(0);
  // The TOML block, which keeps a relative cwd as typed, is still there.
  await expect(island.locator('[data-output="toml"]')).toContainText('cwd = "sub/dir"');
  await island.getByLabel('Working directory').fill('/srv/docs');
  await expect(plugin.locator('[data-output="mcp-json"]')).toContainText('"cwd": "/srv/docs"');
});

test('tool approval settings are carried into .mcp.json, as into the TOML block', async ({
  page,
}) => {
  await openGuide(page, '/guides/custom/');
  const island = page.locator('[data-generator="custom"]');
  await island.getByRole('radio', { name: 'Remote, no login' }).check();
  await island.getByLabel('Server URL').fill('https://mcp.example.com/mcp');
  await island.getByLabel('Server name').fill('docs');
  await island.locator('summary', { hasText: 'Advanced settings' }).click();
  await island
    .getByRole('group', { name: /Tool approval for this server/ })
    .getByRole('radio', { name: 'approve' })
    .check();
  await island.getByLabel('Per-tool approval').fill('search = prompt');
  const plugin = island.locator('[data-plugin]');
  await plugin.locator('summary', { hasText: 'As a Codex plugin' }).click();
  await expect(plugin.locator('[data-output="mcp-json"]')).toHaveText(
    JSON.stringify(
      {
        mcpServers: {
          docs: {
            url: 'https://mcp.example.com/mcp',
            default_tools_approval_mode: 'approve',
            tools: { search: { approval_mode: 'prompt' } },
          },
        },
      },
      null,
      2,
    ),
  );
  await expect(plugin.locator('[data-plugin-problems]')).toHaveCount(0);
});
