/**
 * The team kit page (issue 23, item 2): share links and a server.json pasted in give the marketplace
 * files, each copyable, and a .zip built in the page (its entries read back here); canaries typed
 * into every field reach no file, the zip, the URL, storage or a request; axe clean in light and
 * dark with the files shown; usable from the keyboard alone. What Codex does with the files is
 * proven by tests/conformance/team-kit.test.ts.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { defaultForm } from '../../src/lib/input/provider.ts';
import { providerSchema } from '../../src/lib/input/provider-schema.ts';
import { encodeShare } from '../../src/lib/share/share.ts';
import { expect, test } from './fixtures.ts';

const load = (id: string) =>
  providerSchema.parse(JSON.parse(readFileSync(`content/providers/${id}.json`, 'utf8')));
const nekt = load('nekt');
const alloy = load('alloy');
const BRAVE = readFileSync('tests/fixtures/server-json/brave-search-mcp-server.json', 'utf8');

const linkTo = (baseURL: string, provider: typeof nekt, mode?: string) =>
  `${baseURL}/guides/${provider.id}/#${encodeShare(provider, defaultForm(provider, mode)).params}`;

const PATHS = [
  'README.md',
  '.agents/plugins/marketplace.json',
  'plugins/nekt/.codex-plugin/plugin.json',
  'plugins/nekt/.mcp.json',
  'plugins/alloy/.codex-plugin/plugin.json',
  'plugins/alloy/.mcp.json',
  'plugins/brave-search-mcp-server/.codex-plugin/plugin.json',
  'plugins/brave-search-mcp-server/.mcp.json',
];

async function fillKit(page: Page, baseURL: string): Promise<void> {
  await page.goto('/tools/team-kit/');
  await page
    .getByLabel('Share links, one a line')
    .fill([linkTo(baseURL, nekt), linkTo(baseURL, alloy, 'key')].join('\n'));
  await page.getByLabel('server.json (optional)').fill(BRAVE);
  await page.getByLabel('Marketplace name').fill('acme-tools');
  await page.getByLabel('GitHub repository (OWNER/REPO, optional)').fill('acme/codex-plugins');
}

/** Every file block's title and text. */
async function shownFiles(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const block of await page.locator('[data-tk="files"] figure[data-block]').all())
    out[(await block.locator('figcaption span').textContent()) ?? ''] =
      (await block.locator('pre').textContent()) ?? '';
  return out;
}

test('links and a server.json: the files, copyable, and the .zip holding exactly them', async ({
  page,
  baseURL,
  guards,
}) => {
  await page.goto('/tools/team-kit/');
  await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
  const zipChunk = () => guards.requests.filter((u) => /\/_astro\/zip\.[\w-]+\.js$/.test(u));
  const kitChunk = () => guards.requests.filter((u) => /\/_astro\/kit\.[\w-]+\.js$/.test(u));
  expect(kitChunk(), 'the kit loads on first use').toEqual([]);
  await fillKit(page, baseURL!);
  expect(zipChunk(), 'the zip library loads only when asked for').toEqual([]);
  await expect(page.locator('[data-tk="files"] figure[data-block]')).toHaveCount(PATHS.length);
  const files = await shownFiles(page);
  expect(Object.keys(files)).toEqual(PATHS);
  expect(JSON.parse(files['plugins/alloy/.mcp.json']!)).toEqual({
    mcpServers: {
      alloy: { url: 'https://mcp.alloy.app/mcp', bearer_token_env_var: 'ALLOY_MCP_API_KEY' },
    },
  });
  expect(files['README.md']).toContain('codex plugin marketplace add acme/codex-plugins');
  expect(files['README.md']).toContain('codex plugin add nekt@acme-tools');

  // Copy announces, and puts the exact text on the clipboard.
  await page.getByRole('button', { name: 'Copy plugins/nekt/.mcp.json' }).click();
  await expect(page.locator('[data-team-kit] [role="status"]')).toHaveText(
    'plugins/nekt/.mcp.json copied to the clipboard.',
  );
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    files['plugins/nekt/.mcp.json'],
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download .zip' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('acme-tools.zip');
  expect(zipChunk()).toHaveLength(1);
  const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
  expect(Object.keys(zip)).toEqual(PATHS.map((p) => `acme-tools/${p}`));
  for (const p of PATHS) expect(strFromU8(zip[`acme-tools/${p}`]!).trimEnd()).toBe(files[p]);
});

test('a duplicate server: refused at the field, naming both links', async ({ page, baseURL }) => {
  await page.goto('/tools/team-kit/');
  const links = page.getByLabel('Share links, one a line');
  await links.fill(`${linkTo(baseURL!, nekt)}\n${linkTo(baseURL!, nekt)}`);
  await expect(links).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#tk-links-msg')).toContainText(
    'link 1 and link 2 both give the server name "nekt"',
  );
  await expect(page.locator('[data-tk="files"]')).toHaveCount(0);
  await links.fill('not a link');
  await expect(page.locator('#tk-links-msg')).toContainText(
    'link 1: not a share link of this site',
  );
});

test('canaries typed into every field reach no file, zip, URL, storage or request', async ({
  page,
  baseURL,
}) => {
  const tag = Math.random().toString(36).slice(2, 10);
  const token = `ghp_CANARY${tag}0123456789abcdefghijklmnop`;
  const key = `sk-CANARY${tag}0123456789abcdefghijklmnop`;
  const canaries = [token, key, `CANARY${tag}`];
  const seen: string[] = [];
  page.on('request', (r) => seen.push(r.url(), r.postData() ?? '', JSON.stringify(r.headers())));

  await fillKit(page, baseURL!);
  const links = page.getByLabel('Share links, one a line');
  // A link written by hand with a secret key, and a credential in a header: the codec ignores both.
  await links.fill(
    [
      `${linkTo(baseURL!, nekt)}&secret=${canaries[2]}&h.X-Api-Key=${key}`,
      linkTo(baseURL!, alloy, 'key'),
    ].join('\n'),
  );
  // A server.json whose secret input carries a value: only its name may be used.
  const brave = JSON.parse(BRAVE) as {
    packages: { environmentVariables: Record<string, unknown>[] }[];
  };
  brave.packages[0]!.environmentVariables[0]!['default'] = key;
  brave.packages[0]!.environmentVariables[0]!['value'] = canaries[2];
  await page.getByLabel('server.json (optional)').fill(JSON.stringify(brave, null, 2));
  // A credential as the name or the repository: refused at the field, nothing to download.
  for (const [label, value, id] of [
    ['Marketplace name', token, 'tk-name'],
    ['GitHub repository (OWNER/REPO, optional)', `acme/${token}`, 'tk-repo'],
  ] as const) {
    await page.getByLabel(label).fill(value);
    await expect(page.locator(`#${id}-msg`)).toContainText('looks like a credential');
    await expect(page.locator('[data-tk="files"]')).toHaveCount(0);
    await page.getByLabel(label).fill(label === 'Marketplace name' ? 'acme-tools' : 'acme/kit');
  }
  await expect(page.locator('[data-tk="files"] figure[data-block]')).toHaveCount(PATHS.length);
  const files = JSON.stringify(await shownFiles(page));
  for (const button of await page.locator('[data-tk="files"] figure button').all())
    await button.click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download .zip' }).click(),
  ]);
  const zip = readFileSync(await download.path());
  const unzipped = Object.values(unzipSync(new Uint8Array(zip)))
    .map((bytes) => strFromU8(bytes))
    .join('\n');
  expect(unzipped).toContain('BRAVE_API_KEY');
  const storage = await page.evaluate(() =>
    JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }),
  );
  const cookies = JSON.stringify(await page.context().cookies());
  for (const canary of canaries) {
    expect(files, 'files').not.toContain(canary);
    expect(unzipped, 'zip').not.toContain(canary);
    expect(page.url(), 'URL').not.toContain(canary);
    expect(storage, 'storage').not.toContain(canary);
    expect(cookies, 'cookies').not.toContain(canary);
    expect(seen.join('\n'), 'requests').not.toContain(canary);
  }
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe clean with the files and a message shown (${theme})`, async ({ page, baseURL }) => {
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await fillKit(page, baseURL!);
    await expect(page.locator('[data-tk="files"]')).toBeVisible();
    await page.getByLabel('GitHub repository (OWNER/REPO, optional)').fill('not a repo');
    await expect(page.locator('#tk-repo-msg')).toBeVisible();
    await page.getByLabel('GitHub repository (OWNER/REPO, optional)').fill('acme/kit');
    await page.getByLabel('Marketplace name').fill('bad.name');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const axe = await new AxeBuilder({ page }).include('[data-team-kit]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.getByLabel('Marketplace name').fill('acme-tools');
    await expect(page.locator('[data-tk="files"]')).toBeVisible();
    const withFiles = await new AxeBuilder({ page }).include('[data-team-kit]').analyze();
    expect(withFiles.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
}

test('keyboard only: from the fields to a copy button and the download', async ({
  page,
  baseURL,
}) => {
  await fillKit(page, baseURL!);
  await page.getByLabel('GitHub repository (OWNER/REPO, optional)').focus();
  const reach = async (name: string) => {
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(
        () =>
          document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent,
      );
      if (focused === name) return;
    }
    throw new Error(`${name} not reached by Tab`);
  };
  await reach('Download .zip');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  expect(download.suggestedFilename()).toBe('acme-tools.zip');
  await reach('Copy README.md');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-team-kit] [role="status"]')).toHaveText(
    'README.md copied to the clipboard.',
  );
});

test("Add to Codex: the plugin files for the server's repository, loaded when opened, axe clean", async ({
  page,
  guards,
}) => {
  await page.goto('/tools/add-to-codex/');
  await page.locator('#sj-authors-paste').click();
  await page.locator('#sj-authors-paste').fill(BRAVE);
  const section = page.locator('[data-sj="plugin"]');
  await expect(section).toBeVisible();
  const viewChunk = () => guards.requests.filter((u) => /AuthorPluginView\.[\w-]+\.js$/.test(u));
  expect(viewChunk(), 'the plugin section loads when opened').toEqual([]);
  await section.locator('summary').click();
  const blocks = section.locator('figure[data-block]');
  await expect(blocks).toHaveCount(4);
  expect(await section.locator('figcaption span').allTextContents()).toEqual([
    '.agents/plugins/marketplace.json',
    'plugins/brave-search-mcp-server/.codex-plugin/plugin.json',
    'plugins/brave-search-mcp-server/.mcp.json',
    'README lines (Markdown)',
  ]);
  await expect(section.locator('[data-output="sj-plugin-readme"]')).toContainText(
    'codex plugin marketplace add brave/brave-search-mcp-server',
  );
  expect(viewChunk()).toHaveLength(1);
  const axe = await new AxeBuilder({ page }).include('[data-sj="authors"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page
    .getByRole('button', { name: 'Copy plugins/brave-search-mcp-server/.mcp.json' })
    .focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cmg-live')).toHaveText(
    'plugins/brave-search-mcp-server/.mcp.json copied to the clipboard.',
  );
});

test('script payloads in every field: shown as text, never run', async ({ page, baseURL }) => {
  const payload = `"><img src=x onerror="alert(1)"><script>alert(2)</script>`;
  await page.goto('/tools/team-kit/');
  await page
    .getByLabel('Share links, one a line')
    .fill(`${linkTo(baseURL!, nekt)}&name=${encodeURIComponent(payload)}\n${payload}`);
  await page.getByLabel('server.json (optional)').fill(`{"name": ${JSON.stringify(payload)}}`);
  await page.getByLabel('Marketplace name').fill(payload);
  await page.getByLabel('GitHub repository (OWNER/REPO, optional)').fill(payload);
  await expect(page.locator('#tk-name-msg')).toContainText('Codex refuses');
  await expect(page.locator('#tk-links-msg')).toContainText('link 2: not a share link');
  // The fixture fails the test on any dialog or page error; no element came from the payload.
  expect(await page.locator('[data-team-kit] img, [data-team-kit] script').count()).toBe(0);
});
