/**
 * Plugins and marketplaces against the real CLI (the pinned release, or CODEX_RELEASE), offline:
 * - every fact of src/lib/codex/plugins.ts (paths, commands and their messages, the name rule,
 *   what an install writes to config.toml, which `.mcp.json` keys Codex reads, what `upgrade` does
 *   with a local marketplace, the installed copy, config.toml winning over a plugin);
 * - the generator's hand-written cases as one marketplace (src/lib/plugin), added from its local
 *   path, each plugin installed: `codex mcp get NAME --json` equals what the same spec's TOML gives.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GIT_MARKETPLACE_HELP,
  keysIn,
  MARKETPLACE_NAME_REFUSAL,
  marketplaceAdded,
  MCP_JSON_IGNORED_KEYS,
  MCP_KEYS,
  PLUGIN_COMMANDS,
  PLUGIN_INSTALL,
  PLUGIN_NAME_PATTERN,
  PLUGIN_PATHS,
  PLUGIN_POLICY,
  pluginAdded,
  proposeName,
  UPGRADE_NOTHING,
  upgradeLocalRefusal,
  type KeyFact,
} from '../../src/lib/codex/index.ts';
import { generate } from '../../src/lib/generator/generate.ts';
import { marketplace, type RepoFile } from '../../src/lib/plugin/marketplace.ts';
import {
  pluginNameFor,
  pluginProblems,
  sourceOf,
  type PluginSource,
} from '../../src/lib/plugin/files.ts';
import {
  cleanupHomes,
  codex,
  CODEX_RELEASE,
  freshDir,
  getJson,
  mustSucceed,
  readToml,
  RELEASE_FACTS,
  writeConfig,
  type RunResult,
} from '../support/codex.ts';
import { specOf } from '../support/conformance.ts';
import { VALID_CASES } from './cases.ts';

const URL = 'https://127.0.0.1:9/mcp';

afterAll(() => cleanupHomes());

beforeAll(async () => {
  const r = await codex(['--version'], freshDir('version'));
  expect(r.stdout.trim()).toBe(`codex-cli ${CODEX_RELEASE}`);
});

/** Writes the files under `root`, creating folders. */
function writeRepo(root: string, files: readonly RepoFile[]): void {
  for (const f of files) {
    const path = join(root, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text, 'utf8');
  }
}

/**
 * A marketplace written by hand (not by src/lib/plugin), the shape the facts were observed with:
 * one plugin `p` whose `.mcp.json` is `{"mcpServers": {"s": server}}`.
 */
function handMarketplace(server: unknown, market = 'm', plugin = 'p'): string {
  const root = freshDir('hand-mk');
  const list = {
    name: market,
    plugins: [
      {
        name: plugin,
        source: { source: 'local', path: './plugins/p' },
        policy: PLUGIN_POLICY,
        category: 'Productivity',
      },
    ],
  };
  writeRepo(root, [
    { path: '.agents/plugins/marketplace.json', text: JSON.stringify(list) },
    {
      path: 'plugins/p/.codex-plugin/plugin.json',
      text: JSON.stringify({ name: plugin, version: '1.0.0', description: 'd' }),
    },
    { path: 'plugins/p/.mcp.json', text: JSON.stringify({ mcpServers: { s: server } }) },
  ]);
  return root;
}

/** Adds the marketplace at `root` (as `./NAME` from its parent) and installs `plugin@market` in a fresh home. */
async function install(
  root: string,
  plugin = 'p',
  market = 'm',
  home: string = freshDir('plugin-home'),
): Promise<{ home: string; added: RunResult; installed: RunResult }> {
  const added = await codex(
    [...PLUGIN_COMMANDS.marketplaceAdd, `./${root.split('/').pop() ?? ''}`],
    home,
    dirname(root),
  );
  const installed = await codex([...PLUGIN_COMMANDS.add, `${plugin}@${market}`], home);
  return { home, added, installed };
}

describe(`codex ${CODEX_RELEASE}: plugins and marketplaces (src/lib/codex/plugins.ts)`, () => {
  it('the files, the commands and their messages, and what config.toml gets', async () => {
    expect(PLUGIN_PATHS).toEqual({
      marketplace: '.agents/plugins/marketplace.json',
      pluginsDir: 'plugins',
      manifest: '.codex-plugin/plugin.json',
      servers: '.mcp.json',
    });
    const root = handMarketplace({ url: URL, bearer_token_env_var: 'TOKEN_VAR' });
    const { home, added, installed } = await install(root);
    mustSucceed('marketplace add', added);
    mustSucceed('plugin add', installed);
    expect(added.stdout.split('\n')[0]).toBe(marketplaceAdded('m', root));
    expect(installed.stdout.split('\n')[0]).toBe(pluginAdded('p', 'm'));
    expect(installed.stdout).toContain(
      `Installed plugin root: ${PLUGIN_INSTALL.installedRoot(home, 'm', 'p', '1.0.0')}`,
    );
    const config = readToml(join(home, 'config.toml'));
    const market = (config['marketplaces'] as Record<string, Record<string, unknown>>)['m'];
    expect(market?.['source_type']).toBe(PLUGIN_INSTALL.marketplaceSourceType);
    expect(market?.['source']).toBe(root);
    expect(config['plugins']).toEqual({
      [PLUGIN_INSTALL.pluginTable('p', 'm')]: { enabled: true },
    });
    expect(config['mcp_servers'], 'the server is not copied into config.toml').toBeUndefined();
    const list = mustSucceed('mcp list', await codex(['mcp', 'list'], home));
    expect(list.stdout).toMatch(/^s\s+https:\/\/127\.0\.0\.1:9\/mcp\s+TOKEN_VAR\s+enabled/m);
    const plugins = mustSucceed('plugin list', await codex([...PLUGIN_COMMANDS.list], home));
    expect(plugins.stdout).toMatch(/^p@m\s+installed, enabled\s+1\.0\.0/m);
  });

  it('names: ASCII letters, digits, "_" and "-" install; the marketplace refusal word for word', async () => {
    for (const plugin of ['a_b', 'Ab-9']) {
      expect(PLUGIN_NAME_PATTERN.test(plugin)).toBe(true);
      const { installed, home } = await install(
        handMarketplace({ command: 'x' }, 'm', plugin),
        plugin,
      );
      mustSucceed(`plugin add ${plugin}@m`, installed);
      mustSucceed('get', await codex(['mcp', 'get', 's', '--json'], home));
    }
    for (const plugin of ['@s/p', 'a b', 'a:b']) {
      expect(PLUGIN_NAME_PATTERN.test(plugin)).toBe(false);
      const { installed } = await install(handMarketplace({ command: 'x' }, 'm', plugin), plugin);
      expect(installed.code, `plugin add ${plugin}@m`).not.toBe(0);
    }
    const refused = await install(handMarketplace({ command: 'x' }, 'm.x'), 'p', 'm.x');
    expect(refused.added.code).not.toBe(0);
    expect(refused.added.stderr).toContain(`Error: ${MARKETPLACE_NAME_REFUSAL}`);
  });

  // Per key of [mcp_servers.NAME], a wrong value in .mcp.json: dropped exactly when config.toml
  // reads the key (or refuses it, like bearer_token), accepted when the release does not know it.
  const wrong: Partial<Record<KeyFact['check'], unknown>> = {
    string: 1,
    'string list': 1,
    'env var list': 1,
    'string map': 1,
    seconds: 'x',
    integer: 'x',
    boolean: 'x',
    'approval mode': 'bogus',
    refused: 't',
  };
  const read = new Set(keysIn(CODEX_RELEASE));
  for (const [key, fact] of Object.entries(MCP_KEYS)) {
    const value = wrong[fact.check];
    if (key.includes('.') || value === undefined) continue;
    const dropped = read.has(key) || fact.check === 'refused';
    it.concurrent(
      `.mcp.json ${key}: a wrong value ${dropped ? 'drops the server silently (read)' : 'is ignored (unknown to this release)'}`,
      async () => {
        const base = fact.transport === 'stdio' ? { command: 'run' } : { url: URL };
        const { home, installed } = await install(handMarketplace({ ...base, [key]: value }));
        mustSucceed('plugin add', installed);
        const r = await codex(['mcp', 'get', 's', '--json'], home);
        expect(r.code !== 0, `${key}: ${r.stderr.split('\n')[0] ?? ''}`).toBe(dropped);
        if (dropped) expect(r.stderr).toContain("No MCP server named 's' found.");
        expect(PLUGIN_INSTALL.badEntryDropped).toBe(true);
      },
    );
  }

  it.concurrent('.mcp.json oauth.client_id: read (a wrong value drops the server)', async () => {
    const { home } = await install(handMarketplace({ url: URL, oauth: { client_id: 1 } }));
    expect((await codex(['mcp', 'get', 's', '--json'], home)).code).not.toBe(0);
  });

  it(`.mcp.json: Claude's ${MCP_JSON_IGNORED_KEYS.join(', ')} are accepted silently and the header dropped`, async () => {
    const server = {
      type: 'http',
      url: URL,
      headers: { Authorization: 'Bearer ${TOKEN}' },
    };
    expect(Object.keys(server).filter((k) => !(k in MCP_KEYS))).toEqual([...MCP_JSON_IGNORED_KEYS]);
    const { home, installed } = await install(handMarketplace(server));
    mustSucceed('plugin add', installed);
    expect(installed.stderr).not.toMatch(/headers|ignor/i);
    const json = (await getJson('s', home)) as { transport: Record<string, unknown> };
    expect(json.transport['type']).toBe('streamable_http');
    expect(json.transport['http_headers']).toBeNull();
  });

  it('upgrade with a local marketplace: nothing to do, and upgrade NAME is refused', async () => {
    const { home } = await install(handMarketplace({ command: 'x' }));
    const all = await codex([...PLUGIN_COMMANDS.upgrade], home);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout.trim()).toBe(UPGRADE_NOTHING);
    const named = await codex([...PLUGIN_COMMANDS.upgrade, 'm'], home);
    expect(named.code).toBe(1);
    expect(named.stderr).toContain(`Error: ${upgradeLocalRefusal('m')}`);
  });

  it("Git marketplaces: the CLI's help says what the page quotes", async () => {
    const add = await codex([...PLUGIN_COMMANDS.marketplaceAdd, '--help'], freshDir('help'));
    expect(add.stdout).toContain(GIT_MARKETPLACE_HELP.source);
    const upgrade = await codex([...PLUGIN_COMMANDS.upgrade, '--help'], freshDir('help'));
    expect(upgrade.stdout).toContain(GIT_MARKETPLACE_HELP.upgrade);
  });

  it('the installed copy is what Codex reads; adding the plugin again takes the edited files', async () => {
    const root = handMarketplace({ url: URL, bearer_token_env_var: 'OLD_VAR' });
    const { home } = await install(root);
    const server = { url: URL, bearer_token_env_var: 'NEW_VAR' };
    writeFileSync(join(root, 'plugins/p/.mcp.json'), JSON.stringify({ mcpServers: { s: server } }));
    const bearer = async (): Promise<unknown> =>
      ((await getJson('s', home)) as { transport: Record<string, unknown> }).transport[
        'bearer_token_env_var'
      ];
    expect(await bearer()).toBe('OLD_VAR');
    expect(PLUGIN_INSTALL.copiedOnAdd).toBe(true);
    mustSucceed('plugin add again', await codex([...PLUGIN_COMMANDS.add, 'p@m'], home));
    expect(await bearer()).toBe('NEW_VAR');
  });

  it('a relative cwd is resolved against the installed copy; an absolute one is kept', async () => {
    for (const cwd of ['sub dir/x', 'C:\\Users\\me', '/srv/abs']) {
      const { home } = await install(handMarketplace({ command: 'x', cwd }));
      const json = (await getJson('s', home)) as { transport: Record<string, unknown> };
      const root = PLUGIN_INSTALL.installedRoot(home, 'm', 'p', '1.0.0');
      expect(json.transport['cwd'], cwd).toBe(cwd.startsWith('/') ? cwd : `${root}/${cwd}`);
      // The plugin module refuses exactly the cwd values that change meaning.
      const problems = pluginProblems({ server: 's', entry: { command: 'x', cwd }, env: [] });
      expect(problems.length > 0, cwd).toBe(!cwd.startsWith('/'));
    }
  });

  it('a [mcp_servers.NAME] in config.toml wins over a plugin server of the same name', async () => {
    const { home } = await install(handMarketplace({ url: URL }));
    const config = join(home, 'config.toml');
    writeConfig(home, `${readFileSync(config, 'utf8')}\n[mcp_servers.s]\ncommand = "mine"\n`);
    const json = (await getJson('s', home)) as { transport: Record<string, unknown> };
    expect(json.transport['command']).toBe('mine');
    expect(PLUGIN_INSTALL.configTomlWins).toBe(true);
  });
});

describe(`codex ${CODEX_RELEASE}: the generator's cases as one marketplace`, () => {
  // Each case under a name the release accepts (as checkConformance does), skipping nothing else.
  const sources: (PluginSource & { toml: string })[] = VALID_CASES.map((c) => {
    const asked = specOf(c.spec);
    const name = asked.name.trim();
    const spec = RELEASE_FACTS.nameRule.pattern.test(name)
      ? asked
      : { ...asked, name: proposeName(name, RELEASE_FACTS.nameRule) };
    const g = generate(spec, CODEX_RELEASE);
    if (!g.outputs) throw new Error(`case ${name}: no outputs`);
    return { ...sourceOf(g.outputs, spec), toml: g.outputs.toml };
  });

  // Plugin names the cases make collide (a.b and a-b): numbered; the plugin name is free.
  const seen = new Set<string>();
  // A relative cwd changes meaning in a plugin: the module refuses those cases (proven above).
  const refused = sources.filter((s) => pluginProblems(s).length > 0).map((s) => s.server);
  const plugins = sources
    .filter((s) => pluginProblems(s).length === 0)
    .map((s, i) => {
      const base = pluginNameFor(s.server);
      const plugin = seen.has(base) ? `${base}-${i}` : base;
      seen.add(plugin);
      return { ...s, plugin };
    });
  const home = freshDir('cases-home');

  it('refuses exactly the cases with a relative cwd', () => {
    expect(refused.sort()).toEqual(['cwd-rel', 'cwd-win']);
  });

  beforeAll(async () => {
    const m = marketplace({ name: 'cases', repo: '', plugins });
    expect(m.diagnostics).toEqual([]);
    const root = join(freshDir('cases-parent'), 'cases-mk');
    writeRepo(root, m.files ?? []);
    mustSucceed(
      'marketplace add ./cases-mk',
      await codex([...PLUGIN_COMMANDS.marketplaceAdd, './cases-mk'], home, dirname(root)),
    );
    // Each install rewrites config.toml: one at a time.
    for (const s of plugins)
      mustSucceed(
        `plugin add ${s.plugin}@cases`,
        await codex([...PLUGIN_COMMANDS.add, `${s.plugin}@cases`], home),
      );
  }, 900_000);

  for (const s of plugins) {
    it.concurrent(
      `${s.server}: codex mcp get --json via the plugin equals the TOML route`,
      async () => {
        const tomlHome = freshDir('cases-toml');
        writeConfig(tomlHome, s.toml);
        const viaToml = await getJson(s.server, tomlHome);
        expect(await getJson(s.server, home), 'plugin route and TOML route').toEqual(viaToml);
      },
    );
  }
});
