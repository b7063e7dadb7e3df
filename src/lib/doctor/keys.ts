/**
 * Key and type checks, Codex's first check while it reads the file: every key of an entry against
 * the schema (a wrong type makes Codex refuse the whole file), and keys it does not read at all.
 */
import type { Findings } from './findings.ts';
import { KEYS, MISTAKES, OAUTH_FIELDS, TOOL_FIELDS } from './schema.ts';
import { suggestionFor } from './suggest.ts';
import { isTable, type Table } from './types.ts';

const KNOWN = Object.keys(KEYS);

/**
 * An SSE server, rated the same in config.toml and other clients' JSON (a warning risk): Codex
 * speaks streamable HTTP only, so the URL given may not answer it.
 */
export function sseMessage(written: string): string {
  return `${written}: Codex has no SSE transport, only streamable HTTP. Point url at the server's streamable HTTP endpoint (often ending in /mcp rather than /sse); the corrected block keeps the URL as given.`;
}

/** Checks the type of every key Codex reads, and reports the keys it ignores. */
export function checkKeys(t: Table, out: Findings): void {
  // Types (Codex's first check, while reading the file), and keys it does not know.
  for (const [key, value] of Object.entries(t)) {
    const rule = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
    if (!rule) {
      const hint = suggestionFor(key, KNOWN);
      const what =
        key === 'type' || key === 'transport'
          ? `Codex ignores \`${key}\`: it picks the transport itself (url means streamable HTTP, command means a local stdio process).`
          : `Codex ignores \`${key}\`: it is not a key Codex reads.${hint ? ` ${Object.hasOwn(MISTAKES, key) ? `Use ${hint} instead.` : `Did you mean \`${hint}\`?`}` : ''}${key === 'headers' ? ' These headers are never sent.' : ''}`;
      out.ignore([key], what, key === 'type' || key === 'transport' ? 'info' : 'warning');
      if (value === 'sse' && (key === 'type' || key === 'transport')) out.risk([key], sseMessage(`${key} = "sse"`));
      continue;
    }
    const problem = rule.check(value, [key]);
    if (problem) out.typeError(problem);
  }
  // Unknown keys inside sub-tables Codex reads.
  if (isTable(t['oauth'])) {
    for (const k of Object.keys(t['oauth'])) if (!Object.hasOwn(OAUTH_FIELDS, k)) out.ignore(['oauth', k], `Codex ignores oauth.${k}; it reads ${Object.keys(OAUTH_FIELDS).join(', ')}.`);
  }
  if (isTable(t['tools'])) {
    for (const [tool, cfg] of Object.entries(t['tools'])) {
      if (isTable(cfg)) for (const k of Object.keys(cfg)) if (!Object.hasOwn(TOOL_FIELDS, k)) out.ignore(['tools', tool, k], `Codex ignores tools.${tool}.${k}; it reads approval_mode and output_token_limit.`);
    }
  }
}
