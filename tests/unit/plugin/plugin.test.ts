import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import {
  MARKETPLACE_NAME_REFUSAL,
  PLUGIN_PATHS,
  PLUGIN_POLICY,
} from '../../../src/lib/codex/index.ts';
import { generate } from '../../../src/lib/generator/generate.ts';
import { emptySpec, type ServerSpec } from '../../../src/lib/generator/model.ts';
import { emptySettings, withSettings } from '../../../src/lib/generator/settings.ts';
import {
  pluginFiles,
  pluginNameFor,
  pluginOutput,
  sourceOf,
  type PluginSource,
} from '../../../src/lib/plugin/files.ts';
import { marketplace, REPO_PLACEHOLDER } from '../../../src/lib/plugin/marketplace.ts';
import { VALID_CASES } from '../../conformance/cases.ts';

const spec = (o: Partial<ServerSpec>): ServerSpec => ({ ...emptySpec(), ...o });

function sourceFor(o: Partial<ServerSpec>): PluginSource {
  const s = spec(o);
  const g = generate(s);
  if (!g.outputs) throw new Error(JSON.stringify(g.diagnostics));
  return sourceOf(g.outputs, s);
}

const CANARY = 'sk-canaryVALUE0123456789abcdefCANARY';
const bearer = sourceFor({
  name: 'nekt',
  url: 'https://mcp.example.com/mcp',
  auth: 'bearer',
  bearerTokenEnvVar: 'NEKT_TOKEN',
  envVarLines: [{ name: 'NEKT_TOKEN', value: CANARY, placeholder: 'your-nekt-token' }],
});
const local = sourceFor({
  name: 'docs',
  transport: 'stdio',
  command: 'npx',
  args: ['-y', 'pkg'],
  cwd: '/srv/docs',
});

describe('pluginFiles', () => {
  it('writes the manifest and the servers in Codex keys, the entry under the server name', () => {
    const f = pluginFiles(bearer);
    expect(f.plugin).toBe('nekt');
    expect(JSON.parse(f.manifest)).toEqual({
      name: 'nekt',
      version: '1.0.0',
      description: 'The nekt MCP server for Codex',
    });
    expect(JSON.parse(f.servers)).toEqual({
      mcpServers: {
        nekt: { url: 'https://mcp.example.com/mcp', bearer_token_env_var: 'NEKT_TOKEN' },
      },
    });
  });

  it("every conformance case: .mcp.json holds exactly the TOML block's table", () => {
    let compared = 0;
    for (const c of VALID_CASES) {
      const g = generate(spec(c.spec));
      if (!g.outputs) continue; // a name the newest release refuses is proven elsewhere
      const servers = JSON.parse(pluginFiles(sourceOf(g.outputs, spec(c.spec))).servers) as {
        mcpServers: Record<string, unknown>;
      };
      const toml = parse(g.outputs.toml) as { mcp_servers: Record<string, unknown> };
      expect(servers.mcpServers, c.spec.name).toEqual(toml.mcp_servers);
      compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(40);
  });

  it("tool approval settings: .mcp.json holds the TOML block's table, keys in the same order", () => {
    const s = spec({ name: 'docs', url: 'https://mcp.example.com/mcp' });
    const form = {
      ...emptySettings(),
      defaultApproval: 'prompt',
      toolApprovals: 'search = approve',
    };
    const g = withSettings(generate(s), form, { oauth: false, scope: 'user', platform: 'unix' });
    if (!g.outputs) throw new Error(JSON.stringify(g.diagnostics));
    const servers = JSON.parse(pluginFiles(sourceOf(g.outputs, s)).servers) as {
      mcpServers: { docs: Record<string, unknown> };
    };
    const toml = parse(g.outputs.toml) as { mcp_servers: { docs: Record<string, unknown> } };
    expect(servers.mcpServers.docs).toEqual({
      url: 'https://mcp.example.com/mcp',
      default_tools_approval_mode: 'prompt',
      tools: { search: { approval_mode: 'approve' } },
    });
    expect(servers.mcpServers).toEqual(toml.mcp_servers);
    expect(Object.keys(servers.mcpServers.docs)).toEqual(Object.keys(toml.mcp_servers.docs));
    // Without settings, no approval key: the entry alone.
    const plain = withSettings(generate(s), emptySettings(), {
      oauth: false,
      scope: 'user',
      platform: 'unix',
    });
    expect(plain.outputs?.approval).toBeUndefined();
  });

  it('plugin names Codex installs: other characters become "-"', () => {
    expect(pluginNameFor('a.b')).toBe('a-b');
    expect(pluginNameFor('@scope/pkg')).toBe('scope-pkg');
    expect(pluginNameFor('ns:server')).toBe('ns-server');
    expect(pluginNameFor('plain_name-1')).toBe('plain_name-1');
  });

  it('refuses a relative cwd (it would point into the installed copy), keeps an absolute one', () => {
    const rel = sourceFor({ name: 'r', transport: 'stdio', command: 'node', cwd: 'sub/x' });
    const out = pluginOutput(rel);
    expect(out.files).toBeNull();
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0]?.field).toBe('cwd');
    expect(out.diagnostics[0]?.message).toContain('absolute path');
    expect(pluginOutput(local).files).not.toBeNull();
    expect(pluginOutput(local).diagnostics).toEqual([]);
  });
});

describe('marketplace', () => {
  const m = marketplace({
    name: 'acme-tools',
    repo: 'acme/codex-plugins',
    plugins: [bearer, local],
  });
  const file = (path: string): string => m.files?.find((f) => f.path === path)?.text ?? '';

  it('has the list, one folder per plugin and the README, nothing else', () => {
    expect(m.diagnostics).toEqual([]);
    expect(m.files?.map((f) => f.path)).toEqual([
      'README.md',
      PLUGIN_PATHS.marketplace,
      'plugins/nekt/.codex-plugin/plugin.json',
      'plugins/nekt/.mcp.json',
      'plugins/docs/.codex-plugin/plugin.json',
      'plugins/docs/.mcp.json',
    ]);
    expect(JSON.parse(file('.agents/plugins/marketplace.json'))).toEqual({
      name: 'acme-tools',
      plugins: ['nekt', 'docs'].map((name) => ({
        name,
        source: { source: 'local', path: `./plugins/${name}` },
        policy: PLUGIN_POLICY,
        category: 'Productivity',
      })),
    });
  });

  it('the README gives the two commands, the variables per shell, checking and updating', () => {
    const readme = file('README.md');
    expect(readme).toContain(
      '```sh\ncodex plugin marketplace add acme/codex-plugins\ncodex plugin add nekt@acme-tools\ncodex plugin add docs@acme-tools\n```',
    );
    expect(readme).toContain('export NEKT_TOKEN=your-nekt-token\n');
    expect(readme).toContain("set -gx NEKT_TOKEN 'your-nekt-token'");
    expect(readme).toContain("$env:NEKT_TOKEN = 'your-nekt-token'");
    expect(readme).toContain('codex mcp get nekt --json');
    expect(readme).toContain('codex plugin marketplace upgrade');
    expect(readme).toContain('Refresh configured Git marketplace snapshots.');
    expect(readme).not.toMatch(/install (url|link)|https:\/\/[^\s]*codex[^\s]*install/i);
  });

  it('an empty repository shows the OWNER/REPO placeholder', () => {
    const blank = marketplace({ name: 'acme-tools', repo: ' ', plugins: [local] });
    const readme = blank.files?.find((f) => f.path === 'README.md')?.text ?? '';
    expect(readme).toContain(`codex plugin marketplace add ${REPO_PLACEHOLDER}\n`);
  });

  it('a secret typed into the form never reaches a file', () => {
    expect(m.files?.length).toBeGreaterThan(0);
    for (const f of m.files ?? []) expect(f.text, f.path).not.toContain(CANARY);
    const single = pluginFiles(bearer);
    expect(single.manifest + single.servers).not.toContain(CANARY);
  });

  it('names each invalid field with its fix, and gives no files', () => {
    const bad = marketplace({
      name: 'm.x',
      repo: 'not a repo',
      plugins: [bearer, { ...bearer }, { ...local, plugin: 'a b' }],
    });
    expect(bad.files).toBeNull();
    const at = (field: string) => bad.diagnostics.filter((d) => d.field === field);
    expect(at('name')[0]?.message).toContain(MARKETPLACE_NAME_REFUSAL);
    expect(at('name')[0]?.message).toContain('Try "m-x"');
    expect(at('repo')[0]?.message).toContain('OWNER/REPO');
    expect(
      at('plugins.1')
        .map((d) => d.message)
        .join('\n'),
    ).toContain('already used');
    expect(at('plugins.2')[0]?.message).toContain('"a b" cannot be installed');
    expect(marketplace({ name: 'ok', repo: '', plugins: [] }).diagnostics[0]?.field).toBe(
      'plugins',
    );
    const rel = sourceFor({ name: 'r', transport: 'stdio', command: 'node', cwd: 'x' });
    expect(marketplace({ name: 'ok', repo: '', plugins: [rel] }).diagnostics[0]?.field).toBe(
      'plugins.0.cwd',
    );
  });
});
