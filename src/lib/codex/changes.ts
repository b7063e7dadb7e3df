/**
 * What changed for MCP between Codex releases, one entry per change, each observed by running the
 * releases on both sides of it (every minor line from 0.140.0 was run; see PROBED_RELEASES). The
 * ranges in facts.ts and keys.ts point at these entries, so each date lives in one place, and the
 * reference page "What changed for MCP between releases" is rendered from this list.
 * Every entry is re-checked on every release by tests/conformance/release-facts.test.ts
 * (`npm run test:versions`).
 * Not a change: `codex doctor`, `codex mcp list` and `codex mcp get --json`, which the verification
 * lines use, exist in every probed release (facts.ts OUTPUT_COMMANDS, proven by release-facts "commands").
 */
import { compareReleases, type Release } from './releases.ts';

/** One observed change: absent in `lastWithout`, present from `since` on. */
export interface Change {
  /** The first probed release that has it. */
  since: Release;
  /** The newest probed release that does not (patch releases in between were not run). */
  lastWithout: Release;
  /** Which part of Codex: a command, or config.toml. */
  area: string;
  /** What changed, in one or two sentences a reader can act on. */
  what: string;
  /** Proven by real sessions (tests/conformance/runtime/) rather than by release-facts.test.ts. */
  proof?: 'runtime';
}

/** Every change, by a short id that facts.ts and keys.ts refer to. */
export const CHANGES = {
  bootstrapMessage: {
    since: '0.147.0',
    lastWithout: '0.146.0',
    area: 'codex mcp get, list, login, logout',
    what:
      'A config.toml Codex refuses is reported as "failed to load bootstrap configuration" ' +
      '(before: "failed to load configuration", with an extra "FILE:1:1:" cause line).',
  },
  addLoginHint: {
    since: '0.147.0',
    lastWithout: '0.146.0',
    area: 'codex mcp add',
    what:
      '`--url …` prints "MCP server may or may not require login. Run `codex mcp login NAME` to ' +
      'login." when its check for OAuth support fails (the host cannot be reached, say), with or ' +
      'without `--oauth-client-id`; before, it printed nothing there.',
  },
  authKey: {
    since: '0.143.0',
    lastWithout: '0.142.0',
    area: 'config.toml',
    what: '`auth` is read for remote servers; before, the key was ignored.',
  },
  approvalWrites: {
    since: '0.144.0',
    lastWithout: '0.143.0',
    area: 'config.toml',
    what:
      '`default_tools_approval_mode` and `tools.TOOL.approval_mode` accept `"writes"` besides ' +
      '`"auto"`, `"prompt"` and `"approve"`; before, Codex refuses the file ' +
      '("unknown variant `writes`, expected one of `auto`, `prompt`, `approve`").',
  },
  httpHeadersHelper: {
    since: '0.148.0',
    lastWithout: '0.147.0',
    area: 'config.toml',
    what:
      '`http_headers_helper` is read; before, the key was ignored. ' +
      '`codex mcp get --json` shows it (redacted) in the transport.',
  },
  oauthClientRegistration: {
    since: '0.148.0',
    lastWithout: '0.147.0',
    area: 'codex mcp add, login',
    what: 'Both commands have a `--oauth-client-registration <AUTO|CIMD|DCR>` option.',
  },
  callbackUrl: {
    since: '0.151.0',
    lastWithout: '0.150.0',
    area: 'codex mcp add',
    what:
      '`--oauth-client-id` also writes `oauth.callback_url` (a loopback redirect URL) and prints it as ' +
      '"OAuth callback URL: …"; `oauth.callback_url` is read (before, ignored).',
  },
  nameRule: {
    since: '0.152.0',
    lastWithout: '0.151.0',
    area: 'codex mcp add, codex exec',
    what:
      'Server names may contain ".", "/", "@" and ":" besides letters, digits, "-" and "_". ' +
      "Older releases refuse such a name in `codex mcp add` (\"invalid server name 'a.b' (use letters, numbers, '-', '_')\") " +
      'and never start a config.toml entry with it: the entry loads, its tools are missing, and with ' +
      '`required = true` the session stops ("Invalid MCP server name \'a.b\': must match pattern ^[a-zA-Z0-9_-]+$").',
  },
  loginNoBrowser: {
    since: '0.156.0',
    lastWithout: '0.155.0',
    area: 'codex mcp login',
    what: 'It has a `--no-browser` option.',
  },
  clientSecret: {
    since: '0.158.0',
    lastWithout: '0.157.0',
    area: 'codex mcp add, config.toml',
    what:
      '`--oauth-client-secret` and `oauth.client_secret` exist; a secret without `oauth.client_id` is ' +
      'refused ("oauth.client_secret requires oauth.client_id"). Before, the key was ignored.',
  },
  schemaLimitAndReadiness: {
    since: '0.158.0',
    lastWithout: '0.157.0',
    area: 'config.toml',
    what: '`tool_input_schema_max_bytes` and `startup_readiness` are read; before, both keys were ignored.',
  },
  addBootstrapMessage: {
    since: '0.163.0',
    lastWithout: '0.162.0',
    area: 'codex mcp add',
    what:
      'A config.toml Codex refuses is reported as "failed to load bootstrap configuration" ' +
      '(before: "failed to load configuration").',
  },
  // Sub-keys and values found by the doctor's random tables on every probed release (sets.ts).
  oauthCallbackPort: {
    since: '0.148.0',
    lastWithout: '0.147.0',
    area: 'config.toml',
    what: "`oauth.callback_port` (a fixed port for this server's OAuth redirect) is read; before, the key was ignored.",
  },
  toolOutputTokenLimit: {
    since: '0.152.0',
    lastWithout: '0.151.0',
    area: 'config.toml',
    what: '`tools.TOOL.output_token_limit` is read; before, the key was ignored.',
  },
  emaAuth: {
    since: '0.156.0',
    lastWithout: '0.155.0',
    area: 'config.toml',
    what:
      '`auth = "ema_auth"` is accepted and `oauth.authorization_server_issuer` is read; before, that ' +
      'value was refused and the key ignored.',
  },
  tokenEndpointAuthMethod: {
    since: '0.164.0',
    lastWithout: '0.163.0',
    area: 'config.toml',
    what:
      '`oauth.token_endpoint_auth_method` (`client_secret_basic` or `client_secret_post`) is read; ' +
      'before, the key was ignored.',
  },
  // Found by running the runtime suite (tests/conformance/runtime/) on each release.
  execWaitsOnlyForRequired: {
    since: '0.147.0',
    lastWithout: '0.146.0',
    area: 'codex exec',
    what:
      'A session waits at startup only for servers with `required = true`; before, it waited for every ' +
      'enabled server to start or time out (30 s by default) before the first turn.',
    proof: 'runtime',
  },
  loginRegistersWithoutMetadata: {
    since: '0.147.0',
    lastWithout: '0.146.0',
    area: 'codex mcp login',
    what:
      'On a server that publishes no OAuth metadata, `login` tries dynamic client registration and fails ' +
      'with "Registration failed: …"; before, it stopped with "No authorization support detected".',
    proof: 'runtime',
  },
  unknownSettingsWarning: {
    since: '0.156.0',
    lastWithout: '0.155.0',
    area: 'codex exec',
    what:
      'A session warns "Codex is ignoring N unrecognized configuration setting(s)" and names each ignored ' +
      'key (`mcp_servers.NAME.headers`, `profiles.NAME.mcp_servers`); before, such keys were ignored silently.',
    proof: 'runtime',
  },
  doctorNamesBearerVar: {
    since: '0.156.0',
    lastWithout: '0.155.0',
    area: 'codex doctor',
    what:
      'An unset `bearer_token_env_var` is named ("bearer token env var NAME is not set"); before, the mcp ' +
      'check only said "MCP configuration has optional issues".',
    proof: 'runtime',
  },
  keyringErrorLine: {
    since: '0.161.0',
    lastWithout: '0.160.0',
    area: 'codex mcp login',
    what:
      'Without a keyring, the error is "failed to write OAuth tokens to keyring" with the cause on the ' +
      'lines below; before, the cause followed on the same line.',
    proof: 'runtime',
  },
  stdioCaVars: {
    since: '0.148.0',
    lastWithout: '0.147.0',
    area: 'codex exec',
    what:
      'A local (stdio) server also gets the certificate-bundle variables `CURL_CA_BUNDLE`, ' +
      '`GIT_SSL_CAINFO`, `NODE_EXTRA_CA_CERTS`, `PIP_CERT`, `REQUESTS_CA_BUNDLE` and `SSL_CERT_FILE` ' +
      'from the environment Codex started in, when they are set; before, none of them.',
    proof: 'runtime',
  },
  pluginInlineServers: {
    since: '0.142.0',
    lastWithout: '0.141.0',
    area: 'plugins',
    what:
      'A plugin whose `.codex-plugin/plugin.json` holds `mcpServers` as an object gets those ' +
      'servers (its `.mcp.json` is then not read); before, `codex plugin add` refuses such a plugin ' +
      '("Error: missing or invalid plugin.json").',
  },
  pluginsPathShort: {
    since: '0.163.0',
    lastWithout: '0.162.0',
    area: 'config.toml',
    what:
      'A wrong value inside a `[plugins."PLUGIN@MARKETPLACE"]` table is reported at `plugins` alone ' +
      '(before: at its full path, such as `plugins.p@m.enabled`), and `plugins = 1` as ' +
      '"expected struct PluginsConfigToml" (before: "expected a map").',
  },
  execToolApprovalMessage: {
    since: '0.148.0',
    lastWithout: '0.147.0',
    area: 'codex exec',
    what:
      'An MCP tool call that no approval setting allows is refused with "MCP tool call requires ' +
      'approval, but approval policy is never"; before, with "user cancelled MCP tool call". Either ' +
      'way the call never reaches the server, whether it comes from a plugin or from config.toml.',
    proof: 'runtime',
  },
  startupDeadlineWording: {
    since: '0.169.0',
    lastWithout: '0.165.0',
    area: 'codex exec',
    what:
      'A required server that does not start is reported as "timed out handshaking with MCP server ' +
      'after Ns: deadline has elapsed"; before, without ": deadline has elapsed".',
    proof: 'runtime',
  },
  tuiStartupWarningsHidden: {
    since: '0.154.0',
    lastWithout: '0.153.0',
    area: 'codex (interactive)',
    what:
      'Startup warnings, the "MCP client for `x` failed to start" lines included, are no longer printed ' +
      'in the transcript when a session starts: a line such as "2 startup issues (1 MCP) · ctrl + t for ' +
      'details" counts them, and Ctrl+T shows them (q closes the view).',
    proof: 'runtime',
  },
  tuiWarningsList: {
    since: '0.156.0',
    lastWithout: '0.155.0',
    area: 'codex (interactive)',
    what:
      'Startup warnings are counted at the bottom of the screen ("2 warnings · f2 to view"): F2 opens ' +
      'them one by one (left and right arrows move between them, Esc closes); before, Ctrl+T showed ' +
      'them in the transcript.',
    proof: 'runtime',
  },
} as const satisfies Record<string, Change>;

/** The id of one change. */
export type ChangeId = keyof typeof CHANGES;

/** The changes only a real session shows (proven by tests/conformance/runtime/, not release-facts). */
export type RuntimeChangeId = {
  [K in ChangeId]: (typeof CHANGES)[K] extends { proof: 'runtime' } ? K : never;
}[ChangeId];

/** Every change, newest first (ties keep declaration order). */
export function changesNewestFirst(): (Change & { id: ChangeId })[] {
  const list = (Object.keys(CHANGES) as ChangeId[]).map((id) => ({ id, ...CHANGES[id] }));
  return list.sort((a, b) => compareReleases(b.since, a.since));
}
