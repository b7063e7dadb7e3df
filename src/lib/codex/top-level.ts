/**
 * Top-level keys of config.toml whose value is one of a fixed list (serde enums), with the values
 * Codex accepts, in the order its own message lists them. Recorded from the real CLI on 0.140.0 and
 * 0.171.0 (the two ends of the window give the same lists); the doctor corpus re-checks each one
 * against the CLI (tests/conformance/doctor-corpus/7x-reject-top-level-*.toml).
 */
import { MCP_OAUTH_TOP_LEVEL } from './keys.ts';

/** Key → the values Codex accepts, in the order its message lists them. */
export const TOP_LEVEL_ENUMS: Readonly<Record<string, readonly string[]>> = {
  approval_policy: ['untrusted', 'on-failure', 'on-request', 'granular', 'never'],
  sandbox_mode: ['read-only', 'workspace-write', 'danger-full-access'],
  mcp_oauth_credentials_store: MCP_OAUTH_TOP_LEVEL.mcp_oauth_credentials_store.map((v) => v.value),
  model_reasoning_summary: ['auto', 'concise', 'detailed', 'none'],
  model_verbosity: ['low', 'medium', 'high'],
  file_opener: ['vscode', 'vscode-insiders', 'windsurf', 'cursor', 'none'],
};

/**
 * What Codex says about `value` for the enum-valued top-level `key`, in its own words, or null
 * when Codex accepts it or the doctor cannot tell (a table of several keys: not judged).
 */
export function topLevelRefusal(key: string, value: unknown): string | null {
  const values = Object.hasOwn(TOP_LEVEL_ENUMS, key) ? TOP_LEVEL_ENUMS[key] : undefined;
  if (!values) return null;
  const unknown = (v: string) =>
    `unknown variant \`${v}\`, expected one of ${values.map((x) => `\`${x}\``).join(', ')}`;
  if (typeof value === 'string') return values.includes(value) ? null : unknown(value);
  // A table is read as a tagged variant: its one key names the variant (recorded: `{ a = 1 }`).
  if (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date)
  ) {
    const keys = Object.keys(value);
    return keys.length === 1 && !values.includes(keys[0] as string)
      ? unknown(keys[0] as string)
      : null;
  }
  // Numbers, booleans, arrays and dates (recorded: 1, true, ["never"], 1979-05-27).
  return 'invalid type: unit variant, expected string only';
}
