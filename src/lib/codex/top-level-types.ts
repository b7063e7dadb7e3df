/**
 * Top-level keys of config.toml whose value is a plain string, boolean, integer or array of
 * strings, with the Rust type Codex reads them as. The candidates came from Codex's own
 * config.schema.json (codex-rs/core/config.schema.json); each rule was then recorded from the real
 * CLI: `key = VALUE` alone in a throwaway CODEX_HOME, `codex mcp get x --json` under `unshare -rn`,
 * with values of every TOML type (string, integer, float, boolean, date, array, table, and for the
 * integers -1, 0, 70000 and the i64 limits), on 0.140.0 and 0.171.0, which print the same refusal
 * for every key here; one wrong and one right value per key were also run on every release between
 * them (PROBED_RELEASES). tests/conformance/top-level.test.ts re-checks every key against the CLI
 * of the release under test (wrong values refused in the same words at the same line, right ones
 * loading), and the doctor corpus holds representative files
 * (tests/conformance/doctor-corpus/76-…79-*-top-level-*.toml).
 *
 * Left out on purpose (they stay "not checked"): `model_supports_reasoning_summaries` and
 * `experimental_thread_config_endpoint` (a wrong type refused up to 0.144.0 and 0.148.0, ignored
 * from 0.145.0 and 0.149.0 on);
 * `project_root_markers` (read at an earlier stage, whose refusal names `config.toml:LINE:COLUMN`
 * rather than the key); paths (`log_dir`, `sqlite_home`…: resolved against the file, more than a type).
 */
import { MCP_OAUTH_TOP_LEVEL } from './keys.ts';
import { serdeUnexpected, type ExactValue } from './serde-words.ts';

/** The Rust type of a key, which is also what serde's message says it expected. */
export type ScalarType = 'a string' | 'a boolean' | 'i64' | 'u64' | 'usize' | 'u16' | 'strings';

/** Key → the type Codex reads it as. */
export const TOP_LEVEL_TYPES: Readonly<Record<string, ScalarType>> = {
  apps_mcp_product_sku: 'a string',
  chatgpt_base_url: 'a string',
  compact_prompt: 'a string',
  default_permissions: 'a string',
  developer_instructions: 'a string',
  experimental_realtime_start_instructions: 'a string',
  experimental_realtime_ws_backend_prompt: 'a string',
  experimental_realtime_ws_base_url: 'a string',
  experimental_realtime_ws_model: 'a string',
  experimental_realtime_ws_startup_context: 'a string',
  instructions: 'a string',
  mcp_oauth_callback_url: 'a string',
  model: 'a string',
  model_provider: 'a string',
  openai_base_url: 'a string',
  oss_provider: 'a string',
  profile: 'a string',
  review_model: 'a string',
  service_tier: 'a string',
  allow_login_shell: 'a boolean',
  check_for_update_on_startup: 'a boolean',
  disable_paste_burst: 'a boolean',
  experimental_use_unified_exec_tool: 'a boolean',
  hide_agent_reasoning: 'a boolean',
  include_apps_instructions: 'a boolean',
  include_collaboration_mode_instructions: 'a boolean',
  include_environment_context: 'a boolean',
  include_permissions_instructions: 'a boolean',
  show_raw_agent_reasoning: 'a boolean',
  suppress_unstable_features_warning: 'a boolean',
  model_auto_compact_token_limit: 'i64',
  model_context_window: 'i64',
  background_terminal_max_timeout: 'u64',
  project_doc_max_bytes: 'usize',
  tool_output_token_limit: 'usize',
  mcp_oauth_callback_port: 'u16',
  notify: 'strings',
  project_doc_fallback_filenames: 'strings',
};

/**
 * Keys where a value of the right type can still be refused by a rule of Codex's own, recorded:
 * `profile = "ok"` ("legacy `profile = \"ok\"` config is no longer supported…", even beside
 * `[profiles.ok]`), `model_provider = "ok"` ("Model provider `ok` not found"; `openai` loads),
 * `default_permissions = "ok"` ("default_permissions requires a `[permissions]` table"). Their
 * type is judged; a value of the right type leaves them among the keys not checked.
 */
export const FURTHER_RULES: ReadonlySet<string> = new Set([
  'profile',
  'model_provider',
  'default_permissions',
]);

/** The whole numbers each integer type holds (a TOML integer is at most i64 anyway). */
export const INTEGER_RANGE: Readonly<Record<'i64' | 'u64' | 'usize' | 'u16', [bigint, bigint]>> = {
  i64: [-(2n ** 63n), 2n ** 63n - 1n],
  u64: [0n, 2n ** 64n - 1n],
  usize: [0n, 2n ** 64n - 1n],
  u16: [
    BigInt(MCP_OAUTH_TOP_LEVEL.mcp_oauth_callback_port.min),
    BigInt(MCP_OAUTH_TOP_LEVEL.mcp_oauth_callback_port.max),
  ],
};

/** A refusal: Codex's words, when their exact form is known (a date with fractional seconds is not). */
export interface TypeRefusal {
  codexMessage?: string;
}

/**
 * What Codex says about `value` for the top-level `key`, or null when it accepts the type.
 * `value` is in exact form: integers as bigint, floats as number (see serde-words.ts).
 */
export function topLevelTypeRefusal(key: string, value: ExactValue): TypeRefusal | null {
  const type = Object.hasOwn(TOP_LEVEL_TYPES, key) ? TOP_LEVEL_TYPES[key] : undefined;
  if (type === undefined) return null;
  const invalid = (v: ExactValue, expected: string): TypeRefusal => {
    const what = serdeUnexpected(v);
    return what === undefined
      ? {}
      : { codexMessage: `invalid type: ${what}, expected ${expected}` };
  };
  switch (type) {
    case 'a string':
      // A date is read as its text (recorded: `model = 1979-05-27` loads).
      return typeof value === 'string' || value instanceof Date ? null : invalid(value, type);
    case 'a boolean':
      return typeof value === 'boolean' ? null : invalid(value, type);
    case 'strings': {
      if (!Array.isArray(value)) return invalid(value, 'a sequence');
      const bad = (value as unknown[]).find((x) => typeof x !== 'string' && !(x instanceof Date));
      return bad === undefined ? null : invalid(bad, 'a string');
    }
    default: {
      if (typeof value !== 'bigint') return invalid(value, type);
      const [min, max] = INTEGER_RANGE[type];
      return value >= min && value <= max
        ? null
        : { codexMessage: `invalid value: integer \`${value}\`, expected ${type}` };
    }
  }
}
