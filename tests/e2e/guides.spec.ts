/**
 * Every provider guide and every auth mode, on the production build: fill the form, assert the
 * exact command and TOML (written here by hand), copy each block, reopen the share link in a fresh
 * page, and check the default output without JavaScript.
 */
import { Buffer } from 'node:buffer';
import type { Page } from '@playwright/test';
import { expect, openGuide, output, test } from './fixtures.ts';

const ENV_NOTE =
  '# Run in your shell, and add the same lines to ~/.zshrc or ~/.bashrc to keep them.';
const PLACEHOLDER_NOTE = `${ENV_NOTE} Replace the placeholder values first.`;
const LOGIN_NOTE =
  '# No browser on this machine (SSH, container)? Add --no-browser and paste the callback URL back.';
const verify = (name: string) => `codex mcp list\ncodex mcp get ${name} --json\ncodex doctor`;

interface Case {
  /** What the case proves, in one line. */
  title: string;
  provider: string;
  /** Accessible name prefix of the auth-mode radio; omitted for the default mode. */
  mode?: RegExp;
  /** [label, value] text inputs to fill, in order. */
  fill?: [string, string][];
  /** Radio buttons to pick (by accessible name prefix). */
  pick?: RegExp[];
  /** bash/zsh command, or null when the route is TOML-only. */
  cli: string | null;
  partial?: boolean;
  toml: string;
  env: string | null;
  login: string | null;
  name: string;
  /** What differs after reopening the share link: secrets are never in it, so typed secrets fall back to placeholders. */
  afterShare?: Partial<Case>;
}

const CASES: Case[] = [
  {
    title: 'Nekt default: bearer token from NEKT_MCP_BEARER_TOKEN',
    provider: 'nekt',
    name: 'nekt',
    cli: 'codex mcp add nekt --url https://mcp.nekt.com/mcp --bearer-token-env-var NEKT_MCP_BEARER_TOKEN',
    toml: '[mcp_servers.nekt]\nurl = "https://mcp.nekt.com/mcp"\nbearer_token_env_var = "NEKT_MCP_BEARER_TOKEN"',
    env: `${PLACEHOLDER_NOTE}\nexport NEKT_MCP_BEARER_TOKEN=paste-your-nekt-token`,
    login: null,
  },
  {
    title: 'Nekt with a typed token, a renamed server and a startup timeout (partial CLI route)',
    provider: 'nekt',
    name: 'nekt-prod',
    fill: [
      ['Server name', 'nekt-prod'],
      ['Nekt MCP token', "tok en'1"],
      ['Startup timeout (seconds)', '45'],
    ],
    cli: 'codex mcp add nekt-prod --url https://mcp.nekt.com/mcp --bearer-token-env-var NEKT_MCP_BEARER_TOKEN',
    partial: true,
    toml: '[mcp_servers.nekt-prod]\nurl = "https://mcp.nekt.com/mcp"\nbearer_token_env_var = "NEKT_MCP_BEARER_TOKEN"\nstartup_timeout_sec = 45',
    env: `${ENV_NOTE}\nexport NEKT_MCP_BEARER_TOKEN='tok en'\\''1'`,
    login: null,
    afterShare: { env: `${PLACEHOLDER_NOTE}\nexport NEKT_MCP_BEARER_TOKEN=paste-your-nekt-token` },
  },
  {
    title: 'CData default: OAuth, then codex mcp login',
    provider: 'cdata-connect-ai',
    name: 'connectai',
    cli: 'codex mcp add connectai --url https://mcp.cloud.cdata.com/mcp',
    toml: '[mcp_servers.connectai]\nurl = "https://mcp.cloud.cdata.com/mcp"',
    env: null,
    login: `codex mcp login connectai\n${LOGIN_NOTE}`,
  },
  {
    title:
      'CData Basic auth, safe default: the header is built in the shell, TOML only names the variable',
    provider: 'cdata-connect-ai',
    name: 'connectai',
    mode: /^Basic auth/,
    cli: null,
    toml: '[mcp_servers.connectai]\nurl = "https://mcp.cloud.cdata.com/mcp"\n\n[mcp_servers.connectai.env_http_headers]\nAuthorization = "CDATA_AUTHORIZATION"',
    env: `${PLACEHOLDER_NOTE}\nexport CDATA_EMAIL=you@example.com\nexport CDATA_PAT=paste-your-pat\nexport CDATA_AUTHORIZATION="Basic $(printf '%s:%s' "$CDATA_EMAIL" "$CDATA_PAT" | base64 | tr -d '\\n')"`,
    login: null,
  },
  {
    title: 'CData Basic auth computed on the page (explicit choice): base64(email:PAT) inline',
    provider: 'cdata-connect-ai',
    name: 'connectai',
    mode: /^Basic auth/,
    pick: [/^Computed on this page/],
    fill: [
      ['Connect AI email', 'dana@example.com'],
      ['Personal access token (PAT)', 'p:ät'],
    ],
    cli: null,
    toml: `[mcp_servers.connectai]\nurl = "https://mcp.cloud.cdata.com/mcp"\n\n[mcp_servers.connectai.http_headers]\nAuthorization = "Basic ${Buffer.from('dana@example.com:p:ät', 'utf8').toString('base64')}"`,
    env: null,
    login: null,
    afterShare: {
      toml: '[mcp_servers.connectai]\nurl = "https://mcp.cloud.cdata.com/mcp"\n\n[mcp_servers.connectai.http_headers]\nAuthorization = "Basic paste-your-pat"',
    },
  },
  {
    title: 'Omni default: OAuth on the fixed callback URL (with --url, unlike the seed)',
    provider: 'omni',
    name: 'omni',
    cli: 'codex mcp add omni --url https://callbacks.omniapp.co/callback/mcp',
    toml: '[mcp_servers.omni]\nurl = "https://callbacks.omniapp.co/callback/mcp"',
    env: null,
    login: `codex mcp login omni\n${LOGIN_NOTE}`,
  },
  {
    title: 'Omni API key: a complete command, the key in OMNI_API_KEY sent as a bearer token',
    provider: 'omni',
    name: 'omni',
    mode: /^API key/,
    fill: [['Omni instance host', 'blobs.omniapp.co']],
    cli: 'codex mcp add omni --url https://blobs.omniapp.co/mcp/https --bearer-token-env-var OMNI_API_KEY',
    toml: '[mcp_servers.omni]\nurl = "https://blobs.omniapp.co/mcp/https"\nbearer_token_env_var = "OMNI_API_KEY"',
    env: `${PLACEHOLDER_NOTE}\nexport OMNI_API_KEY=paste-your-omni-api-key`,
    login: null,
  },
  {
    title:
      'Omni API key with X-MCP headers: the command is partial, the headers go in http_headers',
    provider: 'omni',
    name: 'omni',
    mode: /^API key/,
    fill: [
      ['Omni instance host', 'blobs.omniapp.co'],
      ['Model ID (X-MCP-Model-ID)', '9d9440e5-8522'],
    ],
    pick: [/^true/],
    cli: 'codex mcp add omni --url https://blobs.omniapp.co/mcp/https --bearer-token-env-var OMNI_API_KEY',
    partial: true,
    toml: '[mcp_servers.omni]\nurl = "https://blobs.omniapp.co/mcp/https"\nbearer_token_env_var = "OMNI_API_KEY"\n\n[mcp_servers.omni.http_headers]\nX-MCP-Model-ID = "9d9440e5-8522"\nX-MCP-User-Required = "true"',
    env: `${PLACEHOLDER_NOTE}\nexport OMNI_API_KEY=paste-your-omni-api-key`,
    login: null,
  },
  {
    title: 'Omni OAuth in project scope: TOML-only, for .codex/config.toml',
    provider: 'omni',
    name: 'omni',
    pick: [/^Project/],
    cli: null,
    toml: '[mcp_servers.omni]\nurl = "https://callbacks.omniapp.co/callback/mcp"',
    env: null,
    login: `codex mcp login omni\n${LOGIN_NOTE}`,
  },
  {
    title: 'Cinatra default: OAuth on the instance URL ending in /api/mcp',
    provider: 'cinatra',
    name: 'cinatra',
    fill: [['Cinatra public host', 'mcp.acme.dev']],
    cli: 'codex mcp add cinatra --url https://mcp.acme.dev/api/mcp',
    toml: '[mcp_servers.cinatra]\nurl = "https://mcp.acme.dev/api/mcp"',
    env: null,
    login: `codex mcp login cinatra\n${LOGIN_NOTE}`,
  },
  {
    title: 'Cinatra static bearer token',
    provider: 'cinatra',
    name: 'cinatra',
    mode: /^Static bearer token/,
    fill: [['Cinatra public host', 'cinatra.acme.dev']],
    cli: 'codex mcp add cinatra --url https://cinatra.acme.dev/api/mcp --bearer-token-env-var CINATRA_MCP_TOKEN',
    toml: '[mcp_servers.cinatra]\nurl = "https://cinatra.acme.dev/api/mcp"\nbearer_token_env_var = "CINATRA_MCP_TOKEN"',
    env: `${PLACEHOLDER_NOTE}\nexport CINATRA_MCP_TOKEN=paste-your-cinatra-token`,
    login: null,
  },
  {
    title: 'Alloy default: OAuth',
    provider: 'alloy',
    name: 'alloy',
    cli: 'codex mcp add alloy --url https://mcp.alloy.app/mcp',
    toml: '[mcp_servers.alloy]\nurl = "https://mcp.alloy.app/mcp"',
    env: null,
    login: `codex mcp login alloy\n${LOGIN_NOTE}`,
  },
  {
    title: 'Alloy workspace key from ALLOY_MCP_API_KEY',
    provider: 'alloy',
    name: 'alloy',
    mode: /^Workspace MCP key/,
    cli: 'codex mcp add alloy --url https://mcp.alloy.app/mcp --bearer-token-env-var ALLOY_MCP_API_KEY',
    toml: '[mcp_servers.alloy]\nurl = "https://mcp.alloy.app/mcp"\nbearer_token_env_var = "ALLOY_MCP_API_KEY"',
    env: `${PLACEHOLDER_NOTE}\nexport ALLOY_MCP_API_KEY=paste-your-alloy-mcp-key`,
    login: null,
  },
];

const island = (page: Page, provider: string) => page.locator(`[data-generator="${provider}"]`);

async function applyCase(page: Page, c: Case): Promise<void> {
  const root = island(page, c.provider);
  if (c.mode) await root.getByRole('radio', { name: c.mode }).check();
  for (const pattern of c.pick ?? [])
    await root.getByRole('radio', { name: pattern }).first().check();
  for (const [label, value] of c.fill ?? []) {
    const field = root.getByLabel(label, { exact: true });
    if (!(await field.isVisible())) await root.getByText('Advanced settings').click();
    await field.fill(value);
  }
}

async function expectOutputs(page: Page, c: Case): Promise<void> {
  const root = island(page, c.provider);
  await expect(root.locator('[data-output="toml"]')).toHaveText(c.toml, { useInnerText: false });
  expect(await output(root.page(), 'toml')).toBe(c.toml);
  if (c.cli === null) {
    await expect(root.locator('[data-output="cli"]')).toHaveCount(0);
    await expect(root.locator('[data-cli-note]')).toContainText('No command for this one');
  } else {
    expect(await root.locator('[data-output="cli"]').textContent()).toBe(c.cli);
    const partial = await root.locator('[data-output="cli"]').getAttribute('data-cli-partial');
    expect(partial !== null).toBe(c.partial ?? false);
    if (c.partial) await expect(root.locator('[data-cli-note]')).toContainText('has no flag for');
  }
  if (c.env === null) await expect(root.locator('[data-output="env"]')).toHaveCount(0);
  else expect(await root.locator('[data-output="env"]').textContent()).toBe(c.env);
  if (c.login === null) await expect(root.locator('[data-output="login"]')).toHaveCount(0);
  else expect(await root.locator('[data-output="login"]').textContent()).toBe(c.login);
  expect(await root.locator('[data-output="verify"]').textContent()).toBe(verify(c.name));
}

for (const c of CASES) {
  test.describe(c.title, () => {
    test('shows the exact outputs, and copy puts exactly that text on the clipboard', async ({
      page,
    }) => {
      await openGuide(page, `/guides/${c.provider}/`);
      await applyCase(page, c);
      await expectOutputs(page, c);
      const root = island(page, c.provider);
      for (const block of await root.locator('figure[data-block]:not([hidden])').all()) {
        const text = await block.locator('[data-output]').textContent();
        await block.getByRole('button', { name: /^Copy/ }).click();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
        await expect(root.getByRole('status').last()).toContainText('copied');
      }
    });

    test('the share link reopens the guide with the same output', async ({ page, browser }) => {
      await openGuide(page, `/guides/${c.provider}/`);
      await applyCase(page, c);
      await island(page, c.provider)
        .getByRole('button', { name: 'Copy link for teammates' })
        .click();
      await expect(island(page, c.provider).locator('.cmg-live')).toContainText('Link copied');
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link).toContain(`/guides/${c.provider}/`);
      const fresh = await browser.newPage();
      await openGuide(fresh, link);
      await expectOutputs(fresh, { ...c, ...c.afterShare });
      await fresh.close();
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const c of CASES.filter((x) => !x.mode && !x.fill && !x.pick)) {
    test(`${c.provider}: the default output is in the page`, async ({ page }) => {
      await page.goto(`/guides/${c.provider}/`);
      await expectOutputs(page, c);
    });
  }
});

test.describe('the guide text follows the typed server name', () => {
  test('check and disconnect commands under the generator use the typed name, quoted like the Verify block', async ({
    page,
  }) => {
    await openGuide(page, '/guides/omni/');
    const named = page.locator('[data-cmg-server-name]');
    expect(await named.count()).toBeGreaterThanOrEqual(3);
    for (const text of await named.allTextContents()) expect(text).toBe('omni');
    await island(page, 'omni').getByLabel('Server name', { exact: true }).fill('omni-prod');
    await expect(named.first()).toHaveText('omni-prod');
    for (const text of await named.allTextContents()) expect(text).toBe('omni-prod');
    await expect(page.locator('pre', { hasText: 'codex mcp remove' }).last()).toHaveText(
      'codex mcp remove omni-prod',
    );
    // A name that needs quoting is quoted the same way in the prose as in the generator.
    await island(page, 'omni').getByLabel('Server name', { exact: true }).fill('@acme/omni');
    await expect(named.first()).toHaveText("'@acme/omni'");
  });
});
