import { describe, expect, it } from 'vitest';
import { addArgv, planCli } from '../../../src/lib/generator/cli.ts';
import type { ServerEntry } from '../../../src/lib/generator/model.ts';
import { parseCodexAdd } from '../_support/codex-argv.ts';

const URL_ = 'https://mcp.example.com/mcp';

describe('addArgv', () => {
  it.each<[string, string, ServerEntry, string[]]>([
    // An http server: --url and the URL as two words.
    ['http minimal', 'docs', { url: URL_ }, ['codex', 'mcp', 'add', 'docs', '--url', URL_]],
    // A bearer token variable: its own flag, the variable NAME as value.
    [
      'bearer',
      'gh',
      { url: URL_, bearer_token_env_var: 'GH_PAT' },
      ['codex', 'mcp', 'add', 'gh', '--url', URL_, '--bearer-token-env-var', 'GH_PAT'],
    ],
    // OAuth client id and resource have flags; scopes do not (they belong to `login`).
    [
      'oauth',
      'lin',
      {
        url: URL_,
        oauth: { client_id: 'cid' },
        oauth_resource: 'https://mcp.example.com',
        scopes: ['read'],
      },
      [
        'codex',
        'mcp',
        'add',
        'lin',
        '--url',
        URL_,
        '--oauth-client-id',
        'cid',
        '--oauth-resource',
        'https://mcp.example.com',
      ],
    ],
    // A client id starting with "-" is attached with "=", or clap would read it as an option.
    [
      'dash client id',
      'lin',
      { url: URL_, oauth: { client_id: '-abc' } },
      ['codex', 'mcp', 'add', 'lin', '--url', URL_, '--oauth-client-id=-abc'],
    ],
    // Literal and env headers have no flag: they are not in argv (planCli lists them as missing).
    [
      'headers not in argv',
      'h',
      { url: URL_, http_headers: { 'X-A': '1' }, env_http_headers: { 'X-B': 'B' } },
      ['codex', 'mcp', 'add', 'h', '--url', URL_],
    ],
    // stdio: --env pairs first, then "--", the command and its arguments.
    [
      'stdio',
      'fs',
      { command: 'npx', args: ['-y', '@scope/pkg', '/a b'], env: { A: '1', B: 'x=y' } },
      [
        'codex',
        'mcp',
        'add',
        'fs',
        '--env',
        'A=1',
        '--env',
        'B=x=y',
        '--',
        'npx',
        '-y',
        '@scope/pkg',
        '/a b',
      ],
    ],
    // A command starting with "-" needs no "=" form: after "--" nothing is an option.
    ['dash command', 'x', { command: '-weird' }, ['codex', 'mcp', 'add', 'x', '--', '-weird']],
    // An argument that is itself "--" is passed through after the separator.
    [
      'literal -- arg',
      'x',
      { command: 'cmd', args: ['--', '--flag'] },
      ['codex', 'mcp', 'add', 'x', '--', 'cmd', '--', '--flag'],
    ],
    // An empty env value is still KEY=.
    [
      'empty env value',
      'x',
      { command: 'cmd', env: { EMPTY: '' } },
      ['codex', 'mcp', 'add', 'x', '--env', 'EMPTY=', '--', 'cmd'],
    ],
    // stdio-only keys without flags (env_vars, cwd) are not in argv.
    [
      'env_vars and cwd not in argv',
      'x',
      { command: 'cmd', env_vars: ['HOME'], cwd: '/srv' },
      ['codex', 'mcp', 'add', 'x', '--', 'cmd'],
    ],
  ])('%s', (_label, name, entry, expected) => {
    expect(addArgv(name, entry)).toEqual(expected);
  });

  it.each<[string, ServerEntry]>([
    // Read back the way `codex mcp add` reads argv, the http flags set exactly these keys.
    [
      'http',
      {
        url: URL_,
        bearer_token_env_var: 'T',
        oauth: { client_id: '-x' },
        oauth_resource: 'https://r.example',
      },
    ],
    // And the stdio form sets command, args and env.
    [
      'stdio',
      { command: 'uvx', args: ['--from', 'git+https://x.example/y.git', '-'], env: { K: 'v=1' } },
    ],
  ])('argv for %s parses back (codex mcp add model) to the same keys', (_label, entry) => {
    expect(parseCodexAdd(addArgv('n', entry)).entry).toEqual(entry);
  });
});

describe('planCli', () => {
  it.each<
    [
      string,
      ServerEntry,
      Parameters<typeof planCli>[2],
      Parameters<typeof planCli>[3],
      { mode: string; missing: string[]; argv: boolean; reason?: RegExp },
    ]
  >([
    // Everything has a flag: the command alone is complete.
    [
      'full http',
      { url: URL_, bearer_token_env_var: 'T' },
      'user',
      'bearer',
      { mode: 'full', missing: [], argv: true },
    ],
    // A plain stdio server is complete too.
    [
      'full stdio',
      { command: 'npx', args: ['x'], env: { A: '1' } },
      'user',
      'none',
      { mode: 'full', missing: [], argv: true },
    ],
    // Timeouts and tool lists have no flag: partial, and they are listed.
    [
      'partial tuning',
      {
        url: URL_,
        startup_timeout_sec: 60,
        tool_timeout_sec: 2.5,
        enabled: false,
        required: true,
        enabled_tools: ['a'],
        disabled_tools: ['b'],
      },
      'user',
      'none',
      {
        mode: 'partial',
        missing: [
          'startup_timeout_sec',
          'tool_timeout_sec',
          'enabled',
          'required',
          'enabled_tools',
          'disabled_tools',
        ],
        argv: true,
      },
    ],
    // OAuth scopes are TOML-only for `add`.
    [
      'partial scopes',
      { url: URL_, scopes: ['read'] },
      'user',
      'oauth',
      { mode: 'partial', missing: ['scopes'], argv: true },
    ],
    // stdio env_vars and cwd are TOML-only.
    [
      'partial stdio',
      { command: 'npx', env_vars: ['HOME'], cwd: '/srv' },
      'user',
      'none',
      { mode: 'partial', missing: ['env_vars', 'cwd'], argv: true },
    ],
    // Extra (non-auth) headers on a bearer server: the command still works, headers are added by hand.
    [
      'partial extra header',
      { url: URL_, bearer_token_env_var: 'T', http_headers: { 'X-Model': 'm' } },
      'user',
      'bearer',
      { mode: 'partial', missing: ['http_headers'], argv: true },
    ],
    // Header authentication: a command without the headers could not sign in, so no command at all.
    [
      'header auth',
      { url: URL_, env_http_headers: { Authorization: 'A' } },
      'user',
      'headers',
      {
        mode: 'toml-only',
        missing: ['env_http_headers'],
        argv: false,
        reason: /no `codex mcp add` flag can set headers/,
      },
    ],
    // Literal header auth too.
    [
      'literal header auth',
      { url: URL_, http_headers: { 'X-Api-Key': 'k' } },
      'user',
      'headers',
      { mode: 'toml-only', missing: ['http_headers'], argv: false, reason: /headers/ },
    ],
    // Project scope: `codex mcp add` writes only the user file, so TOML only, even for a simple server.
    [
      'project scope',
      { url: URL_ },
      'project',
      'none',
      { mode: 'toml-only', missing: [], argv: false, reason: /\.codex\/config\.toml by hand/ },
    ],
    // Project scope still reports what a command could not have carried.
    [
      'project scope stdio',
      { command: 'npx', cwd: '/srv' },
      'project',
      'none',
      { mode: 'toml-only', missing: ['cwd'], argv: false, reason: /project-scoped/ },
    ],
  ])('%s', (_label, entry, scope, auth, want) => {
    const plan = planCli('n', entry, scope, auth);
    expect(plan.mode).toBe(want.mode);
    expect(plan.missing).toEqual(want.missing);
    if (want.argv) {
      expect(plan.argv).toEqual(addArgv('n', entry));
      expect(plan.reason).toBe('');
    } else {
      expect(plan.argv).toBeNull();
      expect(plan.reason).toMatch(want.reason!);
    }
  });
});
