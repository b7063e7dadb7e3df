/**
 * server.json in, "Add to Codex" out, on the production build:
 * - for several corpus servers, the authors' page makes a badge link; opened in a fresh page, it
 *   restores exactly the intended generator state (inputs and outputs, written here by hand), says
 *   who prefilled it and what to add, and the generated command passes the real Codex CLI;
 * - the import box on the custom guide: paste, pick, fill a template variable, open the generator.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openGuide, output, test } from './fixtures.ts';

const CORPUS = 'tests/fixtures/server-json';
const CODEX_BIN = resolve('node_modules/.bin');
let checked = 0;

/** Runs a command line with the pinned codex first on PATH, in a network namespace with no network. */
function run(
  home: string,
  line: string,
): { status: number | null; output: string; stdout: string } {
  const r = spawnSync('unshare', ['-n', 'bash', '-c', line], {
    encoding: 'utf8',
    env: { ...process.env, CODEX_HOME: home, PATH: `${CODEX_BIN}:${process.env['PATH']}` },
    timeout: 30_000,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}

interface Case {
  file: string;
  from: string;
  /** Generator fields (by element id) and the value each must hold after opening the link. */
  fields: Record<string, string>;
  mode: RegExp;
  toml: string;
  cli: string | null;
  todo: string[];
}

const CASES: Case[] = [
  {
    file: 'brave-search-mcp-server.json',
    from: 'io.github.brave/brave-search-mcp-server@2.1.3',
    mode: /^Local \(stdio\) server/,
    fields: {
      'cmg-custom-name': 'brave-search-mcp-server',
      'cmg-custom-command': 'npx',
      'cmg-custom-args': '-y\n@brave/brave-search-mcp-server@2.1.3',
      'cmg-custom-envVars': 'BRAVE_API_KEY',
      'cmg-custom-startupTimeoutSec': '60',
    },
    toml: '[mcp_servers.brave-search-mcp-server]\ncommand = "npx"\nargs = [ "-y", "@brave/brave-search-mcp-server@2.1.3" ]\nenv_vars = [ "BRAVE_API_KEY" ]\nstartup_timeout_sec = 60',
    cli: 'codex mcp add brave-search-mcp-server -- npx -y @brave/brave-search-mcp-server@2.1.3',
    todo: ['Export the variables the server reads before starting Codex: BRAVE_API_KEY.'],
  },
  {
    file: 'terraform-mcp-server.json',
    from: 'io.github.hashicorp/terraform-mcp-server@1.1.0',
    mode: /^Local \(stdio\) server/,
    fields: {
      'cmg-custom-name': 'terraform-mcp-server',
      'cmg-custom-command': 'docker',
      'cmg-custom-args':
        'run\n-i\n--rm\n-e\nTFE_ADDRESS\n-e\nTFE_TOKEN\n-e\nENABLE_TF_OPERATIONS\ndocker.io/hashicorp/terraform-mcp-server:1.1.0',
      'cmg-custom-envVars': 'TFE_ADDRESS, TFE_TOKEN, ENABLE_TF_OPERATIONS',
    },
    toml: '[mcp_servers.terraform-mcp-server]\ncommand = "docker"\nargs = [ "run", "-i", "--rm", "-e", "TFE_ADDRESS", "-e", "TFE_TOKEN", "-e", "ENABLE_TF_OPERATIONS", "docker.io/hashicorp/terraform-mcp-server:1.1.0" ]\nenv_vars = [ "TFE_ADDRESS", "TFE_TOKEN", "ENABLE_TF_OPERATIONS" ]\nstartup_timeout_sec = 60',
    cli: 'codex mcp add terraform-mcp-server -- docker run -i --rm -e TFE_ADDRESS -e TFE_TOKEN -e ENABLE_TF_OPERATIONS docker.io/hashicorp/terraform-mcp-server:1.1.0',
    todo: [
      'Export the variables the server reads before starting Codex: TFE_ADDRESS, TFE_TOKEN, ENABLE_TF_OPERATIONS.',
    ],
  },
  {
    file: 'neon.json',
    from: 'com.neon/mcp@0.8.0',
    mode: /^Remote, no login/,
    fields: {
      'cmg-custom-name': 'neon',
      'cmg-custom-p-url': 'https://mcp.neon.tech/mcp',
      'cmg-custom-envHeaders': 'Authorization: NEON_AUTHORIZATION\nx-read-only: NEON_X_READ_ONLY',
    },
    toml: '[mcp_servers.neon]\nurl = "https://mcp.neon.tech/mcp"\n\n[mcp_servers.neon.env_http_headers]\nAuthorization = "NEON_AUTHORIZATION"\nx-read-only = "NEON_X_READ_ONLY"',
    cli: null,
    todo: [
      'Export NEON_AUTHORIZATION with the value of the Authorization header.',
      'Export NEON_X_READ_ONLY with the value of the x-read-only header.',
    ],
  },
  {
    file: 'registry-example-with-remote.json',
    from: 'io.github.user/remote-weather@2.1.0',
    mode: /^Remote, bearer token/,
    fields: {
      'cmg-custom-name': 'remote-weather',
      'cmg-custom-p-url': 'https://api.example.com/mcp',
      'cmg-custom-env': 'REMOTE_WEATHER_TOKEN',
    },
    toml: '[mcp_servers.remote-weather]\nurl = "https://api.example.com/mcp"\nbearer_token_env_var = "REMOTE_WEATHER_TOKEN"',
    cli: 'codex mcp add remote-weather --url https://api.example.com/mcp --bearer-token-env-var REMOTE_WEATHER_TOKEN',
    todo: ['Export REMOTE_WEATHER_TOKEN with your token before starting Codex.'],
  },
];

async function paste(page: Page, id: string, text: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await page.locator(`#${id}`).fill(text);
}

test.describe('Add to Codex: the badge link restores the intended generator', () => {
  test.afterAll(() =>
    console.log(
      `server.json e2e: ${checked} badge links opened and their commands run by the real CLI`,
    ),
  );

  for (const c of CASES) {
    test(c.file, async ({ page, context }) => {
      test.setTimeout(90_000);
      await page.goto('/tools/add-to-codex/');
      await paste(page, 'sj-authors-paste', readFileSync(`${CORPUS}/${c.file}`, 'utf8'));
      const link = await output(page, 'sj-link');
      expect(link).toContain('/guides/custom/#v=1&');
      expect(await output(page, 'sj-badge-md')).toBe(
        `[![Add to Codex](${new URL(link).origin}/badges/add-to-codex.svg)](${link})`,
      );
      // The badge image is served by the site itself.
      expect(
        (await page.request.get('/badges/add-to-codex.svg')).headers()['content-type'],
      ).toContain('image/svg+xml');
      await page.getByRole('button', { name: 'Copy Link' }).click();
      await expect(page.locator('.cmg-live')).toHaveText('Link copied to the clipboard.');

      const fresh = await context.newPage();
      await openGuide(fresh, link.replace(new URL(link).origin, ''));
      const notice = fresh.locator('[data-sj="prefilled"]');
      await expect(notice).toContainText(`This link says it was made from server.json ${c.from}.`);
      expect(await notice.locator('li').allTextContents()).toEqual(c.todo);
      await expect(fresh.getByRole('radio', { name: c.mode })).toBeChecked();
      for (const [id, value] of Object.entries(c.fields))
        await expect(fresh.locator(`#${id}`), id).toHaveValue(value);
      await expect.poll(() => output(fresh, 'toml')).toBe(c.toml);
      if (c.cli === null) await expect(fresh.locator('[data-output="cli"]')).toHaveCount(0);
      else expect(await output(fresh, 'cli')).toBe(c.cli);

      // The command (or the TOML block, where no command can carry it) passes the real CLI.
      const home = mkdtempSync(join(tmpdir(), 'codex-sj-'));
      try {
        const name = c.fields['cmg-custom-name']!;
        const line =
          c.cli ?? `printf '%s\\n' '${c.toml.replace(/'/g, "'\\''")}' > "$CODEX_HOME/config.toml"`;
        const added = run(home, line);
        expect(added.status, added.output).toBe(0);
        const got = run(home, `codex mcp get ${name} --json`);
        expect(got.status, got.output).toBe(0);
        expect(JSON.parse(got.stdout).name).toBe(name);
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
      checked += 1;
    });
  }
});

test.describe('Import a server.json on the custom guide', () => {
  test('paste, pick, fill a template variable, and open the generator prefilled', async ({
    page,
  }) => {
    await openGuide(page, '/guides/custom/');
    await page.locator('summary', { hasText: 'Import a server.json' }).click();
    const json = JSON.stringify({
      $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
      name: 'io.github.acme/tenant-mcp',
      version: '1.0.0',
      remotes: [
        {
          type: 'sse',
          url: 'https://{tenant}.acme.example/sse',
          variables: { tenant: { isRequired: true } },
        },
        {
          type: 'streamable-http',
          url: 'https://{tenant}.acme.example/mcp',
          variables: { tenant: { description: 'Your tenant', isRequired: true } },
          headers: [{ name: 'X-Api-Key', isSecret: true, isRequired: true }],
        },
      ],
    });
    await paste(page, 'sj-import-paste', json);
    // The sse remote is explained, and the streamable one is picked.
    await expect(page.getByRole('radio', { name: /^Remote \(SSE\)/ })).not.toBeChecked();
    await expect(page.locator('#sj-import-choice-0').locator('..')).toContainText(
      'Codex speaks streamable HTTP only',
    );
    await expect(page.getByRole('radio', { name: /^Remote \(streamable HTTP\)/ })).toBeChecked();
    // The required variable is validated next to its field, and blocks the import until filled.
    const tenant = page.getByLabel('URL part {tenant}');
    await expect(page.locator('[data-sj="open"]')).toBeDisabled();
    await expect(page.locator('[data-field="sj-import-in-url_tenant"]')).toContainText(
      'URL part {tenant} is required: Your tenant.',
    );
    await expect(page.locator('[data-sj="summary"]')).toContainText(
      'You will export, in your shell: TENANT_MCP_X_API_KEY.',
    );
    expect(await output(page, 'sj-exports')).toBe(
      '# Run in your shell, and add the same lines to ~/.zshrc or ~/.bashrc to keep them. Replace the placeholder values first.\nexport TENANT_MCP_X_API_KEY=your-x-api-key',
    );
    await tenant.fill('globex');
    await page.locator('[data-sj="open"]').click();
    await page.waitForURL(/#v=1&/);
    await page.locator('[data-generator][data-hydrated="true"]').waitFor();
    await expect(page.locator('[data-sj="prefilled"]')).toContainText(
      'This link says it was made from server.json io.github.acme/tenant-mcp@1.0.0.',
    );
    await expect(page.locator('#cmg-custom-p-url')).toHaveValue('https://globex.acme.example/mcp');
    await expect
      .poll(() => output(page, 'toml'))
      .toBe(
        '[mcp_servers.tenant-mcp]\nurl = "https://globex.acme.example/mcp"\n\n[mcp_servers.tenant-mcp.env_http_headers]\nX-Api-Key = "TENANT_MCP_X_API_KEY"',
      );
  });

  test('the exact command and a warning naming the flag show before anything is filled, and again on the prefilled page', async ({
    page,
  }) => {
    await openGuide(page, '/guides/custom/');
    await page.locator('summary', { hasText: 'Import a server.json' }).click();
    const json = JSON.stringify({
      $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
      name: 'io.github.acme/official',
      version: '1.0.0',
      packages: [
        {
          registryType: 'oci',
          registryBaseUrl: 'https://ghcr.io',
          identifier: 'acme/official',
          version: '1.0.0',
          transport: { type: 'stdio' },
          runtimeArguments: [
            { type: 'named', name: '--privileged', value: 'true', format: 'boolean' },
            { type: 'named', name: '-v', value: '/:/host' },
          ],
          packageArguments: [{ type: 'positional', value: '--tag=${VERSION}' }],
        },
      ],
    });
    await paste(page, 'sj-import-paste', json);
    // Nothing is filled yet (the required {VERSION} field is empty), and the command is already shown.
    await expect(page.locator('[data-sj="open"]')).toBeDisabled();
    await expect(page.locator('[data-output="sj-runs"]')).toHaveText(
      "docker run -i --rm --privileged -v /:/host ghcr.io/acme/official:1.0.0 '--tag={VERSION}'",
    );
    const warnings = page.locator('[data-sj="warnings"] li');
    await expect(warnings).toHaveCount(2);
    await expect(warnings.nth(0)).toContainText('--privileged: --privileged gives the container');
    await expect(warnings.nth(1)).toContainText(
      '-v /:/host: -v /:/host mounts / from your machine',
    );
    await page.getByLabel('Argument <value>: {VERSION}').fill('1.0.0');
    await expect(page.locator('[data-output="sj-runs"]')).toHaveText(
      'docker run -i --rm --privileged -v /:/host ghcr.io/acme/official:1.0.0 --tag=1.0.0',
    );
    await page.locator('[data-sj="open"]').click();
    await page.waitForURL(/#v=1&/);
    await page.locator('[data-generator][data-hydrated="true"]').waitFor();
    const again = page.locator('[data-sj="prefilled-warnings"] li');
    await expect(again).toHaveCount(2);
    await expect(again.nth(0)).toContainText('--privileged');
    await expect(again.nth(1)).toContainText('-v /:/host');
  });

  test('a variable name that would run a command is refused at the paste: no variable block, no Copy button', async ({
    page,
  }) => {
    await openGuide(page, '/guides/custom/');
    await page.locator('summary', { hasText: 'Import a server.json' }).click();
    await paste(
      page,
      'sj-import-paste',
      JSON.stringify({
        name: 'io.github.acme/official',
        packages: [
          {
            registryType: 'npm',
            identifier: '@acme/official',
            transport: { type: 'stdio' },
            environmentVariables: [{ name: 'API_KEY$(touch X)', isSecret: true }],
          },
        ],
      }),
    );
    await expect(page.locator('[data-field="sj-import-paste"] .cmg-messages')).toContainText(
      '$.packages[0].environmentVariables[0].name: Variable name "API_KEY$(touch X)" is not a name a shell accepts',
    );
    await expect(page.locator('[data-sj="read"]')).toBeVisible();
    await expect(page.locator('[data-block="sj-exports"]')).toHaveCount(0);
    await expect(page.locator('[data-sj="runs"]')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Copy the variable lines' })).toHaveCount(0);
    await expect(page.locator('[data-sj="open"]')).toBeDisabled();
  });

  test('garbage is reported with its JSON path, and the page keeps working', async ({ page }) => {
    await openGuide(page, '/guides/custom/');
    await page.locator('summary', { hasText: 'Import a server.json' }).click();
    await paste(
      page,
      'sj-import-paste',
      '{"name": "a/b", "packages": [{"registryType": "npm"}], "remotes": 7}',
    );
    const messages = page.locator('[data-field="sj-import-paste"] .cmg-messages');
    await expect(messages).toContainText('$.packages[0].identifier: identifier is missing');
    await expect(messages).toContainText('$.remotes: remotes should be a list');
    await paste(page, 'sj-import-paste', '{"name": ');
    await expect(messages).toContainText('This is not valid JSON');
    await expect(page.locator('[data-sj="open"]')).toBeDisabled();
  });
});

test.describe('accessibility with content', () => {
  const axe = async (page: Page) => {
    const results = await new AxeBuilder({ page }).analyze();
    return results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  };

  test('the authors page with a README section, a badge and snippets: no axe violations, keyboard copy is announced', async ({
    page,
  }) => {
    await page.goto('/tools/add-to-codex/');
    await paste(page, 'sj-authors-paste', readFileSync(`${CORPUS}/exa-mcp-server.json`, 'utf8'));
    await expect(page.locator('[data-output="sj-readme"]')).toContainText(
      '## Use exa-mcp-server with Codex',
    );
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Copy README section (Markdown)' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.cmg-live')).toHaveText(
      'README section (Markdown) copied to the clipboard.',
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
      '[mcp_servers.exa-mcp-server]',
    );
  });

  test('the custom guide with the import box open, in its error state, and a prefilled notice: no axe violations', async ({
    page,
  }) => {
    await openGuide(
      page,
      '/guides/custom/#v=1&mode=local&name=x&envvars=A_KEY&from=io.github.acme%2Fx%401.0.0',
    );
    await expect(page.locator('[data-sj="prefilled"]')).toContainText(
      'Export the variables the server reads before starting Codex: A_KEY.',
    );
    await page.locator('summary', { hasText: 'Import a server.json' }).click();
    await paste(
      page,
      'sj-import-paste',
      JSON.stringify({
        name: 'a/b',
        remotes: [
          {
            type: 'streamable-http',
            url: 'https://{t}.example.com/mcp',
            variables: { t: { isRequired: true, choices: ['x', 'y'] } },
          },
        ],
        packages: [{ registryType: 'npm' }],
      }),
    );
    await page.getByLabel('URL part {t}').fill('z');
    await expect(page.locator('[data-field="sj-import-in-url_t"] .cmg-error')).toContainText(
      'must be one of: x, y',
    );
    expect(await axe(page)).toEqual([]);
  });
});
