/**
 * Every `codex` command the built site shows (static code blocks and each generator's default
 * output) is run by the real Codex CLI in a throwaway CODEX_HOME. None may fail, and together they
 * may register only the server the page describes. The CLI runs in a network namespace with no
 * network (`unshare -n`), so its OAuth probe of a provider's URL never leaves the machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { expect, test } from './fixtures.ts';

const CODEX_BIN = resolve('node_modules/.bin');

/** Runs one shell command line with the pinned codex first on PATH, isolated from any network. */
function run(
  home: string,
  line: string,
): { status: number | null; output: string; stdout: string } {
  const r = spawnSync('unshare', ['-n', 'bash', '-c', line], {
    encoding: 'utf8',
    env: { ...process.env, CODEX_HOME: home, PATH: `${CODEX_BIN}:${process.env['PATH']}` },
    timeout: 30_000,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}

const guides = readdirSync('dist/guides', { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const otherPages = readdirSync('dist', { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name === 'index.html')
  .map((e) => '/' + relative('dist', e.parentPath).split(sep).join('/') + '/')
  .map((p) => p.replace('//', '/'))
  .filter((p) => !p.startsWith('/guides/') && !p.startsWith('/scratch/'));

test.describe('codex commands shown on the site', () => {
  test.use({ javaScriptEnabled: false });

  for (const path of [...guides.map((g) => `/guides/${g}/`), ...otherPages]) {
    test(`${path}: every codex command runs, and only the described server is registered`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.goto(path);
      // The generator's default output (server-rendered), then the page's static code blocks in order.
      const island = (
        await page
          .locator('[data-output="cli"], [data-output="login"], [data-output="verify"]')
          .allTextContents()
      ).join('\n');
      // Commands that name the server (NamedCommand) are plain <pre> blocks, in document order with the others.
      const blocks = (
        await page
          .locator('[data-code], pre.cmg-named-command')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? e.textContent ?? ''))
      ).map((c) => c.replace(/\u007f/g, '\n'));
      const lines = [island, ...blocks]
        .join('\n')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => /^codex\s/.test(l));
      const provider = path.match(/^\/guides\/([^/]+)\//)?.[1];
      const expected =
        provider && provider !== 'custom'
          ? JSON.parse(readFileSync(`content/providers/${provider}.json`, 'utf8')).serverName
          : undefined;
      if (!provider) {
        test.skip(lines.length === 0, 'no codex commands on this page');
      }
      expect(lines.length).toBeGreaterThan(0);

      const home = mkdtempSync(join(tmpdir(), 'codex-site-'));
      try {
        // With a placeholder host the generator shows no `codex mcp add` (it would not run as shown): the
        // reader pastes its TOML block instead, so the test does too before the login and verify lines.
        if (!/^codex mcp add\s/m.test(island)) {
          const toml = (await page.locator('[data-output="toml"]').allTextContents()).join('\n');
          if (toml.trim() !== '') writeFileSync(join(home, 'config.toml'), toml);
        }
        for (const line of lines) {
          // The plugins page shows the shapes of the plugin commands (./path/to/marketplace,
          // PLUGIN@MARKETPLACE); tests/conformance/plugin.test.ts runs them for real. Here: they exist.
          const plugin = /^codex plugin (marketplace add|add)\s/.exec(line);
          if (plugin) {
            expect(run(home, `codex plugin ${plugin[1]} --help`).status, line).toBe(0);
            continue;
          }
          // Login needs a browser and the provider's server, and doctor probes URLs: check them without running them.
          if (/^codex mcp login\s/.test(line)) {
            const name = line.split(/\s+/)[3]!;
            expect(
              run(home, `codex mcp get ${name} --json`).status,
              `${line}: server ${name} must exist`,
            ).toBe(0);
            expect(
              run(home, line.replace(/^codex mcp login\s+\S+/, 'codex mcp login --help')).status,
              line,
            ).toBe(0);
            continue;
          }
          if (/^codex doctor\b/.test(line)) {
            expect(run(home, 'codex doctor --help').status, line).toBe(0);
            continue;
          }
          const r = run(home, line);
          expect(r.status, `${line}\n${r.output}`).toBe(0);
        }
        const list = run(home, 'codex mcp list --json');
        expect(list.status, list.output).toBe(0);
        const names = (JSON.parse(list.stdout) as { name: string }[]).map((s) => s.name);
        if (expected)
          expect(
            names.every((n) => n === expected),
            `registered ${names.join(', ')}`,
          ).toBe(true);
        else expect(names.length).toBeLessThanOrEqual(1);
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    });
  }
});
