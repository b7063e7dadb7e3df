/**
 * The settings around a server (src/lib/generator/settings.ts), the config path per platform
 * (src/lib/generator/config-path.ts) and the reserved-name check the generator shares with the doctor.
 * What Codex accepts is proven by tests/conformance/settings.test.ts; here: the values the page
 * writes, the messages at each field, and that nothing throws.
 */
import fc from 'fast-check';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { APPROVAL_MODES, enumIn } from '../../../src/lib/codex/keys.ts';
import { RESERVED_NAMES, reservedNameProblem } from '../../../src/lib/codex/reserved.ts';
import {
  codexHomeConfigPath,
  configPath,
  platformOfShell,
} from '../../../src/lib/generator/config-path.ts';
import { RESERVED_NAMES as DOCTOR_RESERVED } from '../../../src/lib/doctor/checks/risks.ts';
import { generate } from '../../../src/lib/generator/generate.ts';
import { emptySpec, type ServerSpec } from '../../../src/lib/generator/model.ts';
import {
  emptySettings,
  resolveSettings,
  topLevelBlock,
  withSettings,
  type SettingsContext,
  type SettingsForm,
} from '../../../src/lib/generator/settings.ts';

const http = (o: Partial<ServerSpec> = {}): ServerSpec => ({
  ...emptySpec(),
  name: 'docs',
  url: 'https://mcp.example.com/mcp',
  ...o,
});
const stdio = (o: Partial<ServerSpec> = {}): ServerSpec => ({
  ...emptySpec(),
  name: 'fs',
  transport: 'stdio',
  command: 'npx',
  args: ['-y', 'server'],
  ...o,
});
const ctx = (o: Partial<SettingsContext> = {}): SettingsContext => ({
  oauth: false,
  scope: 'user',
  platform: 'unix',
  ...o,
});
const form = (o: Partial<SettingsForm>): SettingsForm => ({ ...emptySettings(), ...o });

describe('config path per platform', () => {
  it('PowerShell readers get the Windows path, every other shell the Unix one', () => {
    expect(configPath('user', platformOfShell('powershell'))).toBe(
      '%USERPROFILE%\\.codex\\config.toml',
    );
    expect(configPath('project', platformOfShell('powershell'))).toBe('.codex\\config.toml');
    for (const shell of ['posix', 'fish', 'anything']) {
      expect(configPath('user', platformOfShell(shell))).toBe('~/.codex/config.toml');
      expect(configPath('project', platformOfShell(shell))).toBe('.codex/config.toml');
    }
  });

  it('names the CODEX_HOME path the way each platform writes a variable', () => {
    expect(codexHomeConfigPath('unix')).toBe('$CODEX_HOME/config.toml');
    expect(codexHomeConfigPath('windows')).toBe('$env:CODEX_HOME\\config.toml');
  });

  it('withSettings labels the outputs for the platform without touching the TOML', () => {
    const plain = generate(http());
    const win = withSettings(plain, emptySettings(), ctx({ platform: 'windows' }));
    expect(win.outputs?.configPath).toBe('%USERPROFILE%\\.codex\\config.toml');
    expect(win.outputs?.toml).toBe(plain.outputs?.toml);
    expect(win.outputs?.cli).toEqual(plain.outputs?.cli);
    expect(win.topLevel).toBeNull();
  });
});

describe('tool approval', () => {
  it('writes default_tools_approval_mode and one tools table per tool, and the command becomes partial', () => {
    const g = withSettings(
      generate(http()),
      form({ defaultApproval: 'prompt', toolApprovals: 'search = approve\nwrite_file: prompt\n' }),
      ctx(),
    );
    expect(g.diagnostics).toEqual([]);
    const out = g.outputs;
    expect(out?.toml).toBe(
      '[mcp_servers.docs]\nurl = "https://mcp.example.com/mcp"\ndefault_tools_approval_mode = "prompt"\n\n' +
        '[mcp_servers.docs.tools.search]\napproval_mode = "approve"\n\n[mcp_servers.docs.tools.write_file]\napproval_mode = "prompt"\n',
    );
    expect(out?.cli.mode).toBe('partial');
    expect(out?.cli.missing).toEqual(['default_tools_approval_mode', 'tools']);
  });

  it('adds to the keys a partial command already lists, and leaves a TOML-only route alone', () => {
    const partial = withSettings(
      generate(stdio({ cwd: '/srv' })),
      form({ defaultApproval: 'auto' }),
      ctx(),
    );
    expect(partial.outputs?.cli.missing).toEqual(['cwd', 'default_tools_approval_mode']);
    const project = withSettings(
      generate(stdio({ scope: 'project' })),
      form({ defaultApproval: 'auto' }),
      ctx({ scope: 'project' }),
    );
    expect(project.outputs?.cli.mode).toBe('toml-only');
    expect(project.outputs?.configPath).toBe('.codex/config.toml');
    expect(project.outputs?.toml).toContain('default_tools_approval_mode = "auto"');
  });

  it('quotes tool names TOML needs quoted', () => {
    const g = withSettings(generate(http()), form({ toolApprovals: 'get.page = approve' }), ctx());
    expect(g.outputs?.toml).toContain('[mcp_servers.docs.tools."get.page"]');
    expect(parse(g.outputs?.toml ?? '')).toEqual({
      mcp_servers: {
        docs: {
          url: 'https://mcp.example.com/mcp',
          tools: { 'get.page': { approval_mode: 'approve' } },
        },
      },
    });
  });

  it('offers "writes" from 0.144.0 on, and says which release lacks it', () => {
    expect(enumIn(APPROVAL_MODES, '0.143.0')).toEqual(['auto', 'prompt', 'approve']);
    expect(enumIn(APPROVAL_MODES, '0.144.0')).toEqual(['auto', 'prompt', 'writes', 'approve']);
    const old = resolveSettings(form({ defaultApproval: 'writes' }), ctx({ release: '0.140.0' }));
    expect(old.diagnostics).toEqual([
      {
        field: 'settings.defaultApproval',
        severity: 'error',
        message:
          'Default tool approval "writes" is not a mode Codex 0.140.0 accepts ("writes" needs a newer Codex than 0.140.0): use one of "auto", "prompt", "approve".',
      },
    ]);
    expect(resolveSettings(form({ defaultApproval: 'writes' }), ctx()).server).toEqual({
      default_tools_approval_mode: 'writes',
    });
  });

  it.each([
    ['search', 'is not TOOL = MODE'],
    ['search = never', '"never" is not a mode Codex 0.171.0 accepts'],
    ['a = auto\na = prompt', '"a" is listed twice'],
    ['se\u202earch = auto', 'U+202E (right-to-left override)'],
  ])('refuses the per-tool line %j at its field, naming the line', (text, part) => {
    const g = withSettings(generate(http()), form({ toolApprovals: text }), ctx());
    expect(g.outputs).toBeNull();
    expect(g.diagnostics).toHaveLength(1);
    expect(g.diagnostics[0]?.field).toBe('settings.toolApprovals');
    expect(g.diagnostics[0]?.message).toContain('Per-tool approval, line');
    expect(g.diagnostics[0]?.message).toContain(part);
  });
});

describe('top-level OAuth keys', () => {
  it('are a separate block of bare keys, never inside the server table', () => {
    const g = withSettings(
      generate(http({ auth: 'oauth' })),
      form({ credentialsStore: 'file', callbackPort: '8765' }),
      ctx({ oauth: true }),
    );
    expect(g.topLevel).toBe(
      'mcp_oauth_credentials_store = "file"\nmcp_oauth_callback_port = 8765\n',
    );
    expect(g.topLevelPath).toBe('~/.codex/config.toml');
    expect(g.outputs?.toml).not.toContain('mcp_oauth');
    expect(g.outputs?.cli).toEqual(generate(http({ auth: 'oauth' })).outputs?.cli);
  });

  it('belong to the user config on Windows too, whatever the scope', () => {
    const g = withSettings(
      generate(http({ auth: 'oauth', scope: 'project' })),
      form({ credentialsStore: 'keyring' }),
      ctx({ oauth: true, scope: 'project', platform: 'windows' }),
    );
    expect(g.topLevelPath).toBe('%USERPROFILE%\\.codex\\config.toml');
    expect(g.outputs?.configPath).toBe('.codex\\config.toml');
  });

  it('are left out for servers that do not sign in with OAuth', () => {
    const g = withSettings(
      generate(http()),
      form({ credentialsStore: 'bogus', callbackPort: 'x' }),
      ctx({ oauth: false }),
    );
    expect(g.diagnostics).toEqual([]);
    expect(g.topLevel).toBeNull();
  });

  it.each([
    ['0', 'from 1 to 65535'],
    ['65536', 'from 1 to 65535'],
    ['-1', 'is not a port number'],
    ['80.5', 'is not a port number'],
    ['８０', 'is not a port number'],
  ])('refuses the callback port %j at its field', (port, part) => {
    const g = withSettings(
      generate(http({ auth: 'oauth' })),
      form({ callbackPort: port }),
      ctx({ oauth: true }),
    );
    expect(g.outputs).toBeNull();
    expect(g.diagnostics.map((d) => d.field)).toEqual(['settings.callbackPort']);
    expect(g.diagnostics[0]?.message).toContain(part);
  });

  it('refuses a credential store Codex does not know, listing the ones it does', () => {
    const r = resolveSettings(form({ credentialsStore: 'memory' }), ctx({ oauth: true }));
    expect(r.diagnostics[0]?.message).toBe(
      'OAuth credential store "memory" is not one Codex accepts: use one of "auto", "file", "keyring".',
    );
  });

  it('an empty top level writes no block', () => {
    expect(topLevelBlock({})).toBeNull();
  });
});

describe('reserved names', () => {
  it('the generator and the doctor read one list', () => {
    expect(DOCTOR_RESERVED).toBe(RESERVED_NAMES);
    expect(RESERVED_NAMES).toEqual(['codex_apps']);
  });

  it('flags codex_apps at the Server name field and shows no output; near names pass', () => {
    const g = generate(http({ name: 'codex_apps' }));
    expect(g.outputs).toBeNull();
    expect(g.diagnostics).toEqual([
      { field: 'name', severity: 'error', message: reservedNameProblem('codex_apps') },
    ]);
    expect(g.diagnostics[0]?.message).toContain('"codex_apps_own"');
    expect(generate(http({ name: ' codex_apps ' })).outputs).toBeNull();
    for (const name of ['codex_apps_x', 'Codex_apps', 'codex-apps'])
      expect(generate(http({ name })).outputs).not.toBeNull();
  });
});

describe('nothing throws', () => {
  it('any text in any settings field gives outputs or field messages', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    fc.assert(
      fc.property(
        text,
        text,
        text,
        text,
        fc.boolean(),
        (defaultApproval, toolApprovals, credentialsStore, callbackPort, oauth) => {
          const g = withSettings(
            generate(http({ auth: oauth ? 'oauth' : 'none' })),
            { defaultApproval, toolApprovals, credentialsStore, callbackPort },
            ctx({ oauth }),
          );
          if (g.outputs === null)
            expect(
              g.diagnostics.some((d) => d.severity === 'error' && d.field.startsWith('settings.')),
            ).toBe(true);
          else expect(() => parse(g.outputs?.toml ?? '')).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
