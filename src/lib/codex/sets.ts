/**
 * Key sets derived from the table (keys.ts) for one release, for the config doctor and anyone else
 * who needs "the keys Codex refuses on a stdio entry" or "the sub-keys of oauth": each set is
 * computed from MCP_KEYS and its ranges, never listed by hand. Also the few value details the
 * table's coarse checks leave out (which strings an enum takes, the sub-keys of `oauth` and
 * `tools.TOOL` it has no row for), each with the range observed by running the probed releases;
 * tests/conformance/doctor.test.ts re-checks them on every release it is run with.
 */
import { CHANGES } from './changes.ts';
import { MCP_KEYS, keysIn, type KeyFact, type ValueCheck } from './keys.ts';
import { CODEX_NEWEST, inRange, type Release, type ReleaseRange } from './releases.ts';

/** A value rule finer than the table's ValueCheck. */
export type DetailCheck = ValueCheck | 'port' | 'positive integer' | { oneOf: readonly string[] };

/** A key with a finer value rule, or a sub-key the table has no row for, and when Codex reads it. */
export interface DetailFact {
  check: DetailCheck;
  range?: ReleaseRange;
}

// `auth = "ema_auth"` and oauth.authorization_server_issuer arrived together: 0.155.0 refuses the
// first and ignores the second, 0.156.0 reads both (probed on every release of PROBED_RELEASES).
const EMA_AUTH: ReleaseRange = { from: CHANGES.emaAuth.since };

/**
 * Finer rules for table keys, per release range (the first range that holds wins; none means the
 * table's own check).
 */
const REFINED: Record<string, readonly DetailFact[]> = {
  auth: [
    { check: { oneOf: ['oauth', 'chatgpt', 'ema_auth'] }, range: EMA_AUTH },
    { check: { oneOf: ['oauth', 'chatgpt'] } },
  ],
  startup_readiness: [{ check: { oneOf: ['connection', 'catalog'] } }],
  tool_input_schema_max_bytes: [{ check: 'positive integer' }],
};

/**
 * Sub-keys the table has no row for. `tools.*.KEY` are the keys of one `[mcp_servers.NAME.tools.TOOL]`
 * table. Ranges: first probed release that refuses a wrong value (0.147.0 ignores callback_port,
 * 0.151.0 output_token_limit, 0.163.0 token_endpoint_auth_method).
 */
const SUB_KEYS: Record<string, DetailFact> = {
  'oauth.callback_port': { check: 'port', range: { from: CHANGES.oauthCallbackPort.since } },
  'oauth.authorization_server_issuer': { check: 'string', range: EMA_AUTH },
  'oauth.token_endpoint_auth_method': {
    check: { oneOf: ['client_secret_basic', 'client_secret_post'] },
    range: { from: CHANGES.tokenEndpointAuthMethod.since },
  },
  // Which modes: keys.ts APPROVAL_MODES for the release (schema.ts reads 'approval mode' so).
  'tools.*.approval_mode': { check: 'approval mode' },
  'tools.*.output_token_limit': {
    check: 'positive integer',
    range: { from: CHANGES.toolOutputTokenLimit.since },
  },
};

/**
 * Keys of one transport that Codex still loads on an entry of the other: `scopes` is used only by
 * `codex mcp login` (HTTP), yet a stdio entry with it loads (doctor corpus 43-ignored-scopes-stdio).
 */
const LOADED_ON_EITHER: readonly string[] = ['scopes'];

/** `fn` with its answers kept per argument list (the doctor asks the same questions for every entry). */
function memo<A extends string[], R>(fn: (...args: A) => R): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A): R => {
    const key = args.join('\u0000');
    if (!cache.has(key)) cache.set(key, fn(...args));
    return cache.get(key) as R;
  };
}

const reads = (release: Release, fact: { range?: ReleaseRange }): boolean =>
  fact.range === undefined || inRange(release, fact.range);

/** Top-level keys of `[mcp_servers.NAME]` that `release` reads, in table order. */
export function topKeysIn(release: Release = CODEX_NEWEST): string[] {
  return topKeysMemo(release);
}
const topKeysMemo = memo((release: Release) => keysIn(release).filter((k) => !k.includes('.')));

/** The keys of `oauth` (parent 'oauth') or of one `tools.TOOL` table (parent 'tools.*') that `release` reads. */
export function subKeysIn(parent: 'oauth' | 'tools.*', release: Release = CODEX_NEWEST): string[] {
  return subKeysMemo(parent, release);
}
const subKeysMemo = memo((parent: 'oauth' | 'tools.*', release: Release): string[] => {
  const prefix = `${parent}.`;
  const fromTable = keysIn(release).filter((k) => k.startsWith(prefix));
  const extra = Object.entries(SUB_KEYS).filter(
    ([k, f]) => k.startsWith(prefix) && reads(release, f),
  );
  return [...fromTable, ...extra.map(([k]) => k)].map((k) => k.slice(prefix.length));
});

/**
 * The value rule `release` applies to `key` (dotted; `tools.*.KEY` for a tool's keys), or undefined
 * when it does not read it ('refused' for a key refused whatever its value).
 */
export function valueRule(key: string, release: Release = CODEX_NEWEST): DetailCheck | undefined {
  return valueRuleMemo(key, release);
}
const valueRuleMemo = memo((key: string, release: Release): DetailCheck | undefined => {
  const sub = Object.hasOwn(SUB_KEYS, key) ? SUB_KEYS[key] : undefined;
  if (sub) return reads(release, sub) ? sub.check : undefined;
  const fact: KeyFact | undefined = Object.hasOwn(MCP_KEYS, key) ? MCP_KEYS[key] : undefined;
  if (!fact || !reads(release, fact)) return undefined;
  const refined = (Object.hasOwn(REFINED, key) ? REFINED[key] : undefined)?.find((r) =>
    reads(release, r),
  );
  return refined?.check ?? fact.check;
});

/** The first release of the window that reads `key` when an older one of the window does not; undefined otherwise. */
export function readSince(key: string): Release | undefined {
  const fact = Object.hasOwn(SUB_KEYS, key)
    ? SUB_KEYS[key]
    : Object.hasOwn(MCP_KEYS, key)
      ? MCP_KEYS[key]
      : undefined;
  return fact?.range?.from;
}

/** The first release that accepts `value` for `key` when older ones refuse it (such as `auth = "ema_auth"`). */
export function valueSince(key: string, value: string): Release | undefined {
  const rules = Object.hasOwn(REFINED, key) ? (REFINED[key] ?? []) : [];
  const accepting = rules.filter(
    (r) => typeof r.check === 'object' && r.check.oneOf.includes(value),
  );
  const refusing = rules.some((r) => typeof r.check === 'object' && !r.check.oneOf.includes(value));
  return refusing ? accepting.at(-1)?.range?.from : undefined;
}

/** Keys Codex refuses on a `transport` entry because they belong to the other one, in `release`. */
export function foreignKeys(
  transport: 'stdio' | 'http',
  release: Release = CODEX_NEWEST,
): string[] {
  return foreignMemo(transport, release);
}
const foreignMemo = memo((transport: 'stdio' | 'http', release: Release) => {
  const other = transport === 'stdio' ? 'http' : 'stdio';
  return topKeysIn(release).filter(
    (k) => MCP_KEYS[k]?.transport === other && !LOADED_ON_EITHER.includes(k),
  );
});

/** Keys of `transport` (and both) that `release` reads: the evidence for which transport an entry meant. */
export function transportKeys(
  transport: 'stdio' | 'http',
  release: Release = CODEX_NEWEST,
): string[] {
  return transportMemo(transport, release);
}
const transportMemo = memo((transport: 'stdio' | 'http', release: Release) =>
  topKeysIn(release).filter((k) => MCP_KEYS[k]?.transport === transport),
);

/** Top-level keys `release` reads that the generator never writes (a corrected block leaves them out). */
export function notGeneratedKeys(release: Release = CODEX_NEWEST): string[] {
  return notGeneratedMemo(release);
}
const notGeneratedMemo = memo((release: Release) =>
  topKeysIn(release).filter((k) => MCP_KEYS[k]?.generated === false),
);

/** Keys Codex refuses whatever their value (such as the inline `bearer_token`). */
export function refusedKeys(): string[] {
  return Object.entries(MCP_KEYS)
    .filter(([, f]) => f.check === 'refused')
    .map(([k]) => k);
}
