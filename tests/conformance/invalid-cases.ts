/**
 * Invalid specs: the core must report an error on the stated field, and, where the CLI has an
 * opinion, the real CLI must reject the same thing (`codex mcp add` or loading the TOML).
 * Where the core is deliberately stricter than Codex, `codex-accepts` pins what Codex does instead,
 * so a change in Codex shows up here.
 */
import { configRefusalPattern, nameRefusal } from '../../src/lib/codex/index.ts';
import type { ServerSpec } from '../../src/lib/generator/model.ts';
import { CODEX_RELEASE, RELEASE_FACTS } from '../support/codex.ts';

export type CliEvidence =
  /** `codex ARGV` (run without a shell) exits non-zero with stderr matching. */
  | { kind: 'add-rejects'; argv: string[]; stderr: RegExp }
  /** A config.toml with `toml` makes `codex mcp get NAME --json` fail to load. */
  | { kind: 'load-rejects'; toml: string; name: string; stderr: RegExp }
  /** Codex accepts this (the core is stricter on purpose, for `why`): `codex ARGV` or loading `toml` succeeds. */
  | { kind: 'codex-accepts'; why: string; argv?: string[]; toml?: { text: string; name: string } }
  /** Nothing to ask the CLI: the rule is the page's own (explained in `why`). */
  | { kind: 'core-only'; why: string };

export interface InvalidCase {
  /** What the case proves, in one line. */
  proves: string;
  spec: Partial<ServerSpec>;
  /** The field the core must flag with an error. */
  field: string;
  cli: CliEvidence;
}

const US = 'https://127.0.0.1:9/mcp';
// The release under test's own wording (src/lib/codex/facts.ts), matched exactly.
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const badNameMessage = (name: string): RegExp =>
  new RegExp(escape(nameRefusal(name, RELEASE_FACTS.nameRule)));
const LOAD_FAIL = configRefusalPattern('get', CODEX_RELEASE);
const addName = (name: string): string[] => ['mcp', 'add', name, '--', 'run'];
const badName = (name: string, what: string): InvalidCase => ({
  proves: `a name with ${what} is rejected by the core and by codex mcp add`,
  spec: { name, transport: 'stdio', command: 'run' },
  field: 'name',
  cli: { kind: 'add-rejects', argv: addName(name), stderr: badNameMessage(name) },
});
const stdioToml = (extra: string): string => `[mcp_servers.x]\ncommand = "run"\n${extra}\n`;
const httpToml = (extra: string): string => `[mcp_servers.x]\nurl = "${US}"\n${extra}\n`;

export const INVALID_CASES: InvalidCase[] = [
  badName('my server', 'a space'),
  badName('hello!', 'a "!"'),
  badName('café', 'an accent'),
  badName('名前', 'CJK'),
  badName('srv😀', 'an emoji'),
  badName('a$b', 'a "$"'),
  badName("a'b", 'a quote'),
  badName('a\\b', 'a backslash'),
  badName('a=b', 'an "="'),
  badName('a,b', 'a comma'),
  badName('a+b', 'a "+"'),
  badName('a~b', 'a "~"'),
  badName('a*b', 'a "*"'),
  badName('a#b', 'a "#"'),
  badName('a\tb', 'a tab'),
  {
    proves: 'an empty name is rejected by the core and by codex mcp add',
    spec: { name: '', transport: 'stdio', command: 'run' },
    field: 'name',
    cli: { kind: 'add-rejects', argv: addName(''), stderr: badNameMessage('') },
  },
  {
    proves: 'a name starting with "-" is rejected: clap reads it as an option (exit 2)',
    spec: { name: '-x', transport: 'stdio', command: 'run' },
    field: 'name',
    cli: { kind: 'add-rejects', argv: addName('-x'), stderr: /unexpected argument '-x'/ },
  },
  {
    proves: 'a negative startup timeout is rejected by the core and makes Codex refuse the config',
    spec: { name: 'x', transport: 'stdio', command: 'run', startupTimeoutSec: '-1' },
    field: 'startupTimeoutSec',
    cli: {
      kind: 'load-rejects',
      name: 'x',
      toml: stdioToml('startup_timeout_sec = -1'),
      stderr: LOAD_FAIL,
    },
  },
  {
    proves: 'a negative fractional tool timeout is rejected by both',
    spec: { name: 'x', url: US, toolTimeoutSec: '-0.5' },
    field: 'toolTimeoutSec',
    cli: {
      kind: 'load-rejects',
      name: 'x',
      toml: httpToml('tool_timeout_sec = -0.5'),
      stderr: LOAD_FAIL,
    },
  },
  {
    proves: 'a timeout of 0 is rejected by the core although Codex loads it',
    spec: { name: 'x', transport: 'stdio', command: 'run', startupTimeoutSec: '0' },
    field: 'startupTimeoutSec',
    cli: {
      kind: 'codex-accepts',
      why: 'a 0 s startup timeout makes every start fail; empty means "Codex default"',
      toml: { name: 'x', text: stdioToml('startup_timeout_sec = 0') },
    },
  },
  {
    proves: 'a 0.0 tool timeout is rejected by the core although Codex loads it',
    spec: { name: 'x', url: US, toolTimeoutSec: '0.0' },
    field: 'toolTimeoutSec',
    cli: {
      kind: 'codex-accepts',
      why: 'a 0 s tool timeout fails every tool call',
      toml: { name: 'x', text: httpToml('tool_timeout_sec = 0.0') },
    },
  },
  {
    proves: 'a timeout beyond u64 seconds is rejected by both (the core caps at one day)',
    spec: {
      name: 'x',
      transport: 'stdio',
      command: 'run',
      toolTimeoutSec: '100000000000000000000',
    },
    field: 'toolTimeoutSec',
    cli: {
      kind: 'load-rejects',
      name: 'x',
      toml: stdioToml('tool_timeout_sec = 1e20'),
      stderr: LOAD_FAIL,
    },
  },
  {
    proves: 'a timeout with a unit ("30s") is rejected by the core; Codex rejects a string there',
    spec: { name: 'x', transport: 'stdio', command: 'run', startupTimeoutSec: '30s' },
    field: 'startupTimeoutSec',
    cli: {
      kind: 'load-rejects',
      name: 'x',
      toml: stdioToml('startup_timeout_sec = "30s"'),
      stderr: LOAD_FAIL,
    },
  },
  {
    proves: 'a just-over-a-day timeout is rejected by the core (Codex would take it: a typo guard)',
    spec: { name: 'x', transport: 'stdio', command: 'run', startupTimeoutSec: '86401' },
    field: 'startupTimeoutSec',
    cli: {
      kind: 'codex-accepts',
      why: 'more than a day is almost surely a typo (ms for s)',
      toml: { name: 'x', text: stdioToml('startup_timeout_sec = 86401') },
    },
  },
  {
    proves: 'stdio with a url is transport mixing: core errors, Codex refuses to load',
    spec: { name: 'x', transport: 'stdio', command: 'run', url: US },
    field: 'url',
    cli: {
      kind: 'load-rejects',
      name: 'x',
      toml: stdioToml(`url = "${US}"`),
      stderr: /url is not supported for stdio/,
    },
  },
  {
    proves: 'http with env is transport mixing: core errors, codex mcp add --url --env fails',
    spec: { name: 'x', url: US, env: [{ name: 'A', value: 'b' }] },
    field: 'env',
    cli: {
      kind: 'add-rejects',
      argv: ['mcp', 'add', 'x', '--url', US, '--env', 'A=b'],
      stderr: /command is required/,
    },
  },
  {
    proves: 'http with env in TOML is refused at load too',
    spec: { name: 'x', url: US, env: [{ name: 'A', value: 'b' }], auth: 'none' },
    field: 'env',
    cli: {
      kind: 'load-rejects',
      name: 'x',
      toml: httpToml('env = { A = "b" }'),
      stderr: /env is not supported for streamable_http/,
    },
  },
  {
    proves: 'http with a command is transport mixing',
    spec: { name: 'x', url: US, command: 'run' },
    field: 'command',
    cli: { kind: 'load-rejects', name: 'x', toml: httpToml('command = "run"'), stderr: LOAD_FAIL },
  },
  {
    proves: 'http with cwd is transport mixing',
    spec: { name: 'x', url: US, cwd: '/srv' },
    field: 'cwd',
    cli: { kind: 'load-rejects', name: 'x', toml: httpToml('cwd = "/srv"'), stderr: LOAD_FAIL },
  },
  {
    proves: 'http with env_vars is transport mixing',
    spec: { name: 'x', url: US, envVars: ['HOME'] },
    field: 'envVars',
    cli: {
      kind: 'load-rejects',
      name: 'x',
      toml: httpToml('env_vars = ["HOME"]'),
      stderr: LOAD_FAIL,
    },
  },
  {
    proves: 'stdio with a bearer variable: core errors, codex mcp add wants --url (exit 2)',
    spec: { name: 'x', transport: 'stdio', command: 'run', bearerTokenEnvVar: 'TOK' },
    field: 'bearerTokenEnvVar',
    cli: {
      kind: 'add-rejects',
      argv: ['mcp', 'add', 'x', '--bearer-token-env-var', 'TOK', '--', 'run'],
      stderr: /url/,
    },
  },
  {
    proves: 'stdio with http_headers is refused at load',
    spec: {
      name: 'x',
      transport: 'stdio',
      command: 'run',
      httpHeaders: [{ name: 'X-A', value: 'b' }],
    },
    field: 'httpHeaders',
    cli: {
      kind: 'load-rejects',
      name: 'x',
      toml: stdioToml('http_headers = { X-A = "b" }'),
      stderr: LOAD_FAIL,
    },
  },
  {
    proves: 'stdio with an OAuth client id is refused at load',
    spec: { name: 'x', transport: 'stdio', command: 'run', oauthClientId: 'cid' },
    field: 'oauthClientId',
    cli: {
      kind: 'load-rejects',
      name: 'x',
      toml: stdioToml('oauth = { client_id = "cid" }'),
      stderr: LOAD_FAIL,
    },
  },
  {
    proves: 'stdio with an OAuth resource is refused at load',
    spec: { name: 'x', transport: 'stdio', command: 'run', oauthResource: US },
    field: 'oauthResource',
    cli: {
      kind: 'load-rejects',
      name: 'x',
      toml: stdioToml(`oauth_resource = "${US}"`),
      stderr: LOAD_FAIL,
    },
  },
  {
    proves:
      'stdio with scopes is rejected by the core although Codex silently loads (and ignores) it',
    spec: { name: 'x', transport: 'stdio', command: 'run', scopes: ['read'] },
    field: 'scopes',
    cli: {
      kind: 'codex-accepts',
      why: 'scopes only matter to OAuth login, which stdio servers cannot use',
      toml: { name: 'x', text: stdioToml('scopes = ["read"]') },
    },
  },
  {
    proves: 'OAuth auth on a stdio server is an error (login only works for HTTP)',
    spec: { name: 'x', transport: 'stdio', command: 'run', auth: 'oauth' },
    field: 'auth',
    cli: {
      kind: 'core-only',
      why: 'auth is a page choice; `codex mcp login` on stdio fails at login time',
    },
  },
  {
    proves: 'bearer auth without a variable name is an error',
    spec: { name: 'x', url: US, auth: 'bearer' },
    field: 'bearerTokenEnvVar',
    cli: { kind: 'core-only', why: 'auth is a page choice' },
  },
  {
    proves: 'header auth without any header is an error',
    spec: { name: 'x', url: US, auth: 'headers' },
    field: 'httpHeaders',
    cli: { kind: 'core-only', why: 'auth is a page choice' },
  },
  {
    proves: 'an empty URL is an error',
    spec: { name: 'x', url: '' },
    field: 'url',
    cli: {
      kind: 'core-only',
      why: '`codex mcp add --url ""` is not worth probing; the TOML needs url or command',
    },
  },
  {
    proves: 'a non-http URL is an error although codex mcp add stores any string',
    spec: { name: 'x', url: 'ftp://127.0.0.1:9/mcp' },
    field: 'url',
    cli: {
      kind: 'codex-accepts',
      why: 'Codex only fails when it connects',
      toml: { name: 'x', text: '[mcp_servers.x]\nurl = "ftp://127.0.0.1:9/mcp"\n' },
    },
  },
  {
    proves: 'a URL with an inner space is an error',
    spec: { name: 'x', url: 'https://127.0.0.1:9/my mcp' },
    field: 'url',
    cli: { kind: 'core-only', why: 'the server could never be reached; percent-encode it' },
  },
  {
    proves: 'a command with a space is an error: Codex stores it as ONE program name',
    spec: { name: 'x', transport: 'stdio', command: 'npx -y pkg' },
    field: 'command',
    cli: {
      kind: 'codex-accepts',
      why: 'Codex would try to execute a program literally named "npx -y pkg"',
      argv: ['mcp', 'add', 'x', '--', 'npx -y pkg'],
    },
  },
  {
    proves: 'an empty command is an error',
    spec: { name: 'x', transport: 'stdio', command: '  ' },
    field: 'command',
    cli: { kind: 'add-rejects', argv: ['mcp', 'add', 'x'], stderr: /.+/ },
  },
  {
    proves: 'an env name starting with a digit is an error although codex mcp add --env accepts it',
    spec: { name: 'x', transport: 'stdio', command: 'run', env: [{ name: '1ABC', value: 'v' }] },
    field: 'env.0.name',
    cli: {
      kind: 'codex-accepts',
      why: 'no POSIX shell or most runtimes can read such a variable',
      argv: ['mcp', 'add', 'x', '--env', '1ABC=v', '--', 'run'],
    },
  },
  {
    proves: 'an empty env name is an error, as `codex mcp add --env =z` is',
    spec: { name: 'x', transport: 'stdio', command: 'run', env: [{ name: '', value: 'z' }] },
    field: 'env.0.name',
    cli: {
      kind: 'add-rejects',
      argv: ['mcp', 'add', 'x', '--env', '=z', '--', 'run'],
      stderr: /KEY=VALUE/,
    },
  },
  {
    proves: 'an env name containing "=" is an error: --env A=B=c would silently become A="B=c"',
    spec: { name: 'x', transport: 'stdio', command: 'run', env: [{ name: 'A=B', value: 'c' }] },
    field: 'env.0.name',
    cli: {
      kind: 'core-only',
      why: 'Codex splits --env at the first "=", so the key cannot contain one',
    },
  },
  {
    proves: 'a duplicated env name is an error (the second --env would silently win)',
    spec: {
      name: 'x',
      transport: 'stdio',
      command: 'run',
      env: [
        { name: 'A', value: '1' },
        { name: 'A', value: '2' },
      ],
    },
    field: 'env.1.name',
    cli: { kind: 'core-only', why: 'two rows for one key means one is lost' },
  },
  {
    proves: 'a pasted token instead of a variable name is an error',
    spec: { name: 'x', url: US, auth: 'bearer', bearerTokenEnvVar: 'sk-proj-AbCdEf0123456789xyz' },
    field: 'bearerTokenEnvVar',
    cli: {
      kind: 'core-only',
      why: 'Codex would look up a variable with that name and never find it (the token itself would sit in the file)',
    },
  },
  {
    proves: 'a bearer variable name with "-" is an error',
    spec: { name: 'x', url: US, auth: 'bearer', bearerTokenEnvVar: 'my-token' },
    field: 'bearerTokenEnvVar',
    cli: { kind: 'core-only', why: 'no shell can export such a variable' },
  },
  {
    proves: 'a header name with a colon or space is an error',
    spec: { name: 'x', url: US, httpHeaders: [{ name: 'X-Api Key:', value: 'v' }] },
    field: 'httpHeaders.0.name',
    cli: { kind: 'core-only', why: 'HTTP forbids it; Codex fails only when it connects' },
  },
  {
    proves: 'a header value with a newline is an error',
    spec: { name: 'x', url: US, httpHeaders: [{ name: 'X-A', value: 'a\nb' }] },
    field: 'httpHeaders.0.value',
    cli: { kind: 'core-only', why: 'HTTP forbids it; Codex fails only when it connects' },
  },
  {
    proves: 'the same header as literal and env-sourced is an error',
    spec: {
      name: 'x',
      url: US,
      httpHeaders: [{ name: 'X-Key', value: 'v' }],
      envHttpHeaders: [{ name: 'x-key', value: 'KEY' }],
    },
    field: 'envHttpHeaders',
    cli: { kind: 'core-only', why: 'the server would get two values' },
  },
  {
    proves: 'an empty tool name is an error',
    spec: { name: 'x', transport: 'stdio', command: 'run', enabledTools: ['  '] },
    field: 'enabledTools.0',
    cli: { kind: 'core-only', why: 'no tool has an empty name' },
  },
  {
    proves: 'a scope with a space is an error (codex mcp login --scopes splits on commas)',
    spec: { name: 'x', url: US, auth: 'oauth', scopes: ['read write'] },
    field: 'scopes.0',
    cli: { kind: 'core-only', why: 'one scope per entry' },
  },
  {
    proves: 'a client id with a space is an error',
    spec: { name: 'x', url: US, auth: 'oauth', oauthClientId: 'abc def' },
    field: 'oauthClientId',
    cli: { kind: 'core-only', why: 'client ids never contain spaces; it is a paste error' },
  },
  {
    proves: 'an OAuth resource that is not a URL is an error',
    spec: { name: 'x', url: US, auth: 'oauth', oauthResource: 'api' },
    field: 'oauthResource',
    cli: { kind: 'core-only', why: 'RFC 8707 resources are absolute URIs' },
  },
  {
    proves: 'a NUL in an argument is an error (no command line or file can carry it)',
    spec: { name: 'x', transport: 'stdio', command: 'run', args: ['a\u0000b'] },
    field: 'args.0',
    cli: { kind: 'core-only', why: 'argv strings are NUL-terminated' },
  },
  // Issue 9 item 2: characters that act on a terminal when a command is pasted, or hide what is copied.
  // Codex itself accepts them; the page refuses them on purpose.
  ...(
    [
      [
        'an ESC sequence (ESC[201~ ends bracketed paste)',
        { args: ['\u001b[201~x'] },
        'args.0',
        ['\u001b[201~x'],
      ],
      ['Ctrl-U (erases the line)', { args: ['a\u0015b'] }, 'args.0', ['a\u0015b']],
      ['a carriage return (submits the line)', { args: ['crlf\r\n'] }, 'args.0', ['crlf\r\n']],
      ['a tab (completion when pasted)', { args: ['\ttab'] }, 'args.0', ['\ttab']],
      [
        'SOH, DEL and BEL',
        { args: ['ok', '\u0001\u007f\u0007'] },
        'args.1',
        ['ok', '\u0001\u007f\u0007'],
      ],
      [
        'a bidi override (shown text differs from copied text)',
        { args: ['\u202Eevil'] },
        'args.0',
        ['\u202Eevil'],
      ],
      ['a zero-width space', { args: ['zero\u200Bwidth'] }, 'args.0', ['zero\u200Bwidth']],
    ] as const
  ).map(([what, spec, field, args]): InvalidCase => ({
    proves: `an argument with ${what} is refused by the page, though Codex accepts it`,
    spec: { name: 'x', transport: 'stdio', command: 'run', ...spec, args: [...spec.args] },
    field,
    cli: {
      kind: 'codex-accepts',
      why: 'pasted into a terminal, the character can run or hide commands',
      argv: ['mcp', 'add', 'x', '--', 'run', ...args],
    },
  })),
  {
    proves: 'a tab or line break in a tool name, or a tab in an env value, is refused by the page',
    spec: { name: 'x', transport: 'stdio', command: 'run', enabledTools: ['tab\tname'] },
    field: 'enabledTools.0',
    cli: {
      kind: 'codex-accepts',
      why: 'a tool name is one line of visible text',
      toml: {
        name: 'x',
        text: stdioToml('enabled_tools = ["tab\\tname", "new\\nline"]\nenv = { TAB = "a\\tb" }'),
      },
    },
  },
  {
    proves: 'a scope with a single quote is refused by the page, though Codex accepts it',
    spec: { name: 'x', url: US, auth: 'oauth', scopes: ['read', "o'brien"] },
    field: 'scopes.1',
    cli: {
      kind: 'codex-accepts',
      why: 'the login line is one text for every shell, and no rendering of a quote works in bash, fish and PowerShell alike',
      toml: { name: 'x', text: httpToml(`scopes = ["read", "o'brien"]`) },
    },
  },
  {
    proves: 'an invalid pass-through variable name is an error',
    spec: { name: 'x', transport: 'stdio', command: 'run', envVars: ['MY-VAR'] },
    field: 'envVars.0',
    cli: { kind: 'core-only', why: 'no shell can export such a variable' },
  },
];
