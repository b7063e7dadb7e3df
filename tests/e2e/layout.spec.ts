/**
 * Output beside input (issue 21): on a wide window the generator's outputs sit beside the form and
 * stay in view while it scrolls; on a phone they are one tap away. Measured on every guide of the
 * production build, with the first generated command's position logged for the report.
 */
import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, fillPlaceholders, openGuide, test } from './fixtures.ts';

const GUIDES = readdirSync('dist/guides', { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
// Layout and axe on a loaded machine: more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** The first output block of the steps the reader would run or paste (env lines, command or TOML). */
const firstCommand = (root: Locator): Locator =>
  root.locator('.cmg-steps [data-output]:visible').first();

/** The block's box in the window: its top and bottom, in CSS pixels from the top of the window. */
async function place(block: Locator): Promise<{ top: number; bottom: number }> {
  const box = await block.evaluate((e) => e.getBoundingClientRect().toJSON());
  return { top: Math.round(box.top), bottom: Math.round(box.bottom) };
}

/** Whether the whole block is in the window, below the site's fixed header. */
async function inView(page: Page, block: Locator): Promise<boolean> {
  const { top, bottom } = await place(block);
  const header = await page.evaluate(() =>
    Math.round(document.querySelector('header')?.getBoundingClientRect().bottom ?? 0),
  );
  return top >= header && bottom <= page.viewportSize()!.height;
}

/** Opens a guide with its example placeholders replaced, so every guide generates a command. */
async function ready(page: Page, guide: string): Promise<Locator> {
  await openGuide(page, `/guides/${guide}/`);
  const root = page.locator('[data-generator]').first();
  await fillPlaceholders(root);
  await expect(root.locator('[data-output="toml"]')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  return root;
}

/** The form's first field (the shell choice) and its last text field. */
const fields = (root: Locator) => root.locator('.cmg-form').locator('input, select, textarea');

test.describe('1280×800: the outputs beside the form', () => {
  test.use({ viewport: WIDE });
  for (const guide of GUIDES) {
    test(`${guide}: the first command is in view once the first field has focus, and stays there`, async ({
      page,
    }) => {
      const root = await ready(page, guide);
      await fields(root).first().focus();
      const block = firstCommand(root);
      console.log(`layout 1280x800 ${guide}: first command ${JSON.stringify(await place(block))}`);
      expect(await inView(page, block)).toBe(true);
      // Further down the form (the last text field), the outputs are still in view.
      await root.locator('.cmg-form input[type="text"]').last().focus();
      expect(await inView(page, block)).toBe(true);
    });
  }

  test('typing moves nothing, and a copied message withdrawn while typing moves nothing either', async ({
    page,
  }) => {
    const root = await ready(page, 'omni');
    const name = root.getByLabel('Server name');
    await name.focus();
    const block = firstCommand(root);
    const before = { field: await place(name), block: await place(block) };
    await root.getByRole('button', { name: 'Copy Command (bash / zsh)' }).click();
    await expect(root.locator('.cmg-live')).toHaveText(
      'Command (bash / zsh) copied to the clipboard.',
    );
    expect(await place(block)).toEqual(before.block);
    await name.press('End');
    await page.keyboard.type('-two');
    await expect(block).toContainText('omni-two');
    // The copied message no longer holds and is withdrawn: the outputs below it do not move.
    await expect(root.locator('.cmg-live')).toHaveText('');
    expect({ field: await place(name), block: await place(block) }).toEqual(before);
  });

  test('"Link copied" appears next to the button that was pressed', async ({ page }) => {
    const root = await ready(page, 'nekt');
    const button = root.getByRole('button', { name: 'Copy link for teammates' });
    await button.click();
    const live = root.locator('.cmg-live');
    await expect(live).toContainText('Link copied');
    const [b, l] = [await button.boundingBox(), await live.boundingBox()];
    // Beside the button or right under it, and in view.
    expect(Math.abs(l!.y - b!.y)).toBeLessThan(60);
    expect(await inView(page, live)).toBe(true);
  });

  test('the shell and Codex version come first in the form', async ({ page }) => {
    const root = await ready(page, 'cinatra');
    const form = root.locator('.cmg-form');
    await expect(form.locator('legend').first()).toHaveText('Your shell');
    await expect(form.locator('label, legend').nth(1)).toContainText('bash / zsh');
    await expect(form.getByLabel('Codex version')).toBeVisible();
    // Choosing fish changes the outputs beside the form.
    await form.getByRole('radio', { name: 'fish', exact: true }).check();
    await expect(root.locator('[data-output="cli-fish"]')).toBeVisible();
    expect(await inView(page, root.locator('[data-output="cli-fish"]'))).toBe(true);
  });
});

test.describe('390×844: the outputs one tap away', () => {
  test.use({ viewport: PHONE });
  for (const guide of GUIDES) {
    test(`${guide}: from the first field, one keyboard press on "Jump to your commands" shows the first command`, async ({
      page,
    }) => {
      const root = await ready(page, guide);
      await fields(root).first().focus();
      const block = firstCommand(root);
      console.log(`layout 390x844 ${guide}: first command ${JSON.stringify(await place(block))}`);
      const jump = root.getByRole('link', { name: 'Jump to your commands' });
      expect(await inView(page, jump)).toBe(true);
      await jump.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => inView(page, block)).toBe(true);
      console.log(`layout 390x844 ${guide}: after the jump ${JSON.stringify(await place(block))}`);
    });
  }
});

test('without JavaScript the build-time outputs sit beside the form at 1280×800', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: WIDE });
  const page = await context.newPage();
  await page.goto('/guides/alloy/');
  const root = page.locator('[data-generator]');
  await root.getByLabel('Server name').focus();
  expect(await inView(page, root.locator('[data-output="cli"]'))).toBe(true);
  await context.close();
});

for (const [label, viewport] of [
  ['1280×800', WIDE],
  ['390×844', PHONE],
] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`the two layouts have no axe violations: ${label}, ${theme}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      const root = await ready(page, 'omni');
      await fields(root).first().focus();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target)}`)).toEqual([]);
    });
  }
}
