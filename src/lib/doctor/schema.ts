/**
 * The doctor's value checks for [mcp_servers.NAME], one per rule of the table in src/lib/codex
 * (which keys a release reads and what it accepts), worded for the reader; checked file by file
 * against the real CLI in tests/conformance/doctor.test.ts. Also the mistakes people make.
 */
import {
  APPROVAL_MODES,
  CODEX_NEWEST,
  enumIn,
  valueRule,
  type DetailCheck,
  type Release,
} from '../codex/index.ts';
import { isNumber, isTable } from './types.ts';

/** A wrong type: where (relative to the server) and what was expected. */
export interface TypeProblem {
  at: string[];
  expected: string;
  got: unknown;
  /** Codex's message when it is not a plain type error. */
  codex?: string;
}

export type Check = (v: unknown, at: string[]) => TypeProblem | null;

/** A value described for a message (strings shortened). */
export const describe = (v: unknown): string => {
  if (typeof v === 'string')
    return `a string (${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)})`;
  if (typeof v === 'boolean') return `a boolean (${v})`;
  if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v)))
    return `a number (${String(v)})`;
  if (typeof v === 'number') return `a number (${v})`;
  if (v instanceof Date) return 'a date';
  if (Array.isArray(v)) return 'an array';
  if (isTable(v)) return 'a table';
  return 'a value of another type';
};

/** A value as it would read in the file, without ever throwing (tables and arrays are described). */
export const display = (v: unknown): string =>
  typeof v === 'string'
    ? JSON.stringify(v)
    : typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean'
      ? String(v)
      : describe(v);

const str: Check = (v, at) => (typeof v === 'string' ? null : { at, expected: 'a string', got: v });
const bool: Check = (v, at) =>
  typeof v === 'boolean' ? null : { at, expected: 'true or false (without quotes)', got: v };
const seconds: Check = (v, at) =>
  isNumber(v) ? null : { at, expected: 'a number of seconds (without quotes)', got: v };
const isInt = (v: unknown): boolean =>
  typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
const u64: Check = (v, at) =>
  isInt(v) && Number(v) >= 0
    ? null
    : { at, expected: 'a whole number of milliseconds, 0 or more', got: v };
const nonZero: Check = (v, at) =>
  isInt(v) && Number(v) >= 1 ? null : { at, expected: 'a whole number greater than 0', got: v };
const port: Check = (v, at) =>
  isInt(v) && Number(v) >= 0 && Number(v) <= 65_535
    ? null
    : { at, expected: 'a port number (0 to 65535)', got: v };
const strArray: Check = (v, at) => {
  if (!Array.isArray(v)) return { at, expected: 'an array of strings, such as ["a", "b"]', got: v };
  const bad = v.find((x) => typeof x !== 'string');
  return bad === undefined
    ? null
    : { at, expected: 'an array of strings (every item in quotes)', got: bad };
};
const strTable: Check = (v, at) => {
  if (!isTable(v))
    return { at, expected: 'a table of strings, such as { NAME = "value" }', got: v };
  for (const [k, x] of Object.entries(v))
    if (typeof x !== 'string') return { at: [...at, k], expected: 'a string', got: x };
  return null;
};
const oneOf =
  (values: readonly string[]): Check =>
  (v, at) =>
    typeof v === 'string' && values.includes(v)
      ? null
      : { at, expected: `one of ${values.map((x) => `"${x}"`).join(', ')}`, got: v };
const envVars: Check = (v, at) => {
  if (!Array.isArray(v))
    return { at, expected: 'an array of variable names, such as ["HOME", "API_KEY"]', got: v };
  for (const item of v) {
    if (typeof item === 'string') continue;
    const shape =
      isTable(item) &&
      typeof item['name'] === 'string' &&
      Object.keys(item).every((k) => k === 'name' || k === 'source');
    if (!shape || (item['source'] !== undefined && typeof item['source'] !== 'string')) {
      return {
        at,
        expected: 'variable names (strings) or { name = "VAR", source = "local" } tables',
        got: item,
        codex: 'data did not match any variant of untagged enum McpServerEnvVar',
      };
    }
  }
  return null;
};
const tableOf =
  (fields: (k: string) => Check | undefined): Check =>
  (v, at) => {
    if (!isTable(v)) return { at, expected: 'a table', got: v };
    for (const [k, x] of Object.entries(v)) {
      const check = fields(k);
      const p = check?.(x, [...at, k]);
      if (p) return p;
    }
    return null;
  };

/** The check for one rule of the table (src/lib/codex): the doctor's wording, Codex's rule. */
function checkOf(rule: DetailCheck, key: string, release: Release): Check {
  if (typeof rule === 'object') return oneOf(rule.oneOf);
  switch (rule) {
    case 'string':
      return str;
    case 'string list':
      return strArray;
    case 'env var list':
      return envVars;
    case 'string map':
      return strTable;
    case 'seconds':
      return seconds;
    case 'milliseconds':
      return u64;
    case 'integer':
    case 'positive integer':
      return nonZero;
    case 'port':
      return port;
    case 'boolean':
      return bool;
    case 'approval mode':
      return oneOf(enumIn(APPROVAL_MODES, release));
    case 'table':
      return key === 'tools'
        ? toolsCheck(release)
        : tableOf((k) => keyCheck(`${key}.${k}`, release));
    case 'refused':
      // Read as a string first (a number is a type error), then refused by an entry rule (entry.ts).
      return str;
  }
}

function toolsCheck(release: Release): Check {
  const tool = tableOf((k) => keyCheck(`tools.*.${k}`, release));
  return (v, at) => {
    if (!isTable(v))
      return { at, expected: 'a table of tools, such as [mcp_servers.NAME.tools.search]', got: v };
    for (const [name, cfg] of Object.entries(v)) {
      const p = tool(cfg, [...at, name]);
      if (p) return p;
    }
    return null;
  };
}

/**
 * The check `release` applies to `key` of [mcp_servers.NAME] (dotted for sub-keys, `tools.*.KEY`
 * for a tool's keys), or undefined for a key it does not read (it ignores it).
 */
export function keyCheck(key: string, release: Release = CODEX_NEWEST): Check | undefined {
  const id = `${release}\u0000${key}`;
  if (!CHECKS.has(id)) {
    const rule = valueRule(key, release);
    CHECKS.set(id, rule === undefined ? undefined : checkOf(rule, key, release));
  }
  return CHECKS.get(id);
}
// Built once per key and release: every entry of a large file asks for the same checks.
const CHECKS = new Map<string, Check | undefined>();

/** Keys people write that Codex does not read, and what they meant. */
export const MISTAKES: Record<string, string> = {
  headers: '`http_headers` (or `env_http_headers`, to take the value from an environment variable)',
  serverUrl: '`url`',
  server_url: '`url`',
  httpUrl: '`url`',
  endpoint: '`url`',
  uri: '`url`',
  baseUrl: '`url`',
  cmd: '`command`',
  arguments: '`args`',
  environment: '`env`',
  envs: '`env`',
  envVars: '`env_vars`',
  env_passthrough: '`env_vars`',
  timeout: '`startup_timeout_sec` or `tool_timeout_sec` (both in seconds)',
  startup_timeout: '`startup_timeout_sec`',
  startupTimeout: '`startup_timeout_sec`',
  startupTimeoutSec: '`startup_timeout_sec`',
  tool_timeout: '`tool_timeout_sec`',
  toolTimeout: '`tool_timeout_sec`',
  toolTimeoutSec: '`tool_timeout_sec`',
  disabled: '`enabled = false`',
  autoApprove: '`default_tools_approval_mode`, or `tools.TOOL.approval_mode = "approve"`',
  alwaysAllow: '`default_tools_approval_mode`, or `tools.TOOL.approval_mode = "approve"`',
  auto_approve: '`default_tools_approval_mode`, or `tools.TOOL.approval_mode = "approve"`',
  bearer_token_env: '`bearer_token_env_var`',
  bearer_env_var: '`bearer_token_env_var`',
  token_env_var: '`bearer_token_env_var`',
  bearerTokenEnvVar: '`bearer_token_env_var`',
  env_headers: '`env_http_headers`',
  headers_env: '`env_http_headers`',
  envHttpHeaders: '`env_http_headers`',
  httpHeaders: '`http_headers`',
  allowed_tools: '`enabled_tools`',
  allowedTools: '`enabled_tools`',
  enabledTools: '`enabled_tools`',
  disabledTools: '`disabled_tools`',
  blocked_tools: '`disabled_tools`',
  working_directory: '`cwd`',
  workingDirectory: '`cwd`',
  workdir: '`cwd`',
  oauth_scopes: '`scopes`',
  client_id: '`oauth.client_id` (in an `[mcp_servers.NAME.oauth]` table)',
  client_secret: '`oauth.client_secret` (in an `[mcp_servers.NAME.oauth]` table)',
  oauth_client_id: '`oauth.client_id`',
};
export const URL_ALIASES = [
  'serverUrl',
  'server_url',
  'httpUrl',
  'endpoint',
  'uri',
  'baseUrl',
] as const;
