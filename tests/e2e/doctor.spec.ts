/**
 * The config doctor in the browser: a pasted config gets Codex's verdict per server, a corrected
 * block that copies exactly, and a merge preview that keeps the rest of the file and warns on a
 * name collision. (The verdicts themselves are checked against the real CLI in the conformance suite.)
 */
import { expect, test } from './fixtures.ts';

const BROKEN = `# my servers
[mcp_servers.github]
url = "https://api.example.com/mcp"
bearer_token = "ghp_not_a_real_token_1234567890"

[mcp_servers.docs]
command = "npx"
args = ["-y", "docs-mcp"]
headers = { "X-Team" = "a" }
`;

test('a pasted config gets per-server verdicts and corrected blocks that copy exactly', async ({ page }) => {
  await page.goto('/tools/config-doctor/');
  await page.locator('[data-doctor][data-hydrated="true"]').waitFor();
  await page.getByLabel('Your config.toml').fill(BROKEN);

  // Codex refuses the whole file because of the inline bearer_token.
  await expect(page.locator('[data-loads]')).toHaveAttribute('data-loads', 'false');
  const github = page.locator('[data-server="github"]');
  await expect(github).toContainText('Codex refuses to load');
  await expect(github).toContainText('bearer_token');
  // The unknown `headers` key on the stdio server is reported as ignored.
  await expect(page.locator('[data-server="docs"]')).toContainText('Silently ignored by Codex');

  // The corrected block moves the token to a variable and never repeats the secret.
  const corrected = github.locator('pre[data-output]').first();
  const text = (await corrected.textContent()) ?? '';
  expect(text).toContain('[mcp_servers.github]');
  expect(text).toContain('bearer_token_env_var = ');
  expect(text).not.toContain('ghp_not_a_real_token');
  await github.getByRole('button', { name: /^Copy Corrected/ }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  await expect(page.locator('.cmg-live')).toContainText('copied');
});

test('the merge preview keeps the rest of the file and warns when the name already exists', async ({ page }) => {
  await page.goto('/tools/config-doctor/');
  await page.locator('[data-doctor][data-hydrated="true"]').waitFor();
  const existing = '# keep this comment\nmodel = "o3"\n\n[mcp_servers.nekt]\nurl = "https://old.example/mcp"\nstartup_timeout_sec = 90\n';
  await page.getByLabel('Your current config.toml').fill(existing);
  await page.getByLabel('Server name', { exact: true }).fill('nekt');
  await page.getByLabel('Block to merge').fill('[mcp_servers.nekt]\nurl = "https://mcp.nekt.com/mcp"\nbearer_token_env_var = "NEKT_MCP_BEARER_TOKEN"\n');
  const result = page.locator('.cmd-merge-result');
  await expect(result).toHaveAttribute('data-merge-collision', 'true');
  await expect(result.locator('[data-merge-warning]')).toContainText('startup_timeout_sec');
  const merged = (await result.locator('[data-output="merged"]').textContent()) ?? '';
  expect(merged.startsWith('# keep this comment\nmodel = "o3"\n')).toBe(true);
  expect(merged).toContain('bearer_token_env_var = "NEKT_MCP_BEARER_TOKEN"');
  expect(merged).not.toContain('old.example');
});
