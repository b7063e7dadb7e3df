/**
 * The TOML route: an entry becomes a plain object in a fixed, readable key order, and smol-toml
 * serializes it. Nothing here concatenates TOML by hand.
 */
import { stringify } from 'smol-toml';
import type { ServerEntry } from './model.ts';

// Reading order: what the server is, how it authenticates, then tuning; sub-tables last.
const KEY_ORDER = [
  'url',
  'command',
  'args',
  'bearer_token_env_var',
  'env_vars',
  'cwd',
  'oauth_resource',
  'scopes',
  'startup_timeout_sec',
  'tool_timeout_sec',
  'enabled',
  'required',
  'enabled_tools',
  'disabled_tools',
  'http_headers',
  'env_http_headers',
  'env',
  'oauth',
] as const;

/** The entry as a plain object whose key order is the order the TOML block shows. */
export function orderedEntry(entry: ServerEntry): Record<string, unknown> {
  const source: Readonly<Record<string, unknown>> = { ...entry };
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    if (source[key] !== undefined) ordered[key] = source[key];
  }
  return ordered;
}

/** The `[mcp_servers.NAME]` block for config.toml (names quoted when TOML needs it). */
export function tomlBlock(name: string, entry: ServerEntry): string {
  return stringify({ mcp_servers: { [name]: orderedEntry(entry) } }).trimEnd() + '\n';
}
