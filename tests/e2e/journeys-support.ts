/**
 * Shared by the journeys (journeys.spec.ts, and journeys-subpath.spec.ts on the sub-path build):
 * axe in light and dark as a reader switches the theme, the clipboard, and the share-link journey.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

const CODEX_BIN = resolve('node_modules/.bin');

/** Switches the theme with the header's own control, as a reader does, and runs axe on the whole page in each. */
export async function axeLightAndDark(page: Page): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Select theme').filter({ visible: true }).first().selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map(
        (v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
      ),
      `axe violations (${theme})`,
    ).toEqual([]);
  }
}

export const clipboard = (page: Page): Promise<string> =>
  page.evaluate(() => navigator.clipboard.readText());

/** The text of every output block the reader can see in a generator, by kind. */
async function visibleOutputs(page: Page): Promise<Record<string, string>> {
  return page
    .locator('[data-generator] [data-output]:visible')
    .evaluateAll((els) =>
      Object.fromEntries(
        els.map((e) => [(e as HTMLElement).dataset['output'] ?? '', e.textContent ?? '']),
      ),
    );
}

const KEY = 'omni_live_4f3e2d1c0b9a8877';

/**
 * Journey 6: fill Omni's form with non-default values and a key, copy the link, and open it in a new
 * page, as a teammate does. `site` is the origin and base path the pages are served under.
 * Ends on the teammate's page, checked with axe in light and dark.
 */
export async function shareJourney(
  page: Page,
  newPage: () => Promise<Page>,
  site: string,
): Promise<Page> {
  await page.goto(`${site}/guides/omni/`);
  await page.locator('[data-generator][data-hydrated="true"]').first().waitFor();
  const island = page.locator('[data-generator="omni"]');
  await island.getByRole('radio', { name: /^API key/ }).check();
  await island.getByLabel('Server name').fill('omni-sales');
  await island.getByLabel('Omni instance host', { exact: true }).fill('acme.omniapp.co');
  await island.getByLabel('Model ID (X-MCP-Model-ID)', { exact: true }).fill('m-42');
  await island.getByRole('radio', { name: 'fish', exact: true }).check();
  await island.getByLabel('Omni API key').fill(KEY);
  await expect(island.locator('[data-output="env-fish"]')).toContainText(KEY);
  const mine = await visibleOutputs(page);
  expect(mine['toml']).toContain('[mcp_servers.omni-sales]');
  expect(mine['toml']).toContain('X-MCP-Model-ID = "m-42"');

  await island.getByRole('button', { name: 'Copy link for teammates' }).click();
  await expect(island.locator('.cmg-live')).toContainText('Tokens and keys are never included.');
  const link = await clipboard(page);
  expect(link.startsWith(`${site}/guides/omni/#`), link).toBe(true);
  expect(decodeURIComponent(link)).not.toContain(KEY);

  const teammate = await newPage();
  await teammate.goto(link);
  await teammate.locator('[data-generator][data-hydrated="true"]').first().waitFor();
  const notice = teammate.locator('[data-link-notice]');
  await expect(notice).toContainText('Prefilled from a shared link');
  await expect(notice).toContainText(
    'Still to add yourself (links never carry them): Omni API key',
  );
  const theirs = teammate.locator('[data-generator="omni"]');
  await expect(theirs.getByLabel('Omni API key')).toHaveValue('');
  await expect(theirs.locator('[data-output="toml"]')).toHaveText(mine['toml']!);
  const received = await visibleOutputs(teammate);
  // Every block is the same, but the variables block, which shows the placeholder for the key.
  expect(Object.keys(received).sort()).toEqual(Object.keys(mine).sort());
  for (const [kind, text] of Object.entries(mine)) {
    if (kind.startsWith('env')) {
      // ...and whose first line now also says to replace it.
      const [comment, ...lines] = text.split('\n');
      expect(received[kind]).toBe(
        [
          `${comment} Replace the placeholder values first.`,
          ...lines.map((l) => l.replace(KEY, 'paste-your-omni-api-key')),
        ].join('\n'),
      );
    } else expect(received[kind], kind).toBe(text);
  }
  await axeLightAndDark(teammate);
  return teammate;
}

/** Waits until a block holds exactly `text` (toHaveText would collapse its whitespace). */
export async function exactly(block: Locator, text: string): Promise<void> {
  await expect.poll(() => block.textContent()).toBe(text);
}

interface ListedServer {
  name: string;
  transport: Record<string, unknown>;
  [key: string]: unknown;
}

/** What the pinned real Codex lists for a config.toml (`codex mcp list --json`), with no network. */
export function codexServers(configToml: string): ListedServer[] {
  const home = mkdtempSync(join(tmpdir(), 'codex-journey-'));
  try {
    writeFileSync(join(home, 'config.toml'), configToml);
    const r = spawnSync('unshare', ['-n', 'codex', 'mcp', 'list', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, CODEX_HOME: home, PATH: `${CODEX_BIN}:${process.env['PATH']}` },
      timeout: 30_000,
    });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    return JSON.parse(r.stdout) as ListedServer[];
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
