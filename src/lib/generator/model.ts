/**
 * What one Codex MCP server entry is, in two shapes:
 * - `ServerSpec`: what a person asked for, field by field, as typed (strings may be invalid);
 * - `ServerEntry`: the validated `[mcp_servers.NAME]` table, in Codex's own key names.
 * Every output (command, TOML, env lines) is derived from one `ServerEntry`.
 */

/** Where the entry lives: `~/.codex/config.toml` (user) or `.codex/config.toml` in a trusted project. */
export type Scope = 'user' | 'project';

/** Codex's two transports: streamable HTTP (`url`) or a local process (`command`). */
export type Transport = 'http' | 'stdio';

/**
 * How the person authenticates, which decides the login step and the env-var lines.
 * - `none`: nothing (a local server, or one that needs no auth);
 * - `oauth`: `codex mcp login NAME` after adding;
 * - `bearer`: a token in the env var named by `bearer_token_env_var`;
 * - `headers`: credentials sent in HTTP headers (literal or env-sourced).
 */
export type AuthMode = 'none' | 'oauth' | 'bearer' | 'headers';

/** A name/value pair as typed into the form (header, env entry). */
export interface Pair {
  name: string;
  value: string;
}

/**
 * An environment variable the person must export before starting Codex.
 * `value` is what they typed (possibly a secret, never stored or shared); empty means "show a placeholder".
 * `basicAuthFrom` builds `Basic base64(user:secret)` locally in the shell from two other variables,
 * so the secret never has to be typed into the page.
 */
export interface EnvVarSpec {
  name: string;
  value: string;
  placeholder: string;
  basicAuthFrom?: { userVar: string; secretVar: string };
  /**
   * Shown commented out: the variable of an env-sourced header, which Codex leaves out while the
   * variable is unset, so running the block as shown never sends a placeholder.
   */
  optional?: boolean;
}

/** Everything a person can ask for, as raw input. The generator validates it; nothing here is trusted. */
export interface ServerSpec {
  name: string;
  scope: Scope;
  transport: Transport;
  auth: AuthMode;
  // streamable HTTP
  url: string;
  bearerTokenEnvVar: string;
  httpHeaders: Pair[];
  envHttpHeaders: Pair[];
  oauthClientId: string;
  oauthResource: string;
  scopes: string[];
  // stdio
  command: string;
  args: string[];
  env: Pair[];
  envVars: string[];
  cwd: string;
  // shared
  startupTimeoutSec: string;
  toolTimeoutSec: string;
  enabled: boolean;
  required: boolean;
  enabledTools: string[];
  disabledTools: string[];
  /** Variables to export in the shell; also the names `--bearer-token-env-var`/`env_http_headers` point to. */
  envVarLines: EnvVarSpec[];
  /** Messages about how the form's text was read (a split command line, a header line in the wrong shape); resolve reports them first. */
  inputNotes?: Diagnostic[];
}

/** The fields of a streamable-HTTP entry, in Codex's names. */
export interface HttpEntry {
  url: string;
  bearer_token_env_var?: string;
  http_headers?: Record<string, string>;
  env_http_headers?: Record<string, string>;
  scopes?: string[];
  oauth_resource?: string;
  oauth?: { client_id: string };
}

/** The fields of a stdio entry, in Codex's names. */
export interface StdioEntry {
  command: string;
  args?: string[];
  env?: Record<string, string>;
  env_vars?: string[];
  cwd?: string;
}

/** Keys every transport shares. */
export interface SharedEntry {
  startup_timeout_sec?: number;
  tool_timeout_sec?: number;
  enabled?: boolean;
  required?: boolean;
  enabled_tools?: string[];
  disabled_tools?: string[];
}

/** One validated `[mcp_servers.NAME]` table. Optional keys are absent when they equal Codex's default. */
export type ServerEntry = SharedEntry & (HttpEntry | StdioEntry);

/** A problem with one field, and how to fix it. `field` is a path into `ServerSpec` (e.g. `httpHeaders.1.name`). */
export interface Diagnostic {
  field: string;
  severity: 'error' | 'warning';
  message: string;
}

/** An empty HTTP spec; callers spread their values over it. One source of truth for defaults. */
export function emptySpec(): ServerSpec {
  return {
    name: '',
    scope: 'user',
    transport: 'http',
    auth: 'none',
    url: '',
    bearerTokenEnvVar: '',
    httpHeaders: [],
    envHttpHeaders: [],
    oauthClientId: '',
    oauthResource: '',
    scopes: [],
    command: '',
    args: [],
    env: [],
    envVars: [],
    cwd: '',
    startupTimeoutSec: '',
    toolTimeoutSec: '',
    enabled: true,
    required: false,
    enabledTools: [],
    disabledTools: [],
    envVarLines: [],
  };
}

/** True when the entry uses the stdio transport. */
export function isStdio(entry: ServerEntry): entry is SharedEntry & StdioEntry {
  return 'command' in entry;
}
