/**
 * The doctor's plugin readers: a plugin's own .mcp.json and plugin.json (Codex's verdict per
 * server, the keys it drops, the corrected files) and config.toml's plugin tables. What Codex does
 * is proven by tests/conformance/doctor-plugin.test.ts and plugin-config.test.ts; these check the
 * readers' own logic: detection, wording, the corrected file's shape, the release's path.
 */
import { describe, expect, it } from 'vitest';
import {
  convertMcpServersJson,
  diagnoseConfig,
  diagnosePluginFile,
} from '../../../src/lib/doctor/index.ts';
import { looksLikePluginFile } from '../../../src/lib/doctor/plugin-json.ts';
import { tomlPath } from '../../../src/lib/doctor/checks/plugin-tables.ts';

const CLAUDE = JSON.stringify({
  mcpServers: {
    api: {
      type: 'http',
      url: 'https://api.example.com/mcp',
      headers: { Authorization: 'Bearer ${API_TOKEN}', 'X-Team': '${TEAM_ID}' },
    },
    local: { command: 'node', args: ['${CLAUDE_PLUGIN_ROOT}/dist/server.js'] },
  },
});

const serversOf = (text: string): Record<string, Record<string, unknown>> =>
  (JSON.parse(text) as { mcpServers: Record<string, Record<string, unknown>> }).mcpServers;

describe("a plugin's .mcp.json", () => {
  it('names the keys Codex drops, and corrects them into Codex keys', () => {
    const r = diagnosePluginFile(CLAUDE);
    expect(r.source).toBe('plugin');
    expect(r.loads).toBe(true);
    const api = r.servers.find((s) => s.name === 'api');
    expect(api?.ignored.map((f) => f.key[0])).toEqual(['type', 'headers']);
    const files = r.plugin?.files ?? [];
    expect(files.map((f) => f.path)).toEqual(['.mcp.json']);
    const fixed = serversOf(files[0]?.text ?? '{}');
    expect(fixed['api']).toEqual({
      url: 'https://api.example.com/mcp',
      bearer_token_env_var: 'API_TOKEN',
      env_http_headers: { 'X-Team': 'TEAM_ID' },
    });
    expect(fixed['local']).toEqual({ command: 'node', args: ['./dist/server.js'], cwd: '.' });
    expect(r.summary).toMatch(/expands no variables/);
  });

  it('says ${CLAUDE_PLUGIN_ROOT} is not expanded, and what to write instead', () => {
    const r = diagnosePluginFile(
      JSON.stringify({
        mcpServers: { t: { command: '${CLAUDE_PLUGIN_ROOT}/bin/t', cwd: '${CLAUDE_PLUGIN_ROOT}' } },
      }),
    );
    const risks = r.servers[0]?.risks ?? [];
    expect(risks.find((f) => f.key[0] === 'cwd')?.message).toMatch(/"cwd": "\."/);
    expect(risks.find((f) => f.key[0] === 'command')?.message).toMatch(/no program of that name/);
    expect(serversOf(r.plugin?.files[0]?.text ?? '{}')['t']?.['cwd']).toBe('.');
  });

  it('a server config.toml refuses is dropped alone; the others load', () => {
    const r = diagnosePluginFile(
      JSON.stringify({
        mcpServers: { ok: { command: 'x' }, bad: { command: 'x', url: 'https://a.example.com/' } },
      }),
    );
    expect(r.loads).toBe(false);
    const bad = r.servers.find((s) => s.name === 'bad');
    expect(bad?.rejected[0]?.message).toMatch(/drops this server without a word/);
    expect(r.servers.find((s) => s.name === 'ok')?.rejected).toEqual([]);
    expect(r.summary).toMatch(/1 of 2 servers is dropped/);
    expect(Object.keys(serversOf(r.plugin?.files[0]?.text ?? '{}'))).toEqual(['ok', 'bad']);
  });

  it('keeps valid Codex keys the generator does not write', () => {
    const r = diagnosePluginFile(
      JSON.stringify({
        mcpServers: {
          s: {
            command: 'x',
            default_tools_approval_mode: 'approve',
            tools: { t: { approval_mode: 'prompt' } },
          },
        },
      }),
    );
    const s = serversOf(r.plugin?.files[0]?.text ?? '{}')['s'];
    expect(s?.['default_tools_approval_mode']).toBe('approve');
    expect(s?.['tools']).toEqual({ t: { approval_mode: 'prompt' } });
  });

  it('no mcpServers: said so, nothing to correct; invalid JSON: the line', () => {
    const none = diagnosePluginFile('{ "servers": {} }');
    expect(none.file[0]?.kind).toBe('rejected');
    expect(none.plugin).toBeUndefined();
    expect(diagnosePluginFile('{ "mcpServers": ').parseError?.line).toBe(1);
  });
});

describe('plugin.json', () => {
  const manifest = {
    name: 'p',
    version: '1.0.0',
    description: 'd',
    mcpServers: { s: { command: 'npx', type: 'stdio' } },
  };
  it('inline servers: read by newer releases, moved to .mcp.json for older ones', () => {
    const text = JSON.stringify(manifest);
    const newer = diagnosePluginFile(text, { release: '0.171.0' });
    expect(newer.loads).toBe(true);
    expect(newer.plugin?.files.map((f) => f.path)).toEqual(['.codex-plugin/plugin.json']);
    const older = diagnosePluginFile(text, { release: '0.140.0' });
    expect(older.loads).toBe(false);
    expect(older.file[0]?.message).toMatch(/missing or invalid plugin\.json/);
    expect(older.plugin?.files.map((f) => f.path)).toEqual([
      '.codex-plugin/plugin.json',
      '.mcp.json',
    ]);
    expect(JSON.parse(older.plugin?.files[0]?.text ?? '{}')).not.toHaveProperty('mcpServers');
  });

  it('servers elsewhere: says which file to paste; a name Codex does not install: said', () => {
    const r = diagnosePluginFile(
      JSON.stringify({ name: 'a b', version: '1', mcpServers: './x.json' }),
    );
    expect(r.file.map((f) => f.message).join(' ')).toMatch(/from \.\/x\.json/);
    expect(
      r.file.some((f) => f.kind === 'risk' && /outside what Codex installs/.test(f.message)),
    ).toBe(true);
  });

  it("is recognised when pasted as another client's JSON, or into the config.toml box", () => {
    expect(looksLikePluginFile(manifest, JSON.stringify(manifest))).toBe(true);
    expect(looksLikePluginFile({ mcpServers: {} }, '{ "mcpServers": {} }')).toBe(false);
    expect(convertMcpServersJson(CLAUDE).readAsPlugin).toBe(true);
    const viaToml = diagnoseConfig(JSON.stringify(manifest));
    expect(viaToml.source).toBe('plugin');
    expect(viaToml.readAsPlugin).toBe(true);
    // A plain client file without Claude's plugin variable stays another client's JSON.
    expect(convertMcpServersJson('{ "mcpServers": { "a": { "command": "x" } } }').source).toBe(
      'json',
    );
  });
});

describe("config.toml's plugin tables", () => {
  it('are judged: not among the unchecked keys, and a clean file says it covers all of it', () => {
    const r = diagnoseConfig(
      '[marketplaces.m]\nsource_type = "local"\nsource = "/x"\n\n[plugins."p@m"]\nenabled = true\n\n[plugins."p@m".mcp_servers.s]\nenabled = false\n',
    );
    expect(r.loads).toBe(true);
    expect(r.unchecked).toEqual([]);
    expect(r.file).toEqual([]);
    expect(r.summary).toMatch(/covers all of it/);
  });

  it('a key the doctor does not know in [plugins."P@M"] leaves plugins unchecked', () => {
    const r = diagnoseConfig('[plugins."p@m"]\nenabled = true\nsomething = 1\n');
    expect(r.unchecked).toEqual(['plugins']);
  });

  it('wrong values: refused at the path the release prints, with the line', () => {
    const text = '[plugins."p@m".mcp_servers.s]\nenabled = "no"\n';
    const newer = diagnoseConfig(text, { release: '0.171.0' });
    const older = diagnoseConfig(text, { release: '0.162.0' });
    expect(newer.file[0]).toMatchObject({ kind: 'rejected', codexPath: 'plugins', line: 2 });
    expect(older.file[0]?.codexPath).toBe('plugins.p@m.mcp_servers.s.enabled');
    expect(newer.summary).toMatch(/WHOLE file/);
    const source = diagnoseConfig('[marketplaces.m]\nsource_type = "github"\n');
    expect(source.file[0]?.codexMessage).toBe(
      'unknown variant `github`, expected `git` or `local`',
    );
  });

  it('override keys Codex ignores are named; a plugin without @MARKETPLACE is a risk', () => {
    const r = diagnoseConfig('[plugins.p.mcp_servers.s]\ncommand = "x"\n');
    expect(r.loads).toBe(true);
    expect(r.file.map((f) => `${f.kind} ${f.codexPath}`)).toEqual([
      'risk plugins.p',
      'ignored plugins.p.mcp_servers.s.command',
    ]);
    expect(r.summary).toMatch(/In the plugin tables, 1 key is ignored/);
    expect(tomlPath(['plugins', 'p@m', 'mcp_servers', 's'])).toBe('plugins."p@m".mcp_servers.s');
  });
});
