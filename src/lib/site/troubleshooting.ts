/**
 * The troubleshooting page's entries: for each message the runtime suites recorded from the real CLI
 * (tests/conformance/recorded/messages-*.json), what it means, the fix, and a link that applies it.
 * The quoted text is never written here: entries name a recorded message by `source:id`, and
 * `resolveTrouble` looks the text up, so a message that disappears from the record fails the build
 * and tests/unit/troubleshooting.test.ts. Text in backticks is shown as code.
 */
import { CHANGES } from '../codex/changes.ts';
import { DEFAULT_STARTUP_TIMEOUT_SEC } from '../codex/defaults.ts';

/** The shape of one messages-*.json record file. */
export interface MessageRecord {
  codexVersion: string;
  messages: Record<string, { command: string; text: string }>;
}

/** One hand-written entry: the recorded message(s) it explains, by `source:id` (the first is the headline). */
export interface TroubleEntry {
  anchor: string;
  group: TroubleGroup;
  title: string;
  messages: string[];
  meaning: string;
  fix: string;
  link?: { href: string; label: string };
}

/** The page's sections, in order. */
export type TroubleGroup = 'config' | 'servers' | 'startup' | 'oauth' | 'profiles';

/** Each section's h2 on the page (the MDX writes the same words; the contents list matches on them). */
export const TROUBLE_GROUPS: Record<TroubleGroup, string> = {
  config: 'The config file is refused',
  servers: 'Adding, removing and starting servers',
  startup: 'A server does not start',
  oauth: 'OAuth sign-in',
  profiles: 'Profiles',
};

/** Where the interactive `codex` keeps its startup warnings (proven by tests/conformance/runtime/troubleshoot-tui.test.ts). */
const HIDDEN = CHANGES.tuiStartupWarningsHidden;
const LIST = CHANGES.tuiWarningsList;

const DOCTOR = { href: '/tools/config-doctor/', label: 'Check the file in the config doctor' };
const CUSTOM = '/guides/custom/#v=1';

/** Every entry, in page order within its group. */
export const TROUBLE_ENTRIES: readonly TroubleEntry[] = [
  {
    anchor: 'config-not-loaded',
    group: 'config',
    title: 'Codex cannot load config.toml',
    messages: ['cli:broken.list', 'cli:broken.remove', 'cli:broken.exec', 'cli:broken.doctor'],
    meaning:
      '`codex mcp list`, `get`, `add` and `login` print the first line, `codex mcp remove` the second, `codex exec` the third, followed by the reason (the entries below). Nothing starts until the file loads; `codex doctor` still runs and reports it.',
    fix: 'Read the reason under "Caused by" (or after the colon), fix that table, then run the command again.',
    link: DOCTOR,
  },
  {
    anchor: 'env-on-remote',
    group: 'config',
    title: 'env on a remote server',
    messages: ['cli:broken.reason'],
    meaning: 'A table with a `url` also has `env`, which only local (stdio) servers take.',
    fix: 'Send values to a remote server as headers: `bearer_token_env_var` for a bearer token, `env_http_headers` for other headers read from variables.',
    link: { href: `${CUSTOM}&mode=remote`, label: 'Generate a remote entry with headers' },
  },
  {
    anchor: 'inline-bearer-token',
    group: 'config',
    title: 'bearer_token written into the file',
    messages: ['cli:inline.bearer'],
    meaning: 'The table holds the token itself under `bearer_token`. Codex refuses that key.',
    fix: 'Replace it with `bearer_token_env_var = "NAME"` and export NAME in the shell that starts Codex.',
    link: { href: `${CUSTOM}&mode=token`, label: 'Generate the bearer-token entry' },
  },
  {
    anchor: 'mixed-transports',
    group: 'config',
    title: 'Both command and url in one table',
    messages: [
      'troubleshoot:transport.mixed',
      'troubleshoot:transport.mixedExec',
      'troubleshoot:transport.where',
    ],
    meaning:
      'The table has a `command` (a local server) and a `url` (a remote one). Codex reads it as local and refuses the `url`; the line after it names the table.',
    fix: 'Keep one of the two. To use both, write two tables with two names.',
    link: { href: `${CUSTOM}&mode=local`, label: 'Generate a local entry' },
  },
  {
    anchor: 'invalid-transport',
    group: 'config',
    title: 'A table with neither command nor url',
    messages: ['troubleshoot:transport.none', 'troubleshoot:transport.where'],
    meaning:
      'The named table has no `command` and no `url`. A `-c mcp_servers.NAME.KEY=VALUE` override whose NAME is not in the file creates such a table, and fails the same way.',
    fix: 'Add the `url` or `command`, or correct the server name in the `-c` override.',
    link: DOCTOR,
  },
  {
    anchor: 'duplicate-table',
    group: 'config',
    title: 'The same table twice',
    messages: ['troubleshoot:toml.duplicate', 'troubleshoot:toml.where'],
    meaning:
      'The file has two `[mcp_servers.NAME]` tables with the same name (often one pasted under an older one). TOML allows a table once; the line and column point at the second.',
    fix: "Keep one table. The doctor's merge preview replaces a table of the same name instead of adding a second one.",
    link: DOCTOR,
  },
  {
    anchor: 'windows-path',
    group: 'config',
    title: 'A Windows path in double quotes',
    messages: ['troubleshoot:toml.unicode', 'troubleshoot:toml.escape', 'troubleshoot:toml.where'],
    meaning:
      'In a double-quoted TOML string a backslash starts an escape: `"C:\\Users\\…"` reads `\\U` as the start of a unicode escape (first message), `"C:\\tools\\server.exe"` fails at `\\s` (second message).',
    fix: "Write the path in single quotes, `'C:\\tools\\server.exe'`, which Codex reads byte for byte, or double every backslash.",
    link: { href: `${CUSTOM}&mode=local`, label: 'Generate a local entry' },
  },
  {
    anchor: 'unrecognized-settings',
    group: 'config',
    title: 'Unrecognized settings are ignored',
    messages: ['cli:unknown.warning', 'cli:unknown.key'],
    meaning:
      'A session found a key this Codex does not know (a typo, a key from another client, or one from a newer release) and goes on without it. `codex mcp list` and `get` say nothing.',
    fix: 'Rename or remove the key named on the second line.',
    link: DOCTOR,
  },
  {
    anchor: 'strict-config',
    group: 'config',
    title: 'Unknown keys under --strict-config',
    messages: ['cli:unknown.strict', 'troubleshoot:strict.mcp'],
    meaning:
      'With `--strict-config` a session refuses unknown keys instead of ignoring them. `codex mcp` does not take the flag at all.',
    fix: 'Remove or rename the key; run `codex mcp` commands without `--strict-config`.',
    link: DOCTOR,
  },
  {
    anchor: 'env-with-url',
    group: 'servers',
    title: 'codex mcp add --env with --url',
    messages: ['cli:add.envWithUrl'],
    meaning: '`--env` belongs to local servers, so `add` asks for a command.',
    fix: 'For a remote server, leave out `--env`; headers have no `add` flag, so write them in the TOML block.',
    link: { href: `${CUSTOM}&mode=remote`, label: 'Generate a remote entry' },
  },
  {
    anchor: 'invalid-server-name',
    group: 'servers',
    title: 'Invalid server name',
    messages: ['cli:name.add'],
    meaning:
      '`add` and `remove` accept only letters, numbers and the listed characters. A table with such a name in config.toml is listed by `codex mcp list`, but a session never starts it, and says nothing.',
    fix: 'Rename the server, for example with `-` instead of spaces.',
    link: { href: `${CUSTOM}&mode=remote`, label: 'The generator checks names as you type' },
  },
  {
    anchor: 'no-server-named',
    group: 'servers',
    title: 'No MCP server named …',
    messages: ['cli:name.login', 'cli:remove.missing'],
    meaning:
      'No table of that name is in the config Codex loaded. `login` fails; `remove` prints the second line and still succeeds.',
    fix: 'Run `codex mcp list` for the names Codex sees (with the same `CODEX_HOME`).',
  },
  {
    anchor: 'login-stdio',
    group: 'servers',
    title: 'OAuth login on a local server',
    messages: ['cli:login.stdio'],
    meaning: 'The server has a `command`: Codex signs in only to remote servers.',
    fix: 'Pass a local server its credentials through `env` or `env_vars` instead.',
    link: { href: `${CUSTOM}&mode=local`, label: 'Generate a local entry' },
  },
  {
    anchor: 'unset-bearer-variable',
    group: 'servers',
    title: 'A variable is not set',
    messages: ['cli:doctor.bearer', 'cli:doctor.header'],
    meaning:
      'The variable named by `bearer_token_env_var` is unset or empty: a session never contacts that server and prints nothing about it. An unset `env_http_headers` variable: the header is left out. Only `codex doctor` says so.',
    fix: 'Export the variable in the shell that starts Codex, then start Codex again.',
  },
  {
    anchor: 'startup-timeout',
    group: 'servers',
    title: 'A required server did not start in time',
    messages: ['cli:startup.required'],
    meaning:
      'The server has `required = true` and did not answer the handshake within `startup_timeout_sec` (' +
      DEFAULT_STARTUP_TIMEOUT_SEC +
      ' s by default), so `codex exec` stops. A server that is not required does not hold up `codex exec`.',
    fix: 'Raise `startup_timeout_sec` (first runs through `npx` or `uvx` download the package), or drop `required`.',
    link: {
      href: `${CUSTOM}&mode=local&startup=60`,
      label: 'Generate a local entry with a 60 s startup timeout',
    },
  },
  {
    anchor: 'mcp-client-command-not-found',
    group: 'startup',
    title: 'MCP client failed to start: No such file or directory',
    messages: ['tui:tui.missing'],
    meaning:
      'The interactive `codex` could not run the `command` of server `x`: it is not installed, or not on the PATH Codex sees. The session goes on without that server. `codex exec` prints nothing about it.',
    fix: 'Install the command, or write its absolute path in `command`.',
    link: { href: `${CUSTOM}&mode=local`, label: 'Generate a local entry' },
  },
  {
    anchor: 'mcp-client-handshake-failed',
    group: 'startup',
    title: 'MCP client failed to start: handshaking with MCP server failed',
    messages: ['tui:tui.exits'],
    meaning:
      'The command of server `x` started but ended (or closed its output) before it answered the MCP handshake: it crashed, stopped on an error of its own, or is not an MCP server. What follows "handshaking with MCP server failed:" varies from one run to the next.',
    fix: 'Run the `command` with its `args` yourself in a terminal and read what it prints; it should wait for input instead of exiting. Pass the variables it needs in `env` or `env_vars`.',
    link: { href: `${CUSTOM}&mode=local`, label: 'Generate a local entry' },
  },
  {
    anchor: 'mcp-client-timed-out',
    group: 'startup',
    title: 'MCP client timed out',
    messages: ['tui:tui.timeout'],
    meaning:
      'Server `x` did not answer the handshake within `startup_timeout_sec` (the seconds are in the message; ' +
      DEFAULT_STARTUP_TIMEOUT_SEC +
      ' s by default). The session goes on without it. A first run through `npx` or `uvx` downloads the package first.',
    fix: "Raise `startup_timeout_sec` in that server's table, or run the command once by hand so the download is done.",
    link: {
      href: `${CUSTOM}&mode=local&startup=60`,
      label: 'Generate a local entry with a 60 s startup timeout',
    },
  },
  {
    anchor: 'mcp-startup-incomplete',
    group: 'startup',
    title: 'MCP startup incomplete',
    messages: ['tui:tui.incomplete', 'tui:tui.incompleteMany'],
    meaning:
      'The interactive `codex` prints this after the lines of the servers that did not start, naming them all. The session goes on with the others. ' +
      `Where these lines are depends on the release. From ${LIST.since}: behind "N warnings · f2 to view" at the bottom of the screen (press F2, then the left and right arrows; Esc closes). ` +
      `${HIDDEN.since} to ${LIST.lastWithout}: behind "N startup issues (1 MCP) · ctrl + t for details" (press Ctrl+T; q closes). Before ${HIDDEN.since}: in the transcript, as the session starts.`,
    fix: 'Read the line above it for each server named (the entries before this one), and fix that server; or turn it off with `enabled = false` in its table.',
  },
  {
    anchor: 'required-server-missing',
    group: 'startup',
    title: 'A required server whose command is not installed',
    messages: ['startup:startup.requiredMissing', 'tui:tui.required'],
    meaning:
      'The table has `required = true` and its `command` is not on the PATH Codex sees, so `codex exec` (first line) and the interactive `codex` (second line) stop. Without `required`, `codex exec` goes on without that server and prints nothing (also when the command exits at once or does not answer within `startup_timeout_sec`); the interactive `codex` prints the lines above.',
    fix: 'Install the command, or write its absolute path in `command`.',
    link: { href: `${CUSTOM}&mode=local`, label: 'Generate a local entry' },
  },
  {
    anchor: 'http-401',
    group: 'startup',
    title: 'HTTP 401 from a remote server',
    messages: ['startup:http.401', 'tui:tui.http401'],
    meaning:
      "The server refused the request as unauthenticated and did not point to OAuth metadata. `codex exec` logs the first line, the interactive `codex` shows the second; the session goes on without that server's tools.",
    fix: 'Send the credential the server expects: `bearer_token_env_var` (and export that variable) or a header from `env_http_headers`. For an OAuth server, run `codex mcp login NAME`.',
    link: { href: `${CUSTOM}&mode=token`, label: 'Generate the bearer-token entry' },
  },
  {
    anchor: 'http-403',
    group: 'startup',
    title: 'HTTP 403 from a remote server',
    messages: ['startup:http.403', 'tui:tui.http403'],
    meaning:
      'The server read the credential and refused it: a token without the needed scope or plan, or one for another workspace. `codex exec` logs the first line, the interactive `codex` shows the second; the session goes on without that server.',
    fix: 'Create a token with the access the server documents, export it again, and start a new session.',
  },
  {
    anchor: 'http-404',
    group: 'startup',
    title: 'HTTP 404 from a remote server',
    messages: ['startup:http.404', 'tui:tui.http404'],
    meaning:
      'Nothing answers MCP at that `url`: a wrong path (often a missing `/mcp`) or host. `codex exec` logs the first line, the interactive `codex` shows the second.',
    fix: "Copy the MCP endpoint from the provider's documentation into `url`; the provider guides here have it.",
  },
  {
    anchor: 'http-5xx',
    group: 'startup',
    title: 'HTTP 500 (or another 5xx) from a remote server',
    messages: ['startup:http.500', 'tui:tui.http500'],
    meaning:
      'The server failed on its side. `codex exec` tried again and logged the first line each time, then went on without that server; the interactive `codex` shows the second line.',
    fix: "Check the provider's status page and try again later; the config is not the cause.",
  },
  {
    anchor: 'wrong-content-type',
    group: 'startup',
    title: 'A web page instead of MCP (wrong content type)',
    messages: ['startup:http.contentType', 'tui:tui.contentType'],
    meaning:
      'The `url` answered with an HTML page (or another type that is neither JSON nor an event stream): a sign-in page, a proxy, or a site address instead of its MCP endpoint. `codex exec` logs the first line, the interactive `codex` shows the second.',
    fix: 'Point `url` at the MCP endpoint itself; behind a company proxy, ask for the endpoint to be allowed.',
  },
  {
    anchor: 'tls-failure',
    group: 'startup',
    title: 'The HTTPS connection failed',
    messages: ['startup:http.tls', 'tui:tui.tls'],
    meaning:
      'Codex could not complete the request to the `url`: here an `https://` URL to a port that speaks plain HTTP. `codex exec` tried again and logged the first line each time, then went on without that server; the interactive `codex` shows the second line.',
    fix: 'Use the scheme the server speaks (`http://` for a local server without TLS); for a company certificate, trust its CA in the system store.',
  },
  {
    anchor: 'oauth-not-logged-in',
    group: 'oauth',
    title: 'A server that wants OAuth, before you log in',
    messages: ['troubleshoot:session.authRequired', 'troubleshoot:list.notLoggedIn'],
    meaning:
      'The server answered 401 and Codex holds no token for it. A session logs the first line and goes on without that server\'s tools; `codex mcp list` shows "Not logged in" in the Auth column.',
    fix: 'Run `codex mcp login NAME`, then start the session again.',
  },
  {
    anchor: 'oauth-not-supported',
    group: 'oauth',
    title: 'codex mcp login on a server without OAuth',
    messages: ['troubleshoot:oauth.notOAuth'],
    meaning:
      'The server publishes no OAuth metadata. `login` still tries to register at `/register` on the server\'s origin, and the reply is not a registration; what follows "analyze response error" depends on that reply. (`codex mcp add --url` on such a server just writes the table.)',
    fix: 'Use the sign-in the server documents instead: usually a token in a variable (`bearer_token_env_var`) or headers.',
    link: { href: `${CUSTOM}&mode=token`, label: 'Generate the bearer-token entry' },
  },
  {
    anchor: 'oauth-no-registration',
    group: 'oauth',
    title: 'No dynamic client registration',
    messages: ['troubleshoot:oauth.noRegistration'],
    meaning:
      "The server's authorization server offers no registration endpoint, so Codex cannot register itself. `codex mcp add` prints the same line, after it has written the table.",
    fix: 'Register a client with the provider and give Codex its ID: `codex mcp add NAME --url URL --oauth-client-id ID`, or `oauth.client_id` in the table.',
    link: { href: `${CUSTOM}&mode=oauth`, label: 'Generate an OAuth entry with a client ID' },
  },
  {
    anchor: 'oauth-invalid-client',
    group: 'oauth',
    title: 'The token endpoint refused the client',
    messages: ['troubleshoot:oauth.callback', 'troubleshoot:oauth.invalidClient'],
    meaning:
      "The sign-in reached Codex, but the provider refused to exchange the code for a token. `invalid_client` means it did not accept the client (its ID or secret); the provider's own description follows.",
    fix: 'Check `oauth.client_id` and `oauth.client_secret` against the client registered with the provider, then run `codex mcp login NAME` again.',
  },
  {
    anchor: 'oauth-scopes',
    group: 'oauth',
    title: 'The provider rejected the scopes',
    messages: ['troubleshoot:oauth.scopeRetry', 'troubleshoot:oauth.providerError'],
    meaning:
      "The provider sent the browser back with `invalid_scope` instead of a code. Codex asks once more, then stops with the provider's error code.",
    fix: 'Ask for scopes the provider allows: `codex mcp login NAME --scopes a,b` for one login, or `scopes = ["a", "b"]` in the table.',
    link: { href: `${CUSTOM}&mode=oauth`, label: 'Generate an OAuth entry with scopes' },
  },
  {
    anchor: 'oauth-keyring',
    group: 'oauth',
    title: 'No keyring to store the token',
    messages: ['troubleshoot:oauth.keyring', 'troubleshoot:oauth.keyringCause'],
    meaning:
      'With `mcp_oauth_credentials_store = "keyring"` Codex must keep the token in the system keyring, and the machine has none (no Secret Service or D-Bus session, as the second line says). The sign-in itself succeeded.',
    fix: 'Set `mcp_oauth_credentials_store = "file"` at the top of config.toml (tokens go to a file next to it, never into config.toml), then log in again.',
  },
  {
    anchor: 'profile-mcp-servers-ignored',
    group: 'profiles',
    title: 'mcp_servers inside [profiles.NAME]',
    messages: ['troubleshoot:profile.ignored'],
    meaning:
      'Servers under `[profiles.NAME.mcp_servers.…]` in config.toml are not read: the session warns and never starts them.',
    fix: 'Move them into `NAME.config.toml` next to config.toml (see Profiles and -c below).',
  },
  {
    anchor: 'profile-legacy',
    group: 'profiles',
    title: '--profile with a legacy [profiles.NAME] table',
    messages: ['troubleshoot:profile.legacy'],
    meaning:
      'This Codex reads a profile from its own file; `-p NAME` refuses to run while config.toml still has a `[profiles.NAME]` table.',
    fix: 'Move the settings into `NAME.config.toml` in the same folder and delete the table.',
  },
];

/** An entry with its recorded lines looked up. `missing` lists references the record no longer has. */
export interface ResolvedTrouble extends TroubleEntry {
  lines: { key: string; command: string; text: string }[];
  missing: string[];
}

/** Looks up every entry's messages in the records (keyed by source: `cli`, `oauth`, `troubleshoot`, `startup`, `tui`). */
export function resolveTrouble(
  records: Record<string, MessageRecord>,
  entries: readonly TroubleEntry[] = TROUBLE_ENTRIES,
): ResolvedTrouble[] {
  return entries.map((e) => {
    const lines: ResolvedTrouble['lines'] = [];
    const missing: string[] = [];
    for (const key of e.messages) {
      const [source = '', id = ''] = key.split(':');
      const m = records[source]?.messages[id];
      if (m) lines.push({ key, ...m });
      else missing.push(key);
    }
    return { ...e, lines, missing };
  });
}

/** Splits text on backticks into plain and code parts, for rendering. */
export function codeParts(text: string): { code: boolean; text: string }[] {
  return text.split('`').map((part, i) => ({ code: i % 2 === 1, text: part }));
}
