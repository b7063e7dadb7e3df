/**
 * Share links in the browser: a credential typed into a field that is not for secrets is marked at
 * that field and withheld from the copied link (and the announcement names the field); hostile link
 * values are refused with a notice; a restored link says what it set and scrolls there; an error in
 * the closed "Advanced settings" opens it; the security headers are served.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, openGuide, test } from './fixtures.ts';
import { CODEX_OLDEST } from '../../src/lib/codex/releases.ts';

const island = (page: Page, provider: string): Locator =>
  page.locator(`[data-generator="${provider}"]`);

/** Clicks "Copy link for teammates" and returns the copied link and the announcement. */
async function copyLink(page: Page, root: Locator): Promise<{ link: string; said: string }> {
  await root.getByRole('button', { name: 'Copy link for teammates' }).click();
  await expect(root.locator('.cmg-live')).toContainText('Link copied');
  return {
    link: await page.evaluate(() => navigator.clipboard.readText()),
    said: (await root.locator('.cmg-live').textContent()) ?? '',
  };
}

const HEX_TOKEN = 'a3f9c2_8b7e1d4f6a0c9b2e5d8f1a3c';

test.describe('a credential in a field that is not for secrets', () => {
  test('Nekt: a token pasted as the variable name is marked there and withheld from the link', async ({
    page,
  }) => {
    await openGuide(page, '/guides/nekt/');
    const root = island(page, 'nekt');
    await root.getByLabel('Environment variable').fill(HEX_TOKEN);
    await expect(root.locator('[data-field="cmg-nekt-env"] .cmg-error').first()).toContainText(
      'Bearer token variable looks like a token, not a variable name',
    );
    await expect(root.getByLabel('Environment variable')).toHaveAttribute('aria-invalid', 'true');
    await root.getByLabel('Server name').fill('nekt-prod');
    const { link, said } = await copyLink(page, root);
    expect(link).not.toContain(HEX_TOKEN);
    expect(link).toContain('name=nekt-prod');
    expect(said).toContain('Left out because they look like credentials: Environment variable.');
  });

  test('custom: --access-token <token> in the arguments is marked at the arguments and withheld', async ({
    page,
  }) => {
    await openGuide(page, '/guides/custom/');
    const root = island(page, 'custom');
    await root.getByRole('radio', { name: /Local \(stdio\)/ }).check();
    await root.getByLabel('Arguments').fill('-y\nsome-server\n--access-token\nq9w8e7r6t5');
    await expect(root.locator('[data-field="cmg-custom-args"] .cmg-warning')).toContainText(
      'Argument #4 looks like a credential: it follows the credential option --access-token',
    );
    const { link, said } = await copyLink(page, root);
    expect(link).not.toContain('q9w8e7r6t5');
    expect(link).toContain('mode=local');
    expect(said).toContain('Left out because they look like credentials: Arguments.');
  });

  for (const [what, url, secret] of [
    // No digit: the old detector (digits required) let this password through.
    ['user:pass@ in the URL', 'https://me:hunterpw@mcp.example.com/mcp', 'hunterpw'],
    ['?api_key= in the URL', 'https://mcp.example.com/mcp?api_key=zz91xx', 'zz91xx'],
  ] as const) {
    test(`custom: ${what} is marked at the URL and withheld`, async ({ page }) => {
      await openGuide(page, '/guides/custom/');
      const root = island(page, 'custom');
      await root.getByLabel('Server URL').fill(url);
      await expect(
        root.locator('[data-field="cmg-custom-p-url"] .cmg-warning').first(),
      ).toBeVisible();
      const { link, said } = await copyLink(page, root);
      expect(decodeURIComponent(link)).not.toContain(secret);
      expect(said).toContain('Left out because they look like credentials: Server URL.');
    });
  }
});

test.describe('opening a link', () => {
  test('a value its field refuses is not applied, and the notice quotes the field (issue 20)', async ({
    page,
  }) => {
    await openGuide(page, '/guides/nekt/#v=1&startup=abc');
    const root = island(page, 'nekt');
    await expect(root.locator('[data-link-notice]')).toContainText(
      '"startup" was ignored: Startup timeout must be a number of seconds',
    );
    await expect(root.locator('details.cmg-advanced')).not.toHaveAttribute('open', '');
  });

  test('a hostile control character is refused, and the notice names it', async ({ page }) => {
    await openGuide(page, '/guides/nekt/#v=1&name=evil%1B%5B31mname&allow=a%E2%80%AEb');
    const root = island(page, 'nekt');
    const notice = root.locator('[data-link-notice]');
    await expect(notice).toContainText('"name" was ignored: its value holds U+001B (escape)');
    await expect(notice).toContainText(
      '"allow" was ignored: its value holds U+202E (right-to-left override)',
    );
    await expect(root.getByLabel('Server name')).toHaveValue('nekt');
  });

  test('a credential in a link is not read', async ({ page }) => {
    await openGuide(page, `/guides/nekt/#v=1&env=${HEX_TOKEN}`);
    const root = island(page, 'nekt');
    await expect(root.locator('[data-link-notice]')).toContainText(
      'credentials are not read from links',
    );
    await expect(root.getByLabel('Environment variable')).toHaveValue('NEKT_MCP_BEARER_TOKEN');
  });

  test('10,000 unknown keys give a short notice', async ({ page }) => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `k${i}=1`).join('&');
    await openGuide(page, `/guides/nekt/#v=1&${keys}`);
    const items = island(page, 'nekt').locator('[data-link-notice] li');
    await expect(items).toHaveCount(21);
    await expect(items.last()).toHaveText('…and 9,980 more.');
  });

  test('the restored link says it was prefilled, what it set, what to check and what to add, and scrolls there', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1000, height: 600 });
    await openGuide(
      page,
      '/guides/omni/#v=1&mode=api-key&p.instance=evil.example.net&name=omni-sales',
    );
    const root = island(page, 'omni');
    const notice = root.locator('[data-link-notice]');
    await expect(notice).toContainText('Prefilled from a shared link. It set:');
    await expect(notice.locator('li')).toHaveText([
      'Authentication: API key',
      'Omni instance host: evil.example.net',
      'Server name: omni-sales',
    ]);
    await expect(notice).toContainText(
      'points Omni at evil.example.net, which is not an omniapp.co address: your Omni API key would be sent there',
    );
    await expect(notice).toContainText(
      'Still to add yourself (links never carry them): Omni API key.',
    );
    // Focused (so a screen reader reads it first) and in view.
    await expect(notice).toBeFocused();
    await expect(notice).toBeInViewport();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    // The notice itself passes axe.
    const results = await new AxeBuilder({ page }).include('[data-link-notice]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});

test('a link that switches a Basic credential into config.toml says so', async ({ page }) => {
  await openGuide(page, '/guides/cdata-connect-ai/#v=1&mode=basic&storage=inline');
  const notice = island(page, 'cdata-connect-ai').locator('[data-link-notice]');
  await expect(notice).toContainText('Where the credential is kept: written into config.toml');
  await expect(notice).toContainText('switches "Where the credential is kept" to config.toml');
});

test.describe('Advanced settings', () => {
  test('opens when an error appears inside it, and the blocked message focuses the field', async ({
    page,
  }) => {
    // A link applies no value its own field refuses (settings included), so the error comes from
    // the reader choosing an older Codex, whose rule refuses the linked mode "writes".
    await openGuide(page, '/guides/nekt/#v=1&toolapproval=search%20%3D%20writes');
    const root = island(page, 'nekt');
    await expect(root.locator('details.cmg-advanced')).not.toHaveAttribute('open', '');
    await root.getByLabel('Codex version').selectOption(CODEX_OLDEST);
    await expect(root.locator('details.cmg-advanced')).toHaveAttribute('open', '');
    const field = root.getByLabel('Per-tool approval');
    await expect(field).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    // Closed again by the reader, the button reopens it and focuses the field, from the keyboard.
    await root.locator('summary').click();
    await expect(field).toBeHidden();
    const go = root.getByRole('button', { name: 'Go to Per-tool approval' });
    await go.focus();
    await page.keyboard.press('Enter');
    await expect(field).toBeVisible();
    await expect(field).toBeFocused();
  });
});

test('the security headers are served with every page', async ({ page }) => {
  const response = await page.goto('/guides/nekt/');
  const headers = response!.headers();
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
});
