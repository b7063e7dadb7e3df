/**
 * A generator that forgives (issue 12), in the browser on the production build: a whole command
 * line pasted into Command is split and shown; `Name: value` headers are read, other shapes get a
 * message naming the format; a credential in a field that is not for secrets is marked there and
 * kept out of the share link; an example host is a placeholder refused until replaced.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openGuide, output, test } from './fixtures.ts';

const island = (page: Page, provider: string): Locator =>
  page.locator(`[data-generator="${provider}"]`);
const field = (root: Locator, id: string): Locator => root.locator(`[data-field="${id}"]`);

test.describe('a whole command line pasted into Command', () => {
  test('is split, shown at the field, and the command and TOML hold the split argv', async ({
    page,
  }) => {
    await openGuide(page, '/guides/custom/');
    const root = island(page, 'custom');
    await root.getByRole('radio', { name: /Local \(stdio\)/ }).check();
    await root.getByLabel('Arguments', { exact: true }).fill('');
    await root
      .getByLabel('Command', { exact: true })
      .fill('npx -y @modelcontextprotocol/server-filesystem "/home/me/my projects"');
    const note = field(root, 'cmg-custom-command').locator('.cmg-warning');
    await expect(note).toContainText(
      'Read as a whole command line: command npx, 3 arguments: -y, @modelcontextprotocol/server-filesystem, /home/me/my projects.',
    );
    // Each word read is shown as code (Markdown code in messages renders as <code>).
    await expect(note.locator('code')).toHaveText([
      'npx',
      '-y',
      '@modelcontextprotocol/server-filesystem',
      '/home/me/my projects',
    ]);
    await expect(root.locator('[data-output="cli"]')).toHaveText(
      "codex mcp add my-server -- npx -y @modelcontextprotocol/server-filesystem '/home/me/my projects'",
    );
    expect(await output(page, 'toml')).toContain(
      'command = "npx"\nargs = [ "-y", "@modelcontextprotocol/server-filesystem", "/home/me/my projects" ]',
    );
  });

  test('a construct the split cannot honour is named at the field, and no command is shown', async ({
    page,
  }) => {
    await openGuide(page, '/guides/custom/');
    const root = island(page, 'custom');
    await root.getByRole('radio', { name: /Local \(stdio\)/ }).check();
    await root.getByLabel('Command', { exact: true }).fill('npx -y some-server | tee log.txt');
    await expect(field(root, 'cmg-custom-command').locator('.cmg-error')).toContainText(
      'Command looks like a whole command line, but it holds a pipe "|": enter a single command',
    );
    await expect(root.getByLabel('Command', { exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expect(root.locator('[data-output="cli"]')).toHaveCount(0);
  });

  test('an argument line with spaces gets a word at Arguments', async ({ page }) => {
    await openGuide(page, '/guides/custom/');
    const root = island(page, 'custom');
    await root.getByRole('radio', { name: /Local \(stdio\)/ }).check();
    await root
      .getByLabel('Arguments', { exact: true })
      .fill('-y @modelcontextprotocol/server-everything');
    await expect(field(root, 'cmg-custom-args').locator('.cmg-warning')).toContainText(
      'Argument #1 holds spaces, so the program receives it as ONE argument',
    );
  });
});

test.describe('headers', () => {
  test('Name: value lines are read into the TOML', async ({ page }) => {
    await openGuide(page, '/guides/custom/');
    const root = island(page, 'custom');
    await root.getByRole('radio', { name: /^Remote, no login/ }).check();
    await root.getByLabel('Server URL', { exact: true }).fill('https://mcp.acme.dev/mcp');
    await root.getByLabel('Static headers', { exact: true }).fill('X-Team: core');
    await root
      .getByLabel('Headers from environment variables', { exact: true })
      .fill('X-Api-Key: ACME_KEY');
    await expect(root.locator('[data-output="toml"]')).toContainText('X-Team = "core"');
    expect(await output(page, 'toml')).toContain(
      '[mcp_servers.my-server.env_http_headers]\nX-Api-Key = "ACME_KEY"',
    );
    // Its variable's export line is offered, commented out (Codex sends the header only while it is set).
    await expect(root.locator('[data-output="env"]')).toContainText(
      '# export ACME_KEY=your-x-api-key-value',
    );
  });

  // Issue 20: a quoted curl -H option is read as its header (it was refused); an unquoted one is not guessed.
  test('a curl -H header line is read as its header, with a note; an unquoted one gets the format', async ({
    page,
  }) => {
    await openGuide(page, '/guides/custom/');
    const root = island(page, 'custom');
    await root.getByRole('radio', { name: /^Remote, no login/ }).check();
    await root.getByLabel('Server URL', { exact: true }).fill('https://mcp.acme.dev/mcp');
    const headers = root.getByLabel('Static headers', { exact: true });
    await headers.fill("-H 'X-Team: core'");
    await expect(field(root, 'cmg-custom-httpHeaders').locator('.cmg-warning')).toContainText(
      'Static headers, line 1: read a curl -H option as the header X-Team.',
    );
    await expect(root.locator('[data-output="toml"]')).toContainText('X-Team = "core"');
    await headers.fill('-H X-Team: core');
    await expect(field(root, 'cmg-custom-httpHeaders').locator('.cmg-error')).toContainText(
      'Static headers, line 1: a curl option (-H): leave out "-H" and the quotes. Write one header per line as Name: value, for example X-Api-Key: abc123.',
    );
    await expect(root.locator('[data-output="toml"]')).toHaveCount(0);
  });
});

test.describe('one boundary for what is pasted or linked (issue 20)', () => {
  test('Omni: a full URL in the host field gives the host, and the note says how it was read', async ({
    page,
  }) => {
    await openGuide(page, '/guides/omni/');
    const root = island(page, 'omni');
    await root.getByRole('radio', { name: /^API key/ }).check();
    await root.getByLabel('Omni instance host', { exact: true }).fill('https://acme.omniapp.co/');
    await expect(field(root, 'cmg-omni-p-instance').locator('.cmg-warning')).toContainText(
      'Read as the host acme.omniapp.co',
    );
    expect(await output(page, 'toml')).toContain('url = "https://acme.omniapp.co/mcp/https"');
  });

  test('a lookalike host in a link is not applied, and the notice names the host Codex would use', async ({
    page,
  }) => {
    await openGuide(page, '/guides/omni/#v=1&mode=api-key&p.instance=evil.com%3F.omniapp.co');
    const root = island(page, 'omni');
    await expect(root.locator('[data-link-notice]')).toContainText(
      '"p.instance" was ignored: Omni instance host "evil.com?.omniapp.co" holds "?"',
    );
    await expect(root.locator('[data-link-notice]')).toContainText(
      'Codex would connect to evil.com',
    );
    await expect(root.getByLabel('Omni instance host', { exact: true })).toHaveValue(
      'YOUR-INSTANCE.omniapp.co',
    );
  });

  test('two tool names pasted on two lines into the one-line Allowed tools field stay two', async ({
    page,
  }) => {
    await openGuide(page, '/guides/nekt/');
    const root = island(page, 'nekt');
    await root.getByText('Advanced settings').click();
    const tools = root.getByLabel('Allowed tools', { exact: true });
    await tools.focus();
    // What a paste does: the browser flattens the line break of a one-line input.
    await page.keyboard.insertText('search\nfetch');
    expect(await output(page, 'toml')).toContain('enabled_tools = [ "search", "fetch" ]');
  });
});

test.describe('a credential in a field that is not for secrets', () => {
  const TOKEN = 'ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';

  test('Omni: a token in the Model ID header is marked there and kept out of the share link', async ({
    page,
  }) => {
    await openGuide(page, '/guides/omni/');
    const root = island(page, 'omni');
    await root.getByRole('radio', { name: /^API key/ }).check();
    await root.getByLabel('Omni instance host', { exact: true }).fill('blobs.omniapp.co');
    await root.getByLabel('Model ID (X-MCP-Model-ID)', { exact: true }).fill(TOKEN);
    await expect(field(root, 'cmg-omni-h-X-MCP-Model-ID').locator('.cmg-warning')).toContainText(
      'looks like a credential',
    );
    await root.getByRole('button', { name: 'Copy link for teammates' }).click();
    await expect(root.locator('.cmg-live')).toContainText('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('p.instance=blobs.omniapp.co');
    expect(decodeURIComponent(link)).not.toContain(TOKEN);
  });

  test('Nekt: a token in the startup timeout is named as a credential at that field', async ({
    page,
  }) => {
    await openGuide(page, '/guides/nekt/');
    const root = island(page, 'nekt');
    await root.getByText('Advanced settings').click();
    await root.getByLabel('Startup timeout (seconds)', { exact: true }).fill(TOKEN);
    await expect(field(root, 'cmg-nekt-startupTimeoutSec').locator('.cmg-warning')).toContainText(
      'Startup timeout looks like a credential',
    );
  });
});

test.describe('an example host is a placeholder', () => {
  test('Cinatra: the placeholder host is refused until the reader enters one', async ({ page }) => {
    await openGuide(page, '/guides/cinatra/');
    const root = island(page, 'cinatra');
    const host = root.getByLabel('Cinatra public host', { exact: true });
    await expect(host).toHaveValue('YOUR-CINATRA-HOST');
    // Typing anything loads the engine; the placeholder is still there, so it is refused.
    await host.focus();
    await host.press('End');
    await expect(field(root, 'cmg-cinatra-p-instance').locator('.cmg-error')).toContainText(
      'the placeholder YOUR-CINATRA-HOST is still in it: enter your own',
    );
    await expect(root.locator('[data-output="cli"]')).toHaveCount(0);
    await host.fill('cinatra.acme.dev');
    await expect(root.locator('[data-output="cli"]')).toHaveText(
      'codex mcp add cinatra --url https://cinatra.acme.dev/api/mcp',
    );
    await expect(field(root, 'cmg-cinatra-p-instance').locator('.cmg-msg')).toHaveCount(0);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the preset shows the placeholder form, flagged at its field', async ({ page }) => {
      await page.goto('/guides/cinatra/');
      const root = island(page, 'cinatra');
      await expect(root.locator('[data-output="toml"]')).toHaveText(
        '[mcp_servers.cinatra]\nurl = "https://YOUR-CINATRA-HOST/api/mcp"',
      );
      await expect(field(root, 'cmg-cinatra-p-instance').locator('.cmg-warning')).toContainText(
        'the placeholder YOUR-CINATRA-HOST is still in it',
      );
      // No command that looks runnable with the placeholder host; a note says to replace it.
      await expect(page.locator('[data-output^="cli"]')).toHaveCount(0);
      await expect(page.locator('.cmg-placeholder-note')).toContainText(
        'still holds the placeholder YOUR-CINATRA-HOST',
      );
    });
  });
});
