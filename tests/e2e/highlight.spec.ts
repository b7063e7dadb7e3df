/**
 * Highlighting by construction (issue 24): output blocks are coloured by their tokens' kinds,
 * with no highlighter loaded. In both themes every coloured kind of every block is visible, differs
 * from plain text, is axe clean (contrast included), and the copied text is the block's text. The
 * same markup is what the page shows without JavaScript.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openGuide, test } from './fixtures.ts';

const SHELLS = ['bash / zsh', 'fish', 'PowerShell 7'];

/** The colour of each kind present in the visible output blocks, and of their plain text. */
async function colours(page: Page): Promise<Record<string, string>> {
  return page.locator('[data-generator="nekt"] .cmg-outputs').evaluate((root) => {
    const out: Record<string, string> = {};
    for (const pre of root.querySelectorAll<HTMLElement>('pre[data-output]')) {
      if (pre.closest('[hidden]')) continue;
      out['plain'] = getComputedStyle(pre).color;
      for (const span of pre.querySelectorAll<HTMLElement>('span[class^="cmg-t-"]'))
        out[span.className] = getComputedStyle(span).color;
    }
    return out;
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`output blocks are highlighted and axe clean in the ${theme} theme, in every shell`, async ({
    page,
  }) => {
    // Three full axe runs: slow on a busy machine.
    test.setTimeout(120_000);
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await openGuide(page, '/guides/nekt/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const root = page.locator('[data-generator="nekt"]');
    const seen: Record<string, string>[] = [];
    for (const shell of SHELLS) {
      await root.getByRole('radio', { name: shell, exact: true }).check();
      const found = await colours(page);
      seen.push(found);
      // Every kind the command, env lines, TOML and verify blocks hold, each in its own colour.
      for (const kind of ['program', 'subcommand', 'flag', 'variable', 'comment', 'header', 'key'])
        expect(found[`cmg-t-${kind}`], `${shell}: ${kind}`).toBeDefined();
      for (const [kind, colour] of Object.entries(found))
        if (kind !== 'plain') expect(colour, `${shell}: ${kind}`).not.toBe(found['plain']);
      const results = await new AxeBuilder({ page }).include('[data-generator="nekt"]').analyze();
      const summary = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
      expect(summary, shell).toEqual([]);
    }
    // The first-interaction code is the engine alone: nothing named after a highlighter.
    const scripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => r.name),
    );
    expect(scripts.filter((s) => /shiki|highlight|primitive|engine-javascript/i.test(s))).toEqual(
      [],
    );
    expect(seen.length).toBe(3);
  });
}

test('the page without JavaScript shows the same coloured markup as the hydrated island', async ({
  browser,
  page,
}) => {
  const blocks = 'pre[data-output]';
  const markup = (p: Page) =>
    p
      .locator(`[data-generator="nekt"] ${blocks}`)
      .evaluateAll((pres) => pres.map((e) => e.innerHTML));
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await context.newPage();
  await noJs.goto('/guides/nekt/');
  const without = await markup(noJs);
  await context.close();
  await openGuide(page, '/guides/nekt/');
  expect(without.length).toBeGreaterThan(5);
  expect(await markup(page)).toEqual(without);
  const cli = page.locator('[data-generator="nekt"] pre[data-output="cli"]');
  await expect(cli.locator('.cmg-t-program')).toHaveText(['codex']);
  await expect(cli.locator('.cmg-t-flag').first()).toHaveText('--url');
});
