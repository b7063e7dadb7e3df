/**
 * Every key of a `[mcp_servers.NAME]` table Codex reads, as observed on the releases of the
 * supported window: its transport, the value Codex accepts, where the generator puts it in the
 * TOML block, the `codex mcp add` / `codex mcp login` flag that sets it, whether the generator
 * writes it, and the release it appeared in when that is inside the window.
 */
import type { HttpEntry, SharedEntry, StdioEntry } from '../generator/model.ts';
import { CHANGES } from './changes.ts';
import { inRange, type Release, type ReleaseRange } from './releases.ts';

/** Which transport a key belongs to. */
export type KeyTransport = 'stdio' | 'http' | 'both';

/** The value Codex accepts for a key (a wrong type makes it refuse the whole file). */
export type ValueCheck =
  | 'string'
  | 'string list'
  | 'env var list'
  | 'string map'
  | 'seconds'
  | 'milliseconds'
  | 'integer'
  | 'boolean'
  | 'table'
  | 'approval mode'
  | 'refused';

/** One key of `[mcp_servers.NAME]` (sub-keys of `oauth` and `tools` are dotted). */
export interface KeyFact {
  transport: KeyTransport;
  check: ValueCheck;
  /** Position in the generated TOML block (1 = first); absent for keys the generator never writes. */
  tomlOrder?: number;
  /** The `codex mcp add` flag that sets it, if any. */
  addFlag?: string;
  /** The `codex mcp login` flag that sets it, if any. */
  loginFlag?: string;
  /** True when the generator writes this key. */
  generated: boolean;
  /** Releases in which Codex reads the key; absent means the whole supported window. */
  range?: ReleaseRange;
}

/** The top-level keys the generator's ServerEntry can hold. */
export type GeneratedKey = keyof HttpEntry | keyof StdioEntry | keyof SharedEntry;

// The type-level check: every key of ServerEntry must be in the table with `generated: true`, so
// adding a key to model.ts without describing it here is a compile error.
type KeyTable = {
  readonly [K in GeneratedKey]: KeyFact & { generated: true; tomlOrder: number };
} & {
  readonly [key: string]: KeyFact;
};

const since = (change: { since: Release }): ReleaseRange => ({ from: change.since });

/** The table, in the order of the generated TOML block first, then the keys it never writes. */
export const MCP_KEYS: KeyTable = {
  url: { transport: 'http', check: 'string', tomlOrder: 1, addFlag: '--url', generated: true },
  command: {
    transport: 'stdio',
    check: 'string',
    tomlOrder: 2,
    addFlag: '-- COMMAND',
    generated: true,
  },
  args: {
    transport: 'stdio',
    check: 'string list',
    tomlOrder: 3,
    addFlag: '-- COMMAND ARGS…',
    generated: true,
  },
  bearer_token_env_var: {
    transport: 'http',
    check: 'string',
    tomlOrder: 4,
    addFlag: '--bearer-token-env-var',
    generated: true,
  },
  env_vars: { transport: 'stdio', check: 'env var list', tomlOrder: 5, generated: true },
  cwd: { transport: 'stdio', check: 'string', tomlOrder: 6, generated: true },
  oauth_resource: {
    transport: 'http',
    check: 'string',
    tomlOrder: 7,
    addFlag: '--oauth-resource',
    generated: true,
  },
  scopes: {
    transport: 'http',
    check: 'string list',
    tomlOrder: 8,
    loginFlag: '--scopes',
    generated: true,
  },
  startup_timeout_sec: { transport: 'both', check: 'seconds', tomlOrder: 9, generated: true },
  tool_timeout_sec: { transport: 'both', check: 'seconds', tomlOrder: 10, generated: true },
  enabled: { transport: 'both', check: 'boolean', tomlOrder: 11, generated: true },
  required: { transport: 'both', check: 'boolean', tomlOrder: 12, generated: true },
  enabled_tools: { transport: 'both', check: 'string list', tomlOrder: 13, generated: true },
  disabled_tools: { transport: 'both', check: 'string list', tomlOrder: 14, generated: true },
  http_headers: { transport: 'http', check: 'string map', tomlOrder: 15, generated: true },
  env_http_headers: { transport: 'http', check: 'string map', tomlOrder: 16, generated: true },
  env: {
    transport: 'stdio',
    check: 'string map',
    tomlOrder: 17,
    addFlag: '--env',
    generated: true,
  },
  oauth: { transport: 'http', check: 'table', tomlOrder: 18, generated: true },
  'oauth.client_id': {
    transport: 'http',
    check: 'string',
    addFlag: '--oauth-client-id',
    generated: true,
  },
  'oauth.client_secret': {
    transport: 'http',
    check: 'string',
    addFlag: '--oauth-client-secret',
    generated: false,
    range: since(CHANGES.clientSecret),
  },
  'oauth.callback_url': {
    transport: 'http',
    check: 'string',
    generated: false,
    range: since(CHANGES.callbackUrl),
  },
  http_headers_helper: {
    transport: 'http',
    check: 'string',
    generated: false,
    range: since(CHANGES.httpHeadersHelper),
  },
  startup_timeout_ms: { transport: 'both', check: 'milliseconds', generated: false },
  default_tools_approval_mode: { transport: 'both', check: 'approval mode', generated: false },
  tools: { transport: 'both', check: 'table', generated: false },
  auth: { transport: 'http', check: 'string', generated: false, range: since(CHANGES.authKey) },
  supports_parallel_tool_calls: { transport: 'both', check: 'boolean', generated: false },
  tool_input_schema_max_bytes: {
    transport: 'both',
    check: 'integer',
    generated: false,
    range: since(CHANGES.schemaLimitAndReadiness),
  },
  environment_id: { transport: 'both', check: 'string', generated: false },
  startup_readiness: {
    transport: 'both',
    check: 'string',
    generated: false,
    range: since(CHANGES.schemaLimitAndReadiness),
  },
  name: { transport: 'both', check: 'string', generated: false },
  bearer_token: { transport: 'http', check: 'refused', generated: false },
};

/** The keys Codex reads in `release` (dotted for sub-keys), in table order. */
export function keysIn(release: Release): string[] {
  return Object.entries(MCP_KEYS)
    .filter(
      ([, fact]) =>
        fact.check !== 'refused' && (fact.range === undefined || inRange(release, fact.range)),
    )
    .map(([key]) => key);
}

/** Top-level keys the generator writes, in the order of the TOML block. */
export function tomlKeyOrder(): GeneratedKey[] {
  return Object.entries(MCP_KEYS)
    .filter(([key, fact]) => fact.generated && fact.tomlOrder !== undefined && !key.includes('.'))
    .sort(([, a], [, b]) => (a.tomlOrder ?? 0) - (b.tomlOrder ?? 0))
    .map(([key]) => key as GeneratedKey);
}

// Asked for on every keystroke: each release's set is built once (callers only read it).
const SETTABLE = new Map<Release, ReadonlySet<string>>();

/** Top-level generated keys `codex mcp add` can set (through its own flag or one on a sub-key). */
export function addSettableKeys(release: Release): ReadonlySet<string> {
  const known = SETTABLE.get(release);
  if (known) return known;
  const settable = new Set<string>();
  for (const [key, fact] of Object.entries(MCP_KEYS)) {
    if (fact.addFlag === undefined || (fact.range !== undefined && !inRange(release, fact.range)))
      continue;
    settable.add(key.split('.')[0] as string);
  }
  SETTABLE.set(release, settable);
  return settable;
}

/** One value Codex accepts for an enumerated setting, and the releases that accept it. */
export interface EnumValue {
  value: string;
  /** Releases that accept the value; absent means the whole supported window. */
  range?: ReleaseRange;
}

/**
 * The values of `default_tools_approval_mode` and `tools.TOOL.approval_mode`, in the order Codex's
 * refusal lists them ("expected one of …"; tests/conformance/settings.test.ts compares that list).
 */
export const APPROVAL_MODES: readonly EnumValue[] = [
  { value: 'auto' },
  { value: 'prompt' },
  { value: 'writes', range: since(CHANGES.approvalWrites) },
  { value: 'approve' },
];

/**
 * The `source` of an `env_vars` item written as a table (`{ name = "VAR", source = "…" }`), in the
 * order Codex's refusal lists them ("expected `local` or `remote`"; doctor corpus case 35).
 */
export const ENV_VAR_SOURCES = [
  { value: 'local' },
  { value: 'remote' },
] as const satisfies readonly EnumValue[];

/** Top-level `config.toml` keys for MCP OAuth (never inside `[mcp_servers.NAME]`). */
export const MCP_OAUTH_TOP_LEVEL = {
  /** Where OAuth tokens are kept; the values in the order Codex's refusal lists them. */
  mcp_oauth_credentials_store: [{ value: 'auto' }, { value: 'file' }, { value: 'keyring' }],
  /** A fixed port for the local OAuth callback: an integer Codex reads as u16 (0 to 65535). */
  mcp_oauth_callback_port: { min: 0, max: 65535 },
} as const satisfies {
  mcp_oauth_credentials_store: readonly EnumValue[];
  mcp_oauth_callback_port: { min: number; max: number };
};

/** The values of an enumerated setting `release` accepts, in Codex's order. */
export function enumIn(values: readonly EnumValue[], release: Release): string[] {
  return values
    .filter((v) => v.range === undefined || inRange(release, v.range))
    .map((v) => v.value);
}
