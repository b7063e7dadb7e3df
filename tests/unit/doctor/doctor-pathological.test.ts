/**
 * Pathological inputs through the doctor and the merge preview: each must come back (no throw, no
 * "the doctor failed" report) within a time bound per input. The bound is CPU time of this process,
 * so a loaded machine (seven test runs on two cores) does not fail it; it is generous, yet far below
 * what the old code took (19.6 s for one 160 KB argument, 35 s for 8,000 servers, 72 s for 80,000
 * trailing newlines, a stack overflow for a 130,000-line entry).
 */
import { describe, expect, it, vi } from 'vitest';
import {
  convertMcpServersJson,
  diagnoseConfig,
  diagnosePluginFile,
  type DoctorReport,
} from '../../../src/lib/doctor/index.ts';
import { mergeServer, type MergeResult } from '../../../src/lib/config-file/merge.ts';

// The bound that matters is CPU time (below); the wall-clock timeout only stops a hang.
vi.setConfig({ testTimeout: 120_000 });

const BOUND_MS = 1500;
// 10,000 servers (1.6 MB) also generate 10,000 corrected blocks: a bound per input of that size.
const BIG_BOUND_MS = 4000;

/** CPU milliseconds `f` takes (user + system), and its result. */
function cpu<T>(f: () => T): { ms: number; value: T } {
  const start = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, value };
}

function expectReport(r: DoctorReport): void {
  expect(typeof r.summary).toBe('string');
  // The doctor's own catch-all means a bug was hit.
  expect(r.summary).not.toContain('The doctor failed on this input');
}

function expectMerge(r: MergeResult): void {
  expect(r.text !== null || r.error !== null).toBe(true);
  expect(r.error?.message ?? '').not.toContain('failed on this input');
}

const N = 100_000;
/** Long runs of one piece, ending in a character that makes a backtracking regex fail late. */
const RUNS: Record<string, string> = Object.fromEntries(
  [
    '-',
    '=',
    '"',
    "'",
    '\\',
    '[[',
    ']]',
    '\n',
    '\r\n',
    '$',
    '${',
    '{',
    '}',
    '_',
    ' ',
    '%',
    '#',
    ',',
    '.',
    'Bearer ',
    'token',
    'a1B2',
    '?api_key=',
    '/*',
    '//',
  ].map((p) => [JSON.stringify(p), p.repeat(Math.ceil(N / p.length)) + '!']),
);

function servers(n: number): string {
  let s = 'model = "o3"\n';
  for (let i = 0; i < n; i++) {
    s += `\n[mcp_servers.s${i}]\ncommand = "npx"\nargs = ["-y", "pkg-${i}", "--flag"]\nenv = { A = "b" }\nstartup_timeout_sec = 20\ntool_timeout_sec = 60\nenabled = true\nx${i} = 1\n`;
  }
  return s;
}

/** The same run of text in every place a config can hold it. */
function tomlPlaces(run: string): Record<string, string> {
  const q = JSON.stringify(run);
  return {
    raw: run,
    'as a server name': `[mcp_servers.${q}]\ncommand = "x"\n`,
    'as a key': `[mcp_servers.a]\ncommand = "x"\n${q} = 1\n`,
    'as an argument': `[mcp_servers.a]\ncommand = "x"\nargs = [${q}, ${JSON.stringify(`--token=${run}`)}]\n`,
    'as the command': `[mcp_servers.a]\ncommand = ${q}\n`,
    'as an env value': `[mcp_servers.a]\ncommand = "x"\nenv = { API_KEY = ${q}, ${q} = "v" }\ncwd = ${q}\n`,
    'as a url': `[mcp_servers.a]\nurl = ${JSON.stringify(`https://a.example/mcp?${run}`)}\n`,
    'as header values': `[mcp_servers.a]\nurl = "https://a.example/mcp"\nhttp_headers = { Authorization = ${JSON.stringify(`Bearer ${run}`)}, ${q} = ${q} }\nbearer_token_env_var = ${q}\n`,
    'as a literal string line': `[mcp_servers.a]\ncommand = "x"\nargs = [${"'a',".repeat(30_000)}'b']\n`,
  };
}

describe('diagnoseConfig on pathological TOML', () => {
  for (const [piece, run] of Object.entries(RUNS)) {
    it.each(Object.entries(tomlPlaces(run)))(`run of ${piece} %s`, (_, text) => {
      const { ms, value } = cpu(() => diagnoseConfig(text, { exportedEnv: ['A'] }));
      expectReport(value);
      expect(ms).toBeLessThan(BOUND_MS);
    });
  }

  it.each([
    ['2,000 servers (320 KB)', servers(2000), BOUND_MS],
    ['10,000 servers (1.6 MB)', servers(10_000), BIG_BOUND_MS],
    [
      'arrays 999 deep',
      `[mcp_servers.a]\ncommand = "x"\nargs = ${'['.repeat(999)}${']'.repeat(999)}\n`,
      BOUND_MS,
    ],
    [
      'inline tables 999 deep',
      `[mcp_servers.a]\ncommand = "x"\nenv = ${'{a='.repeat(999)}1${'}'.repeat(999)}\n`,
      BOUND_MS,
    ],
    ['arrays 100,000 deep', `a = ${'['.repeat(N)}${']'.repeat(N)}\n`, BOUND_MS],
    [
      'a dotted key 20,000 deep inside a server',
      `[mcp_servers.a]\ncommand = "x"\n${Array.from({ length: 20_000 }, (_, i) => `k${i}`).join('.')} = 1\n`,
      BOUND_MS,
    ],
    [
      'a 20,000-deep integer beyond 64 bits',
      `${Array.from({ length: 20_000 }, (_, i) => `k${i}`).join('.')} = 99999999999999999999\n`,
      BOUND_MS,
    ],
    [
      '130,000 lines in one entry',
      `[mcp_servers.a]\ncommand = "x"\nargs = [${'\n'.repeat(130_000)}"a"]\n`,
      BOUND_MS,
    ],
    [
      '100,000 arguments',
      `[mcp_servers.a]\ncommand = "x"\nargs = [${'"a",'.repeat(N)}]\n`,
      BOUND_MS,
    ],
  ])('%s', (_, text, bound) => {
    const { ms, value } = cpu(() => diagnoseConfig(text));
    expectReport(value);
    expect(ms).toBeLessThan(bound);
  });
});

describe('convertMcpServersJson on pathological JSON', () => {
  for (const [piece, run] of Object.entries(RUNS)) {
    const q = JSON.stringify(run);
    it.each([
      ['raw', run],
      [
        'in every field',
        `{"mcpServers": {${q}: {"command": ${q}, "args": [${q}], "env": {"API_KEY": ${q}}, "cwd": ${q}}, "b": {"url": ${q}, "headers": {${q}: ${q}}, ${q}: 1}}}`,
      ],
      [
        'after a comma, as a trailing-comma lookahead',
        `{"mcpServers": {"a": {"command": "x"},${run}}}`,
      ],
    ])(`run of ${piece} %s`, (_, text) => {
      const { ms, value } = cpu(() => convertMcpServersJson(text));
      expectReport(value);
      expect(ms).toBeLessThan(BOUND_MS);
    });
  }

  it.each([
    ['arrays 10,000 deep', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['arrays 10,000 deep, one bracket short', '['.repeat(10_000) + ']'.repeat(9_999)],
    ['arrays 1,000,000 deep', '['.repeat(1_000_000) + ']'.repeat(1_000_000)],
    [
      'objects 100,000 deep in a server',
      `{"mcpServers": {"a": {"command": "x", "args": ${'{"a":'.repeat(N)}1${'}'.repeat(N)}}}}`,
    ],
    [
      'arrays 100,000 deep in args',
      `{"mcpServers": {"a": {"command": "x", "args": ${'['.repeat(N)}${']'.repeat(N)}}}}`,
    ],
    [
      '10,000 servers',
      `{"mcpServers": {${Array.from({ length: 10_000 }, (_, i) => `"s${i}": {"command": "npx", "args": ["-y", "p${i}"]}`).join(',\n')}}}`,
    ],
    ['100,000 numbers, then an error', `[${'1,'.repeat(N)}x]`],
    ['an unterminated block comment after every comma', `{"a": 1,${'/*,'.repeat(N)}`],
  ])('%s', (_, text) => {
    const { ms, value } = cpu(() => convertMcpServersJson(text));
    expectReport(value);
    expect(ms).toBeLessThan(_ === '10,000 servers' ? BIG_BOUND_MS : BOUND_MS);
  });
});

describe("diagnosePluginFile on pathological JSON (a plugin's own .mcp.json)", () => {
  const ROOT = '${CLAUDE_PLUGIN_ROOT}';
  for (const [piece, run] of Object.entries(RUNS)) {
    const q = JSON.stringify(run);
    it(`run of ${piece} in every field, next to ${ROOT}`, () => {
      const text = `{"mcpServers": {${q}: {"command": ${q}, "args": [${q}, "${ROOT}/${run.slice(0, 1000)}"], "env": {"API_KEY": ${q}}, "cwd": "${ROOT}"}, "b": {"type": "http", "url": ${q}, "headers": {${q}: ${q}}}}}`;
      const { ms, value } = cpu(() => diagnosePluginFile(text));
      expectReport(value);
      expect(ms).toBeLessThan(BOUND_MS);
    });
  }
  it('10,000 servers, each with Claude keys and the plugin variable', () => {
    const text = `{"mcpServers": {${Array.from({ length: 10_000 }, (_, i) => `"s${i}": {"type": "stdio", "command": "node", "args": ["${ROOT}/p${i}.js"]}`).join(',\n')}}}`;
    const { ms, value } = cpu(() => diagnosePluginFile(text));
    expectReport(value);
    expect(value.servers).toHaveLength(10_000);
    expect(ms).toBeLessThan(BIG_BOUND_MS);
  });
});

describe('mergeServer on pathological input', () => {
  const BLOCK = '[mcp_servers.docs]\ncommand = "new"\n';
  for (const [piece, run] of Object.entries(RUNS)) {
    it.each([
      ['as the existing file', run, 'docs', BLOCK],
      ['as the block', '', 'docs', run],
      ['after the block', 'model = "o3"\n', 'docs', `${BLOCK}${run}`],
      ['as the name', 'a = 1\n', run, `[mcp_servers.${JSON.stringify(run)}]\ncommand = "x"\n`],
      [
        'in the replaced entry',
        `[mcp_servers.docs]\ncommand = "old"\nargs = [${JSON.stringify(run)}]\n`,
        'docs',
        BLOCK,
      ],
    ])(`run of ${piece} %s`, (_, existing, name, block) => {
      const { ms, value } = cpu(() => mergeServer(existing, name, block));
      expectMerge(value);
      expect(ms).toBeLessThan(BOUND_MS);
    });
  }

  it.each([
    [
      'a 130,000-line entry',
      `[mcp_servers.docs]\ncommand = "old"\nargs = [${'\n'.repeat(130_000)}"a"]\n`,
      BLOCK,
    ],
    ['80,000 trailing newlines', '', `${BLOCK}${'\n'.repeat(80_000)}# end`],
    ['80,000 trailing CRLFs', 'a = 1\r\n', `${BLOCK}${'\r\n'.repeat(80_000)}# end`],
    [
      '10,000 servers around it',
      servers(10_000).replace('[mcp_servers.s5000]', '[mcp_servers.docs]'),
      BLOCK,
    ],
    [
      'a dotted key 20,000 deep',
      `${Array.from({ length: 20_000 }, (_, i) => `k${i}`).join('.')} = 1\n`,
      BLOCK,
    ],
  ])('%s', (_, existing, block) => {
    const { ms, value } = cpu(() => mergeServer(existing, 'docs', block));
    expectMerge(value);
    expect(ms).toBeLessThan(_ === '10,000 servers around it' ? BIG_BOUND_MS : BOUND_MS);
  });
});
