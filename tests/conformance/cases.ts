/**
 * Hand-written valid cases. Each `intended` table is written by hand, in Codex's key names (src/lib/codex/keys.ts),
 * from what the spec asks for: it is never computed by the code under test. `mode` is the route
 * the page must declare, also by hand.
 */
import type { ServerSpec } from '../../src/lib/generator/model.ts';
import type { CodexServerTable, Mode } from '../support/conformance.ts';

export interface ValidCase {
  /** What the case proves, in one line. */
  proves: string;
  spec: Partial<ServerSpec>;
  intended: CodexServerTable;
  mode: Mode;
}

// Closed loopback ports only: `codex mcp add --url` probes the URL for OAuth (see the reference doc).
const U = 'http://127.0.0.1:9/mcp';
const US = 'https://127.0.0.1:9/mcp';

const NASTY_TOOLS = [
  'read',
  'write file',
  "it's",
  '$(rm -rf /)',
  '`id`',
  'a"b',
  'back\\slash',
  '漢字',
  '😀',
  '-dash',
  '--x',
  '=eq',
  '*',
  '~',
];

export const VALID_CASES: ValidCase[] = [
  // ---------------------------------------------------------------- stdio, full route
  {
    proves: 'the plainest stdio server round-trips through both routes',
    spec: {
      name: 'docs',
      transport: 'stdio',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-everything'],
    },
    intended: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] },
    mode: 'full',
  },
  {
    proves: 'a command without arguments writes no args key',
    spec: { name: 'bare', transport: 'stdio', command: 'my-mcp-server' },
    intended: { command: 'my-mcp-server' },
    mode: 'full',
  },
  {
    proves: 'spaces, single and double quotes in args survive bash and TOML',
    spec: {
      name: 'quotes',
      transport: 'stdio',
      command: 'echo',
      args: ['hello world', "it's", 'say "hi"', `a 'b' "c"`, "'", '"', "''", `"'"'"`],
    },
    intended: {
      command: 'echo',
      args: ['hello world', "it's", 'say "hi"', `a 'b' "c"`, "'", '"', "''", `"'"'"`],
    },
    mode: 'full',
  },
  {
    proves:
      'shell expansions ($, $(...), backticks, globs, braces, history, redirections) are never expanded',
    spec: {
      name: 'expansions',
      transport: 'stdio',
      command: 'echo',
      args: [
        '$HOME',
        '$(id)',
        '`id`',
        '${PATH}',
        '$((1+1))',
        '!!',
        '!x',
        '*',
        '?',
        '[a]',
        '{a,b}',
        '#x',
        ';',
        '&&',
        '|',
        '>out',
        '<in',
        '2>&1',
        '$',
        "$'x'",
      ],
    },
    intended: {
      command: 'echo',
      args: [
        '$HOME',
        '$(id)',
        '`id`',
        '${PATH}',
        '$((1+1))',
        '!!',
        '!x',
        '*',
        '?',
        '[a]',
        '{a,b}',
        '#x',
        ';',
        '&&',
        '|',
        '>out',
        '<in',
        '2>&1',
        '$',
        "$'x'",
      ],
    },
    mode: 'full',
  },
  {
    proves: 'tildes are not expanded, bare or after "=" (bash expands a=~/b in arguments)',
    spec: {
      name: 'tilde',
      transport: 'stdio',
      command: 'run',
      args: ['~', '~root', '~/x', 'a=~/b', '--dir=~/c', 'x:~/y'],
    },
    intended: { command: 'run', args: ['~', '~root', '~/x', 'a=~/b', '--dir=~/c', 'x:~/y'] },
    mode: 'full',
  },
  {
    proves: 'backslashes reach Codex as typed (Windows paths, UNC, trailing, before quotes)',
    spec: {
      name: 'backslash',
      transport: 'stdio',
      command: 'run',
      args: ['C:\\Users\\me', '\\\\server\\share', 'trailing\\', '\\"', "\\'", '\\n', '\\\\'],
    },
    intended: {
      command: 'run',
      args: ['C:\\Users\\me', '\\\\server\\share', 'trailing\\', '\\"', "\\'", '\\n', '\\\\'],
    },
    mode: 'full',
  },
  {
    // Tabs and carriage returns are refused by the page (issue 9 item 2): see invalid-cases.ts.
    proves: 'newlines and whitespace-only args are kept verbatim',
    spec: {
      name: 'whitespace',
      transport: 'stdio',
      command: 'run',
      args: ['line1\nline2', '\n', ' ', '  padded  '],
    },
    intended: { command: 'run', args: ['line1\nline2', '\n', ' ', '  padded  '] },
    mode: 'full',
  },
  {
    proves:
      'options after the command (--, --env, --url, -c, --help) belong to the server, not to codex',
    spec: {
      name: 'dashdash',
      transport: 'stdio',
      command: 'npx',
      args: [
        '--',
        '--env',
        'A=b',
        '--url',
        'http://127.0.0.1:9/x',
        '-c',
        'model="o3"',
        '--help',
        '-',
      ],
    },
    intended: {
      command: 'npx',
      args: [
        '--',
        '--env',
        'A=b',
        '--url',
        'http://127.0.0.1:9/x',
        '-c',
        'model="o3"',
        '--help',
        '-',
      ],
    },
    mode: 'full',
  },
  {
    proves: '"="-prefixed words (zsh =cmd expansion) stay literal',
    spec: {
      name: 'equals',
      transport: 'stdio',
      command: 'run',
      args: ['=foo', '==', '=', 'a=b', '--opt=value', '=ls'],
    },
    intended: { command: 'run', args: ['=foo', '==', '=', 'a=b', '--opt=value', '=ls'] },
    mode: 'full',
  },
  {
    proves: 'empty-string args are kept as empty args, in place',
    spec: { name: 'empty-args', transport: 'stdio', command: 'run', args: ['', 'x', '', ''] },
    intended: { command: 'run', args: ['', 'x', '', ''] },
    mode: 'full',
  },
  {
    // Bidi overrides and zero-width characters are refused by the page (issue 9 item 2): see invalid-cases.ts.
    proves: 'unicode args (accents, CJK, emoji, ZWJ, RTL text, ligature, NBSP) are byte-exact',
    spec: {
      name: 'unicode',
      transport: 'stdio',
      command: 'run',
      args: [
        'café',
        'naïve',
        '漢字',
        '日本語テキスト',
        '😀',
        '👩‍👩‍👧',
        'שלום',
        'مرحبا',
        'ﬁ',
        'nbsp\u00A0here',
      ],
    },
    intended: {
      command: 'run',
      args: [
        'café',
        'naïve',
        '漢字',
        '日本語テキスト',
        '😀',
        '👩‍👩‍👧',
        'שלום',
        'مرحبا',
        'ﬁ',
        'nbsp\u00A0here',
      ],
    },
    mode: 'full',
  },
  {
    proves: 'one --env K=V lands in the env table',
    spec: {
      name: 'env1',
      transport: 'stdio',
      command: 'npx',
      args: ['-y', 'pkg'],
      env: [{ name: 'API_KEY', value: 'value' }],
    },
    intended: { command: 'npx', args: ['-y', 'pkg'], env: { API_KEY: 'value' } },
    mode: 'full',
  },
  {
    proves: 'env values containing "=" split only at the first "=" (KEY=a=b=c)',
    spec: {
      name: 'env-eq',
      transport: 'stdio',
      command: 'run',
      env: [
        { name: 'OPTS', value: 'a=b=c' },
        { name: 'EQ', value: '=' },
        { name: 'LEAD', value: '=x' },
        { name: 'URLISH', value: 'https://127.0.0.1:9/?a=1&b=2' },
      ],
    },
    intended: {
      command: 'run',
      env: { OPTS: 'a=b=c', EQ: '=', LEAD: '=x', URLISH: 'https://127.0.0.1:9/?a=1&b=2' },
    },
    mode: 'full',
  },
  {
    proves:
      'env values with quotes, expansions, newlines, backslashes, leading dashes and padding are kept',
    spec: {
      name: 'env-nasty',
      transport: 'stdio',
      command: 'run',
      env: [
        { name: 'Q', value: `it's "quoted" $HOME $(id) \`id\`` },
        { name: 'NL', value: 'a\nb' },
        { name: 'BS', value: 'C:\\x\\' },
        { name: 'EMPTY', value: '' },
        { name: 'SP', value: '  padded  ' },
        { name: 'DASH', value: '-v' },
        { name: 'DDASH', value: '--flag' },
        { name: 'BANG', value: '!!*~' },
      ],
    },
    intended: {
      command: 'run',
      env: {
        Q: `it's "quoted" $HOME $(id) \`id\``,
        NL: 'a\nb',
        BS: 'C:\\x\\',
        EMPTY: '',
        SP: '  padded  ',
        DASH: '-v',
        DDASH: '--flag',
        BANG: '!!*~',
      },
    },
    mode: 'full',
  },
  {
    proves: 'unicode env values (accents, CJK, emoji, RTL) are byte-exact',
    spec: {
      name: 'env-unicode',
      transport: 'stdio',
      command: 'run',
      env: [
        { name: 'U', value: 'é漢😀' },
        { name: 'RTL', value: 'עברית ومرحبا' },
      ],
    },
    intended: { command: 'run', env: { U: 'é漢😀', RTL: 'עברית ومرحبا' } },
    mode: 'full',
  },
  {
    proves: 'env key order does not matter (Codex writes keys sorted) and case is preserved',
    spec: {
      name: 'env-order',
      transport: 'stdio',
      command: 'run',
      env: [
        { name: 'Z_LAST', value: '1' },
        { name: 'A_FIRST', value: '2' },
        { name: 'm_mid', value: '3' },
        { name: '_U', value: '4' },
        { name: 'a_first', value: '5' },
      ],
    },
    intended: {
      command: 'run',
      env: { Z_LAST: '1', A_FIRST: '2', m_mid: '3', _U: '4', a_first: '5' },
    },
    mode: 'full',
  },
  {
    proves: 'a command with $, quotes and backslashes (but no spaces) is one program name',
    spec: {
      name: 'cmd-nasty',
      transport: 'stdio',
      command: `/opt/my$tool/it's/"run"\\x`,
      args: ['a'],
    },
    intended: { command: `/opt/my$tool/it's/"run"\\x`, args: ['a'] },
    mode: 'full',
  },
  {
    proves: 'a unicode command path is byte-exact',
    spec: { name: 'cmd-unicode', transport: 'stdio', command: '/opt/工具/bin/サーバー-😀' },
    intended: { command: '/opt/工具/bin/サーバー-😀' },
    mode: 'full',
  },
  {
    proves: 'a command starting with "-" is still the command (the -- separator protects it)',
    spec: { name: 'cmd-dash', transport: 'stdio', command: '-weird', args: ['--also'] },
    intended: { command: '-weird', args: ['--also'] },
    mode: 'full',
  },
  {
    proves: 'surrounding spaces in name and command are trimmed on both routes',
    spec: { name: '  trimmed  ', transport: 'stdio', command: '  uvx ', args: ['mcp-server-git'] },
    intended: { command: 'uvx', args: ['mcp-server-git'] },
    mode: 'full',
  },
  {
    proves: 'a name with "." is written quoted and read back under the same name',
    spec: { name: 'acme.docs', transport: 'stdio', command: 'run' },
    intended: { command: 'run' },
    mode: 'full',
  },
  {
    proves: 'a name with "/" and "@" (npm-style) works on both routes',
    spec: {
      name: '@scope/pkg',
      transport: 'stdio',
      command: 'npx',
      args: ['-y', '@scope/pkg@latest'],
    },
    intended: { command: 'npx', args: ['-y', '@scope/pkg@latest'] },
    mode: 'full',
  },
  {
    proves: 'a name with ":" works on both routes',
    spec: { name: 'ns:server', transport: 'stdio', command: 'run' },
    intended: { command: 'run' },
    mode: 'full',
  },
  {
    proves: 'a name using every allowed punctuation character (. / @ : _ -) works',
    spec: { name: 'a.b/c@d:e_f-g', transport: 'stdio', command: 'run' },
    intended: { command: 'run' },
    mode: 'full',
  },
  {
    proves: 'an all-digit name and a trailing "-" name are valid table keys',
    spec: { name: '123-', transport: 'stdio', command: 'run' },
    intended: { command: 'run' },
    mode: 'full',
  },
  // ---------------------------------------------------------------- stdio, partial route
  {
    proves: 'env_vars has no flag: partial, and the command drops exactly env_vars',
    spec: {
      name: 'envvars',
      transport: 'stdio',
      command: 'npx',
      args: ['-y', 'gh-mcp'],
      envVars: ['GITHUB_TOKEN', 'HOME_DIR'],
    },
    intended: { command: 'npx', args: ['-y', 'gh-mcp'], env_vars: ['GITHUB_TOKEN', 'HOME_DIR'] },
    mode: 'partial',
  },
  {
    proves: 'an absolute cwd with spaces and quotes is TOML-only and exact',
    spec: {
      name: 'cwd-abs',
      transport: 'stdio',
      command: 'node',
      args: ['server.js'],
      cwd: '/srv/my proj/it\'s "here"',
    },
    intended: { command: 'node', args: ['server.js'], cwd: '/srv/my proj/it\'s "here"' },
    mode: 'partial',
  },
  {
    proves: 'a relative cwd is stored as typed (Codex does not resolve it at load time)',
    spec: { name: 'cwd-rel', transport: 'stdio', command: 'node', cwd: 'sub dir/x' },
    intended: { command: 'node', cwd: 'sub dir/x' },
    mode: 'partial',
  },
  {
    proves: 'a Windows cwd keeps its backslashes',
    spec: {
      name: 'cwd-win',
      transport: 'stdio',
      command: 'node',
      cwd: 'C:\\Users\\me\\mcp server',
    },
    intended: { command: 'node', cwd: 'C:\\Users\\me\\mcp server' },
    mode: 'partial',
  },
  {
    proves: 'integer timeouts are written as numbers Codex reads as the same seconds',
    spec: {
      name: 'timeouts-int',
      transport: 'stdio',
      command: 'uvx',
      args: ['slow'],
      startupTimeoutSec: '20',
      toolTimeoutSec: '120',
    },
    intended: { command: 'uvx', args: ['slow'], startup_timeout_sec: 20, tool_timeout_sec: 120 },
    mode: 'partial',
  },
  {
    proves: 'float timeouts keep their fraction',
    spec: {
      name: 'timeouts-float',
      transport: 'stdio',
      command: 'uvx',
      startupTimeoutSec: '2.5',
      toolTimeoutSec: '0.25',
    },
    intended: { command: 'uvx', startup_timeout_sec: 2.5, tool_timeout_sec: 0.25 },
    mode: 'partial',
  },
  {
    proves: 'the timeout bounds we allow (1 ms, one day) load in Codex, and padding is trimmed',
    spec: {
      name: 'timeouts-bounds',
      transport: 'stdio',
      command: 'uvx',
      startupTimeoutSec: ' 0.001 ',
      toolTimeoutSec: '86400',
    },
    intended: { command: 'uvx', startup_timeout_sec: 0.001, tool_timeout_sec: 86400 },
    mode: 'partial',
  },
  {
    proves: 'a timeout with nanosecond precision reads back exactly',
    spec: {
      name: 'timeouts-ns',
      transport: 'stdio',
      command: 'uvx',
      startupTimeoutSec: '1.123456789',
      toolTimeoutSec: '30.000000001',
    },
    intended: { command: 'uvx', startup_timeout_sec: 1.123456789, tool_timeout_sec: 30.000000001 },
    mode: 'partial',
  },
  {
    proves: 'enabled = false is written (and is reported by get --json) only when disabled',
    spec: { name: 'disabled', transport: 'stdio', command: 'run', enabled: false },
    intended: { command: 'run', enabled: false },
    mode: 'partial',
  },
  {
    proves: 'required = true is TOML-only and survives (get --json omits it; the table shows it)',
    spec: { name: 'required', transport: 'stdio', command: 'run', required: true },
    intended: { command: 'run', required: true },
    mode: 'partial',
  },
  {
    proves: 'disabled and required together are written as asked (a warning, not an error)',
    spec: {
      name: 'disabled-required',
      transport: 'stdio',
      command: 'run',
      enabled: false,
      required: true,
    },
    intended: { command: 'run', enabled: false, required: true },
    mode: 'partial',
  },
  {
    proves:
      'tool names with quotes, $(...), tabs, newlines, unicode and dashes are exact in enabled_tools/disabled_tools',
    spec: {
      name: 'tools',
      transport: 'stdio',
      command: 'run',
      enabledTools: NASTY_TOOLS,
      disabledTools: ['  padded  ', 'delete'],
    },
    intended: { command: 'run', enabled_tools: NASTY_TOOLS, disabled_tools: ['padded', 'delete'] },
    mode: 'partial',
  },
  {
    proves: 'disabled_tools alone is TOML-only',
    spec: { name: 'blocklist', transport: 'stdio', command: 'run', disabledTools: ['delete_repo'] },
    intended: { command: 'run', disabled_tools: ['delete_repo'] },
    mode: 'partial',
  },
  {
    proves:
      'a stdio server using every key: the command carries command/args/env and drops exactly the rest',
    spec: {
      name: 'stdio.everything',
      transport: 'stdio',
      command: 'npx',
      args: ['-y', "it's", '$X'],
      env: [{ name: 'K', value: 'v=1 "q"' }],
      envVars: ['PATH_EXTRA'],
      cwd: '/opt/srv',
      startupTimeoutSec: '45',
      toolTimeoutSec: '600.5',
      enabled: false,
      required: true,
      enabledTools: ['a'],
      disabledTools: ['b'],
    },
    intended: {
      command: 'npx',
      args: ['-y', "it's", '$X'],
      env: { K: 'v=1 "q"' },
      env_vars: ['PATH_EXTRA'],
      cwd: '/opt/srv',
      startup_timeout_sec: 45,
      tool_timeout_sec: 600.5,
      enabled: false,
      required: true,
      enabled_tools: ['a'],
      disabled_tools: ['b'],
    },
    mode: 'partial',
  },
  // ---------------------------------------------------------------- stdio, project scope
  {
    proves: 'project scope offers no command, and the TOML block loads from a trusted project',
    spec: {
      name: 'proj-stdio',
      scope: 'project',
      transport: 'stdio',
      command: 'npx',
      args: ['-y', 'pkg'],
      env: [{ name: 'A', value: 'b' }],
    },
    intended: { command: 'npx', args: ['-y', 'pkg'], env: { A: 'b' } },
    mode: 'toml-only',
  },
  {
    proves: 'project scope with TOML-only keys is still complete in the block',
    spec: {
      name: 'proj.stdio/all',
      scope: 'project',
      transport: 'stdio',
      command: 'run',
      envVars: ['TOKEN'],
      cwd: '/w',
      toolTimeoutSec: '9.5',
      required: true,
    },
    intended: {
      command: 'run',
      env_vars: ['TOKEN'],
      cwd: '/w',
      tool_timeout_sec: 9.5,
      required: true,
    },
    mode: 'toml-only',
  },
  // ---------------------------------------------------------------- http, full route
  {
    proves: 'the plainest https server round-trips (probe hits a closed loopback port)',
    spec: { name: 'remote', url: US },
    intended: { url: US },
    mode: 'full',
  },
  {
    proves: 'plain http to loopback is accepted and stored as typed',
    spec: { name: 'local-http', url: U },
    intended: { url: U },
    mode: 'full',
  },
  {
    proves: 'an IPv6 loopback URL with brackets is stored as typed',
    spec: { name: 'ipv6', url: 'http://[::1]:9/mcp' },
    intended: { url: 'http://[::1]:9/mcp' },
    mode: 'full',
  },
  {
    proves:
      'a URL with \' " $(...) backticks ! * ~ # & in the query survives bash and TOML unnormalised',
    spec: {
      name: 'url-nasty',
      url: `http://127.0.0.1:9/mcp?q='$(id)'&b=\`x\`&c="d"&e=!*~&f=$HOME#frag!`,
    },
    intended: { url: `http://127.0.0.1:9/mcp?q='$(id)'&b=\`x\`&c="d"&e=!*~&f=$HOME#frag!` },
    mode: 'full',
  },
  {
    proves:
      'a URL with raw unicode (CJK, accents, emoji, RTL) is stored as typed, not percent-encoded',
    spec: { name: 'url-unicode', url: 'http://127.0.0.1:9/路径/café?emoji=😀&rtl=שלום' },
    intended: { url: 'http://127.0.0.1:9/路径/café?emoji=😀&rtl=שלום' },
    mode: 'full',
  },
  {
    proves: 'a URL with backslashes, percent-escapes and "=" path segments is stored as typed',
    spec: { name: 'url-odd', url: 'http://127.0.0.1:9/a\\b/%20/=mcp?x==y&z=%E2%9C%93' },
    intended: { url: 'http://127.0.0.1:9/a\\b/%20/=mcp?x==y&z=%E2%9C%93' },
    mode: 'full',
  },
  {
    proves: 'a URL with user info is written as typed (a warning, not an error)',
    spec: { name: 'url-userinfo', url: 'https://user:p%40ss@127.0.0.1:9/mcp' },
    intended: { url: 'https://user:p%40ss@127.0.0.1:9/mcp' },
    mode: 'full',
  },
  {
    proves: 'bearer auth: --bearer-token-env-var carries the variable name (trimmed)',
    spec: { name: 'bearer', auth: 'bearer', url: US, bearerTokenEnvVar: '  ACME_TOKEN ' },
    intended: { url: US, bearer_token_env_var: 'ACME_TOKEN' },
    mode: 'full',
  },
  {
    proves: 'OAuth with a pre-registered client id: --oauth-client-id lands in [oauth]',
    spec: { name: 'oauth', auth: 'oauth', url: US, oauthClientId: 'abc123' },
    intended: { url: US, oauth: { client_id: 'abc123' } },
    mode: 'full',
  },
  {
    proves: 'a client id starting with "-" is passed as --oauth-client-id=-x, not read as a flag',
    spec: { name: 'oauth-dash', auth: 'oauth', url: US, oauthClientId: '-client' },
    intended: { url: US, oauth: { client_id: '-client' } },
    mode: 'full',
  },
  {
    proves:
      'a client id that looks like a flag with "=" inside keeps everything after the first "="',
    spec: { name: 'oauth-ddash', auth: 'oauth', url: US, oauthClientId: '--id=x=y' },
    intended: { url: US, oauth: { client_id: '--id=x=y' } },
    mode: 'full',
  },
  {
    proves: 'a client id of just "-" is carried',
    spec: { name: 'oauth-single-dash', auth: 'oauth', url: US, oauthClientId: '-' },
    intended: { url: US, oauth: { client_id: '-' } },
    mode: 'full',
  },
  {
    proves: 'a client id with quotes, $, backticks, ! * ~ and CJK is carried exactly',
    spec: { name: 'oauth-nasty', auth: 'oauth', url: US, oauthClientId: `it's"$x\`y\`!*~漢` },
    intended: { url: US, oauth: { client_id: `it's"$x\`y\`!*~漢` } },
    mode: 'full',
  },
  {
    proves: 'an RFC 8707 resource with nasty query characters is carried by --oauth-resource',
    spec: {
      name: 'resource',
      auth: 'oauth',
      url: US,
      oauthResource: "https://127.0.0.1:9/api?aud=$x&y='q'",
    },
    intended: { url: US, oauth_resource: "https://127.0.0.1:9/api?aud=$x&y='q'" },
    mode: 'full',
  },
  {
    proves: 'bearer variable, client id and resource together are all carried by flags',
    spec: {
      name: '@acme/docs:v2.1',
      auth: 'oauth',
      url: U,
      bearerTokenEnvVar: 'TOK',
      oauthClientId: 'cid',
      oauthResource: 'https://127.0.0.1:9/',
    },
    intended: {
      url: U,
      bearer_token_env_var: 'TOK',
      oauth: { client_id: 'cid' },
      oauth_resource: 'https://127.0.0.1:9/',
    },
    mode: 'full',
  },
  // ---------------------------------------------------------------- http, partial route
  {
    proves: 'scopes have no flag on add: partial, command drops exactly scopes',
    // A quote in a scope is refused by the page (one login line serves every shell): see invalid-cases.ts.
    spec: {
      name: 'scopes',
      auth: 'oauth',
      url: US,
      scopes: ['read', 'write:all', 'user.email', '$scope', '{a}', '%self', 'é'],
    },
    intended: {
      url: US,
      scopes: ['read', 'write:all', 'user.email', '$scope', '{a}', '%self', 'é'],
    },
    mode: 'partial',
  },
  {
    proves: 'http timeouts, enabled, required and tool lists are TOML-only and exact',
    spec: {
      name: 'http-tuning',
      url: US,
      startupTimeoutSec: '60',
      toolTimeoutSec: '1.5',
      enabled: false,
      required: true,
      enabledTools: ['search', "it's"],
      disabledTools: ['$(x)'],
    },
    intended: {
      url: US,
      startup_timeout_sec: 60,
      tool_timeout_sec: 1.5,
      enabled: false,
      required: true,
      enabled_tools: ['search', "it's"],
      disabled_tools: ['$(x)'],
    },
    mode: 'partial',
  },
  {
    proves:
      'literal http_headers without header auth: partial, values with quotes/unicode/tabs exact',
    spec: {
      name: 'headers-extra',
      url: US,
      httpHeaders: [
        { name: 'X-Custom', value: `a "b" 'c' $d \`e\` \\ é 漢 😀` },
        { name: 'X-Tab', value: 'a\tb' },
        { name: 'X-Empty', value: '' },
        { name: 'X-Equals', value: '=x=' },
      ],
    },
    intended: {
      url: US,
      http_headers: {
        'X-Custom': `a "b" 'c' $d \`e\` \\ é 漢 😀`,
        'X-Tab': 'a\tb',
        'X-Empty': '',
        'X-Equals': '=x=',
      },
    },
    mode: 'partial',
  },
  {
    proves: 'env_http_headers without header auth: partial, header name -> variable name (trimmed)',
    spec: {
      name: 'env-headers',
      auth: 'bearer',
      url: US,
      bearerTokenEnvVar: 'TOK',
      envHttpHeaders: [{ name: 'X-Tenant', value: ' TENANT_ID ' }],
    },
    intended: {
      url: US,
      bearer_token_env_var: 'TOK',
      env_http_headers: { 'X-Tenant': 'TENANT_ID' },
    },
    mode: 'partial',
  },
  {
    proves: 'header names using every RFC 9110 token character are valid TOML keys on the route',
    spec: {
      name: 'header-token',
      url: US,
      httpHeaders: [{ name: "X-!#$%&'*+.^_`|~", value: 'v' }],
    },
    intended: { url: US, http_headers: { "X-!#$%&'*+.^_`|~": 'v' } },
    mode: 'partial',
  },
  // ---------------------------------------------------------------- http, TOML-only routes
  {
    proves: 'header auth with a literal Authorization header offers no command',
    spec: {
      name: 'hdr-auth',
      auth: 'headers',
      url: US,
      httpHeaders: [{ name: 'Authorization', value: 'Bearer abc def' }],
    },
    intended: { url: US, http_headers: { Authorization: 'Bearer abc def' } },
    mode: 'toml-only',
  },
  {
    proves: 'header auth from an env var offers no command and the block is complete',
    spec: {
      name: 'hdr-env-auth',
      auth: 'headers',
      url: US,
      envHttpHeaders: [{ name: 'Authorization', value: 'ACME_AUTH' }],
    },
    intended: { url: US, env_http_headers: { Authorization: 'ACME_AUTH' } },
    mode: 'toml-only',
  },
  {
    proves: 'header auth with both header kinds and tuning keys is complete in the block',
    spec: {
      name: 'hdr.all',
      auth: 'headers',
      url: `https://127.0.0.1:9/v1?k='x'`,
      httpHeaders: [{ name: 'X-Api-Version', value: '2024-01-01' }],
      envHttpHeaders: [{ name: 'X-Api-Key', value: 'ACME_KEY' }],
      toolTimeoutSec: '90',
      disabledTools: ['rm'],
    },
    intended: {
      url: `https://127.0.0.1:9/v1?k='x'`,
      http_headers: { 'X-Api-Version': '2024-01-01' },
      env_http_headers: { 'X-Api-Key': 'ACME_KEY' },
      tool_timeout_sec: 90,
      disabled_tools: ['rm'],
    },
    mode: 'toml-only',
  },
  {
    proves: 'project-scoped OAuth server: no command, block loads from the trusted project',
    spec: {
      name: 'proj-oauth',
      scope: 'project',
      auth: 'oauth',
      url: US,
      oauthClientId: '-cid',
      scopes: ['a', 'b'],
      oauthResource: US,
    },
    intended: { url: US, oauth: { client_id: '-cid' }, scopes: ['a', 'b'], oauth_resource: US },
    mode: 'toml-only',
  },
  {
    proves: 'project-scoped bearer server with a name needing quotes is toml-only and exact',
    spec: {
      name: 'proj:bearer/x.y',
      scope: 'project',
      auth: 'bearer',
      url: U,
      bearerTokenEnvVar: 'PROJ_TOKEN',
      startupTimeoutSec: '5',
    },
    intended: { url: U, bearer_token_env_var: 'PROJ_TOKEN', startup_timeout_sec: 5 },
    mode: 'toml-only',
  },
];
