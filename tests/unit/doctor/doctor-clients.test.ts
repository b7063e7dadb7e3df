/** The doctor on other clients' files (VS Code, Gemini CLI, OpenCode, server.json), Windows paths, and SSE rated alike. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPathWithSpaces } from '../../../src/lib/generator/command-path.ts';
import {
  convertMcpServersJson,
  diagnoseConfig,
  type DoctorReport,
  type ServerReport,
} from '../../../src/lib/doctor/index.ts';
import { generate } from '../../../src/lib/generator/generate.ts';
import { emptySpec } from '../../../src/lib/generator/model.ts';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';

const custom = providerSchema.parse(
  JSON.parse(readFileSync('content/providers/custom.json', 'utf8')),
);
const only = (r: DoctorReport): ServerReport => {
  expect(r.servers).toHaveLength(1);
  return r.servers[0] as ServerReport;
};
const toml = (lines: string[]) => lines.join('\n') + '\n';

describe('other clients: keys converted to Codex keys', () => {
  it.each([
    // VS Code: an env value VS Code prompts for becomes a pass-through variable, and the block no longer holds ${input:...}.
    [
      'vs code env input',
      {
        servers: {
          s: { type: 'stdio', command: 'npx', env: { API_KEY: '${input:api-key}', MODE: 'ro' } },
        },
      },
      toml([
        '[mcp_servers.s]',
        'command = "npx"',
        'env_vars = [ "API_KEY" ]',
        '',
        '[mcp_servers.s.env]',
        'MODE = "ro"',
      ]),
    ],
    // VS Code: a prompted Bearer token becomes bearer_token_env_var named after the input.
    [
      'vs code bearer input',
      {
        servers: {
          gh: {
            type: 'http',
            url: 'https://api.example.com/mcp',
            headers: { Authorization: 'Bearer ${input:github_token}' },
          },
        },
      },
      toml([
        '[mcp_servers.gh]',
        'url = "https://api.example.com/mcp"',
        'bearer_token_env_var = "GITHUB_TOKEN"',
      ]),
    ],
    // VS Code: another prompted header is read from a variable.
    [
      'vs code header input',
      {
        servers: {
          h: { url: 'https://api.example.com/mcp', headers: { 'X-Api-Key': '${input:key}' } },
        },
      },
      toml([
        '[mcp_servers.h]',
        'url = "https://api.example.com/mcp"',
        '',
        '[mcp_servers.h.env_http_headers]',
        'X-Api-Key = "KEY"',
      ]),
    ],
    // Gemini CLI: includeTools / excludeTools / oauth.scopes.
    [
      'gemini tool lists and scopes',
      {
        mcpServers: {
          g: {
            httpUrl: 'https://x.example.com/mcp',
            includeTools: ['a'],
            excludeTools: ['b'],
            oauth: { enabled: true, scopes: ['r', 'w'] },
          },
        },
      },
      toml([
        '[mcp_servers.g]',
        'url = "https://x.example.com/mcp"',
        'scopes = [ "r", "w" ]',
        'enabled_tools = [ "a" ]',
        'disabled_tools = [ "b" ]',
      ]),
    ],
    // OpenCode: "mcp", a command list and "environment".
    [
      'opencode local',
      {
        $schema: 'https://opencode.ai/config.json',
        mcp: {
          loc: {
            type: 'local',
            command: ['npx', '-y', 'pkg'],
            environment: { A: 'b' },
            enabled: true,
          },
        },
      },
      toml([
        '[mcp_servers.loc]',
        'command = "npx"',
        'args = [ "-y", "pkg" ]',
        '',
        '[mcp_servers.loc.env]',
        'A = "b"',
      ]),
    ],
    // Keys spelled as Codex spells them are copied, whichever they are (the list is the release table's).
    [
      'codex keys in a client file',
      {
        mcpServers: {
          c: {
            url: 'https://mcp.example.com/mcp',
            bearer_token_env_var: 'C_TOKEN',
            oauth_resource: 'https://mcp.example.com',
            startup_timeout_sec: 20,
            required: true,
          },
        },
      },
      toml([
        '[mcp_servers.c]',
        'url = "https://mcp.example.com/mcp"',
        'bearer_token_env_var = "C_TOKEN"',
        'oauth_resource = "https://mcp.example.com"',
        'startup_timeout_sec = 20',
        'required = true',
      ]),
    ],
    [
      'opencode remote',
      { mcp: { rem: { type: 'remote', url: 'https://mcp.example.com/mcp', enabled: false } } },
      toml(['[mcp_servers.rem]', 'url = "https://mcp.example.com/mcp"', 'enabled = false']),
    ],
  ])('%s', (_label, json, block) => {
    const r = convertMcpServersJson(JSON.stringify(json));
    const s = only(r);
    expect(s.corrected?.toml).toBe(block);
    expect(s.corrected?.toml).not.toContain('${input');
    expect(r.loads).toBe(true);
  });

  it('says honestly where a ${input:...} value went (the message names the variable the block uses)', () => {
    const s = only(
      convertMcpServersJson(
        JSON.stringify({
          servers: { s: { command: 'npx', env: { API_KEY: '${input:api-key}' } } },
        }),
      ),
    );
    const msg = s.risks.map((f) => f.message).join(' ');
    expect(msg).toMatch(/VS Code asks for/);
    expect(msg).toMatch(/passes API_KEY through from your shell instead \(env_vars\)/);
    expect(s.corrected?.toml).toContain('env_vars = [ "API_KEY" ]');
  });
});

describe('ordinary URLs are not credentials, however many digits they hold', () => {
  it.each([
    [
      'env value',
      { command: 'npx', env: { BASE_URL: 'https://api.example.com/v2/abc123def456ghi789jk' } },
    ],
    [
      'header value',
      {
        url: 'https://mcp.example.com/mcp',
        headers: { 'X-Endpoint': 'https://api.example.com/v2/abc123def456ghi789jk' },
      },
    ],
    [
      'argument',
      {
        command: 'npx',
        args: ['-y', 'mcp-remote', 'https://mcp.example.com/u/a1b2c3d4e5f6a7b8c9d0e1f2/mcp'],
      },
    ],
  ])('%s', (_label, server) => {
    const s = only(convertMcpServersJson(JSON.stringify({ mcpServers: { a: server } })));
    expect(s.risks).toEqual([]);
    expect(s.corrected?.changes).toEqual([]);
  });

  it.each([
    ['a password in the URL', 'https://user:hunter2hunter2@api.example.com/mcp'],
    ['a key in the query', 'https://api.example.com/mcp?api_key=abcdef0123456789abcdef'],
  ])('still flags %s', (_label, value) => {
    const s = only(
      convertMcpServersJson(
        JSON.stringify({ mcpServers: { a: { command: 'npx', env: { BASE_URL: value } } } }),
      ),
    );
    expect(s.risks.map((f) => f.key.join('.'))).toContain('env.BASE_URL');
  });
});

describe('type sse: rated the same in JSON and in config.toml', () => {
  it('is a warning risk on the type key in both', () => {
    const json = only(
      convertMcpServersJson(
        JSON.stringify({ mcpServers: { s: { type: 'sse', url: 'https://mcp.example.com/sse' } } }),
      ),
    );
    const tom = only(
      diagnoseConfig(
        toml(['[mcp_servers.s]', 'type = "sse"', 'url = "https://mcp.example.com/sse"']),
      ),
    );
    const rate = (s: ServerReport) =>
      s.risks.filter((f) => f.key[0] === 'type').map((f) => `${f.kind}/${f.severity}`);
    expect(rate(json)).toEqual(['risk/warning']);
    expect(rate(tom)).toEqual(rate(json));
  });
});

describe('Windows paths', () => {
  it.each([
    // \P is no escape; \U wants 8 hex digits: both are Codex's parse errors, at the same column.
    [
      '\\P',
      'command = "C:\\Program Files\\nodejs\\npx.cmd"',
      15,
      'missing escaped value',
      "command = 'C:\\Program Files\\nodejs\\npx.cmd'",
    ],
    [
      '\\U',
      'command = "C:\\Users\\me\\AppData\\Roaming\\npm\\npx.cmd"',
      16,
      'too few unicode value digits',
      "command = 'C:\\Users\\me\\AppData\\Roaming\\npm\\npx.cmd'",
    ],
  ])(
    'single backslashes (%s) are named and repaired as literal strings',
    (_label, line, column, codex, fixedLine) => {
      const text = toml([
        'model = "o3"',
        '[mcp_servers.fs]',
        line,
        'args = ["-y", "C:\\Users\\me\\x"]',
      ]);
      const r = diagnoseConfig(text);
      expect(r.loads).toBe(false);
      expect(r.parseError).toMatchObject({ line: 3, column });
      expect(r.parseError?.codexMessage).toMatch(codex);
      expect(r.file[0]?.message).toMatch(/Windows path/);
      expect(r.repair?.lines).toEqual([3, 4]);
      // Only the two strings changed: every other byte is the same.
      expect(r.repair?.text).toBe(
        toml([
          'model = "o3"',
          '[mcp_servers.fs]',
          fixedLine,
          'args = ["-y", \'C:\\Users\\me\\x\']',
        ]),
      );
      expect(diagnoseConfig(r.repair?.text ?? '').loads).toBe(true);
      const s = only(r);
      expect(s.corrected?.toml).toContain('command = "C:\\\\');
      expect(s.corrected?.changes[0]).toMatch(/doubled backslashes/);
    },
  );

  it('a string holding a quote gets doubled backslashes instead', () => {
    const r = diagnoseConfig(
      toml(['[mcp_servers.fs]', 'command = "x"', 'args = ["C:\\it\'s\\x"]']),
    );
    expect(r.repair?.text).toContain('args = ["C:\\\\it\'s\\\\x"]');
  });

  it('another parse error is not "repaired"', () => {
    const r = diagnoseConfig(toml(['[mcp_servers.fs]', 'command = "x']));
    expect(r.repair).toBeUndefined();
    expect(r.file).toEqual([]);
  });

  it.each([
    ['C:\\Program Files\\nodejs\\npx.cmd', true],
    ['\\\\server\\share\\My Tools\\run.exe', true],
    ['/Applications/My App/bin/server', true],
    ['C:\\Program Files\\nodejs\\npx.cmd -y pkg', false],
    ['/usr/bin/npx -y pkg', false],
    ['npx -y pkg', false],
  ])('isPathWithSpaces(%j) is %s', (cmd, expected) => {
    expect(isPathWithSpaces(cmd)).toBe(expected);
  });

  it('an absolute path with spaces is a valid command: no risk, and the block keeps it whole', () => {
    const s = only(
      diagnoseConfig(toml(['[mcp_servers.w]', "command = 'C:\\Program Files\\nodejs\\npx.cmd'"])),
    );
    expect(s.risks).toEqual([]);
    expect(s.corrected?.toml).toBe(
      toml(['[mcp_servers.w]', 'command = "C:\\\\Program Files\\\\nodejs\\\\npx.cmd"']),
    );
    const spec = {
      ...emptySpec(),
      name: 'w',
      transport: 'stdio' as const,
      command: 'C:\\Program Files\\nodejs\\npx.cmd',
    };
    expect(generate(spec).outputs).not.toBeNull();
  });

  it('a path followed by arguments is split after the program', () => {
    const s = only(
      diagnoseConfig(
        toml(['[mcp_servers.w]', "command = 'C:\\Program Files\\nodejs\\npx.cmd -y pkg'"]),
      ),
    );
    expect(s.risks.map((f) => f.key.join('.'))).toEqual(['command']);
    expect(s.corrected?.toml).toBe(
      toml([
        '[mcp_servers.w]',
        'command = "C:\\\\Program Files\\\\nodejs\\\\npx.cmd"',
        'args = [ "-y", "pkg" ]',
      ]),
    );
  });
});

describe('a pasted server.json', () => {
  it.each([
    ['brave-search-mcp-server.json', ['brave-search-mcp-server']],
    ['registry-example-with-remote.json', null],
  ])('%s: each choice is a card with the block the import writes', (file, names) => {
    const r = convertMcpServersJson(readFileSync(`tests/fixtures/server-json/${file}`, 'utf8'), {
      provider: custom,
    });
    expect(r.file[0]?.message).toMatch(/This is a server\.json/);
    expect(r.servers.length).toBeGreaterThan(0);
    if (names) expect(r.servers.map((s) => s.corrected?.name)).toEqual(names);
    for (const s of r.servers)
      expect(s.corrected !== null || s.correctedProblems.length > 0).toBe(true);
  });

  it('the Brave block is the one docs/server-json.md shows', () => {
    const r = convertMcpServersJson(
      readFileSync('tests/fixtures/server-json/brave-search-mcp-server.json', 'utf8'),
      { provider: custom },
    );
    expect(only(r).corrected?.toml).toBe(
      toml([
        '[mcp_servers.brave-search-mcp-server]',
        'command = "npx"',
        'args = [ "-y", "@brave/brave-search-mcp-server@2.1.3" ]',
        'env_vars = [ "BRAVE_API_KEY" ]',
        'startup_timeout_sec = 60',
      ]),
    );
    // The page shows exactly this block (moved there from the README).
    expect(readFileSync('docs/server-json.md', 'utf8')).toContain(
      `\`\`\`toml\n${only(r).corrected!.toml.trimEnd()}\n\`\`\``,
    );
  });

  it('without the provider, says where to convert it instead of failing', () => {
    const r = convertMcpServersJson(
      JSON.stringify({ name: 'io.github.a/b', version: '1.0.0', packages: [] }),
    );
    expect(r.servers).toEqual([]);
    expect(r.file[0]?.message).toMatch(/Import a server\.json/);
  });
});

describe('names Codex keeps for itself', () => {
  it.each([
    ['codex_apps', true, 'codex_apps_own'],
    ['codex_apps_x', false, 'codex_apps_x'],
    ['apps', false, 'apps'],
  ])('%s: flagged %s, corrected block named %s', (name, flagged, corrected) => {
    const s = only(
      diagnoseConfig(toml([`[mcp_servers.${name}]`, 'url = "https://mcp.example.com/mcp"'])),
    );
    expect(s.risks.some((f) => /built-in Apps server/.test(f.message))).toBe(flagged);
    expect(s.corrected?.name).toBe(corrected);
  });
});

describe('the backslash repair stays bounded on a large file', () => {
  it('6,000 servers with Windows paths: named, and answered within the pathological bound', () => {
    let text = 'model = "o3"\n';
    for (let i = 0; i < 6000; i++)
      text += `\n[mcp_servers.s${i}]\ncommand = "C:\\Users\\me\\bin\\s${i}.cmd"\n`;
    const start = process.cpuUsage();
    const r = diagnoseConfig(text, { correctedLimit: 20 });
    const used = process.cpuUsage(start);
    expect(r.loads).toBe(false);
    expect(r.file[0]?.message).toMatch(/Windows path/);
    // Too many lines to repair one parse at a time: they are repaired all at once, then parsed once.
    expect(r.repair?.lines).toHaveLength(6000);
    expect(r.file[0]?.message).toContain('6000 lines from line 4 on');
    expect(r.servers[0]?.corrected?.toml).toContain('command = "C:\\\\Users');
    expect((used.user + used.system) / 1000).toBeLessThan(4000);
    // The bound is the CPU time above (up to 4 s of work); on the shared 2-core CI machine that work
    // takes several times as long in wall time, so the timeout only stops a hang.
  }, 60_000);
});
