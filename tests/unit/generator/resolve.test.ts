import { describe, expect, it } from 'vitest';
import { emptySpec, type Diagnostic, type ServerSpec } from '../../../src/lib/generator/model.ts';
import { resolveSpec, serverName } from '../../../src/lib/generator/resolve.ts';

/** A valid remote server; each case overrides what it is about. */
const http = (o: Partial<ServerSpec> = {}): ServerSpec => ({
  ...emptySpec(),
  name: 'docs',
  url: 'https://mcp.example.com/mcp',
  ...o,
});
/** A valid local server. */
const stdio = (o: Partial<ServerSpec> = {}): ServerSpec => ({
  ...emptySpec(),
  name: 'fs',
  transport: 'stdio',
  command: 'npx',
  ...o,
});

type Want = [severity: Diagnostic['severity'], field: string, message: RegExp];

function expectDiagnostics(spec: ServerSpec, wanted: Want[]): void {
  const { entry, diagnostics } = resolveSpec(spec);
  for (const [severity, field, message] of wanted) {
    const hit = diagnostics.find(
      (d) => d.severity === severity && d.field === field && message.test(d.message),
    );
    expect(
      hit,
      `${severity} on ${field} matching ${message} in ${JSON.stringify(diagnostics, null, 1)}`,
    ).toBeDefined();
  }
  // The entry exists exactly when no error remains.
  expect(entry === null).toBe(diagnostics.some((d) => d.severity === 'error'));
}

describe('resolveSpec: valid specs become exactly these entries', () => {
  it.each([
    {
      // The smallest remote entry: just the url; defaults are omitted.
      spec: http(),
      entry: { url: 'https://mcp.example.com/mcp' },
    },
    {
      // Surrounding whitespace in name, url and variable names is trimmed.
      spec: http({
        name: ' docs ',
        url: '  https://mcp.example.com/mcp\n',
        bearerTokenEnvVar: ' DOCS_TOKEN ',
        auth: 'bearer',
      }),
      entry: { url: 'https://mcp.example.com/mcp', bearer_token_env_var: 'DOCS_TOKEN' },
    },
    {
      // Header names are trimmed, literal values kept verbatim, env-header variable names trimmed.
      spec: http({
        auth: 'headers',
        httpHeaders: [{ name: ' X-Model ', value: ' gpt 1 ' }],
        envHttpHeaders: [{ name: 'Authorization', value: ' DOCS_AUTH ' }],
      }),
      entry: {
        url: 'https://mcp.example.com/mcp',
        http_headers: { 'X-Model': ' gpt 1 ' },
        env_http_headers: { Authorization: 'DOCS_AUTH' },
      },
    },
    {
      // OAuth: scopes (trimmed), client id and resource in Codex's key names.
      spec: http({
        auth: 'oauth',
        scopes: [' read ', 'write'],
        oauthClientId: ' cid-1 ',
        oauthResource: 'https://mcp.example.com',
      }),
      entry: {
        url: 'https://mcp.example.com/mcp',
        scopes: ['read', 'write'],
        oauth_resource: 'https://mcp.example.com',
        oauth: { client_id: 'cid-1' },
      },
    },
    {
      // Every stdio key; args are kept verbatim (including empty and space-padded ones).
      spec: stdio({
        args: ['-y', '', ' padded '],
        env: [{ name: 'API_KEY', value: ' v a l ' }],
        envVars: ['HOME', ' PATH '],
        cwd: ' /srv/app ',
      }),
      entry: {
        command: 'npx',
        args: ['-y', '', ' padded '],
        env: { API_KEY: ' v a l ' },
        env_vars: ['HOME', 'PATH'],
        cwd: '/srv/app',
      },
    },
    {
      // Shared keys: timeouts as numbers, enabled only when false, required only when true, tool lists.
      spec: http({
        startupTimeoutSec: '60',
        toolTimeoutSec: '2.5',
        enabled: false,
        enabledTools: ['a'],
        disabledTools: ['b'],
      }),
      entry: {
        url: 'https://mcp.example.com/mcp',
        startup_timeout_sec: 60,
        tool_timeout_sec: 2.5,
        enabled: false,
        enabled_tools: ['a'],
        disabled_tools: ['b'],
      },
    },
    {
      // required = true is written; enabled = true (the default) is not.
      spec: stdio({ required: true }),
      entry: { command: 'npx', required: true },
    },
    {
      // "__proto__" is a legal header name and env name: it stays an own key, it does not change a prototype.
      spec: stdio({ env: [{ name: '__proto__', value: 'x' }] }),
      entry: { command: 'npx', env: JSON.parse('{"__proto__":"x"}') },
    },
    {
      // Env names are case-sensitive: "a" and "A" are two variables.
      spec: stdio({
        env: [
          { name: 'a', value: '1' },
          { name: 'A', value: '2' },
        ],
      }),
      entry: { command: 'npx', env: { a: '1', A: '2' } },
    },
  ])('$entry', ({ spec, entry }) => {
    const r = resolveSpec(spec);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.entry).toStrictEqual(entry);
    expect(Object.keys(r.entry!)).toEqual(Object.keys(entry));
  });
});

describe('resolveSpec: every rule names its field', () => {
  it.each<[string, ServerSpec, Want[]]>([
    // --- server name
    ['empty name', http({ name: '' }), [['error', 'name', /required/]]],
    [
      'whitespace-only name (trimmed to empty)',
      http({ name: '   ' }),
      [['error', 'name', /required/]],
    ],
    ['name starting with "-"', http({ name: '-docs' }), [['error', 'name', /starts with "-"/]]],
    [
      'name with a space',
      http({ name: 'my docs' }),
      [['error', 'name', /characters Codex 0\.171\.0 refuses: .*for example "my-docs"/]],
    ],
    [
      'name with "#"',
      http({ name: 'a#b' }),
      [['error', 'name', /characters Codex 0\.171\.0 refuses: .*for example "a-b"/]],
    ],

    // --- URL
    ['empty url', http({ url: '' }), [['error', 'url', /required/]]],
    [
      'url without scheme',
      http({ url: 'mcp.example.com/mcp' }),
      [['error', 'url', /not a complete address/]],
    ],
    [
      'ftp url',
      http({ url: 'ftp://example.com/mcp' }),
      [['error', 'url', /must start with https/]],
    ],
    [
      'url with a space',
      http({ url: 'https://example.com/a b' }),
      [['error', 'url', /contains a space/]],
    ],
    [
      'plain http to a remote host warns, entry kept',
      http({ url: 'http://mcp.example.com/mcp' }),
      [['warning', 'url', /plain http/]],
    ],
    [
      'credentials in the url warn',
      http({ url: 'https://me:pw@mcp.example.com/mcp' }),
      [['warning', 'url', /user name or password/]],
    ],

    // --- bearer token variable
    [
      'bearer auth without a variable',
      http({ auth: 'bearer' }),
      [['error', 'bearerTokenEnvVar', /required/]],
    ],
    [
      'invalid variable name',
      http({ auth: 'bearer', bearerTokenEnvVar: 'MY-TOKEN' }),
      [['error', 'bearerTokenEnvVar', /not a valid variable name/]],
    ],
    [
      'a token pasted as the variable (fails the regex): error',
      http({ auth: 'bearer', bearerTokenEnvVar: 'sk-proj-abcdefghijklmnop1234' }),
      [['error', 'bearerTokenEnvVar', /looks like a token/]],
    ],
    // An error too, so the token never reaches config.toml as a "variable name".
    [
      'a token pasted as the variable (passes the regex): error too',
      http({ auth: 'bearer', bearerTokenEnvVar: 'ghp_abcdefghijklmnopqrstuvwxyz0123' }),
      [['error', 'bearerTokenEnvVar', /looks like a token/]],
    ],
    [
      'bearer variable plus an Authorization header warns',
      http({
        auth: 'bearer',
        bearerTokenEnvVar: 'T',
        envHttpHeaders: [{ name: 'authorization', value: 'A' }],
      }),
      [['warning', 'bearerTokenEnvVar', /two credentials/]],
    ],

    // --- headers
    [
      'invalid header name',
      http({ httpHeaders: [{ name: 'X Api', value: 'v' }] }),
      [['error', 'httpHeaders.0.name', /not a valid HTTP header name/]],
    ],
    [
      'empty header name',
      http({ httpHeaders: [{ name: '', value: 'v' }] }),
      [['error', 'httpHeaders.0.name', /empty/]],
    ],
    [
      'header value with CR LF',
      http({ httpHeaders: [{ name: 'X-A', value: 'v\r\nX-Evil: 1' }] }),
      [['error', 'httpHeaders.0.value', /U\+000D \(carriage return\)/]],
    ],
    [
      'header value with LF only',
      http({ httpHeaders: [{ name: 'X-A', value: 'v\n' }] }),
      [['error', 'httpHeaders.0.value', /line break/]],
    ],
    [
      'duplicate header names, case-insensitive',
      http({
        httpHeaders: [
          { name: 'X-A', value: '1' },
          { name: 'x-a', value: '2' },
        ],
      }),
      [['error', 'httpHeaders.1.name', /appears twice/]],
    ],
    [
      'duplicate env-header names, case-insensitive',
      http({
        envHttpHeaders: [
          { name: 'X-A', value: 'A' },
          { name: 'X-a', value: 'B' },
        ],
      }),
      [['error', 'envHttpHeaders.1.name', /appears twice/]],
    ],
    [
      'same header literal and from a variable',
      http({
        httpHeaders: [{ name: 'X-Key', value: '1' }],
        envHttpHeaders: [{ name: 'x-key', value: 'K' }],
      }),
      [['error', 'envHttpHeaders', /both as a literal and from a variable/]],
    ],
    [
      'env header pointing to an invalid variable name',
      http({ envHttpHeaders: [{ name: 'X-A', value: 'not a name' }] }),
      [['error', 'envHttpHeaders.0.value', /not a valid variable name/]],
    ],
    [
      'env header with an empty variable',
      http({ envHttpHeaders: [{ name: 'X-A', value: '' }] }),
      [['error', 'envHttpHeaders.0.value', /empty/]],
    ],
    [
      'header auth without any header',
      http({ auth: 'headers' }),
      [['error', 'httpHeaders', /at least one header/]],
    ],
    [
      'a literal credential header warns about plaintext',
      http({ httpHeaders: [{ name: 'X-Api-Key', value: 'k' }] }),
      [['warning', 'httpHeaders.0.value', /plaintext.*environment-sourced header/]],
    ],
    // The doctor warns about the same header (doctor-secrets); the generator said nothing before.
    [
      'a literal Cookie header warns at its value',
      http({
        httpHeaders: [
          { name: 'X-Model', value: 'm' },
          { name: 'Cookie', value: 'session=abc' },
        ],
      }),
      [
        [
          'warning',
          'httpHeaders.1.value',
          /^Header Cookie is written into config\.toml in plaintext.*Move it to an environment-sourced header \(env_http_headers\)/,
        ],
      ],
    ],
    [
      'a literal header holding ${VAR} warns (Codex does not expand)',
      http({ httpHeaders: [{ name: 'X-A', value: '${TOKEN}' }] }),
      [['warning', 'httpHeaders.0.value', /never expands variables/]],
    ],
    [
      'a literal "Bearer $TOKEN" warns too',
      http({ httpHeaders: [{ name: 'Authorization', value: 'Bearer $TOKEN' }] }),
      [['warning', 'httpHeaders.0.value', /never expands variables/]],
    ],
    [
      'a %VAR% in a header value is not expanded either',
      http({ httpHeaders: [{ name: 'X-A', value: '%TOKEN%' }] }),
      [['warning', 'httpHeaders.0.value', /never expands variables/]],
    ],

    // --- OAuth
    [
      'scope containing a space',
      http({ auth: 'oauth', scopes: ['read write'] }),
      [['error', 'scopes.0', /space or comma/]],
    ],
    [
      'scope containing a comma',
      http({ auth: 'oauth', scopes: ['read,write'] }),
      [['error', 'scopes.0', /space or comma/]],
    ],
    [
      'an empty scope',
      http({ auth: 'oauth', scopes: ['read', ' '] }),
      [['error', 'scopes.1', /is empty/]],
    ],
    [
      'invalid OAuth resource',
      http({ auth: 'oauth', oauthResource: 'not a url' }),
      [['error', 'oauthResource', /^OAuth resource/]],
    ],
    [
      'client id with a space',
      http({ auth: 'oauth', oauthClientId: 'abc def' }),
      [['error', 'oauthClientId', /contains spaces/]],
    ],
    [
      'OAuth settings while auth is not OAuth',
      http({ auth: 'none', scopes: ['read'] }),
      [['warning', 'auth', /not OAuth/]],
    ],
    [
      'OAuth over plain http to a remote host',
      http({ auth: 'oauth', url: 'http://mcp.example.com/mcp' }),
      [
        ['warning', 'auth', /https/],
        ['warning', 'url', /plain http/],
      ],
    ],

    // --- timeouts
    [
      'startup timeout 0',
      http({ startupTimeoutSec: '0' }),
      [['error', 'startupTimeoutSec', /greater than 0/]],
    ],
    [
      'startup timeout -1',
      http({ startupTimeoutSec: '-1' }),
      [['error', 'startupTimeoutSec', /number of seconds/]],
    ],
    [
      'tool timeout 1e3',
      http({ toolTimeoutSec: '1e3' }),
      [['error', 'toolTimeoutSec', /number of seconds/]],
    ],
    [
      'tool timeout abc',
      http({ toolTimeoutSec: 'abc' }),
      [['error', 'toolTimeoutSec', /number of seconds/]],
    ],
    [
      'tool timeout over a day',
      http({ toolTimeoutSec: '86401' }),
      [['error', 'toolTimeoutSec', /more than a day/]],
    ],

    // --- enabled / required / tools
    [
      'disabled and required',
      http({ enabled: false, required: true }),
      [['warning', 'required', /no effect/]],
    ],
    [
      'a tool both allowed and blocked',
      http({ enabledTools: ['search', 'fetch'], disabledTools: ['fetch'] }),
      [['warning', 'disabledTools', /fetch/]],
    ],
    ['an empty allowed tool', http({ enabledTools: [''] }), [['error', 'enabledTools.0', /empty/]]],
    [
      'a blocked tool with NUL',
      http({ disabledTools: ['a\u0000'] }),
      [['error', 'disabledTools.0', /NUL/]],
    ],

    // --- stdio
    ['empty command', stdio({ command: '' }), [['error', 'command', /required/]]],
    [
      'command with a space (program and arguments in one field)',
      stdio({ command: 'npx -y pkg' }),
      [['error', 'command', /contains a space/]],
    ],
    ['command with NUL', stdio({ command: 'np\u0000x' }), [['error', 'command', /NUL/]]],
    ['argument with NUL', stdio({ args: ['ok', 'b\u0000d'] }), [['error', 'args.1', /NUL/]]],
    [
      'invalid env name',
      stdio({ env: [{ name: '1X', value: 'v' }] }),
      [['error', 'env.0.name', /not a valid variable name/]],
    ],
    [
      'duplicate env name',
      stdio({
        env: [
          { name: 'X', value: '1' },
          { name: 'X', value: '2' },
        ],
      }),
      [['error', 'env.1.name', /appears twice/]],
    ],
    [
      'env value with NUL',
      stdio({ env: [{ name: 'X', value: 'a\u0000' }] }),
      [['error', 'env.0.value', /NUL/]],
    ],
    [
      'invalid pass-through variable',
      stdio({ envVars: ['MY-VAR'] }),
      [['error', 'envVars.0', /not a valid variable name/]],
    ],
    ['empty pass-through variable', stdio({ envVars: [''] }), [['error', 'envVars.0', /empty/]]],
    ['cwd starting with "~"', stdio({ cwd: '~/project' }), [['warning', 'cwd', /does not expand/]]],
    ['relative cwd', stdio({ cwd: 'project' }), [['warning', 'cwd', /relative/]]],
    ['cwd with NUL', stdio({ cwd: '/a\u0000' }), [['error', 'cwd', /NUL/]]],

    // --- mixed transports
    [
      'http with a command',
      http({ command: 'npx' }),
      [['error', 'command', /only for local \(stdio\)/]],
    ],
    ['http with args', http({ args: ['x'] }), [['error', 'args', /only for local/]]],
    [
      'http with env',
      http({ env: [{ name: 'A', value: '1' }] }),
      [['error', 'env', /only for local/]],
    ],
    ['http with env_vars', http({ envVars: ['A'] }), [['error', 'envVars', /only for local/]]],
    ['http with cwd', http({ cwd: '/x' }), [['error', 'cwd', /only for local/]]],
    [
      'stdio with a url',
      stdio({ url: 'https://x.example/mcp' }),
      [['error', 'url', /only for remote \(HTTP\)/]],
    ],
    [
      'stdio with a bearer variable',
      stdio({ bearerTokenEnvVar: 'T' }),
      [['error', 'bearerTokenEnvVar', /only for remote/]],
    ],
    [
      'stdio with headers',
      stdio({ httpHeaders: [{ name: 'X', value: '1' }] }),
      [['error', 'httpHeaders', /only for remote/]],
    ],
    [
      'stdio with env headers',
      stdio({ envHttpHeaders: [{ name: 'X', value: 'A' }] }),
      [['error', 'envHttpHeaders', /only for remote/]],
    ],
    [
      'stdio with a client id',
      stdio({ oauthClientId: 'c' }),
      [['error', 'oauthClientId', /only for remote/]],
    ],
    [
      'stdio with an OAuth resource',
      stdio({ oauthResource: 'https://x.example' }),
      [['error', 'oauthResource', /only for remote/]],
    ],
    ['stdio with scopes', stdio({ scopes: ['a'] }), [['error', 'scopes', /only for remote/]]],
    ['stdio with OAuth auth', stdio({ auth: 'oauth' }), [['error', 'auth', /choose "none"/]]],
    ['stdio with bearer auth', stdio({ auth: 'bearer' }), [['error', 'auth', /choose "none"/]]],
    ['stdio with header auth', stdio({ auth: 'headers' }), [['error', 'auth', /choose "none"/]]],

    // --- env-var lines
    [
      'env line with an invalid name',
      http({ envVarLines: [{ name: 'MY-TOKEN', value: '', placeholder: 'x' }] }),
      [['error', 'envVarLines.0.name', /not a valid variable name/]],
    ],
    [
      'env line value with NUL',
      http({ envVarLines: [{ name: 'T', value: 'a\u0000', placeholder: '' }] }),
      [['error', 'envVarLines.0.value', /NUL/]],
    ],
    [
      'derived Basic line with an invalid source variable',
      http({
        envVarLines: [
          {
            name: 'AUTH',
            value: '',
            placeholder: '',
            basicAuthFrom: { userVar: 'U-1', secretVar: 'S' },
          },
        ],
      }),
      [['error', 'envVarLines.0.name', /User variable/]],
    ],
  ])('%s', (_label, spec, wanted) => {
    expectDiagnostics(spec, wanted);
  });

  it.each<[string, ServerSpec]>([
    // http to localhost, 127.0.0.1 and [::1] never warns.
    ['localhost', http({ url: 'http://localhost:8080/mcp' })],
    ['127.0.0.1', http({ url: 'http://127.0.0.1:8080/mcp' })],
    ['[::1]', http({ url: 'http://[::1]:8080/mcp' })],
    // OAuth to a local http server: no https warning either.
    ['oauth on localhost', http({ auth: 'oauth', url: 'http://localhost:8080/mcp' })],
    // Absolute cwd forms: POSIX, Windows drive, UNC.
    ['posix cwd', stdio({ cwd: '/srv/app' })],
    ['windows cwd', stdio({ cwd: 'C:\\srv\\app' })],
    ['unc cwd', stdio({ cwd: '\\\\server\\share' })],
    // Empty timeouts use Codex's defaults silently.
    ['empty timeouts', http({ startupTimeoutSec: '', toolTimeoutSec: ' ' })],
  ])('no diagnostics at all: %s', (_label, spec) => {
    const r = resolveSpec(spec);
    expect(r.diagnostics).toEqual([]);
    expect(r.entry).not.toBeNull();
  });
});

describe('resolveSpec: a credential in a field that is not for secrets gets a message there, saying where it belongs', () => {
  it.each([
    // Issue 12: a lowercase hex token with "_" pasted into a variable-name field (Nekt's) is an error at that field.
    [
      'hex token as the bearer variable',
      http({ auth: 'bearer', bearerTokenEnvVar: 'a3f9c2_8b7e1d4f6a0c9b2e5d8f1a3c' }),
      [
        'error',
        'bearerTokenEnvVar',
        /looks like a token, not a variable name.*enter only the variable's name/,
      ],
    ],
    [
      'token as an env-header variable',
      http({ envHttpHeaders: [{ name: 'X-Key', value: 'a3f9c2_8b7e1d4f6a0c9b2e5d8f1a3c' }] }),
      ['error', 'envHttpHeaders.0.value', /looks like a token/],
    ],
    [
      'token as a pass-through variable',
      stdio({ envVars: ['a3f9c2_8b7e1d4f6a0c9b2e5d8f1a3c'] }),
      ['error', 'envVars.0', /looks like a token/],
    ],
    // Arguments: the value after a credential flag, and an assignment, each at its own line.
    [
      '--access-token <token> in the arguments',
      stdio({ args: ['-y', 'server', '--access-token', 'abc123def'] }),
      [
        'warning',
        'args.3',
        /Argument #4 looks like a credential: it follows the credential option --access-token.*Environment for the server/,
      ],
    ],
    [
      '--api-key=VALUE in one argument',
      stdio({ args: ['--api-key=abc123def'] }),
      ['warning', 'args.0', /--api-key/],
    ],
    // URLs: a credential query parameter (user info already has its own warning).
    [
      '?api_key= in the URL',
      http({ url: 'https://mcp.example.com/mcp?api_key=abc123' }),
      [
        'warning',
        'url',
        /URL carries a credential: it sets the credential parameter api_key.*header from an environment variable/,
      ],
    ],
    [
      'a token in the OAuth resource',
      http({ auth: 'oauth', oauthResource: 'https://mcp.example.com/?token=abc123' }),
      ['warning', 'oauthResource', /OAuth resource carries a credential/],
    ],
    // Other plain fields.
    [
      'a token as the server name',
      http({ name: 'ghp_1234567890abcdefghij' }),
      ['warning', 'name', /Server name looks like a credential/],
    ],
    [
      'a token as the command',
      stdio({ command: 'ghp_1234567890abcdefghij' }),
      ['warning', 'command', /Command is the program only/],
    ],
    [
      'a token as the working directory',
      stdio({ cwd: '/srv/ghp_1234567890abcdefghij' }),
      ['warning', 'cwd', /Working directory looks like a credential/],
    ],
    [
      'a token as an allowed tool',
      http({ enabledTools: ['search', 'sk-proj-abcdefghijklmnop'] }),
      ['warning', 'enabledTools.1', /Allowed tool #2 looks like a credential/],
    ],
    [
      'a token as a scope',
      http({ auth: 'oauth', scopes: ['xoxb-1234-5678-abcdef'] }),
      ['warning', 'scopes.0', /Scope #1 looks like a credential/],
    ],
    [
      'a token as the OAuth client ID',
      http({ auth: 'oauth', oauthClientId: 'sk-proj-abcdefghijklmnop' }),
      ['warning', 'oauthClientId', /client secret or token does not go in this field/],
    ],
    [
      'a token as a header name',
      http({ envHttpHeaders: [{ name: 'ghp_1234567890abcdefghij', value: 'X' }] }),
      ['warning', 'envHttpHeaders.0.name', /Enter the header's name/],
    ],
    [
      'a token in a setting header',
      http({ httpHeaders: [{ name: 'X-MCP-Model-ID', value: 'ghp_1234567890abcdefghij' }] }),
      ['warning', 'httpHeaders.0', /Header X-MCP-Model-ID looks like a credential.*plaintext/],
    ],
  ] as const)('%s', (_label, spec, want) => {
    expectDiagnostics(spec, [want as unknown as Want]);
  });

  it.each([
    // Names, packages, flags with variables or files, and ordinary URLs stay quiet.
    [
      'package arguments',
      stdio({ args: ['-y', '@modelcontextprotocol/server-filesystem', '/srv/data'] }),
    ],
    ['a token flag reading a file', stdio({ args: ['--token-file', '/etc/token'] })],
    [
      'a variable that names a token',
      http({ auth: 'bearer', bearerTokenEnvVar: 'GITHUB_PAT_TOKEN' }),
    ],
    ['a URL with digits', http({ url: 'https://mcp.example.com/v1/projects/12345/mcp?page=2' })],
  ])('no credential message: %s', (_label, spec) => {
    expect(resolveSpec(spec).diagnostics).toEqual([]);
  });
});

describe('resolveSpec: refused characters in every field (issue 9 item 2)', () => {
  // Each field with an ESC planted in it: the error sits on the field path the island maps (fieldOf)
  // and names the field and the character.
  const ESC = '\u001b[201~';
  const cases: [field: string, spec: ServerSpec, label: string][] = [
    ['name', http({ name: `docs${ESC}` }), 'Server name'],
    ['url', http({ url: `https://mcp.example.com/${ESC}` }), 'URL'],
    [
      'bearerTokenEnvVar',
      http({ auth: 'bearer', bearerTokenEnvVar: `T${ESC}` }),
      'Bearer token variable',
    ],
    ['httpHeaders.0.name', http({ httpHeaders: [{ name: `X${ESC}`, value: 'v' }] }), 'Header name'],
    [
      'httpHeaders.0.value',
      http({ httpHeaders: [{ name: 'X-A', value: `v${ESC}` }] }),
      'Value of header X-A',
    ],
    [
      'envHttpHeaders.0.name',
      http({ envHttpHeaders: [{ name: `X${ESC}`, value: 'V' }] }),
      'Header name',
    ],
    [
      'envHttpHeaders.0.value',
      http({ envHttpHeaders: [{ name: 'X-A', value: `V${ESC}` }] }),
      'Variable for header X-A',
    ],
    ['scopes.1', http({ auth: 'oauth', scopes: ['read', `w${ESC}`] }), 'Scope #2'],
    ['oauthClientId', http({ auth: 'oauth', oauthClientId: `id${ESC}` }), 'OAuth client ID'],
    [
      'oauthResource',
      http({ auth: 'oauth', oauthResource: `https://x.example/${ESC}` }),
      'OAuth resource',
    ],
    ['command', stdio({ command: `npx${ESC}` }), 'Command'],
    ['args.1', stdio({ args: ['-y', `x${ESC}`] }), 'Argument #2'],
    ['env.0.name', stdio({ env: [{ name: `A${ESC}`, value: '1' }] }), 'Variable name'],
    ['env.0.value', stdio({ env: [{ name: 'A', value: `1${ESC}` }] }), 'Value of A'],
    ['envVars.0', stdio({ envVars: [`A${ESC}`] }), 'Pass-through variable'],
    ['cwd', stdio({ cwd: `/srv${ESC}` }), 'Working directory'],
    ['startupTimeoutSec', http({ startupTimeoutSec: `3${ESC}` }), 'Startup timeout'],
    ['toolTimeoutSec', http({ toolTimeoutSec: `3${ESC}` }), 'Tool timeout'],
    ['enabledTools.0', http({ enabledTools: [`a${ESC}`] }), 'Allowed tool #1'],
    ['disabledTools.0', http({ disabledTools: [`a${ESC}`] }), 'Blocked tool #1'],
    [
      'envVarLines.0.name',
      http({ envVarLines: [{ name: `T${ESC}`, value: 'v', placeholder: '' }] }),
      'Variable name',
    ],
    [
      'envVarLines.0.value',
      http({ envVarLines: [{ name: 'T', value: `v${ESC}`, placeholder: '' }] }),
      'Value of T',
    ],
    [
      'envVarLines.0.value',
      http({ envVarLines: [{ name: 'T', value: '', placeholder: `p${ESC}` }] }),
      'Placeholder of T',
    ],
  ];

  it.each(cases)('%s: %s', (field, spec, label) => {
    const errors = resolveSpec(spec).diagnostics.filter((d) => d.severity === 'error');
    const hit = errors.find((d) => d.field === field);
    expect(hit?.message, JSON.stringify(errors)).toMatch(
      new RegExp(
        `^${label.replace(/[#]/g, '\\$&')} contains U\\+001B \\(escape\\) at position \\d+, .*: remove it\\.$`,
      ),
    );
  });

  it.each([
    // A bidi override and a zero-width space are refused like controls.
    ['\u202e', 'U+202E (right-to-left override)'],
    ['\u200b', 'U+200B (zero-width space)'],
    // Ctrl-U and CR, from the hostile link in the issue.
    ['\u0015', 'U+0015 (Ctrl-U)'],
    ['\r', 'U+000D (carriage return)'],
    // Issue 20: default-ignorable characters that used to pass.
    ['\u{E0041}', 'U+E0041 (tag character)'],
    ['\ufe0f', 'U+FE0F (variation selector)'],
    ['\u3164', 'U+3164 (Hangul filler)'],
    ['\u206a', 'U+206A (deprecated formatting character)'],
  ])('an argument holding %j is refused, naming %s', (c, named) => {
    expectDiagnostics(stdio({ args: [`touch${c}x`] }), [
      ['error', 'args.0', new RegExp(`^Argument #1 contains ${named.replace(/[+()]/g, '\\$&')}`)],
    ]);
  });

  it('issue 20: server-everything followed by a tag character is refused at the argument', () => {
    // It looked like the real package on the page and copied as a different one.
    expectDiagnostics(
      stdio({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything\u{E0041}'] }),
      [
        [
          'error',
          'args.1',
          /^Argument #2 contains U\+E0041 \(tag character\) at position 40, an invisible character that makes the text shown differ from the text copied: remove it\.$/,
        ],
      ],
    );
  });

  it.each<[string, ServerSpec]>([
    // A line feed is kept where a value may span lines: arguments, env values, exported values...
    ['argument', stdio({ args: ['line1\nline2'] })],
    ['env value', stdio({ env: [{ name: 'PEM', value: '-----BEGIN-----\nabc\n-----END-----' }] })],
    ['exported value', http({ envVarLines: [{ name: 'PEM', value: 'a\nb', placeholder: '' }] })],
    // ...and a tab in a header value, which only reaches the TOML file.
    ['header value with a tab', http({ httpHeaders: [{ name: 'X-A', value: 'a\tb' }] })],
  ])('allowed: %s', (_label, spec) => {
    expect(resolveSpec(spec).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each<[string, ServerSpec, string]>([
    // A line feed in one-line fields is refused.
    ['cwd', stdio({ cwd: '/a\nb' }), 'cwd'],
    ['tool', http({ enabledTools: ['a\nb'] }), 'enabledTools.0'],
    // A tab in an argument is refused: pasted without bracketed paste, it triggers completion.
    ['argument with a tab', stdio({ args: ['a\tb'] }), 'args.0'],
  ])('refused: %s', (_label, spec, field) => {
    expect(
      resolveSpec(spec).diagnostics.some((d) => d.severity === 'error' && d.field === field),
    ).toBe(true);
  });

  it.each([
    // One login block serves every shell: characters special inside single quotes in one of them are refused.
    ["it's", "'"],
    ['a\\b', '\\'],
    ['read\u2019', '\u2019'],
  ])('scope %j is refused because of %j', (scope, c) => {
    const { diagnostics } = resolveSpec(http({ auth: 'oauth', scopes: [scope] }));
    expect(diagnostics.find((d) => d.field === 'scopes.0')?.message).toContain(
      `contains ${c}, which the login command cannot carry`,
    );
  });
});

describe('serverName', () => {
  it.each([
    ['docs', 'docs'], // unchanged
    ['  a.b \n', 'a.b'], // trimmed like the entry's name
  ])('serverName(%j) === %j', (name, expected) => {
    expect(serverName({ ...emptySpec(), name })).toBe(expected);
  });
});
