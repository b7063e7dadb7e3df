/**
 * The generator's controls in the browser: the remembered shell (issue 12), the Codex version
 * control (issue 11), a stale "copied" message, Markdown code in notices, the unmasked e-mail field
 * and PowerShell highlighting.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openGuide, test } from './fixtures.ts';

const island = (page: Page, provider: string): Locator =>
  page.locator(`[data-generator="${provider}"]`);
const shellRadio = (root: Locator, name: string): Locator =>
  root.getByRole('radio', { name, exact: true });
/** What the site stored, leaving out Starlight's own colour-theme preference. */
const storedItems = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(Object.entries(localStorage).filter(([k]) => k !== 'starlight-theme')),
  );
/** Opens a share link as a new page load (a goto that only changes the hash would not reload). */
async function openLink(page: Page, path: string): Promise<void> {
  await page.goto('about:blank');
  await openGuide(page, path);
}

test.describe('the remembered shell', () => {
  test('fish chosen on one guide stays chosen after a reload and on another guide; a link with shell=powershell wins', async ({
    page,
  }) => {
    await openGuide(page, '/guides/nekt/');
    await shellRadio(island(page, 'nekt'), 'fish').check();
    await expect(island(page, 'nekt').locator('[data-output="cli-fish"]')).toBeVisible();
    // The only thing the site stores: the shell, under its documented key.
    expect(await storedItems(page)).toEqual({ 'cmg-shell': 'fish' });

    await page.reload();
    await page.locator('[data-generator][data-hydrated="true"]').first().waitFor();
    await expect(shellRadio(island(page, 'nekt'), 'fish')).toBeChecked();
    await expect(island(page, 'nekt').locator('[data-output="cli-fish"]')).toBeVisible();
    await expect(island(page, 'nekt').locator('[data-output="cli"]')).toBeHidden();

    await openGuide(page, '/guides/omni/');
    await expect(shellRadio(island(page, 'omni'), 'fish')).toBeChecked();
    await expect(island(page, 'omni').locator('[data-output="cli-fish"]')).toBeVisible();

    await openLink(page, '/guides/omni/#v=1&shell=powershell');
    const omni = island(page, 'omni');
    await expect(shellRadio(omni, 'PowerShell 7')).toBeChecked();
    await expect(omni.locator('[data-output="cli-powershell"]')).toBeVisible();
    await expect(omni.locator('[data-link-notice] li')).toHaveText(['Your shell: PowerShell']);
    // The link's shell applies to the page it opened; the reader's own choice is still remembered.
    expect(await storedItems(page)).toEqual({ 'cmg-shell': 'fish' });
    await openGuide(page, '/guides/cinatra/');
    await expect(shellRadio(island(page, 'cinatra'), 'fish')).toBeChecked();
  });

  test('the share link carries the shell', async ({ page }) => {
    await openGuide(page, '/guides/nekt/');
    const root = island(page, 'nekt');
    await shellRadio(root, 'PowerShell 7').check();
    await root.getByRole('button', { name: 'Copy link for teammates' }).click();
    await expect(root.locator('.cmg-live')).toContainText('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /#v=1&shell=powershell$/,
    );
  });

  test('when storage refuses the shell (privacy mode, quota) the choice still applies, and nothing breaks', async ({
    page,
  }) => {
    // Only the site's own key is refused: Starlight's theme script has no guard of its own.
    await page.addInitScript(() => {
      for (const method of ['getItem', 'setItem'] as const) {
        const original = Storage.prototype[method] as (
          this: Storage,
          ...args: string[]
        ) => string | null;
        Storage.prototype[method] = function (this: Storage, ...args: string[]) {
          if (args[0] === 'cmg-shell')
            throw new DOMException('The operation is insecure.', 'SecurityError');
          return original.apply(this, args);
        } as never;
      }
    });
    await openGuide(page, '/guides/nekt/');
    const root = island(page, 'nekt');
    await shellRadio(root, 'fish').check();
    await expect(root.locator('[data-output="cli-fish"]')).toBeVisible();
  });

  test('PowerShell output is highlighted like the others: flags as flags, never as errors', async ({
    page,
  }) => {
    await openGuide(page, '/guides/omni/#v=1&mode=api-key&p.instance=acme&shell=powershell');
    const block = island(page, 'omni').locator('[data-output="cli-powershell"]');
    await expect(block).toBeVisible();
    await expect(block.locator('.cmg-t-program')).toHaveText(['codex']);
    await expect(block.locator('.cmg-t-flag').first()).toHaveText(/^--[a-z-]+$/);
  });
});

test.describe('the Codex version control', () => {
  test('a.b: refused at the Server name field on 0.150.0, accepted on the newest; the link carries the release, not the refused name', async ({
    page,
  }) => {
    await openGuide(page, '/guides/nekt/');
    const root = island(page, 'nekt');
    const version = root.getByLabel('Codex version');
    await expect(version).toHaveValue('0.171.0');
    await root.getByLabel('Server name').fill('a.b');
    await expect(root.locator('[data-output="cli"]')).toContainText('codex mcp add a.b');
    await expect(root.locator('[data-field="cmg-nekt-name"] .cmg-error')).toHaveCount(0);

    await version.selectOption('0.150.0');
    await expect(root.locator('[data-field="cmg-nekt-name"] .cmg-error')).toContainText(
      'Server name "a.b" has characters Codex 0.150.0 refuses',
    );
    await expect(root.locator('[data-field="cmg-nekt-name"] .cmg-error')).toContainText(
      'for example "a-b"',
    );
    await expect(root.getByLabel('Server name')).toHaveAttribute('aria-invalid', 'true');
    await expect(root.locator('[data-output="cli"]')).toHaveCount(0);

    await root.getByRole('button', { name: 'Copy link for teammates' }).click();
    await expect(root.locator('.cmg-live')).toContainText('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    // A value its field refuses is not carried (issue 20): the link holds the release, not "a.b".
    expect(link).toMatch(/#v=1&codex=0\.150\.0$/);

    await openLink(page, new URL(link).pathname + new URL(link).hash);
    const opened = island(page, 'nekt');
    await expect(opened.getByLabel('Codex version')).toHaveValue('0.150.0');
    await expect(opened.getByLabel('Server name')).not.toHaveValue('a.b');
    await expect(opened.locator('[data-field="cmg-nekt-name"] .cmg-error')).toHaveCount(0);
  });

  test('an unknown release in a link gets a notice, and the output is for the newest', async ({
    page,
  }) => {
    await openGuide(page, '/guides/nekt/#v=1&codex=0.99.0');
    const root = island(page, 'nekt');
    await expect(root.locator('[data-link-notice]')).toContainText('"codex" was ignored');
    await expect(root.locator('[data-link-notice]')).toContainText(
      'so the output is for the newest, 0.171.0',
    );
    await expect(root.getByLabel('Codex version')).toHaveValue('0.171.0');
  });
});

test('a "copied" message clears when the output it refers to changes', async ({ page }) => {
  await openGuide(page, '/guides/nekt/');
  const root = island(page, 'nekt');
  const live = root.locator('.cmg-live');
  await root.getByRole('button', { name: 'Copy Command (bash / zsh)' }).click();
  await expect(live).toHaveText('Command (bash / zsh) copied to the clipboard.');
  // The button's name follows its label, so what it says and what it is called agree.
  await expect(root.getByRole('button', { name: 'Copied Command (bash / zsh)' })).toHaveText(
    'Copied',
  );
  await root.getByLabel('Server name').fill('nekt-prod');
  await expect(root.locator('[data-output="cli"]')).toContainText('nekt-prod');
  await expect(live).toHaveText('');
  await expect(root.getByRole('button', { name: 'Copy Command (bash / zsh)' })).toHaveText('Copy');
});

test('a copied block whose text did not change keeps its message', async ({ page }) => {
  await openGuide(page, '/guides/nekt/');
  const root = island(page, 'nekt');
  await root.getByRole('button', { name: 'Copy Verify' }).click();
  await expect(root.locator('.cmg-live')).toHaveText('Verify copied to the clipboard.');
  // The tool timeout changes the command and TOML block, not the Verify block.
  await root.getByText('Advanced settings').click();
  await root.getByLabel('Tool timeout (seconds)').fill('90');
  await expect(root.locator('[data-output="toml"]')).toContainText('tool_timeout_sec = 90');
  await expect(root.locator('.cmg-live')).toHaveText('Verify copied to the clipboard.');
});

test('Markdown code in a message renders as code, not as backticks', async ({ page }) => {
  await openGuide(page, '/guides/omni/#v=1&scope=project');
  const note = island(page, 'omni').locator('[data-cli-note]');
  await expect(note).toContainText(
    'No command for this one: codex mcp add writes only the user config',
  );
  await expect(note.locator('code').first()).toHaveText('codex mcp add');
  expect(await note.textContent()).not.toContain('`');
});

test('the CData e-mail field is not masked; the PAT is', async ({ page }) => {
  await openGuide(page, '/guides/cdata-connect-ai/#v=1&mode=basic');
  const root = island(page, 'cdata-connect-ai');
  await expect(root.getByRole('textbox', { name: 'Connect AI email' })).toHaveAttribute(
    'type',
    'text',
  );
  await expect(root.getByLabel('Personal access token (PAT)', { exact: true })).toHaveAttribute(
    'type',
    'password',
  );
});

test('an invalid field blocks only what depends on it: the verify lines stay, and follow the name', async ({
  page,
}) => {
  await openGuide(page, '/guides/custom/');
  const root = island(page, 'custom');
  await root.getByLabel('Server name').fill('docs');
  await root.getByLabel('Server URL').fill('not a url');
  await expect(root.locator('.cmg-blocked')).toContainText('Fix the field marked in the form');
  await expect(root.locator('[data-output="cli"]')).toHaveCount(0);
  await expect(root.locator('[data-output="toml"]')).toHaveCount(0);
  await expect(root.locator('[data-output="verify"]')).toContainText('codex mcp get docs --json');
  await root.getByLabel('Server name').fill('bad name');
  await expect(root.locator('[data-output="verify"]')).toHaveCount(0);
});
