/**
 * The doctor's stages one by one (src/lib/doctor/): each is checked here on its own, and the whole
 * pipeline in doctor.test.ts and against the real CLI in tests/conformance/doctor.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { CODEX_NEWEST } from '../../../src/lib/codex/index.ts';
import { findServers, fromClientJson } from '../../../src/lib/doctor/read/client-json.ts';
import { checkEntryRules, transportOf } from '../../../src/lib/doctor/checks/entry.ts';
import { Findings, type Context } from '../../../src/lib/doctor/findings.ts';
import {
  jsonErrorOffset,
  jsonLineFinder,
  lineColumn,
  stripJsonc,
} from '../../../src/lib/doctor/read/jsonc.ts';
import { checkKeys } from '../../../src/lib/doctor/checks/keys.ts';
import { locateServers } from '../../../src/lib/doctor/read/locate.ts';
import { parseConfig } from '../../../src/lib/doctor/read/parse.ts';
import { checkRisks } from '../../../src/lib/doctor/checks/risks.ts';
import { salvage } from '../../../src/lib/doctor/salvage/salvage.ts';
import { suggestionFor } from '../../../src/lib/doctor/checks/suggest.ts';
import { tomlSummary } from '../../../src/lib/doctor/summary.ts';
import type { Table } from '../../../src/lib/doctor/types.ts';

const ctx = (exported: string[] | null = null): Context => ({
  name: 'a',
  statements: null,
  base: ['mcp_servers'],
  exported: exported ? new Set(exported) : null,
  release: CODEX_NEWEST,
});
const keysOf = (out: Findings) => ({
  rejected: out.rejected.map((f) => `${f.codexPath}|${f.codexMessage ?? ''}`),
  ignored: out.ignored.map((f) => f.key.join('.')),
  risks: out.risks.map((f) => f.key.join('.')),
});

describe('parse', () => {
  it('reports TOML syntax errors at their line and column', () => {
    const r = parseConfig('a = 1\nb = [\n');
    expect('problem' in r && r.problem.line).toBe(3);
  });
  it('refuses integers beyond 64 bits at the line that holds them', () => {
    const r = parseConfig(
      '[mcp_servers.a]\ncommand = "x"\nstartup_timeout_sec = 99999999999999999999\n',
    );
    expect('problem' in r && r.problem).toEqual({
      message: 'integer 99999999999999999999 does not fit in 64 bits',
      line: 3,
      column: 23,
    });
  });
  it.each([
    ['a = 0xFFFFFFFFFFFFFFFFF', true],
    ['a = 1_000_000_000_000_000_000_000', true],
    ['a = -9_223_372_036_854_775_809', true],
    ['a = 0b11111111111111111111111111111111111111111111111111111111111111111', true],
    ['a = 9007199254740993', false],
    ['a = 9_223_372_036_854_775_807', false],
    ['a = "12345678901234567890123"', false],
  ])('checks 64-bit range: %s', (text, refused) => {
    expect('problem' in parseConfig(`${text}\n`)).toBe(refused);
  });
  it('returns the document and its statements otherwise', () => {
    const r = parseConfig('[mcp_servers.a]\ncommand = "x"\n');
    expect('doc' in r && r.statements?.map((s) => s.path.join('.'))).toEqual([
      'mcp_servers.a',
      'mcp_servers.a.command',
    ]);
  });
});

describe('locate', () => {
  it('finds servers under [mcp_servers] and under tables Codex never reads', () => {
    const doc = {
      mcp_servers: { a: { command: 'x' } },
      mcpServers: { b: { url: 'u' }, c: 'not a server' },
    };
    const { file, entries } = locateServers(doc, null);
    expect(entries.map((e) => `${e.base}.${e.name}${e.misplaced ? ' (misplaced)' : ''}`)).toEqual([
      'mcp_servers.a',
      'mcpServers.b (misplaced)',
    ]);
    expect(file.map((f) => `${f.kind} ${f.codexPath}`)).toEqual(['ignored mcpServers']);
  });
  it('rejects mcp_servers that is not a table', () => {
    expect(
      locateServers({ mcp_servers: 3 }, null).file.map((f) => `${f.kind} ${f.codexPath}`),
    ).toEqual(['rejected mcp_servers']);
  });
});

describe('key and type checks', () => {
  it.each([
    [{ command: 'x', tool_timeout_sec: '60' }, ['mcp_servers.a.tool_timeout_sec|'], []],
    [{ command: 'x', args: 'one string' }, ['mcp_servers.a.args|'], []],
    [{ command: 'x', env: { A: 1 } }, ['mcp_servers.a.env.A|'], []],
    [{ command: 'x', cmd: 'y', toolTimeout: 5, type: 'stdio' }, [], ['cmd', 'toolTimeout', 'type']],
    [{ url: 'u', oauth: { client_id: 'c', colour: 'red' } }, [], ['oauth.colour']],
  ] as [Table, string[], string[]][])('%j', (t, rejected, ignored) => {
    const out = new Findings(ctx());
    checkKeys(t, out, CODEX_NEWEST);
    expect(keysOf(out).rejected).toEqual(rejected);
    expect(keysOf(out).ignored).toEqual(ignored);
  });
  it('suggests the key someone meant, cheaply for long keys', () => {
    expect(suggestionFor('comand', ['command', 'args'])).toBe('command');
    expect(suggestionFor('serverUrl', ['url'])).toBe('`url`');
    expect(suggestionFor('x'.repeat(100_000), ['command'])).toBeUndefined();
  });
});

describe('entry rules', () => {
  it.each([
    [{ command: 'x', url: 'u' }, 'stdio', ['mcp_servers.a|url is not supported for stdio']],
    [
      { url: 'u', bearer_token: 't' },
      'http',
      ['mcp_servers.a|bearer_token is not supported for streamable_http'],
    ],
    [{ args: [] }, null, ['mcp_servers.a|invalid transport']],
    [
      { command: 'x', startup_timeout_sec: -1 },
      'stdio',
      ['mcp_servers.a|cannot convert float seconds to Duration: value is negative'],
    ],
    [
      { url: 'u', oauth: { client_secret: 's' } },
      'http',
      ['mcp_servers.a|oauth.client_secret requires oauth.client_id'],
    ],
  ] as [Table, string | null, string[]][])('%j', (t, transport, rejected) => {
    expect(transportOf(t)).toBe(transport);
    const out = new Findings(ctx());
    checkEntryRules(t, transportOf(t), out, CODEX_NEWEST);
    expect(keysOf(out).rejected).toEqual(rejected);
  });
});

describe('risks', () => {
  it.each([
    [
      { url: 'https://a.example/mcp', http_headers: { Authorization: 'Bearer abc' } },
      null,
      ['http_headers.Authorization'],
    ],
    [{ command: 'x', env: { API_KEY: 'sk-abcdefghijklmnopqrstuv1234' } }, null, ['env.API_KEY']],
    [{ command: 'x', args: ['--token=abc'] }, null, ['args']],
    [{ url: 'https://a.example/mcp?token=abc' }, null, ['url']],
    [{ command: 'x', cwd: '~/x' }, null, ['cwd']],
    [
      { url: 'https://a.example/mcp', bearer_token_env_var: 'T' },
      ['OTHER'],
      ['bearer_token_env_var'],
    ],
    [{ command: 'x', env: { A: '${A}' } }, null, ['env.A']],
  ] as [Table, string[] | null, string[]][])('%j', (t, exported, risks) => {
    const c = ctx(exported);
    const out = new Findings(c);
    checkRisks(t, transportOf(t), out, c);
    expect(keysOf(out).risks).toEqual(risks);
  });
});

describe('salvage', () => {
  it('keeps the stronger transport and moves secrets to variables', () => {
    const s = salvage(
      'my server',
      {
        url: 'https://a.example/mcp',
        command: 'x',
        http_headers: { Authorization: 'Bearer abcdef' },
        tool_timeout_sec: '30',
      },
      null,
      CODEX_NEWEST,
    );
    expect(s.spec.name).toBe('my-server');
    expect(s.spec.transport).toBe('http');
    expect(s.spec.bearerTokenEnvVar).toBe('MY_SERVER_TOKEN');
    expect(s.spec.toolTimeoutSec).toBe('30');
    expect(s.spec.envVarLines.map((l) => `${l.name}=${l.value}|${l.placeholder}`)).toEqual([
      'MY_SERVER_TOKEN=|paste-your-token-here',
    ]);
    expect(s.changes[0]).toMatch(/^Renamed "my server" to "my-server"/);
  });
  it('splits a command with spaces into the program and its arguments', () => {
    const s = salvage('a', { command: 'npx -y srv', args: ['--x'] }, null, CODEX_NEWEST);
    expect([s.spec.command, ...s.spec.args]).toEqual(['npx', '-y', 'srv', '--x']);
  });
});

describe('JSON and JSONC', () => {
  it('blanks comments and trailing commas, keeping every offset', () => {
    const text = '{ "a": 1, // note\n /* x */ "b": [1, 2,], }';
    const r = stripJsonc(text);
    expect(r.text.length).toBe(text.length);
    expect(JSON.parse(r.text)).toEqual({ a: 1, b: [1, 2] });
    expect(r.changed).toBe(true);
  });
  it.each([
    ['{"a": 1,}', 8],
    ['[1, 2', 5],
    ['{"a" 1}', 5],
    ['"\\q"', 2],
    [`${'['.repeat(100_000)}${']'.repeat(99_999)}`, 199_999],
  ])('the first error of %j is at offset %i', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });
  it('gives lines and columns, and finds each server name once, in order', () => {
    expect(lineColumn('ab\ncd\nef', 7)).toEqual({ line: 3, column: 2 });
    const find = jsonLineFinder('{\n "a": {},\n "b": {"a": 1},\n "c": {}\n}');
    expect(['a', 'b', 'c'].map(find)).toEqual([2, 3, 4]);
  });
  it("maps other clients' keys to Codex's and finds where the servers are", () => {
    const out = new Findings(ctx());
    expect(
      fromClientJson({ serverUrl: 'u', headers: { A: 'b' }, disabled: true, timeout: 5 }, out),
    ).toEqual({ url: 'u', http_headers: { A: 'b' }, enabled: false });
    expect(keysOf(out).ignored).toEqual(['timeout']);
    expect(findServers({ mcp: { servers: { a: {} } } })?.servers).toEqual({ a: {} });
    expect(findServers({ command: 'x' })?.servers).toEqual({ server: { command: 'x' } });
    expect(findServers([1])).toBeNull();
  });
});

describe('summary', () => {
  const base = { source: 'toml' as const, parseError: null, file: [], loads: true };
  it('says which part was checked', () => {
    expect(tomlSummary({ ...base, servers: [] })).toBe(
      'This file defines no MCP servers of its own: Codex reads them from [mcp_servers.NAME] tables (an installed plugin brings its own). Nothing in the file was left unchecked, so this covers all of it.',
    );
    const server = {
      name: 'a',
      transport: 'stdio' as const,
      rejected: [],
      ignored: [],
      risks: [],
      corrected: null,
      correctedProblems: [],
    };
    expect(tomlSummary({ ...base, servers: [server], unchecked: ['tui'] }, '0.150.0')).toBe(
      'Codex 0.150.0 accepts the [mcp_servers] part of this file (1 server). Nothing to fix there. Some top-level keys (`tui`) were NOT checked: one wrong value under them and Codex refuses the whole file, so this verdict does not cover them. After saving, `codex mcp list` tells.',
    );
  });
});

describe('corrected blocks on demand', () => {
  it('builds blocks for the first N servers only, with the same findings and summary', async () => {
    const { diagnoseConfig } = await import('../../../src/lib/doctor/index.ts');
    const text = [
      '[mcp_servers.a]',
      'command = "x"',
      '[mcp_servers.b]',
      'url = "https://b.example/mcp"',
      'bearer_token = "t"',
      '[mcp_servers.c]',
      'command = "y"',
    ].join('\n');
    const full = diagnoseConfig(text);
    const some = diagnoseConfig(text, { correctedLimit: 1 });
    expect(some.summary).toBe(full.summary);
    expect(some.loads).toBe(full.loads);
    expect(some.servers.map((s) => [s.rejected, s.ignored, s.risks])).toEqual(
      full.servers.map((s) => [s.rejected, s.ignored, s.risks]),
    );
    expect(some.servers[0]?.corrected).toEqual(full.servers[0]?.corrected);
    expect(some.servers.slice(1).map((s) => [s.corrected, s.deferred])).toEqual([
      [null, true],
      [null, true],
    ]);
    expect(full.servers.some((s) => s.deferred)).toBe(false);
  });
});
