/**
 * Hostile input in the browser: markup, script and URL payloads in every form field and every
 * share-link parameter. No dialog opens and nothing executes (the fixture fails on dialogs and
 * uncaught errors; the payloads set a flag if they ever run), and the page keeps working.
 */
import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, fillPlaceholders, openGuide, test } from './fixtures.ts';

const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  "'><svg onload=window.__pwned=1>",
  'javascript:window.__pwned=1',
  '</pre><iframe src="javascript:window.top.__pwned=1"></iframe>',
  '${window.__pwned=1}{{7*7}}',
  '\u202e<b>rtl</b>\u0000\u0007',
];

const PROVIDERS = readdirSync('content/providers').map((f) => f.replace(/\.json$/, ''));
const SHARE_KEYS = [
  'v',
  'mode',
  'name',
  'scope',
  'storage',
  'enabled',
  'required',
  'env',
  'startup',
  'tooltimeout',
  'allow',
  'block',
  'scopes',
  'clientid',
  'resource',
  'command',
  'args',
  'envvars',
  'cwd',
  'envheaders',
  'codex',
  'shell',
  'p.instance',
  'p.url',
  'h.X-MCP-Model-ID',
  'secret',
  '__proto__',
  '<script>',
];

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

for (const provider of PROVIDERS) {
  test(`${provider}: payloads in every field never execute and never break the form`, async ({
    page,
  }) => {
    // Every payload into every field of every sign-in method: ~20 s on a quiet machine for the
    // custom guide, past the default 30 s on a loaded one (CI, 2 December 2026).
    test.setTimeout(120_000);
    await openGuide(page, `/guides/${provider}/`);
    const island = page.locator(`[data-generator="${provider}"]`);
    await island.locator('summary').click();
    const modes = island
      .locator('fieldset')
      .filter({ hasText: 'Authentication' })
      .getByRole('radio');
    for (let m = 0; m < Math.max(await modes.count(), 1); m++) {
      if ((await modes.count()) > 0) await modes.nth(m).check();
      const fields = island.locator('input[type="text"], input[type="password"], textarea');
      for (let i = 0; i < (await fields.count()); i++) {
        for (const payload of PAYLOADS) await fields.nth(i).fill(payload);
      }
      expect(await pwned(page)).toBeUndefined();
      // Still alive: errors are shown as text, and fixing the name brings the output back.
      await expect(island.locator('.cmg-error').first()).toBeVisible();
    }
    await page.reload();
    await openGuide(page, `/guides/${provider}/`);
    await fillPlaceholders(island);
    await island.getByLabel('Server name').fill('recovered');
    await expect(island.locator('[data-output="toml"]')).toContainText('[mcp_servers.recovered]');
  });

  test(`${provider}: payloads in every share-link parameter are ignored or shown as text`, async ({
    page,
  }) => {
    for (const payload of PAYLOADS) {
      const params = new URLSearchParams();
      for (const key of SHARE_KEYS) params.set(key, key === 'v' ? '1' : payload);
      await openGuide(page, `/guides/${provider}/#${params.toString()}`);
      expect(await pwned(page)).toBeUndefined();
      const island = page.locator(`[data-generator="${provider}"]`);
      // The notice lists what was ignored, as text.
      await expect(island.getByRole('status').first()).toContainText('were not used');
      await expect(island.locator('script, iframe, img[src="x"], svg[onload]')).toHaveCount(0);
      // And the form still works: fixing the name clears its error, live.
      const name = island.getByLabel('Server name');
      await name.fill('after link');
      await expect(island.locator('[data-field$="-name"] .cmg-error')).toHaveCount(1);
      await name.fill('after-link');
      await expect(island.locator('[data-field$="-name"] .cmg-error')).toHaveCount(0);
    }
  });
}
