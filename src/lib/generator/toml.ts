/**
 * The TOML route: an entry becomes a plain object in a fixed, readable key order, and smol-toml
 * serializes it. Nothing here concatenates TOML by hand.
 */
import { stringify } from 'smol-toml';
import { tomlKeyOrder } from '../codex/keys.ts';
import { guardOutputs } from './guard.ts';
import type { ServerEntry } from './model.ts';

// Reading order (what the server is, how it authenticates, then tuning; sub-tables last): the table's.
const KEY_ORDER = tomlKeyOrder();

/** The entry as a plain object whose key order is the order the TOML block shows. */
export function orderedEntry(entry: ServerEntry): Record<string, unknown> {
  const source: Readonly<Record<string, unknown>> = { ...entry };
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    if (source[key] !== undefined) ordered[key] = source[key];
  }
  return ordered;
}

/**
 * The `[mcp_servers.NAME]` block for config.toml (names quoted when TOML needs it); a comment instead
 * when a string holds a refused character or a variable name is not a POSIX name (guard.ts).
 */
export function tomlBlock(name: string, entry: ServerEntry): string {
  if (guardOutputs(name, entry, []).length > 0)
    return '# Not shown: a setting holds a character or a variable name no config file may carry (its field says which).\n';
  return stringify({ mcp_servers: { [name]: orderedEntry(entry) } }).trimEnd() + '\n';
}
