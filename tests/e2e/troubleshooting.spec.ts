/**
 * A reader pastes the line Codex printed into the site's search and lands on its troubleshooting entry.
 * The lines are taken from the record of what the real CLI printed (tests/conformance/recorded).
 */
import { readFileSync } from 'node:fs';
import { expect, openGuide, test } from './fixtures.ts';

const record = (source: string): Record<string, { text: string }> =>
  (
    JSON.parse(readFileSync(`tests/conformance/recorded/messages-${source}.json`, 'utf8')) as {
      messages: Record<string, { text: string }>;
    }
  ).messages;
const PASTED = [
  record('troubleshoot')['oauth.noRegistration']!.text,
  record('troubleshoot')['transport.mixed']!.text,
  record('cli')['inline.bearer']!.text,
  record('troubleshoot')['oauth.keyring']!.text,
];

for (const line of PASTED) {
  test(`search: pasting "${line}" finds the troubleshooting page`, async ({ page }) => {
    await openGuide(page, '/');
    await page.getByRole('button', { name: 'Search' }).first().click();
    await page.getByPlaceholder('Search').last().fill(line);
    const hit = page
      .locator('.pagefind-ui__result-link[href^="/reference/troubleshooting/"]')
      .first();
    await expect(hit).toBeVisible({ timeout: 10_000 });
  });
}

// Messages only the interactive codex prints: the first section listed under the page is their entry.
const ENTRY_FIRST: [string, string][] = [
  [record('tui')['tui.missing']!.text, 'mcp-client-command-not-found'],
  [record('tui')['tui.incomplete']!.text, 'mcp-startup-incomplete'],
  [record('tui')['tui.incompleteMany']!.text, 'mcp-startup-incomplete'],
  [record('tui')['tui.required']!.text, 'required-server-missing'],
];

for (const [line, anchor] of ENTRY_FIRST) {
  test(`search: pasting "${line}" lists the entry #${anchor} first`, async ({ page }) => {
    await openGuide(page, '/');
    await page.getByRole('button', { name: 'Search' }).first().click();
    await page.getByPlaceholder('Search').last().fill(line);
    const first = page.locator('.pagefind-ui__result').first();
    await expect(first.locator('.pagefind-ui__result-link').first()).toHaveAttribute(
      'href',
      /^\/reference\/troubleshooting\/$/,
      { timeout: 10_000 },
    );
    await expect(
      first.locator('.pagefind-ui__result-nested .pagefind-ui__result-link').first(),
    ).toHaveAttribute('href', `/reference/troubleshooting/#${anchor}`);
  });
}

test('an entry links to its anchor, and its fix link opens the generator with the fix applied', async ({
  page,
}) => {
  await openGuide(page, '/reference/troubleshooting/#startup-timeout');
  const entry = page.locator('section:has(h3#startup-timeout)');
  await expect(entry.locator('[data-codex-message]').first()).toContainText(
    'required MCP servers failed to initialize',
  );
  await entry.getByRole('link', { name: /startup timeout/ }).click();
  await page.locator('[data-generator][data-hydrated="true"]').first().waitFor();
  await expect(page.locator('[data-output="toml"]').first()).toContainText(
    'startup_timeout_sec = 60',
  );
});

test('search: "failed to start" lists the troubleshooting page first, and the contents list names every entry', async ({
  page,
}) => {
  await openGuide(page, '/');
  await page.getByRole('button', { name: 'Search' }).first().click();
  await page.getByPlaceholder('Search').last().fill('failed to start');
  const first = page.locator('.pagefind-ui__result').first();
  await expect(first).toBeVisible({ timeout: 10_000 });
  await expect(first.locator('.pagefind-ui__result-link').first()).toHaveAttribute(
    'href',
    /^\/reference\/troubleshooting\//,
  );
  await openGuide(page, '/reference/troubleshooting/');
  const toc = page.locator('starlight-toc nav');
  await expect(toc.getByRole('link', { name: 'A server does not start' })).toBeVisible();
  await expect(
    toc.getByRole('link', { name: 'A required server whose command is not installed' }),
  ).toBeVisible();
  await expect(toc.getByRole('link', { name: 'HTTP 401 from a remote server' })).toBeVisible();
  for (const name of [
    'MCP client failed to start: No such file or directory',
    'MCP startup incomplete',
  ])
    await expect(toc.getByRole('link', { name, exact: true })).toBeVisible();
});
