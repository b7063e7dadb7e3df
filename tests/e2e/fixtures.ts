/**
 * The fixture every e2e test uses. Around each test it enforces the site's promises:
 * no request leaves the site's own origin, no CSP violation, no uncaught error, no dialog.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

interface Guards {
  /** Every request URL the page made, in order (for tests that want to inspect them). */
  requests: string[];
}

export const test = base.extend<{ guards: Guards }>({
  guards: [
    async ({ page, baseURL }, use) => {
      const requests: string[] = [];
      const foreign: string[] = [];
      const errors: string[] = [];
      const dialogs: string[] = [];
      page.on('request', (r) => {
        requests.push(r.url());
        const url = r.url();
        if (!url.startsWith(`${baseURL}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))
          foreign.push(url);
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('dialog', async (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        await d.dismiss();
      });
      await page.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          w.__csp.push(
            `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
          );
        });
      });
      await use({ requests });
      const csp = await page
        .evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
        .catch(() => []);
      expect(foreign, 'requests to anything but the site itself').toEqual([]);
      expect(csp, 'Content-Security-Policy violations').toEqual([]);
      expect(errors, 'uncaught page errors').toEqual([]);
      expect(dialogs, 'dialogs opened (script injection?)').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens a page and waits until the generator island (if any) has hydrated, so typing reaches Preact. */
export async function openGuide(page: Page, path: string): Promise<void> {
  await page.goto(path);
  if ((await page.locator('[data-generator]').count()) > 0) {
    await page.locator('[data-generator][data-hydrated="true"]').first().waitFor();
  }
}

/** Replaces the example placeholders (YOUR-INSTANCE...) the generator refuses, so a guide's default form generates. */
export async function fillPlaceholders(root: Locator): Promise<void> {
  for (const input of await root.locator('input[type="text"]').all()) {
    const value = await input.inputValue();
    if (/YOUR-[A-Z-]+/.test(value)) await input.fill(value.replace(/YOUR-[A-Z-]+/g, 'acme'));
  }
}

/** The exact text of an output block (what its copy button puts on the clipboard). */
export async function output(page: Page, kind: string): Promise<string> {
  return (await page.locator(`[data-output="${kind}"]`).first().textContent()) ?? '';
}
