/**
 * Journeys by task (issue 21) on the production build: the home page and the 404 page lead to the
 * tool for each task people arrive with, in one click; and the page an "Add to Codex" badge opens
 * shows one notice, the export step first in the reader's shell, and the TOML block before a
 * partial command. Axe-clean in light and dark.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openGuide, output, test } from './fixtures.ts';

// Journeys on a loaded machine: more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

/** Each task's card title, and what the page it opens must show. */
const TASKS: [string, RegExp, (page: Page) => Promise<void>][] = [
  [
    'Connect a server to Codex',
    /\/#choose-a-provider$/,
    async (page) => {
      await expect(page.getByRole('heading', { name: 'Choose a provider' })).toBeInViewport();
      await expect(page.getByRole('link', { name: /^Omni/ })).toBeVisible();
    },
  ],
  [
    'I have a server.json',
    /\/guides\/custom\/#generate-your-setup$/,
    async (page) => {
      await expect(page.locator('summary', { hasText: 'Import a server.json' })).toBeInViewport();
    },
  ],
  [
    'Move my Claude, Cursor or VS Code config',
    /\/tools\/config-doctor\/$/,
    async (page) => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Config doctor');
    },
  ],
  [
    'I publish a server',
    /\/tools\/add-to-codex\/$/,
    async (page) => {
      await expect(page.locator('#sj-authors-paste')).toBeVisible();
    },
  ],
  [
    'Codex printed an error',
    /\/reference\/troubleshooting\/$/,
    async (page) => {
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Troubleshooting');
    },
  ],
];

for (const [start, label] of [
  ['/', 'the home page'],
  ['/no-such-page/', 'the 404 page'],
] as const) {
  for (const [title, url, arrived] of TASKS) {
    test(`${label}: "${title}" is one click from its tool`, async ({ page }) => {
      const response = await page.goto(start);
      if (start !== '/') expect(response?.status()).toBe(404);
      await page.getByRole('link', { name: new RegExp(`^${title}`) }).click();
      await expect(page).toHaveURL(url);
      await arrived(page);
    });
  }
  for (const theme of ['light', 'dark'] as const) {
    test(`${label}: no axe violations (${theme})`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(start);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target)}`)).toEqual([]);
    });
  }
}

test.describe('the page an "Add to Codex" badge opens', () => {
  /** The badge link the authors' page makes for Brave Search's server.json. */
  async function badgeLink(page: Page): Promise<string> {
    await page.goto('/tools/add-to-codex/');
    const json = readFileSync('tests/fixtures/server-json/brave-search-mcp-server.json', 'utf8');
    await page.locator('#sj-authors-paste').fill(json);
    const link = await output(page, 'sj-link');
    expect(link).toContain('&from=');
    return link.replace(new URL(link).origin, '');
  }

  for (const [shell, line] of [
    ['posix', 'export BRAVE_API_KEY=your-brave-api-key'],
    ['fish', "set -gx BRAVE_API_KEY 'your-brave-api-key'"],
    ['powershell', "$env:BRAVE_API_KEY = 'your-brave-api-key'"],
  ] as const) {
    test(`${shell}: one notice, the key's export first in the reader's shell, the TOML block before the partial command`, async ({
      page,
    }) => {
      const link = await badgeLink(page);
      // The reader chose this shell on an earlier visit.
      await page.evaluate((s) => localStorage.setItem('cmg-shell', s), shell);
      await openGuide(page, link);
      const root = page.locator('[data-generator]');
      // One notice, and it says where the values came from.
      await expect(page.locator('[data-sj="prefilled"]')).toContainText(
        'This link says it was made from server.json io.github.brave/brave-search-mcp-server@2.1.3.',
      );
      await expect(page.locator('[data-link-notice]')).toHaveCount(0);
      await expect(page.getByText('Prefilled from a shared link')).toHaveCount(0);
      // The first step exports the key, in the reader's shell.
      const first = root.locator('.cmg-steps [data-output]:visible').first();
      await expect(first).toContainText(line);
      await expect(root.locator('.cmg-steps h3').first()).toHaveText(
        'Set the environment variables',
      );
      // The command cannot set env_vars: the TOML block, which holds it, comes before it.
      const order = await root
        .locator('.cmg-steps [data-output]:visible')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['output']));
      const cli = shell === 'posix' ? 'cli' : `cli-${shell}`;
      expect(order.indexOf('toml')).toBeGreaterThan(0);
      expect(order.indexOf('toml')).toBeLessThan(order.indexOf(cli));
      await expect(root.locator('[data-cli-note]')).toContainText('has no flag for env_vars');
      expect(await output(page, 'toml')).toContain('env_vars = [ "BRAVE_API_KEY" ]');
    });
  }

  test('a plain share link still gets its own notice, and no export step for pass-through names', async ({
    page,
  }) => {
    await openGuide(page, '/guides/custom/#v=1&mode=local&name=x&command=npx&envvars=A_KEY');
    await expect(page.locator('[data-link-notice]')).toContainText('Prefilled from a shared link');
    await expect(page.locator('[data-sj="prefilled"]')).toHaveCount(0);
    await expect(page.locator('[data-output="toml"]')).toContainText('env_vars = [ "A_KEY" ]');
    await expect(page.locator('[data-output="env"]')).toHaveCount(0);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`no axe violations (${theme})`, async ({ page }) => {
      const link = await badgeLink(page);
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await openGuide(page, link);
      await expect(page.locator('[data-sj="prefilled"]')).toBeVisible();
      await expect(page.locator('[data-output="env"]')).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target)}`)).toEqual([]);
    });
  }
});
