/** The config doctor: what Codex refuses, ignores, or loads with a risk, and the corrected blocks. */
import fc from 'fast-check';
import { parse, stringify } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { CODEX_NEWEST, CODEX_OLDEST } from '../../../src/lib/codex/index.ts';
import {
  convertMcpServersJson,
  diagnoseConfig,
  hasPlaceholder,
  placeholderVar,
  saneServerName,
  type DoctorReport,
} from '../../../src/lib/doctor/index.ts';
import { generate } from '../../../src/lib/generator/generate.ts';
import { samples } from '../../support/arbitraries.ts';

/** A compact view of a report: rejected as `codexPath|codexMessage`, the others as `server:key`. */
function view(r: DoctorReport) {
  return {
    loads: r.loads,
    rejected: [...r.file, ...r.servers.flatMap((s) => s.rejected)]
      .filter((f) => f.kind === 'rejected')
      .map((f) => `${f.codexPath}|${f.codexMessage ?? ''}`),
    ignored: r.servers.flatMap((s) => s.ignored.map((f) => `${s.name}:${f.key.join('.')}`)),
    risks: r.servers.flatMap((s) => s.risks.map((f) => `${s.name}:${f.key.join('.')}`)),
  };
}

const toml = (lines: string[]) => lines.join('\n') + '\n';
const US = 'https://mcp.example.com/mcp';

describe('diagnoseConfig: what Codex refuses', () => {
  it.each([
    // An inline bearer token on a remote server: Codex's own message, at the entry.
    [
      'inline bearer_token (http)',
      toml(['[mcp_servers.gh]', `url = "${US}"`, 'bearer_token = "abc"']),
      ['mcp_servers.gh|bearer_token is not supported for streamable_http'],
    ],
    // The same key on a local server names the other transport.
    [
      'inline bearer_token (stdio)',
      toml(['[mcp_servers.l]', 'command = "x"', 'bearer_token = "abc"']),
      ['mcp_servers.l|bearer_token is not supported for stdio'],
    ],
    // command wins a tie, so url is the foreign key.
    [
      'url with command',
      toml(['[mcp_servers.m]', 'command = "x"', `url = "${US}"`]),
      ['mcp_servers.m|url is not supported for stdio'],
    ],
    // Every stdio key on a remote server is listed, not just the first.
    [
      'env, args, env_vars, cwd on http',
      toml([
        '[mcp_servers.h]',
        `url = "${US}"`,
        'args = []',
        'env = {}',
        'env_vars = []',
        'cwd = "/"',
      ]),
      [
        'mcp_servers.h|args is not supported for streamable_http',
        'mcp_servers.h|env is not supported for streamable_http',
        'mcp_servers.h|env_vars is not supported for streamable_http',
        'mcp_servers.h|cwd is not supported for streamable_http',
      ],
    ],
    // Every HTTP key on a local server (findings in the order of the entry's keys).
    [
      'http keys on stdio',
      toml([
        '[mcp_servers.s]',
        'command = "x"',
        'bearer_token_env_var = "T"',
        'http_headers = { A = "b" }',
        'env_http_headers = { A = "B" }',
        'oauth_resource = "r"',
        'oauth = { client_id = "c" }',
        'auth = "oauth"',
      ]),
      [
        'mcp_servers.s|bearer_token_env_var is not supported for stdio',
        'mcp_servers.s|http_headers is not supported for stdio',
        'mcp_servers.s|env_http_headers is not supported for stdio',
        'mcp_servers.s|oauth_resource is not supported for stdio',
        'mcp_servers.s|oauth is not supported for stdio',
        'mcp_servers.s|auth is not supported for stdio',
      ],
    ],
    // Neither command nor url.
    [
      'invalid transport',
      toml(['[mcp_servers.n]', 'enabled = true']),
      ['mcp_servers.n|invalid transport'],
    ],
    // An empty table is no better.
    ['empty entry', toml(['[mcp_servers.e]']), ['mcp_servers.e|invalid transport']],
    // Type errors are reported at the key, as Codex does.
    [
      'string timeout',
      toml(['[mcp_servers.t]', 'command = "x"', 'tool_timeout_sec = "30"']),
      ['mcp_servers.t.tool_timeout_sec|'],
    ],
    // A boolean in quotes.
    [
      'quoted boolean',
      toml(['[mcp_servers.b]', 'command = "x"', 'required = "true"']),
      ['mcp_servers.b.required|'],
    ],
    // A non-string env value is reported at its own variable.
    [
      'integer env value',
      toml(['[mcp_servers.i]', 'command = "x"', 'env = { PORT = 8080 }']),
      ['mcp_servers.i.env.PORT|'],
    ],
    // Array items are reported at the array (Codex prints no index).
    [
      'integer in args',
      toml(['[mcp_servers.a]', 'command = "x"', 'args = ["a", 2]']),
      ['mcp_servers.a.args|'],
    ],
    // A negative startup timeout fails at the entry...
    [
      'negative startup timeout',
      toml(['[mcp_servers.n]', 'command = "x"', 'startup_timeout_sec = -1']),
      ['mcp_servers.n|cannot convert float seconds to Duration: value is negative'],
    ],
    // ...but a bad tool timeout fails at the key (converted while it is read).
    [
      'nan tool timeout',
      toml(['[mcp_servers.n]', 'command = "x"', 'tool_timeout_sec = nan']),
      [
        'mcp_servers.n.tool_timeout_sec|cannot convert float seconds to Duration: value is either too big or NaN',
      ],
    ],
    // Beyond 2^64 seconds.
    [
      'huge startup timeout',
      toml(['[mcp_servers.h]', 'command = "x"', 'startup_timeout_sec = 1e20']),
      ['mcp_servers.h|cannot convert float seconds to Duration: value is either too big or NaN'],
    ],
    // Unknown approval mode, deep in a sub-table.
    [
      'bad approval mode',
      toml([
        '[mcp_servers.a]',
        'command = "x"',
        '[mcp_servers.a.tools.t]',
        'approval_mode = "always"',
      ]),
      ['mcp_servers.a.tools.t.approval_mode|'],
    ],
    // OAuth secret rules.
    [
      'client secret without id',
      toml(['[mcp_servers.o]', `url = "${US}"`, 'oauth = { client_secret = "s" }']),
      ['mcp_servers.o|oauth.client_secret requires oauth.client_id'],
    ],
    // An empty secret.
    [
      'empty client secret',
      toml(['[mcp_servers.o]', `url = "${US}"`, 'oauth = { client_id = "c", client_secret = "" }']),
      ['mcp_servers.o|oauth.client_secret must not be empty'],
    ],
    // env_vars sources.
    [
      'unknown env_vars source',
      toml(['[mcp_servers.e]', 'command = "x"', 'env_vars = [{ name = "A", source = "cloud" }]']),
      ['mcp_servers.e|unsupported env_vars source `cloud`; expected `local` or `remote`'],
    ],
    // An env_vars table with an extra field matches no variant.
    [
      'malformed env_vars item',
      toml(['[mcp_servers.e]', 'command = "x"', 'env_vars = [{ name = "A", extra = 1 }]']),
      ['mcp_servers.e.env_vars|'],
    ],
    // mcp_servers itself must be a table.
    ['mcp_servers is an array', 'mcp_servers = []\n', ['mcp_servers|']],
    // A server must be a table.
    [
      'server is a string',
      toml(['[mcp_servers]', 'foo = "npx foo"']),
      ['mcp_servers.foo|invalid type'],
    ],
    // Codex prints dotted names unquoted.
    [
      'dotted name path',
      toml(['[mcp_servers."a.b"]', 'command = "x"', 'cwd = 1']),
      ['mcp_servers.a.b.cwd|'],
    ],
  ])('%s', (_, text, rejected) => {
    const r = diagnoseConfig(text);
    expect(view(r).rejected).toEqual(rejected);
    expect(r.loads).toBe(false);
    expect(r.summary).toMatch(/WHOLE file/);
  });

  it('reports TOML syntax errors with line and column, and nothing else', () => {
    const r = diagnoseConfig('# c\n[mcp_servers.a]\ncommand = "x\n');
    expect(r.parseError).toMatchObject({ line: 3, column: 13 }); // Codex reports the same spot: the end of the line
    expect(r.servers).toEqual([]);
    expect(r.loads).toBe(false);
  });

  it('treats integers beyond 64 bits as a parse error, as Codex does', () => {
    const r = diagnoseConfig(
      '[mcp_servers.a]\ncommand = "x"\nstartup_timeout_sec = 18446744073709551615\n',
    );
    expect(r.parseError).toMatchObject({ line: 3, column: 23 });
  });

  it('gives line numbers for findings', () => {
    const r = diagnoseConfig(
      toml(['# top', '', '[mcp_servers.a]', 'command = "x"', 'tool_timeout_sec = "5"']),
    );
    expect(r.servers[0]?.line).toBe(3);
    expect(r.servers[0]?.rejected[0]?.line).toBe(5);
  });
});

describe('diagnoseConfig: what Codex ignores', () => {
  it.each([
    // headers is the classic mistake; type means nothing to Codex.
    [
      'headers and type',
      toml(['[mcp_servers.a]', 'type = "http"', `url = "${US}"`, 'headers = { X = "1" }']),
      ['a:type', 'a:headers'],
      /http_headers/,
    ],
    // Keys from other clients.
    [
      'timeout, disabled, autoApprove',
      toml([
        '[mcp_servers.a]',
        'command = "x"',
        'timeout = 5',
        'disabled = true',
        'autoApprove = []',
      ]),
      ['a:timeout', 'a:disabled', 'a:autoApprove'],
      /enabled = false/,
    ],
    // A typo of a real key gets a "did you mean".
    [
      'typo',
      toml(['[mcp_servers.a]', 'command = "x"', 'startup_timout_sec = 5']),
      ['a:startup_timout_sec'],
      /Did you mean `startup_timeout_sec`/,
    ],
    // Unknown keys inside oauth.
    [
      'oauth.redirect_uri',
      toml(['[mcp_servers.a]', `url = "${US}"`, 'oauth = { client_id = "c", redirect_uri = "x" }']),
      ['a:oauth.redirect_uri'],
      /oauth.redirect_uri/,
    ],
    // scopes load on stdio, but mean nothing there.
    [
      'scopes on stdio',
      toml(['[mcp_servers.a]', 'command = "x"', 'scopes = ["r"]']),
      ['a:scopes'],
      /login/,
    ],
    // A whole table under [mcpServers].
    ['[mcpServers]', toml(['[mcpServers.a]', 'command = "x"']), ['a:'], /mcp_servers/],
  ])('%s', (_, text, ignored, message) => {
    const r = diagnoseConfig(text);
    expect(r.loads).toBe(true);
    expect(view(r).ignored).toEqual(ignored);
    expect(
      r.servers.flatMap((s) => s.ignored.map((f) => f.message)).join('\n') +
        r.file.map((f) => f.message).join('\n'),
    ).toMatch(message);
  });

  it('knows every key Codex reads (no false "ignored")', () => {
    const r = diagnoseConfig(
      toml([
        '[mcp_servers.a]',
        `url = "${US}"`,
        'bearer_token_env_var = "T"',
        'http_headers_helper = "helper"',
        'oauth_resource = "https://r"',
        'scopes = ["s"]',
        'startup_timeout_sec = 1',
        'startup_timeout_ms = 1000',
        'tool_timeout_sec = 2',
        'enabled = true',
        'required = false',
        'enabled_tools = ["a"]',
        'disabled_tools = ["b"]',
        'default_tools_approval_mode = "writes"',
        'supports_parallel_tool_calls = true',
        'tool_input_schema_max_bytes = 1000',
        'environment_id = "e"',
        'startup_readiness = "catalog"',
        'auth = "oauth"',
        'http_headers = { A = "b" }',
        'env_http_headers = { B = "C" }',
        'oauth = { client_id = "c", callback_url = "http://127.0.0.1/cb", callback_port = 5555 }',
        'tools = { t = { approval_mode = "auto", output_token_limit = 10 } }',
      ]),
    );
    expect(view(r)).toMatchObject({ loads: true, rejected: [], ignored: [] });
  });
});

describe('diagnoseConfig: risks', () => {
  it.each([
    // Credentials in literal headers.
    [
      'plaintext headers',
      toml([
        '[mcp_servers.a]',
        `url = "${US}"`,
        'http_headers = { Authorization = "Bearer abcdefghijklmnop", X-Region = "eu" }',
      ]),
      ['a:http_headers.Authorization'],
    ],
    // Secrets in env, by name or by shape.
    [
      'env secrets',
      toml([
        '[mcp_servers.a]',
        'command = "x"',
        'env = { API_KEY = "k", DATA = "sk-proj-abcdefghijklmnopqrstuvwxyz012345", TZ = "UTC" }',
      ]),
      ['a:env.API_KEY', 'a:env.DATA'],
    ],
    // Variables are never expanded, anywhere.
    [
      'placeholders',
      toml(['[mcp_servers.a]', 'command = "x"', 'args = ["$HOME/x"]', 'env = { T = "${T}" }']),
      ['a:args', 'a:env.T'],
    ],
    // Plain http to a remote host (loopback is fine).
    [
      'plain http',
      toml([
        '[mcp_servers.a]',
        'url = "http://mcp.example.com/mcp"',
        '[mcp_servers.b]',
        'url = "http://localhost:3000/mcp"',
      ]),
      ['a:url'],
    ],
    // A credential in the query string.
    ['key in URL', toml(['[mcp_servers.a]', `url = "${US}?api_key=abc"`]), ['a:url']],
    // The OAuth client secret sits in the file.
    [
      'client secret',
      toml([
        '[mcp_servers.a]',
        `url = "${US}"`,
        'oauth = { client_id = "c", client_secret = "s" }',
      ]),
      ['a:oauth.client_secret'],
    ],
    // A command with spaces never starts.
    ['command with spaces', toml(['[mcp_servers.a]', 'command = "npx -y pkg"']), ['a:command']],
    // A name codex mcp add/remove refuse (Codex still loads it).
    ['invalid name', toml(['[mcp_servers."my server"]', 'command = "x"']), ['my server:']],
    // A zero timeout.
    [
      'zero timeout',
      toml(['[mcp_servers.a]', 'command = "x"', 'startup_timeout_sec = 0']),
      ['a:startup_timeout_sec'],
    ],
    // A token pasted where a variable name goes.
    [
      'token as variable name',
      toml([
        '[mcp_servers.a]',
        `url = "${US}"`,
        'bearer_token_env_var = "sk-proj-abcdefghijklmnopqrstuvwxyz012345"',
      ]),
      ['a:bearer_token_env_var'],
    ],
    // Two credentials at once.
    [
      'bearer and Authorization',
      toml([
        '[mcp_servers.a]',
        `url = "${US}"`,
        'bearer_token_env_var = "T"',
        'env_http_headers = { Authorization = "AUTH" }',
      ]),
      ['a:bearer_token_env_var'],
    ],
    // cwd with ~.
    ['cwd with ~', toml(['[mcp_servers.a]', 'command = "x"', 'cwd = "~/srv"']), ['a:cwd']],
  ])('%s', (_, text, risks) => {
    const r = diagnoseConfig(text);
    expect(r.loads).toBe(true);
    expect(view(r).risks).toEqual(risks);
  });

  it.each([
    ['my server', CODEX_NEWEST, 'my-server'],
    ['acme.docs', CODEX_OLDEST, 'acme-docs'],
  ] as const)(
    'a name outside the rule (%s on %s): listed but never started, and how to rename',
    (name, release, fixed) => {
      // Proven by tests/conformance/runtime/guides.test.ts (badNameRequired, dottedOptional).
      const r = diagnoseConfig(toml([`[mcp_servers."${name}"]`, 'command = "x"']), { release });
      const [risk] = r.servers[0]!.risks;
      expect(risk!.message).toMatch(/`codex mcp list` shows this entry, but a session of Codex/);
      expect(risk!.message).toContain('never starts it');
      expect(risk!.message).toContain(`Invalid MCP server name '${name}'`);
      expect(risk!.message).toContain(`such as "${fixed}"`);
      // The old text said Codex loads it and only editing the file manages it: false, it never runs.
      expect(risk!.message).not.toMatch(/Codex loads this entry|only manage it/);
      expect(r.servers[0]!.corrected?.name).toBe(fixed);
    },
  );

  it('flags variables that are not exported, only when the list is given', () => {
    const text = toml([
      '[mcp_servers.a]',
      `url = "${US}"`,
      'bearer_token_env_var = "TOK"',
      'env_http_headers = { X-A = "HA", X-B = "HB" }',
      '[mcp_servers.b]',
      'command = "x"',
      'env_vars = ["PASS", "HOME"]',
    ]);
    expect(view(diagnoseConfig(text)).risks).toEqual([]);
    expect(view(diagnoseConfig(text, { exportedEnv: ['HA', 'HOME'] })).risks).toEqual([
      'a:bearer_token_env_var',
      'a:env_http_headers.X-B',
      'b:env_vars',
    ]);
  });

  it('is clean for a well-formed file, and says so', () => {
    const r = diagnoseConfig(
      toml([
        'model = "o3"',
        '[mcp_servers.a]',
        'command = "npx"',
        'args = ["-y", "pkg"]',
        '[mcp_servers.b]',
        `url = "${US}"`,
        'bearer_token_env_var = "B_TOKEN"',
        '[tui]',
        'notifications = true',
      ]),
    );
    expect(view(r)).toEqual({ loads: true, rejected: [], ignored: [], risks: [] });
    expect(r.summary).toMatch(
      /accepts the \[mcp_servers\] part of this file \(2 servers\)\. Nothing to fix there\. Some top-level keys \(`tui`\) were NOT checked/,
    );
    expect(r.summary).not.toMatch(/loads this file/);
  });

  it('says when there are no servers', () => {
    expect(diagnoseConfig('model = "o3"\n').summary).toMatch(/defines no MCP servers/);
    expect(diagnoseConfig('model = "o3"\n').summary).not.toMatch(/Codex loads/);
  });

  // Regression: "Codex 0.169.0 loads this file" was said of a file whose other keys were never
  // looked at, such as approval_policy = "auto".
  it('says which part was checked, never that Codex loads the whole file', () => {
    const r = diagnoseConfig(
      toml(['model = "o3"', '[mcp_servers.a]', 'command = "npx"', '[tui]', 'notifications = true']),
    );
    expect(r.summary).toMatch(/\[mcp_servers\] part/);
    expect(r.summary).toMatch(/Some top-level keys \(`tui`\) were NOT checked/);
    expect(r.summary).not.toMatch(/loads this file/);
    expect(r.unchecked).toEqual(['tui']);
    // The release named is the one judged by, never a version typed into the text.
    expect(r.summary).toMatch(new RegExp(`^Codex ${CODEX_NEWEST.replace(/\./g, '\\.')} accepts`));
    expect(
      diagnoseConfig('[mcp_servers.a]\ncommand = "x"\n', { release: '0.150.0' }).summary,
    ).toMatch(/^Codex 0\.150\.0 accepts .* this covers all of it\.$/);
  });
});

describe('diagnoseConfig: the top-level keys Codex checks against a list', () => {
  it('refuses approval_policy = "auto" with Codex\'s words and line, as Codex does', () => {
    const r = diagnoseConfig(
      toml(['model = "o3"', 'approval_policy = "auto"', '[mcp_servers.a]', 'command = "npx"']),
    );
    expect(r.loads).toBe(false);
    expect(r.file).toEqual([
      expect.objectContaining({
        kind: 'rejected',
        codexPath: 'approval_policy',
        line: 2,
        // Recorded from the real CLI (0.140.0 and 0.171.0); tests/conformance/doctor.test.ts re-checks it.
        codexMessage:
          'unknown variant `auto`, expected one of `untrusted`, `on-failure`, `on-request`, `granular`, `never`',
      }),
    ]);
    expect(r.summary).toMatch(/refuses to load this WHOLE file/);
    // model = "o3" is a string, as Codex reads it: judged too (top-level-types.ts).
    expect(r.unchecked).toEqual([]);
  });

  it.each([
    ['sandbox_mode = true', 'invalid type: unit variant, expected string only'],
    [
      'sandbox_mode = { a = 1 }',
      'unknown variant `a`, expected one of `read-only`, `workspace-write`, `danger-full-access`',
    ],
    ['model_verbosity = "loud"', 'unknown variant `loud`, expected one of `low`, `medium`, `high`'],
  ])('%s', (line, message) => {
    const r = diagnoseConfig(toml([line, '[mcp_servers.a]', 'command = "npx"']));
    expect(r.file.map((f) => f.codexMessage)).toEqual([message]);
  });

  it('accepts the values Codex lists, and counts those keys as checked', () => {
    const r = diagnoseConfig(
      toml([
        'approval_policy = "never"',
        'sandbox_mode = "read-only"',
        '[mcp_servers.a]',
        'command = "npx"',
      ]),
    );
    expect(r.loads).toBe(true);
    expect(r.unchecked).toEqual([]);
    expect(r.summary).toMatch(/covers all of it/);
  });
});

describe('corrected blocks come from the core', () => {
  it.each([
    // The inline token becomes a variable, headers become http_headers, the string timeout a number.
    [
      'bearer_token + headers + string timeout',
      toml([
        '[mcp_servers.github]',
        `url = "${US}"`,
        'bearer_token = "ghp_0123456789abcdefghijABCDEFGHIJ012345"',
        'headers = { X-Trace = "1" }',
        'tool_timeout_sec = "30"',
      ]),
      toml([
        '[mcp_servers.github]',
        `url = "${US}"`,
        'bearer_token_env_var = "GITHUB_TOKEN"',
        'tool_timeout_sec = 30',
        '',
        '[mcp_servers.github.http_headers]',
        'X-Trace = "1"',
      ]),
    ],
    // Authorization: Bearer ${VAR} becomes bearer_token_env_var = "VAR"; a keyed header becomes env-sourced.
    [
      'placeholder and credential headers',
      toml([
        '[mcp_servers.api]',
        `url = "${US}"`,
        'http_headers = { Authorization = "Bearer ${API_TOKEN}", X-Api-Key = "k_0123456789abcdefghij" }',
      ]),
      toml([
        '[mcp_servers.api]',
        `url = "${US}"`,
        'bearer_token_env_var = "API_TOKEN"',
        '',
        '[mcp_servers.api.env_http_headers]',
        'X-Api-Key = "API_API_KEY"',
      ]),
    ],
    // Mixed transports: command wins the tie-break by evidence; the url is dropped.
    [
      'mixed',
      toml(['[mcp_servers.m]', 'command = "npx"', 'args = ["-y", "mcp-remote"]', `url = "${US}"`]),
      toml(['[mcp_servers.m]', 'command = "npx"', 'args = [ "-y", "mcp-remote" ]']),
    ],
    // A command with spaces is split; secrets in env are passed through.
    [
      'split command + env secret',
      toml(['[mcp_servers.p]', 'command = "npx -y pkg"', 'env = { API_KEY = "abc", LEVEL = "1" }']),
      toml([
        '[mcp_servers.p]',
        'command = "npx"',
        'args = [ "-y", "pkg" ]',
        'env_vars = [ "API_KEY" ]',
        '',
        '[mcp_servers.p.env]',
        'LEVEL = "1"',
      ]),
    ],
    // A name the CLI refuses is renamed; serverUrl becomes url; zero timeout is dropped.
    [
      'rename + alias',
      toml(['[mcp_servers."my server"]', `serverUrl = "${US}"`, 'startup_timeout_sec = 0']),
      toml(['[mcp_servers.my-server]', `url = "${US}"`]),
    ],
    // startup_timeout_ms becomes seconds.
    [
      'legacy ms',
      toml(['[mcp_servers.l]', 'command = "x"', 'startup_timeout_ms = 45000']),
      toml(['[mcp_servers.l]', 'command = "x"', 'startup_timeout_sec = 45']),
    ],
  ])('%s', (_, text, expected) => {
    const r = diagnoseConfig(text);
    const block = r.servers[0]?.corrected;
    expect(block?.toml).toBe(expected);
    expect(diagnoseConfig(block?.toml ?? '').loads).toBe(true);
    expect(block?.changes.length).toBeGreaterThan(0);
  });

  it('never copies a secret into the block or the env lines', () => {
    const secret = 'ghp_0123456789abcdefghijABCDEFGHIJ012345';
    const r = diagnoseConfig(
      toml([
        '[mcp_servers.a]',
        `url = "${US}"`,
        `bearer_token = "${secret}"`,
        `http_headers = { X-Key = "${secret}" }`,
      ]),
    );
    const block = r.servers[0]?.corrected;
    expect(JSON.stringify(block)).not.toContain(secret);
    expect(block?.env?.posix).toMatch(/export A_TOKEN=paste-your-token-here/);
  });

  it('lists the keys the generator does not write', () => {
    const r = diagnoseConfig(
      toml([
        '[mcp_servers.a]',
        `url = "${US}"`,
        'default_tools_approval_mode = "prompt"',
        'oauth = { client_id = "c", client_secret = "s" }',
        '[mcp_servers.a.tools.t]',
        'approval_mode = "auto"',
      ]),
    );
    expect(r.servers[0]?.corrected?.notCarried).toEqual([
      'oauth.client_secret',
      'default_tools_approval_mode',
      'tools',
    ]);
  });

  it('explains why there is no block when nothing can be salvaged', () => {
    const r = diagnoseConfig(toml(['[mcp_servers.a]', 'enabled = true']));
    expect(r.servers[0]?.corrected).toBeNull();
    expect(r.servers[0]?.correctedProblems.join(' ')).toMatch(/command.*url/);
  });

  it("returns the generator's own block unchanged for every random valid config (seeded)", () => {
    let unchanged = 0;
    fc.assert(
      fc.property(samples, (sample) => {
        const out = generate(sample.spec).outputs;
        if (!out) return;
        const r = diagnoseConfig(out.toml);
        expect(r.loads).toBe(true);
        expect(r.servers.map((s) => s.name)).toEqual([sample.name]);
        expect(view(r).ignored).toEqual([]);
        const block = r.servers[0]?.corrected;
        expect(block, JSON.stringify(r.servers[0]?.correctedProblems)).toBeTruthy();
        expect(diagnoseConfig(block?.toml ?? '').loads).toBe(true);
        if (block && block.changes.length === 0 && block.notCarried.length === 0) {
          unchanged += 1;
          expect(
            (parse(block.toml) as { mcp_servers: Record<string, unknown> }).mcp_servers[
              sample.name
            ],
          ).toEqual(sample.intended);
        }
      }),
      { seed: 20_260_501, numRuns: 300 },
    );
    expect(unchanged).toBeGreaterThan(100);
  });
});

describe('convertMcpServersJson', () => {
  it.each([
    // Claude Desktop / Cursor.
    ['mcpServers wrapper', '{"mcpServers":{"fs":{"command":"npx","args":["-y","pkg"]}}}', ['fs']],
    // VS Code mcp.json.
    ['servers wrapper', '{"servers":{"fs":{"type":"stdio","command":"npx"}}}', ['fs']],
    // VS Code settings.json.
    ['mcp.servers', '{"mcp":{"servers":{"fs":{"command":"npx"}}}}', ['fs']],
    // The inner object alone.
    ['no wrapper', '{"fs":{"command":"npx"},"web":{"url":"https://x.example/mcp"}}', ['fs', 'web']],
    // One server without a name.
    ['single server', '{"command":"npx","args":["pkg"]}', ['server']],
    // JSONC: comments and trailing commas.
    ['jsonc', '{\n // c\n "mcpServers": { "fs": { "command": "npx", }, /* x */ },\n}', ['fs']],
  ])('%s', (_, json, names) => {
    const r = convertMcpServersJson(json);
    expect(r.parseError).toBeNull();
    expect(r.servers.map((s) => s.name)).toEqual(names);
    expect(r.loads).toBe(true);
  });

  it.each([
    // Missing comma: the position is the offending token, on every browser.
    ['missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3],
    // Unterminated string.
    ['unterminated', '{"a": "x', 1, 9],
    // Garbage after the value.
    ['trailing garbage', '{}\nx', 2, 1],
    // Empty input.
    ['empty', '', 1, 1],
  ])('parse error: %s', (_, json, line, column) => {
    const r = convertMcpServersJson(json);
    expect(r.parseError).toMatchObject({ line, column });
    expect(r.loads).toBe(false);
  });

  it('converts headers, env placeholders, sse and disabled, and reports what has no equivalent', () => {
    const r = convertMcpServersJson(
      JSON.stringify({
        mcpServers: {
          remote: {
            type: 'sse',
            url: 'https://x.example/sse',
            headers: { Authorization: 'Bearer ${env:TOK}' },
            disabled: true,
            autoApprove: ['a'],
            timeout: 60,
          },
          local: {
            command: 'node',
            args: ['server.js'],
            env: { API_KEY: '${MY_KEY}', MODE: 'dev' },
          },
        },
      }),
    );
    const [remote, local] = r.servers;
    expect(remote?.corrected?.toml).toBe(
      toml([
        '[mcp_servers.remote]',
        'url = "https://x.example/sse"',
        'bearer_token_env_var = "TOK"',
        'enabled = false',
      ]),
    );
    expect(remote?.risks.map((f) => f.key.join('.'))).toContain('type');
    expect(remote?.ignored.map((f) => f.key.join('.'))).toEqual(['autoApprove', 'timeout']);
    expect(local?.corrected?.toml).toBe(
      toml([
        '[mcp_servers.local]',
        'command = "node"',
        'args = [ "server.js" ]',
        'env_vars = [ "API_KEY" ]',
        '',
        '[mcp_servers.local.env]',
        'MODE = "dev"',
      ]),
    );
    expect(local?.corrected?.env?.posix).toMatch(/export API_KEY=value-of-MY_KEY/);
  });

  it('names keys as the JSON spells them (headers, serverUrl, disabled)', () => {
    const r = convertMcpServersJson(
      '{"mcpServers":{"s":{"serverUrl":"http://mcp.example.com/mcp","headers":{"X-API-Key":"${env:K}"},"disabled":true}}}',
    );
    const risks = r.servers[0]?.risks ?? [];
    expect(risks.map((f) => f.key.join('.'))).toEqual([
      'headers.X-API-Key',
      'serverUrl',
      'disabled',
    ]);
    expect(risks[0]?.message).toMatch(/^`headers.X-API-Key` holds/);
  });

  it('rejects servers with neither command nor url, keeping the rest', () => {
    const r = convertMcpServersJson(
      '{"mcpServers":{"ok":{"command":"x"},"bad":{"description":"?"},"odd":3}}',
    );
    expect(r.servers.map((s) => [s.name, s.corrected !== null])).toEqual([
      ['ok', true],
      ['bad', false],
      ['odd', false],
    ]);
    expect(r.loads).toBe(false);
    expect(r.summary).toMatch(/Converted 1 of 3 servers/);
  });
});

describe('helpers', () => {
  it.each([
    // Whole-value references in every syntax clients use.
    ['${A}', 'A'],
    ['${env:B_1}', 'B_1'],
    ['$C', 'C'],
    ['%D%', 'D'],
    // Not a whole-value reference.
    ['x${A}', undefined],
    ['$', undefined],
  ])('placeholderVar(%j)', (value, expected) => {
    expect(placeholderVar(value)).toBe(expected);
  });

  it('hasPlaceholder finds references inside text', () => {
    expect(hasPlaceholder('Bearer ${T}')).toBe(true);
    expect(hasPlaceholder('$HOME/x')).toBe(true);
    expect(hasPlaceholder('a$ b')).toBe(false);
  });

  it.each([
    ['my server', 'my-server'],
    ['café', 'caf'],
    ['-x', 'x'],
    ['!!!', 'server'],
  ])('saneServerName(%j) = %j', (name, expected) => {
    expect(saneServerName(name)).toBe(expected);
  });

  it('never throws on random server tables, and every corrected block loads (seeded)', () => {
    const keys = [
      'command',
      'args',
      'env',
      'env_vars',
      'cwd',
      'url',
      'bearer_token',
      'bearer_token_env_var',
      'http_headers',
      'env_http_headers',
      'headers',
      'oauth',
      'oauth_resource',
      'scopes',
      'startup_timeout_sec',
      'startup_timeout_ms',
      'tool_timeout_sec',
      'enabled',
      'required',
      'enabled_tools',
      'disabled_tools',
      'tools',
      'type',
      'serverUrl',
      'auth',
      'x',
    ];
    const leaf = fc.oneof(
      fc.constantFrom(
        'npx',
        'https://mcp.example.com/mcp',
        'http://h.example/mcp',
        '${TOKEN}',
        'Bearer sk-abcdefghijklmnopqrstuvwxyz0123',
        '',
        'a b',
        'TOKEN',
        '-1',
        '30',
      ),
      fc.string({ maxLength: 8 }),
      fc.integer({ min: -5, max: 100_000 }),
      fc.double(),
      fc.boolean(),
    );
    const value = fc.oneof(
      leaf,
      fc.array(leaf, { maxLength: 3 }),
      fc.dictionary(
        fc.constantFrom(
          'Authorization',
          'X-Api-Key',
          'API_KEY',
          'client_id',
          'client_secret',
          'A',
          'approval_mode',
        ),
        leaf,
        { maxKeys: 3 },
      ),
    );
    const server = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 6 });
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('a', 'b.c', 'my server', 'x'), server, {
          minKeys: 1,
          maxKeys: 3,
        }),
        (servers) => {
          const text = stringify({ mcp_servers: servers });
          const r = diagnoseConfig(text);
          expect(r.parseError).toBeNull();
          expect(r.file.filter((f) => f.kind === 'risk').map((f) => f.message)).toEqual([]);
          expect(r.loads).toBe(view(r).rejected.length === 0);
          for (const s of r.servers) {
            if (!s.corrected) continue;
            const again = diagnoseConfig(s.corrected.toml);
            expect(view(again).rejected, s.corrected.toml).toEqual([]);
            expect(view(again).ignored).toEqual([]);
          }
          const j = convertMcpServersJson(JSON.stringify({ mcpServers: servers }));
          expect(j.file.filter((f) => f.kind === 'risk').map((f) => f.message)).toEqual([]);
        },
      ),
      { seed: 11, numRuns: 400 },
    );
  });

  it('never throws, on any text (seeded)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.constantFrom(
            '[mcp_servers.a]\n',
            '{"mcpServers":',
            '[[mcp_servers]]\n',
            'mcp_servers.a.command = 1',
          ),
        ),
        (text) => {
          const a = diagnoseConfig(text);
          const b = convertMcpServersJson(text);
          for (const r of [a, b]) {
            expect(r.summary).not.toMatch(/doctor failed/);
            if (r.source === 'toml' && r.loads) expect(view(r).rejected).toEqual([]);
          }
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });
});
