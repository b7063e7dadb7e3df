/**
 * The plugin facts the config doctor reads (src/lib/codex/plugins.ts), against the real CLI (the
 * pinned release, or CODEX_RELEASE), offline with a hand-written local marketplace:
 * - `${VAR}` and `${CLAUDE_PLUGIN_ROOT}` in `.mcp.json` are kept as written (MCP_JSON_EXPANDS_VARIABLES);
 * - a server config.toml would refuse is dropped alone, unknown keys without a word (MCP_JSON_BAD_SERVER_ALONE);
 * - plugin.json's `mcpServers` as a path names the file read instead of `.mcp.json` (MANIFEST_SERVERS);
 * - config.toml's `[plugins."P@M".mcp_servers.S]` keys: the ones read apply, every other key is
 *   ignored, a plugin named without `@MARKETPLACE` matches nothing; `[marketplaces.NAME]` values
 *   are checked (PLUGIN_CONFIG).
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  MANIFEST_SERVERS,
  MCP_JSON_BAD_SERVER_ALONE,
  MCP_JSON_EXPANDS_VARIABLES,
  MCP_KEYS,
  PLUGIN_CONFIG,
  PLUGIN_INSTALL,
  pluginsRefusalPath,
  refusalCause,
  sourceTypeRefusal,
} from '../../src/lib/codex/index.ts';
import {
  cleanupHomes,
  codex,
  CODEX_RELEASE,
  CONFIG_REFUSED,
  freshDir,
  getJson,
  writeConfig,
} from '../support/codex.ts';
import { installHandPlugin } from '../support/plugins.ts';

const URL = 'https://127.0.0.1:9/mcp';
afterAll(() => cleanupHomes());

const servers = (s: Record<string, unknown>): string => JSON.stringify({ mcpServers: s });
type Got = { enabled: boolean; transport: Record<string, unknown> } & Record<string, unknown>;

describe(`codex ${CODEX_RELEASE}: a plugin's .mcp.json`, () => {
  it.concurrent('keeps ${VAR} and ${CLAUDE_PLUGIN_ROOT} as written (no expansion)', async () => {
    const stdio = {
      command: '${CLAUDE_PLUGIN_ROOT}/bin/run',
      args: ['${FOO}', '$FOO', '${CLAUDE_PLUGIN_ROOT}/x'],
      env: { A: '${FOO}', B: '${CLAUDE_PLUGIN_ROOT}' },
      cwd: '${CLAUDE_PLUGIN_ROOT}',
    };
    const http = {
      url: 'https://127.0.0.1:9/${FOO}',
      bearer_token_env_var: '${TOKEN}',
      http_headers: { X: '${FOO}' },
      env_http_headers: { Y: '${FOO}' },
    };
    const home = await installHandPlugin({ mcpJson: servers({ a: stdio, b: http }) });
    // Set in the environment codex runs with: expansion, if any, would show.
    process.env['FOO'] = 'expanded';
    const a = (await getJson('a', home)) as Got;
    const b = (await getJson('b', home)) as Got;
    expect(MCP_JSON_EXPANDS_VARIABLES).toBe(false);
    const root = PLUGIN_INSTALL.installedRoot(home, 'm', 'p', '1.0.0');
    expect(a.transport).toMatchObject({ ...stdio, cwd: `${root}/\${CLAUDE_PLUGIN_ROOT}` });
    expect(b.transport).toMatchObject(http);
    // "." names the installed copy itself.
    const dot = await installHandPlugin({ mcpJson: servers({ a: { command: 'x', cwd: '.' } }) });
    const d = (await getJson('a', dot)) as Got;
    expect(d.transport['cwd']).toBe(`${PLUGIN_INSTALL.installedRoot(dot, 'm', 'p', '1.0.0')}/.`);
  });

  it.concurrent(
    'drops a server config.toml would refuse, alone; unknown keys silently',
    async () => {
      const home = await installHandPlugin({
        mcpJson: servers({
          mixed: { url: URL, command: 'x' },
          envOnHttp: { url: URL, env: { A: 'b' } },
          none: { foo: 1 },
          typed: { command: 'x', args: 'one string' },
          fine: { command: 'ok', foo: 1, disabled: true, timeout: 5, type: 'stdio' },
        }),
      });
      expect(MCP_JSON_BAD_SERVER_ALONE).toBe(true);
      for (const name of ['mixed', 'envOnHttp', 'none', 'typed']) {
        const r = await codex(['mcp', 'get', name, '--json'], home);
        expect(r.stderr, name).toContain(`No MCP server named '${name}' found.`);
      }
      const fine = (await getJson('fine', home)) as Got;
      expect(fine.enabled).toBe(true);
      expect(fine.transport['command']).toBe('ok');
    },
  );

  it.concurrent(
    'plugin.json "mcpServers": "./other.json" is read instead of .mcp.json',
    async () => {
      expect(MANIFEST_SERVERS.path).toBe(true);
      const home = await installHandPlugin({
        manifest: { mcpServers: './other.json' },
        mcpJson: servers({ file: { command: 'b' } }),
        files: { 'other.json': servers({ other: { command: 'a' } }) },
      });
      expect((await codex(['mcp', 'get', 'other', '--json'], home)).code).toBe(0);
      expect((await codex(['mcp', 'get', 'file', '--json'], home)).code).not.toBe(0);
    },
  );
});

describe(`codex ${CODEX_RELEASE}: plugin tables in config.toml`, () => {
  it.concurrent(
    '[plugins."P@M".mcp_servers.S]: the keys read apply; every other key is ignored',
    async () => {
      const own = { command: 'x', args: ['a'] };
      const extra = Object.keys(MCP_KEYS).filter(
        (k) =>
          !k.includes('.') && !(PLUGIN_CONFIG.pluginServerKeys as readonly string[]).includes(k),
      );
      // Wrong values for every key of [mcp_servers.NAME] the plugin table does not read: no refusal.
      const ignored = [...extra, 'foo'].map((k) => `${k} = 1`).join('\n');
      const config = `[plugins."p@m".mcp_servers.s]\nenabled = false\nenabled_tools = ["t1"]\ndisabled_tools = ["t2"]\ndefault_tools_approval_mode = "approve"\n${ignored}\n\n[plugins."p@m".mcp_servers.s.tools.t1]\napproval_mode = "approve"\n`;
      const home = await installHandPlugin({ mcpJson: servers({ s: own }) }, config);
      const got = (await getJson('s', home)) as Got;
      expect(got.enabled).toBe(false);
      expect(got['enabled_tools']).toEqual(['t1']);
      expect(got['disabled_tools']).toEqual(['t2']);
      expect(got.transport).toMatchObject(own);
      expect(got['startup_timeout_sec']).toBeNull();
    },
  );

  it.concurrent('a plugin named without @MARKETPLACE matches nothing', async () => {
    expect(PLUGIN_CONFIG.keyedByPluginAtMarketplace).toBe(true);
    const home = await installHandPlugin(
      { mcpJson: servers({ s: { command: 'x' } }) },
      '[plugins."p".mcp_servers.s]\nenabled = false\n',
    );
    expect(((await getJson('s', home)) as Got).enabled).toBe(true);
  });

  it.concurrent('wrong values are refused, at the path the release prints', async () => {
    const cases: [string, string, string][] = [
      ['[plugins."p@m".mcp_servers.s]\nenabled = "no"\n', 'p@m.mcp_servers.s.enabled', ''],
      ['[plugins."p@m".mcp_servers.s]\nenabled_tools = 1\n', 'p@m.mcp_servers.s.enabled_tools', ''],
      [
        '[plugins."p@m".mcp_servers.s.tools.t]\napproval_mode = "bogus"\n',
        'p@m.mcp_servers.s.tools.t.approval_mode',
        '',
      ],
      ['[plugins."p@m"]\nenabled = 1\n', 'p@m.enabled', ''],
      ['[marketplaces.m]\nsource_type = "bogus"\n', '', sourceTypeRefusal('bogus')],
    ];
    for (const [text, path, message] of cases) {
      const home = freshDir('plugin-config');
      writeConfig(home, text);
      const r = await codex(['mcp', 'get', 'x', '--json'], home);
      expect(r.stderr, text).toMatch(CONFIG_REFUSED);
      const cause = refusalCause(r.stderr);
      if (path !== '') expect(cause?.path).toBe(pluginsRefusalPath(path.split('.'), CODEX_RELEASE));
      else expect(cause).toEqual({ path: 'marketplaces.m.source_type', message });
    }
    // Every marketplace key with a value of the wrong type.
    for (const [key, rule] of Object.entries(PLUGIN_CONFIG.marketplaceKeys)) {
      const home = freshDir('marketplace-key');
      writeConfig(home, `[marketplaces.m]\n${key} = ${rule === 'string list' ? '"x"' : '1'}\n`);
      const cause = refusalCause((await codex(['mcp', 'get', 'x', '--json'], home)).stderr);
      expect(cause?.path, key).toBe(`marketplaces.m.${key}`);
    }
  });
});
