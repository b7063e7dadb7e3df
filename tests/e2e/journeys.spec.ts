/**
 * Issue 21's eight tasks, tried as a new user would, start to finish, on the production build: each
 * journey does what a person does and asserts what that person needs, then checks the page it ends
 * on with axe in light and dark (before any Copy is pressed: a button's passing "Copied" label is
 * OutputBlock's own, checked elsewhere). The share-link journey runs again on the sub-path build in
 * journeys-subpath.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { expect, openGuide, output, test } from './fixtures.ts';
import {
  axeLightAndDark,
  clipboard,
  codexServers,
  exactly,
  shareJourney,
} from './journeys-support.ts';

test.describe.configure({ timeout: 120_000 });

test('1. fish + Nekt: fish variables, a command that reads them, exact copies, no token in the link', async ({
  page,
}) => {
  const TOKEN = 'nekt_tok_9f8e7d6c5b4a';
  await openGuide(page, '/guides/nekt/');
  const island = page.locator('[data-generator="nekt"]');
  await island.getByRole('radio', { name: 'fish', exact: true }).check();
  await island.getByLabel('Nekt MCP token').fill(TOKEN);
  const env = island.locator('[data-output="env-fish"]');
  await expect(env).toBeVisible();
  await exactly(
    env,
    `# Run in fish; use "set -Ux" instead of "set -gx" to keep them for every new shell.\nset -gx NEKT_MCP_BEARER_TOKEN '${TOKEN}'`,
  );
  await expect(island.locator('[data-output="env"]')).toBeHidden();
  const cli = island.locator('[data-output="cli-fish"]');
  await exactly(
    cli,
    'codex mcp add nekt --url https://mcp.nekt.com/mcp --bearer-token-env-var NEKT_MCP_BEARER_TOKEN',
  );
  await axeLightAndDark(page);

  for (const [button, block] of [
    ['Copy Environment (fish)', env],
    ['Copy Command (fish)', cli],
  ] as const) {
    await island.getByRole('button', { name: button }).click();
    await expect.poll(() => clipboard(page)).toBe(await block.textContent());
  }
  await island.getByRole('button', { name: 'Copy link for teammates' }).click();
  await expect(island.locator('.cmg-live')).toContainText('Tokens and keys are never included.');
  const link = await clipboard(page);
  expect(link).toContain('/guides/nekt/#');
  expect(decodeURIComponent(link)).not.toContain(TOKEN);
  expect(page.url()).not.toContain(TOKEN);
});

test('2. PowerShell + Omni: a pasted URL is read as the host; $env: lines and a PowerShell command', async ({
  page,
}) => {
  await openGuide(page, '/guides/omni/');
  const island = page.locator('[data-generator="omni"]');
  await island.getByRole('radio', { name: /^API key/ }).check();
  await island
    .getByLabel('Omni instance host', { exact: true })
    .fill('https://acme.omniapp.co/mcp/https');
  await expect(island.locator('[data-field="cmg-omni-p-instance"] .cmg-warning')).toContainText(
    'Read as the host acme.omniapp.co',
  );
  await island.getByRole('radio', { name: 'PowerShell 7', exact: true }).check();
  await expect(island.locator('[data-output="env-powershell"]')).toContainText(
    "$env:OMNI_API_KEY = 'paste-your-omni-api-key'",
  );
  await exactly(
    island.locator('[data-output="cli-powershell"]'),
    'codex mcp add omni --url https://acme.omniapp.co/mcp/https --bearer-token-env-var OMNI_API_KEY',
  );
  await expect(island.locator('[data-output="cli"]')).toBeHidden();
  expect(await output(page, 'toml')).toContain('url = "https://acme.omniapp.co/mcp/https"');
  await axeLightAndDark(page);
});

test('3. headless SSH host + CData OAuth: the file store, then the TOML block, then login --no-browser', async ({
  page,
}) => {
  await openGuide(page, '/guides/cdata-connect-ai/');
  const island = page.locator('[data-generator="cdata-connect-ai"]');
  // The reader confirms the sign-in method; the switch shows once the form is first used.
  const oauth = island.getByRole('radio', { name: /^OAuth/ });
  await expect(oauth).toBeChecked();
  await oauth.click();
  await island.getByLabel('No browser on this machine').check();
  const steps = island.locator('[data-headless] > li');
  await expect(steps.locator('> h3')).toHaveText([
    'Keep OAuth tokens in a file',
    'Add the server without signing in',
    'Sign in without a browser',
    'Check it',
  ]);
  await exactly(
    steps.nth(0).locator('[data-output="toml-top"]'),
    'mcp_oauth_credentials_store = "file"',
  );
  await exactly(
    steps.nth(1).locator('[data-output="toml"]'),
    '[mcp_servers.connectai]\nurl = "https://mcp.cloud.cdata.com/mcp"',
  );
  await expect(island.locator('[data-output="cli"]')).toHaveCount(0);
  await exactly(
    steps.nth(2).locator('[data-output="login"]'),
    'codex mcp login connectai --no-browser',
  );
  await axeLightAndDark(page);
});

test("4. GitHub's server.json: imported, its required value filled, the exact command and TOML", async ({
  page,
}) => {
  await openGuide(page, '/guides/custom/');
  await page.locator('summary', { hasText: 'Import a server.json' }).click();
  const json = readFileSync('tests/fixtures/server-json/github-mcp-server.json', 'utf8');
  await page.locator('#sj-import-paste').fill(json);
  await expect(page.locator('[data-sj="open"]')).toBeDisabled();
  // GitHub published it with ${VERSION} unfilled: the import asks for it, and refuses until given.
  await expect(page.locator('[data-output="sj-runs"]')).toHaveText(
    "docker run -i --rm -e GITHUB_PERSONAL_ACCESS_TOKEN 'ghcr.io/github/github-mcp-server:{VERSION}'",
  );
  await page
    .getByLabel(/^Package ghcr\.io\/github\/github-mcp-server:\$\{VERSION\}: \{VERSION\}$/)
    .fill('0.20.1');
  await expect(page.locator('[data-output="sj-runs"]')).toHaveText(
    'docker run -i --rm -e GITHUB_PERSONAL_ACCESS_TOKEN ghcr.io/github/github-mcp-server:0.20.1',
  );
  expect(await output(page, 'sj-exports')).toContain(
    'export GITHUB_PERSONAL_ACCESS_TOKEN=paste-your-secret',
  );
  await page.locator('[data-sj="open"]').click();
  await page.waitForURL(/#v=1&/);
  await page.locator('[data-generator][data-hydrated="true"]').waitFor();
  await expect(page.locator('[data-sj="prefilled"]')).toContainText(
    'This link says it was made from server.json io.github.github/github-mcp-server',
  );
  await expect
    .poll(() => output(page, 'toml'))
    .toBe(
      '[mcp_servers.github-mcp-server]\ncommand = "docker"\nargs = [ "run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server:0.20.1" ]\nenv_vars = [ "GITHUB_PERSONAL_ACCESS_TOKEN" ]\nstartup_timeout_sec = 60',
    );
  expect(await output(page, 'cli')).toBe(
    'codex mcp add github-mcp-server -- docker run -i --rm -e GITHUB_PERSONAL_ACCESS_TOKEN ghcr.io/github/github-mcp-server:0.20.1',
  );
  await axeLightAndDark(page);
});

const FS_BLOCK =
  '[mcp_servers.filesystem]\ncommand = "npx"\nargs = [ "-y", "@modelcontextprotocol/server-filesystem", "/Users/me/Documents" ]\nenv_vars = [ "BRAVE_API_KEY" ]\n\n[mcp_servers.filesystem.env]\nLOG_LEVEL = "debug"';

test('5. moving a Claude Desktop config: corrected blocks, merged into an existing config.toml', async ({
  page,
}) => {
  await page.goto('/tools/config-doctor/');
  await page.locator('[data-doctor][data-hydrated="true"]').waitFor();
  await page.getByLabel('JSON from another client').check();
  await page
    .getByLabel('Your current config.toml')
    .fill('# my settings\nmodel = "o3"\n\n[mcp_servers.docs]\ncommand = "old-docs"\n');
  const claude = {
    mcpServers: {
      filesystem: {
        command: 'npx',
        args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/me/Documents'],
        env: { LOG_LEVEL: 'debug', BRAVE_API_KEY: 'BSAq1w2e3r4t5y6u7i8o9p0' },
      },
      docs: { type: 'http', url: 'https://docs.example.com/mcp' },
    },
  };
  await page.getByLabel('Your JSON MCP configuration').fill(JSON.stringify(claude, null, 2));
  const fs = page.locator('[data-server="filesystem"] pre[data-output]').first();
  // The key moves out of the file into a variable passed through by name; the rest stays.
  await exactly(fs, FS_BLOCK);
  await expect(page.locator('[data-server="filesystem"]')).toContainText(
    'Moved the secret in env.BRAVE_API_KEY out of the file: BRAVE_API_KEY is now passed through from your shell (env_vars). Export it with the value from your old file.',
  );
  await expect(page.locator('[data-server="filesystem"]')).not.toContainText(
    'BSAq1w2e3r4t5y6u7i8o9p0',
  );
  // Codex has no "type" key: the http server is a url.
  await exactly(
    page.locator('[data-server="docs"] pre[data-output]').first(),
    '[mcp_servers.docs]\nurl = "https://docs.example.com/mcp"',
  );
  await page.getByRole('button', { name: /^Merge all 2 corrected blocks/ }).click();
  const merged = page.locator('[data-merge-all-result] [data-output="merged-all"]');
  await expect(page.locator('[data-merge-all-summary]')).toContainText(
    'Merged 2 blocks (filesystem, docs)',
  );
  await expect(page.locator('[data-merge-all-result]')).toContainText(
    'A server named "docs" already exists (line 4).',
  );
  const file =
    '# my settings\nmodel = "o3"\n\n[mcp_servers.docs]\nurl = "https://docs.example.com/mcp"\n\n' +
    `${FS_BLOCK}\n`;
  await exactly(merged, file);
  // The merged file is one the real Codex loads, with both servers as meant.
  const servers = codexServers(file);
  expect(servers.map((s) => s.name).sort()).toEqual(['docs', 'filesystem']);
  const fsListed = servers.find((s) => s.name === 'filesystem')!;
  expect(fsListed.transport).toMatchObject({
    type: 'stdio',
    command: 'npx',
    env: { LOG_LEVEL: 'debug' },
    env_vars: ['BRAVE_API_KEY'],
  });
  await axeLightAndDark(page);
  await page
    .getByRole('button', { name: 'Copy Merged config.toml (all corrected blocks)' })
    .click();
  await expect.poll(() => clipboard(page)).toBe(file);
});

test('6. sharing with a teammate: the link reopens the same outputs, and says to add the key', async ({
  page,
  context,
  baseURL,
}) => {
  await shareJourney(page, () => context.newPage(), baseURL!);
});

test('7. an error message: searching what Codex printed lands on its troubleshooting entry', async ({
  page,
}) => {
  await openGuide(page, '/reference/troubleshooting/');
  await page.getByRole('button', { name: 'Search' }).first().click();
  await page.getByPlaceholder('Search').last().fill('MCP startup incomplete (failed: x)');
  const entry = page
    .locator('.pagefind-ui__result')
    .first()
    .locator('.pagefind-ui__result-nested .pagefind-ui__result-link')
    .first();
  await expect(entry).toHaveAttribute(
    'href',
    '/reference/troubleshooting/#mcp-startup-incomplete',
    {
      timeout: 15_000,
    },
  );
  await entry.click();
  await expect(page).toHaveURL(/\/reference\/troubleshooting\/#mcp-startup-incomplete$/);
  const heading = page.locator('h3#mcp-startup-incomplete');
  await expect(heading).toBeInViewport();
  await expect(page.locator('section:has(h3#mcp-startup-incomplete)')).toContainText(
    'MCP startup incomplete',
  );
  await axeLightAndDark(page);
});

test('8. reading a guide: home → a provider → its guide, with working contents, reference links and the check', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: /Nekt/ }).first().click();
  await expect(page).toHaveURL(/\/guides\/nekt\/$/);
  await page.locator('[data-generator][data-hydrated="true"]').first().waitFor();
  // Every entry of the contents list points at a heading on the page.
  const toc = page.locator('starlight-toc nav a');
  const anchors = await toc.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(anchors.length).toBeGreaterThan(3);
  for (const href of anchors) {
    expect(href).toMatch(/^#/);
    await expect(page.locator(`[id="${href.slice(1)}"]`), href).toHaveCount(1);
  }
  await toc.filter({ hasText: 'Check the connection' }).first().click();
  await expect(page.locator('#check-the-connection')).toBeInViewport();
  // The guide links to the reference pages, and each of them answers.
  const refs = await page
    .locator('main a[href^="/reference/"]')
    .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!.split('#')[0]!))]);
  expect(refs.length).toBeGreaterThan(0);
  for (const ref of refs) expect((await page.request.get(ref!)).status(), ref).toBe(200);
  expect(await output(page, 'verify')).toBe(
    'codex mcp list\ncodex mcp get nekt --json\ncodex doctor',
  );
  await axeLightAndDark(page);
});
