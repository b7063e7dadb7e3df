/**
 * Realistic pastes into the generator form (issue 20), each with the entry the person plainly
 * meant or the field that refuses it and the words of its message. paste-corpus.test.ts runs every
 * case through the form's reading and the generator, as the page does. One line of comment per case.
 */
import type { FormState } from '../../../src/lib/input/provider.ts';
import type { HttpEntry, SharedEntry, StdioEntry } from '../../../src/lib/generator/model.ts';

/** Which provider and sign-in method, with the form's usual values already filled in (a host, a URL). */
export type Base = 'omni' | 'cinatra' | 'remote' | 'oauth' | 'local' | 'nekt';

/** What a paste must give: these keys of the entry exactly (absent keys written as undefined), or a refusal at a form field. */
export type Want =
  | {
      entry: Partial<
        Record<keyof HttpEntry | keyof StdioEntry | keyof SharedEntry | 'name', unknown>
      >;
    }
  | { refused: string; message: RegExp };

/** One paste: the form fields as pasted (params and headers merged into the base's). */
export interface Paste {
  base: Base;
  set: Partial<Omit<FormState, 'params' | 'headers'>> & {
    params?: Record<string, string>;
    headers?: Record<string, string>;
  };
  want: Want;
}

const UUID = '3f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const OMNI = 'https://acme.omniapp.co/mcp/https';
const CINATRA = 'https://cinatra.acme.dev/api/mcp';
const EVERYTHING = '@modelcontextprotocol/server-everything';
const FS = '@modelcontextprotocol/server-filesystem';
const host = (p: string): Paste['set'] => ({ params: { instance: p } });
const url = (p: string): Paste['set'] => ({ params: { url: p } });

export const CORPUS: Paste[] = [
  // Omni host given as a full URL.
  { base: 'omni', set: host('https://acme.omniapp.co'), want: { entry: { url: OMNI } } },
  // Omni host with a trailing slash (issue 20: gave https://https://acme.omniapp.co//mcp/https).
  { base: 'omni', set: host('https://acme.omniapp.co/'), want: { entry: { url: OMNI } } },
  // Omni host without scheme but with a trailing slash.
  { base: 'omni', set: host('acme.omniapp.co/'), want: { entry: { url: OMNI } } },
  // The whole Omni MCP address pasted into the host field.
  { base: 'omni', set: host(OMNI), want: { entry: { url: OMNI } } },
  // The whole Omni MCP address with a trailing slash.
  { base: 'omni', set: host(`${OMNI}/`), want: { entry: { url: OMNI } } },
  // The Omni MCP address with a query string.
  { base: 'omni', set: host(`${OMNI}?ref=docs`), want: { entry: { url: OMNI } } },
  // Another page of the Omni instance, copied from the address bar.
  {
    base: 'omni',
    set: host('https://acme.omniapp.co/dashboards/abc123?tab=1'),
    want: { entry: { url: OMNI } },
  },
  // Surrounding spaces.
  { base: 'omni', set: host('  acme.omniapp.co  '), want: { entry: { url: OMNI } } },
  // A BOM and a CRLF from a file.
  { base: 'omni', set: host('\uFEFFacme.omniapp.co\r\n'), want: { entry: { url: OMNI } } },
  // A tab before the host.
  { base: 'omni', set: host('\tacme.omniapp.co'), want: { entry: { url: OMNI } } },
  // The scheme pasted twice.
  {
    base: 'omni',
    set: host('https://https://acme.omniapp.co//mcp/https'),
    want: { entry: { url: OMNI } },
  },
  // http:// pasted: the provider's address is https.
  { base: 'omni', set: host('http://acme.omniapp.co/'), want: { entry: { url: OMNI } } },
  // A port is kept.
  {
    base: 'omni',
    set: host('https://acme.omniapp.co:8443/'),
    want: { entry: { url: 'https://acme.omniapp.co:8443/mcp/https' } },
  },
  // Another MCP path on the same host: refused, not guessed.
  {
    base: 'omni',
    set: host('https://acme.omniapp.co/api/mcp'),
    want: {
      refused: 'params.instance',
      message: /ends in \/api\/mcp, but Omni is reached at https:\/\/acme\.omniapp\.co\/mcp\/https/,
    },
  },
  // Lookalike typed with %3F: no URL parser reads it as one host.
  {
    base: 'omni',
    set: host('evil.com%3F.omniapp.co'),
    want: {
      refused: 'params.instance',
      message: /holds "%", so it does not name the host it shows/,
    },
  },
  // The same once a link decodes %3F to "?": Codex would connect to evil.com (issue 20).
  {
    base: 'omni',
    set: host('evil.com?.omniapp.co'),
    want: { refused: 'params.instance', message: /holds "\?".*Codex would connect to evil\.com/ },
  },
  // Lookalike with "#".
  {
    base: 'omni',
    set: host('evil.com#.omniapp.co'),
    want: { refused: 'params.instance', message: /holds "#".*Codex would connect to evil\.com/ },
  },
  // Lookalike with a backslash.
  {
    base: 'omni',
    set: host('evil.com\\.omniapp.co'),
    want: { refused: 'params.instance', message: /holds "\\".*Codex would connect to evil\.com/ },
  },
  // Lookalike with "?@".
  {
    base: 'omni',
    set: host('evil.com?@acme.omniapp.co'),
    want: { refused: 'params.instance', message: /Codex would connect to evil\.com/ },
  },
  // Lookalike with "\@".
  {
    base: 'omni',
    set: host('evil.com\\@acme.omniapp.co'),
    want: { refused: 'params.instance', message: /Codex would connect to evil\.com/ },
  },
  // User info: the real host is after the "@".
  {
    base: 'omni',
    set: host('acme.omniapp.co@evil.com'),
    want: { refused: 'params.instance', message: /Codex would connect to evil\.com/ },
  },
  // A scheme that is not http(s).
  {
    base: 'omni',
    set: host('ftp://acme.omniapp.co'),
    want: { refused: 'params.instance', message: /starts with ftp:\/\// },
  },
  // A space inside the host.
  {
    base: 'omni',
    set: host('acme omniapp.co'),
    want: { refused: 'params.instance', message: /holds a space/ },
  },
  // A Cyrillic "а" in the host: Codex would use its punycode form.
  {
    base: 'omni',
    set: host('\u0430cme.omniapp.co'),
    want: { refused: 'params.instance', message: /read by Codex as the host xn--/ },
  },
  // Cinatra: the MCP Server URL from the connector page (issue 20: gave …/api/mcp/api/mcp).
  { base: 'cinatra', set: host(CINATRA), want: { entry: { url: CINATRA } } },
  // Cinatra: the MCP URL with a trailing slash.
  { base: 'cinatra', set: host(`${CINATRA}/`), want: { entry: { url: CINATRA } } },
  // Cinatra: the bare host.
  { base: 'cinatra', set: host('cinatra.acme.dev'), want: { entry: { url: CINATRA } } },
  // Cinatra: the instance's home page.
  { base: 'cinatra', set: host('https://cinatra.acme.dev/'), want: { entry: { url: CINATRA } } },
  // Cinatra: the MCP URL with a query.
  { base: 'cinatra', set: host(`${CINATRA}?x=1`), want: { entry: { url: CINATRA } } },
  // Cinatra behind a path prefix: the host alone would be wrong, so it is refused.
  {
    base: 'cinatra',
    set: host('https://acme.dev/cinatra/api/mcp'),
    want: { refused: 'params.instance', message: /ends in \/cinatra\/api\/mcp/ },
  },
  // Cinatra: another page of a self-hosted instance is not guessed at.
  {
    base: 'cinatra',
    set: host('https://cinatra.acme.dev/settings/connectors'),
    want: { refused: 'params.instance', message: /ends in \/settings\/connectors/ },
  },
  // Any server: an address without a scheme.
  {
    base: 'remote',
    set: url('mcp.acme.dev/mcp'),
    want: { entry: { url: 'https://mcp.acme.dev/mcp' } },
  },
  // Any server: surrounding blanks and a line break.
  {
    base: 'remote',
    set: url('  https://mcp.acme.dev/mcp\n'),
    want: { entry: { url: 'https://mcp.acme.dev/mcp' } },
  },
  // Any server: "\@" makes the text suggest evil.com; the real host is named.
  {
    base: 'remote',
    set: url('https://mcp.acme.dev\\@evil.com/mcp'),
    want: { refused: 'params.url', message: /Codex would connect to mcp\.acme\.dev/ },
  },
  // Any server: "?@" hides the real host, evil.com.
  {
    base: 'remote',
    set: url('https://evil.com?@mcp.acme.dev/mcp'),
    want: { refused: 'params.url', message: /Codex would connect to evil\.com/ },
  },
  // A README command line: replaces the preset arguments (issue 20: 5 arguments, the note said 3).
  {
    base: 'local',
    set: { command: `npx -y ${FS} /srv/docs` },
    want: { entry: { command: 'npx', args: ['-y', FS, '/srv/docs'] } },
  },
  // A uvx command line.
  {
    base: 'local',
    set: { command: 'uvx mcp-server-git --repository /srv/repo' },
    want: { entry: { command: 'uvx', args: ['mcp-server-git', '--repository', '/srv/repo'] } },
  },
  // A whole codex mcp add line: the part after "--".
  {
    base: 'local',
    set: { command: `codex mcp add fs -- npx -y ${FS} /srv` },
    want: { entry: { command: 'npx', args: ['-y', FS, '/srv'] } },
  },
  // A whole claude mcp add line: the part after "--", never claude itself.
  {
    base: 'local',
    set: { command: `claude mcp add fs -- npx -y ${FS} /srv` },
    want: { entry: { command: 'npx', args: ['-y', FS, '/srv'] } },
  },
  // claude mcp add with -e: the server's command, and the note says where the variable goes.
  {
    base: 'local',
    set: {
      command:
        'claude mcp add github -e GITHUB_TOKEN=abc -- docker run -i --rm ghcr.io/github/github-mcp-server',
    },
    want: {
      entry: {
        command: 'docker',
        args: ['run', '-i', '--rm', 'ghcr.io/github/github-mcp-server'],
        env: undefined,
      },
    },
  },
  // A remote codex mcp add line has no program: refused at Command.
  {
    base: 'local',
    set: { command: 'codex mcp add docs --url https://mcp.acme.dev/mcp' },
    want: { refused: 'command', message: /no program after "--"/ },
  },
  // A shell variable in a command line: refused, never guessed.
  {
    base: 'local',
    set: { command: 'npx -y server --key $API_KEY' },
    want: { refused: 'command', message: /the shell variable "\$API_KEY"/ },
  },
  // A docker command line from a README.
  {
    base: 'local',
    set: {
      command:
        'docker run -i --rm -e GITHUB_PERSONAL_ACCESS_TOKEN ghcr.io/github/github-mcp-server',
    },
    want: {
      entry: {
        command: 'docker',
        args: [
          'run',
          '-i',
          '--rm',
          '-e',
          'GITHUB_PERSONAL_ACCESS_TOKEN',
          'ghcr.io/github/github-mcp-server',
        ],
      },
    },
  },
  // Tabs between the words.
  {
    base: 'local',
    set: { command: `npx\t-y\t${EVERYTHING}` },
    want: { entry: { command: 'npx', args: ['-y', EVERYTHING] } },
  },
  // A python -m command line.
  {
    base: 'local',
    set: { command: 'python -m mcp_server_time --local-timezone=Europe/Paris' },
    want: {
      entry: {
        command: 'python',
        args: ['-m', 'mcp_server_time', '--local-timezone=Europe/Paris'],
      },
    },
  },
  // A command line with a CRLF at its end.
  {
    base: 'local',
    set: { command: `npx -y ${EVERYTHING}\r\n` },
    want: { entry: { command: 'npx', args: ['-y', EVERYTHING] } },
  },
  // An environment setting before the program: refused with where it goes.
  {
    base: 'local',
    set: { command: 'FOO=bar npx server' },
    want: { refused: 'command', message: /"FOO=\.\.\." before the program/ },
  },
  // Arguments the reader typed follow the pasted line's (they are not the preset).
  {
    base: 'local',
    set: { command: 'npx -y mcp-remote', args: 'https://mcp.acme.dev/sse' },
    want: { entry: { command: 'npx', args: ['-y', 'mcp-remote', 'https://mcp.acme.dev/sse'] } },
  },
  // An export line in the variable-name field.
  {
    base: 'omni',
    set: { envVar: 'export OMNI_API_KEY=sk-abc' },
    want: { entry: { bearer_token_env_var: 'OMNI_API_KEY' } },
  },
  // $NAME in the variable-name field.
  {
    base: 'omni',
    set: { envVar: '$OMNI_KEY' },
    want: { entry: { bearer_token_env_var: 'OMNI_KEY' } },
  },
  // ${NAME} in the variable-name field.
  {
    base: 'omni',
    set: { envVar: '${OMNI_KEY}' },
    want: { entry: { bearer_token_env_var: 'OMNI_KEY' } },
  },
  // %NAME% (Windows) in the variable-name field.
  {
    base: 'omni',
    set: { envVar: '%OMNI_KEY%' },
    want: { entry: { bearer_token_env_var: 'OMNI_KEY' } },
  },
  // $env:NAME (PowerShell) in the variable-name field.
  {
    base: 'nekt',
    set: { envVar: '$env:NEKT_KEY' },
    want: { entry: { bearer_token_env_var: 'NEKT_KEY' } },
  },
  // "export NAME" without a value.
  {
    base: 'nekt',
    set: { envVar: 'export NEKT_KEY' },
    want: { entry: { bearer_token_env_var: 'NEKT_KEY' } },
  },
  // NAME=value in the variable-name field.
  {
    base: 'nekt',
    set: { envVar: 'NEKT_KEY=abc' },
    want: { entry: { bearer_token_env_var: 'NEKT_KEY' } },
  },
  // A name with blanks around it.
  {
    base: 'nekt',
    set: { envVar: ' NEKT_KEY\t' },
    want: { entry: { bearer_token_env_var: 'NEKT_KEY' } },
  },
  // A dash is not allowed in a variable name.
  {
    base: 'nekt',
    set: { envVar: 'NEKT-KEY' },
    want: { refused: 'envVar', message: /is not a valid variable name/ },
  },
  // NAME="value" from a .env file: the quotes go.
  {
    base: 'local',
    set: { env: 'API_KEY="abc 123"' },
    want: { entry: { env: { API_KEY: 'abc 123' } } },
  },
  // NAME='value': the quotes go.
  { base: 'local', set: { env: "API_KEY='abc'" }, want: { entry: { env: { API_KEY: 'abc' } } } },
  // An export line in the environment field.
  {
    base: 'local',
    set: { env: 'export API_KEY=abc' },
    want: { entry: { env: { API_KEY: 'abc' } } },
  },
  // NAME=$NAME: passed through from the shell (issue 20: was written literally).
  {
    base: 'local',
    set: { env: 'GITHUB_TOKEN=$GITHUB_TOKEN' },
    want: { entry: { env: undefined, env_vars: ['GITHUB_TOKEN'] } },
  },
  // NAME=${NAME}: passed through too.
  {
    base: 'local',
    set: { env: 'GITHUB_TOKEN="${GITHUB_TOKEN}"\nLOG_LEVEL=debug' },
    want: { entry: { env: { LOG_LEVEL: 'debug' }, env_vars: ['GITHUB_TOKEN'] } },
  },
  // Another variable's value under a new name cannot be passed through: refused.
  {
    base: 'local',
    set: { env: 'GH_TOKEN=$GITHUB_TOKEN' },
    want: {
      refused: 'env',
      message: /GH_TOKEN refers to \$GITHUB_TOKEN, which Codex never expands/,
    },
  },
  // CRLF lines.
  { base: 'local', set: { env: 'A=1\r\nB=2\r\n' }, want: { entry: { env: { A: '1', B: '2' } } } },
  // A comment line from a .env file.
  { base: 'local', set: { env: '# for the server\nA=1' }, want: { entry: { env: { A: '1' } } } },
  // A BOM at the start of a pasted .env file.
  {
    base: 'local',
    set: { env: '\uFEFFLOG_LEVEL=debug' },
    want: { entry: { env: { LOG_LEVEL: 'debug' } } },
  },
  // Pass-through names separated by a space.
  {
    base: 'local',
    set: { envVars: 'GITHUB_TOKEN AWS_PROFILE' },
    want: { entry: { env_vars: ['GITHUB_TOKEN', 'AWS_PROFILE'] } },
  },
  // Pass-through names written as references.
  {
    base: 'local',
    set: { envVars: '$GITHUB_TOKEN, ${AWS_PROFILE}' },
    want: { entry: { env_vars: ['GITHUB_TOKEN', 'AWS_PROFILE'] } },
  },
  // A whole "X-MCP-Model-ID: <uuid>" line in that header's field (issue 20).
  {
    base: 'omni',
    set: { headers: { 'X-MCP-Model-ID': `X-MCP-Model-ID: ${UUID}` } },
    want: { entry: { http_headers: { 'X-MCP-Model-ID': UUID } } },
  },
  // The same header as a curl -H option.
  {
    base: 'omni',
    set: { headers: { 'X-MCP-Model-ID': `-H "X-MCP-Model-ID: ${UUID}"` } },
    want: { entry: { http_headers: { 'X-MCP-Model-ID': UUID } } },
  },
  // Surrounding spaces in a header value (issue 20: they were kept).
  {
    base: 'omni',
    set: { headers: { 'X-MCP-Topic-Name': '  Sales  ' } },
    want: { entry: { http_headers: { 'X-MCP-Topic-Name': 'Sales' } } },
  },
  // The header line in lower case, without a space.
  {
    base: 'omni',
    set: { headers: { 'X-MCP-Model-ID': `x-mcp-model-id:${UUID}` } },
    want: { entry: { http_headers: { 'X-MCP-Model-ID': UUID } } },
  },
  // A curl -H option in the static headers.
  {
    base: 'remote',
    set: { httpHeaders: "-H 'X-Team: data'" },
    want: { entry: { http_headers: { 'X-Team': 'data' } } },
  },
  // A curl --header option in the static headers.
  {
    base: 'remote',
    set: { httpHeaders: '--header "X-Team: data"' },
    want: { entry: { http_headers: { 'X-Team': 'data' } } },
  },
  // A JSON line in the static headers.
  {
    base: 'remote',
    set: { httpHeaders: '"X-Team": "data",' },
    want: { entry: { http_headers: { 'X-Team': 'data' } } },
  },
  // Two CRLF header lines.
  {
    base: 'remote',
    set: { httpHeaders: 'X-Team: data\r\nX-Trace: on\r\n' },
    want: { entry: { http_headers: { 'X-Team': 'data', 'X-Trace': 'on' } } },
  },
  // A TOML line is not guessed at.
  {
    base: 'remote',
    set: { httpHeaders: 'X-Team=data' },
    want: { refused: 'httpHeaders', message: /a "Name=value" \(or TOML\) line: use a colon/ },
  },
  // $VAR as the variable of an env-sourced header.
  {
    base: 'remote',
    set: { envHeaders: 'X-Api-Key: $ACME_KEY' },
    want: { entry: { env_http_headers: { 'X-Api-Key': 'ACME_KEY' } } },
  },
  // ${VAR} as the variable of an env-sourced header.
  {
    base: 'remote',
    set: { envHeaders: 'X-Api-Key: ${ACME_KEY}' },
    want: { entry: { env_http_headers: { 'X-Api-Key': 'ACME_KEY' } } },
  },
  // Two lines in Allowed tools (issue 20: one tool name).
  {
    base: 'nekt',
    set: { enabledTools: 'search\nfetch' },
    want: { entry: { enabled_tools: ['search', 'fetch'] } },
  },
  // Two lines flattened to a space by a one-line input.
  {
    base: 'nekt',
    set: { enabledTools: 'search fetch' },
    want: { entry: { enabled_tools: ['search', 'fetch'] } },
  },
  // Comma-separated tools.
  {
    base: 'nekt',
    set: { enabledTools: 'search, fetch' },
    want: { entry: { enabled_tools: ['search', 'fetch'] } },
  },
  // A TOML/JSON array of tools.
  {
    base: 'nekt',
    set: { enabledTools: '["search", "fetch"]' },
    want: { entry: { enabled_tools: ['search', 'fetch'] } },
  },
  // CRLF tool lines.
  {
    base: 'nekt',
    set: { enabledTools: 'search\r\nfetch\r\n' },
    want: { entry: { enabled_tools: ['search', 'fetch'] } },
  },
  // A blocked tool with a tab and a space around it.
  {
    base: 'nekt',
    set: { disabledTools: '\tdelete_all ' },
    want: { entry: { disabled_tools: ['delete_all'] } },
  },
  // "30s" in a timeout.
  { base: 'nekt', set: { startupTimeoutSec: '30s' }, want: { entry: { startup_timeout_sec: 30 } } },
  // "2 minutes" in a timeout.
  {
    base: 'nekt',
    set: { toolTimeoutSec: '2 minutes' },
    want: { entry: { tool_timeout_sec: 120 } },
  },
  // Blanks around a timeout.
  {
    base: 'nekt',
    set: { startupTimeoutSec: ' 45 ' },
    want: { entry: { startup_timeout_sec: 45 } },
  },
  // A timeout in another language's words: refused.
  {
    base: 'nekt',
    set: { startupTimeoutSec: '30 Sekunden' },
    want: { refused: 'startupTimeoutSec', message: /must be a number of seconds/ },
  },
  // Space-separated OAuth scopes, as RFC 6749 writes them.
  { base: 'oauth', set: { scopes: 'read write' }, want: { entry: { scopes: ['read', 'write'] } } },
  // A server name with blanks around it.
  { base: 'nekt', set: { name: '  docs ' }, want: { entry: { name: 'docs' } } },
];
