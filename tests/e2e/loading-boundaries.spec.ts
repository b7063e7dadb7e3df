/**
 * Code kept off the first-interaction byte budget (tests/e2e/budget.spec.ts) must still work when
 * the reader reaches it: the server.json import box (loaded when opened, here by keyboard), and the
 * doctor's TOML parser (loaded at the first edit of the merge block, which names the server).
 */
import { expect, openGuide, test } from './fixtures.ts';

test('the server.json import box loads only when opened, and keeps keyboard focus', async ({
  page,
  guards,
}) => {
  await openGuide(page, '/guides/custom/');
  const mounted = () =>
    guards.requests.filter((u) => /\/server-json-mount\.[\w-]+\.js$/.test(u)).length;
  expect(mounted(), 'the import box code before it is opened').toBe(0);
  const summary = page.locator('summary', { hasText: 'Import a server.json' });
  await summary.focus();
  await page.keyboard.press('Enter');
  // The picker arrives in the box that is already open; focus stays where the reader put it.
  await expect(page.locator('#sj-import-paste')).toBeVisible();
  expect(mounted()).toBe(1);
  await expect(summary).toBeFocused();
  await expect(page.locator('.sj-import details')).toHaveAttribute('open', '');
});

test('the doctor names the server from a pasted merge block (its parser loads on that edit)', async ({
  page,
}) => {
  await page.goto('/tools/config-doctor/');
  await page.locator('[data-doctor][data-hydrated="true"]').waitFor();
  await page.getByLabel('Block to merge').fill('[mcp_servers.docs-one]\ncommand = "npx"\n');
  await expect(page.getByLabel('Server name', { exact: true })).toHaveValue('docs-one');
  // A block that does not parse to exactly one server leaves the typed name alone.
  await page.getByLabel('Server name', { exact: true }).fill('mine');
  await page
    .getByLabel('Block to merge')
    .fill('[mcp_servers.a]\ncommand = "x"\n[mcp_servers.b]\ncommand = "y"\n');
  await page.waitForTimeout(300);
  await expect(page.getByLabel('Server name', { exact: true })).toHaveValue('mine');
});
