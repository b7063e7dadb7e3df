/**
 * Secrets never leave the page. A unique canary goes into every secret field of every provider and
 * auth mode; after copying every block and the share link, reloading and navigating, the canary must
 * be in no URL, share link, storage, cookie, console message or request.
 */
import { readdirSync } from 'node:fs';
import { expect, fillPlaceholders, openGuide, test } from './fixtures.ts';

const PROVIDERS = readdirSync('content/providers').map((f) => f.replace(/\.json$/, ''));

for (const provider of PROVIDERS) {
  test(`${provider}: a secret typed into any field stays on the page`, async ({
    page,
    context,
    guards,
  }) => {
    const consoleText: string[] = [];
    const bodies: string[] = [];
    page.on('console', (m) => consoleText.push(m.text()));
    page.on('request', (r) =>
      bodies.push(r.url(), r.postData() ?? '', JSON.stringify(r.headers())),
    );

    await openGuide(page, `/guides/${provider}/`);
    const island = page.locator(`[data-generator="${provider}"]`);
    const modes = island
      .locator('fieldset')
      .filter({ hasText: 'Authentication' })
      .getByRole('radio');
    const modeCount = Math.max(await modes.count(), 1);
    const canaries: string[] = [];
    const links: string[] = [];

    for (let m = 0; m < modeCount; m++) {
      if ((await modes.count()) > 0) await modes.nth(m).check();
      await fillPlaceholders(island);
      // The inline storage choice writes secrets into the TOML block: cover both choices where offered.
      const storages = island.getByRole('radio', {
        name: /^(In an environment variable|Computed on this page|Written into config\.toml)/,
      });
      const storageCount = Math.max(await storages.count(), 1);
      for (let s = 0; s < storageCount; s++) {
        if ((await storages.count()) > 0) await storages.nth(s).check();
        const secrets = island.locator('[data-secret]');
        for (let i = 0; i < (await secrets.count()); i++) {
          const canary = `CANARY${m}${s}${i}x${Math.random().toString(36).slice(2, 10)}`;
          canaries.push(canary);
          const field = secrets.nth(i);
          const multiline = await field.evaluate((el) => el.tagName === 'TEXTAREA');
          await field.fill(
            multiline
              ? /Header/i.test((await field.getAttribute('id')) ?? '')
                ? `X-Canary: ${canary}`
                : `CANARY_VAR=${canary}`
              : canary,
          );
        }
        // Copy every visible block, then the share link.
        for (const button of await island.locator('figure[data-block]:not([hidden]) button').all())
          await button.click();
        await island.getByRole('button', { name: 'Copy link for teammates' }).click();
        // The link is copied asynchronously; the clipboard held a block's text until then.
        await expect
          .poll(() => page.evaluate(() => navigator.clipboard.readText()))
          .toContain(`/guides/${provider}/`);
        links.push(await page.evaluate(() => navigator.clipboard.readText()));
      }
    }
    expect(canaries.length).toBeGreaterThan(0);

    // Reload and navigate away and back, as a person would.
    await page.reload();
    await page.goto('/');
    await page.goBack();

    const storage = await page.evaluate(async () => {
      const dbs = 'databases' in indexedDB ? await indexedDB.databases() : [];
      return JSON.stringify({
        local: { ...localStorage },
        session: { ...sessionStorage },
        cookie: document.cookie,
        dbs,
      });
    });
    const cookies = JSON.stringify(await context.cookies());
    const haystacks: [string, string][] = [
      ['page URL', page.url()],
      ['share links', links.join('\n')],
      ['storage', storage],
      ['cookies', cookies],
      ['console', consoleText.join('\n')],
      ['requests', [...guards.requests, ...bodies].join('\n')],
    ];
    for (const canary of canaries) {
      for (const [where, text] of haystacks)
        expect(text.includes(canary), `canary found in ${where}`).toBe(false);
    }
  });
}
