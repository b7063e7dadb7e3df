/**
 * The `codex mcp add` route: which settings its flags can carry, and the argv that carries them.
 * Anything the flags cannot carry is listed in `missing`, so a command is never shown as complete
 * when it would silently drop a setting.
 */
import { addSettableKeys, MCP_KEYS, tomlKeyOrder } from '../codex/keys.ts';
import { CODEX_NEWEST, type Release } from '../codex/releases.ts';
import { isAuthorizationHeader } from '../safety/credentials.ts';
import { isStdio, type AuthMode, type HttpEntry, type Scope, type ServerEntry } from './model.ts';

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

/** A value flag; `--flag=value` when the value starts with "-", which clap would read as another flag. */
function flag(name: string, value: string): string[] {
  return value.startsWith('-') ? [`${name}=${value}`] : [name, value];
}

// The value each key carried by a `codex mcp add` flag gives it, in the order the command shows them;
// the flag's name is the table's (MCP_KEYS[key].addFlag).
const HTTP_FLAG_VALUES: readonly [string, (entry: HttpEntry) => string | undefined][] = [
  ['url', (e) => e.url],
  ['bearer_token_env_var', (e) => e.bearer_token_env_var],
  ['oauth.client_id', (e) => e.oauth?.client_id],
  ['oauth_resource', (e) => e.oauth_resource],
];

const KEY_ORDER = tomlKeyOrder();

/** The `codex mcp add` flag the table gives `key` (every key used here has one: see tests/unit/cli.test.ts). */
const flagOf = (key: string): string => MCP_KEYS[key]?.addFlag ?? `--${key}`;

/** The argv of `codex mcp add` for an entry, with the flags Codex `release` has (what it misses is planCli's). */
export function addArgv(
  name: string,
  entry: ServerEntry,
  release: Release = CODEX_NEWEST,
): string[] {
  const settable = addSettableKeys(release);
  const argv = ['codex', 'mcp', 'add', name];
  if (isStdio(entry)) {
    for (const [key, value] of Object.entries(entry.env ?? {}))
      argv.push(flagOf('env'), `${key}=${value}`);
    argv.push('--', entry.command);
    // A loop, not a spread: a spread of ~100k args overflows the call stack.
    for (const arg of entry.args ?? []) argv.push(arg);
    return argv;
  }
  for (const [key, valueOf] of HTTP_FLAG_VALUES) {
    const value = valueOf(entry);
    if (value && settable.has(key.split('.')[0] as string)) argv.push(...flag(flagOf(key), value));
  }
  return argv;
}

/** Keys of the entry that Codex `release`'s `codex mcp add` has no flag for, in the TOML block's order. */
export function unsettableKeys(entry: ServerEntry, release: Release = CODEX_NEWEST): string[] {
  const settable = addSettableKeys(release);
  return KEY_ORDER.filter((key) => key in entry && !settable.has(key));
}

/** Plans the CLI route: full, partial (command + keys to add by hand), or TOML-only. */
export function planCli(
  name: string,
  entry: ServerEntry,
  scope: Scope,
  auth: AuthMode,
  release: Release = CODEX_NEWEST,
): CliPlan {
  const missing = unsettableKeys(entry, release);
  if (scope === 'project') {
    return {
      mode: 'toml-only',
      argv: null,
      missing,
      reason:
        '`codex mcp add` writes only the user config (~/.codex/config.toml); a project-scoped server must be written to .codex/config.toml by hand.',
    };
  }
  // Credentials in headers (by auth mode, or an Authorization header under any mode) cannot be carried.
  const headerNames = isStdio(entry)
    ? []
    : [...Object.keys(entry.http_headers ?? {}), ...Object.keys(entry.env_http_headers ?? {})];
  const authInHeaders = auth === 'headers' || headerNames.some(isAuthorizationHeader);
  if (authInHeaders && (missing.includes('http_headers') || missing.includes('env_http_headers'))) {
    return {
      mode: 'toml-only',
      argv: null,
      missing,
      reason:
        'This server authenticates with HTTP headers, and no `codex mcp add` flag can set headers: the command alone would register a server that cannot sign in.',
    };
  }
  return {
    mode: missing.length > 0 ? 'partial' : 'full',
    argv: addArgv(name, entry, release),
    missing,
    reason: '',
  };
}
