/**
 * The pinned Codex CLI's schema for [mcp_servers.NAME] (RawMcpServerConfig), as observed and
 * checked file by file in tests/conformance/doctor.test.ts: every key, its type, its transport.
 */
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
  if (typeof v === 'string') return `a string (${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)})`;
  if (typeof v === 'boolean') return `a boolean (${v})`;
  if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) return `a number (${String(v)})`;
  if (typeof v === 'number') return `a number (${v})`;
  if (v instanceof Date) return 'a date';
  if (Array.isArray(v)) return 'an array';
  if (isTable(v)) return 'a table';
  return 'a value of another type';
};

/** A value as it would read in the file, without ever throwing (tables and arrays are described). */
export const display = (v: unknown): string =>
  typeof v === 'string' ? JSON.stringify(v) : typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' ? String(v) : describe(v);

const str: Check = (v, at) => (typeof v === 'string' ? null : { at, expected: 'a string', got: v });
const bool: Check = (v, at) => (typeof v === 'boolean' ? null : { at, expected: 'true or false (without quotes)', got: v });
const seconds: Check = (v, at) => (isNumber(v) ? null : { at, expected: 'a number of seconds (without quotes)', got: v });
const isInt = (v: unknown): boolean => typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
const u64: Check = (v, at) => (isInt(v) && Number(v) >= 0 ? null : { at, expected: 'a whole number of milliseconds, 0 or more', got: v });
const nonZero: Check = (v, at) => (isInt(v) && Number(v) >= 1 ? null : { at, expected: 'a whole number greater than 0', got: v });
const port: Check = (v, at) => (isInt(v) && Number(v) >= 0 && Number(v) <= 65_535 ? null : { at, expected: 'a port number (0 to 65535)', got: v });
const strArray: Check = (v, at) => {
  if (!Array.isArray(v)) return { at, expected: 'an array of strings, such as ["a", "b"]', got: v };
  const bad = v.find((x) => typeof x !== 'string');
  return bad === undefined ? null : { at, expected: 'an array of strings (every item in quotes)', got: bad };
};
const strTable: Check = (v, at) => {
  if (!isTable(v)) return { at, expected: 'a table of strings, such as { NAME = "value" }', got: v };
  for (const [k, x] of Object.entries(v)) if (typeof x !== 'string') return { at: [...at, k], expected: 'a string', got: x };
  return null;
};
const oneOf =
  (values: readonly string[]): Check =>
  (v, at) =>
    typeof v === 'string' && values.includes(v) ? null : { at, expected: `one of ${values.map((x) => `"${x}"`).join(', ')}`, got: v };
const envVars: Check = (v, at) => {
  if (!Array.isArray(v)) return { at, expected: 'an array of variable names, such as ["HOME", "API_KEY"]', got: v };
  for (const item of v) {
    if (typeof item === 'string') continue;
    const shape = isTable(item) && typeof item['name'] === 'string' && Object.keys(item).every((k) => k === 'name' || k === 'source');
    if (!shape || (item['source'] !== undefined && typeof item['source'] !== 'string')) {
      return { at, expected: 'variable names (strings) or { name = "VAR", source = "local" } tables', got: item, codex: 'data did not match any variant of untagged enum McpServerEnvVar' };
    }
  }
  return null;
};
const subTable =
  (fields: Record<string, Check>): Check =>
  (v, at) => {
    if (!isTable(v)) return { at, expected: 'a table', got: v };
    for (const [k, check] of Object.entries(fields)) if (k in v) {
      const p = check(v[k], [...at, k]);
      if (p) return p;
    }
    return null;
  };
export const OAUTH_FIELDS: Record<string, Check> = {
  client_id: str,
  client_secret: str,
  callback_url: str,
  callback_port: port,
  token_endpoint_auth_method: oneOf(['client_secret_basic', 'client_secret_post']),
  authorization_server_issuer: str,
};
const APPROVAL = ['auto', 'prompt', 'writes', 'approve'] as const;
export const TOOL_FIELDS: Record<string, Check> = { approval_mode: oneOf(APPROVAL), output_token_limit: nonZero };
const tools: Check = (v, at) => {
  if (!isTable(v)) return { at, expected: 'a table of tools, such as [mcp_servers.NAME.tools.search]', got: v };
  for (const [tool, cfg] of Object.entries(v)) {
    const p = subTable(TOOL_FIELDS)(cfg, [...at, tool]);
    if (p) return p;
  }
  return null;
};

type Where = 'stdio' | 'http' | 'both';
interface KeyRule {
  where: Where;
  check: Check;
}

/** Every key the pinned Codex reads in [mcp_servers.NAME]; anything else is ignored (a session warns about it). */
export const KEYS: Record<string, KeyRule> = {
  command: { where: 'stdio', check: str },
  args: { where: 'stdio', check: strArray },
  env: { where: 'stdio', check: strTable },
  env_vars: { where: 'stdio', check: envVars },
  cwd: { where: 'stdio', check: str },
  url: { where: 'http', check: str },
  bearer_token_env_var: { where: 'http', check: str },
  http_headers: { where: 'http', check: strTable },
  env_http_headers: { where: 'http', check: strTable },
  http_headers_helper: { where: 'http', check: str },
  oauth: { where: 'http', check: subTable(OAUTH_FIELDS) },
  oauth_resource: { where: 'http', check: str },
  auth: { where: 'http', check: oneOf(['oauth', 'chatgpt', 'ema_auth']) },
  bearer_token: { where: 'both', check: str },
  scopes: { where: 'both', check: strArray },
  startup_timeout_sec: { where: 'both', check: seconds },
  startup_timeout_ms: { where: 'both', check: u64 },
  tool_timeout_sec: { where: 'both', check: seconds },
  enabled: { where: 'both', check: bool },
  required: { where: 'both', check: bool },
  enabled_tools: { where: 'both', check: strArray },
  disabled_tools: { where: 'both', check: strArray },
  default_tools_approval_mode: { where: 'both', check: oneOf(APPROVAL) },
  tools: { where: 'both', check: tools },
  supports_parallel_tool_calls: { where: 'both', check: bool },
  tool_input_schema_max_bytes: { where: 'both', check: nonZero },
  environment_id: { where: 'both', check: str },
  startup_readiness: { where: 'both', check: oneOf(['connection', 'catalog']) },
  name: { where: 'both', check: str },
};

/** The stdio keys Codex refuses on an HTTP entry, and the HTTP keys it refuses on a stdio entry. */
export const STDIO_ONLY = ['args', 'env', 'env_vars', 'cwd'] as const;
export const HTTP_ONLY = ['url', 'bearer_token_env_var', 'http_headers', 'env_http_headers', 'http_headers_helper', 'oauth', 'oauth_resource', 'auth'] as const;

/** Keys the generator does not write; a corrected block leaves them out (and says so). */
export const NOT_GENERATED = ['default_tools_approval_mode', 'tools', 'supports_parallel_tool_calls', 'tool_input_schema_max_bytes', 'environment_id', 'startup_readiness', 'auth', 'http_headers_helper', 'name'] as const;

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
export const URL_ALIASES = ['serverUrl', 'server_url', 'httpUrl', 'endpoint', 'uri', 'baseUrl'] as const;
