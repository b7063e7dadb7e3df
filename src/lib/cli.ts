/**
 * The `codex mcp add` route: which settings its flags can carry, and the argv that carries them.
 * Anything the flags cannot carry is listed in `missing`, so a command is never shown as complete
 * when it would silently drop a setting.
 */
import { isStdio, type AuthMode, type Scope, type ServerEntry } from './model.ts';

/** How much of the entry the command carries. */
export type CliMode = 'full' | 'partial' | 'toml-only';

/** The CLI route for one entry. `argv` is null when the TOML block is the only correct route. */
export interface CliPlan {
  mode: CliMode;
  argv: string[] | null;
  /** TOML keys the command cannot set; they must be added to the file after running it. */
  missing: string[];
  /** Why the route is TOML-only, in one sentence; empty otherwise. */
  reason: string;
}

// Keys the pinned `codex mcp add` has no flag for (see `codex mcp add --help`).
const UNSETTABLE = [
  'http_headers',
  'env_http_headers',
  'scopes',
  'env_vars',
  'cwd',
  'startup_timeout_sec',
  'tool_timeout_sec',
  'enabled',
  'required',
  'enabled_tools',
  'disabled_tools',
] as const;

/** A value flag; `--flag=value` when the value starts with "-", which clap would read as another flag. */
function flag(name: string, value: string): string[] {
  return value.startsWith('-') ? [`${name}=${value}`] : [name, value];
}

/** The argv of `codex mcp add` for an entry (regardless of what it misses). */
export function addArgv(name: string, entry: ServerEntry): string[] {
  const argv = ['codex', 'mcp', 'add', name];
  if (isStdio(entry)) {
    for (const [key, value] of Object.entries(entry.env ?? {})) argv.push('--env', `${key}=${value}`);
    argv.push('--', entry.command);
    // A loop, not a spread: a spread of ~100k args overflows the call stack.
    for (const arg of entry.args ?? []) argv.push(arg);
    return argv;
  }
  argv.push(...flag('--url', entry.url));
  if (entry.bearer_token_env_var) argv.push(...flag('--bearer-token-env-var', entry.bearer_token_env_var));
  if (entry.oauth) argv.push(...flag('--oauth-client-id', entry.oauth.client_id));
  if (entry.oauth_resource) argv.push(...flag('--oauth-resource', entry.oauth_resource));
  return argv;
}

/** Plans the CLI route: full, partial (command + keys to add by hand), or TOML-only. */
export function planCli(name: string, entry: ServerEntry, scope: Scope, auth: AuthMode): CliPlan {
  const missing = UNSETTABLE.filter((key) => key in entry);
  if (scope === 'project') {
    return {
      mode: 'toml-only',
      argv: null,
      missing,
      reason: '`codex mcp add` writes only the user config (~/.codex/config.toml); a project-scoped server must be written to .codex/config.toml by hand.',
    };
  }
  // Credentials in headers (by auth mode, or an Authorization header under any mode) cannot be carried.
  const headerNames = isStdio(entry) ? [] : [...Object.keys(entry.http_headers ?? {}), ...Object.keys(entry.env_http_headers ?? {})];
  const authInHeaders = auth === 'headers' || headerNames.some((h) => /^(proxy-)?authorization$/i.test(h));
  if (authInHeaders && (missing.includes('http_headers') || missing.includes('env_http_headers'))) {
    return {
      mode: 'toml-only',
      argv: null,
      missing,
      reason: 'This server authenticates with HTTP headers, and no `codex mcp add` flag can set headers: the command alone would register a server that cannot sign in.',
    };
  }
  return { mode: missing.length > 0 ? 'partial' : 'full', argv: addArgv(name, entry), missing, reason: '' };
}
