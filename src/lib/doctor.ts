/**
 * The config doctor: reads a pasted `config.toml` (or another client's JSON `mcpServers` block)
 * and says, per server, what the pinned Codex CLI refuses to load, what it silently ignores, and what is
 * risky, with a corrected `[mcp_servers.NAME]` block produced by the same core as the generator
 * (`generate()`), never written by hand. Pure and total: nothing here throws or touches the DOM.
 *
 * The rules are Codex's own, observed with the pinned CLI and checked file by file in
 * tests/conformance/doctor.test.ts (corpus in tests/conformance/doctor-corpus/).
 */
import { parse, TomlError } from 'smol-toml';
import type { EnvLines } from './env.ts';
import { generate } from './generate.ts';
import { emptySpec, type EnvVarSpec, type Pair, type ServerSpec } from './model.ts';
import { lineOf, scanToml, type TomlStatement } from './toml-scan.ts';
import { hasSecretQuery, moveArgSecrets, secretOptionValue, stripSecretQuery } from './doctor/secrets.ts';
import { hasPlaceholder, placeholderVar } from './doctor/values.ts';

export { hasPlaceholder, placeholderVar };
import { checkEnvName, checkServerName, checkTimeout, checkUrl, ENV_NAME_RE, looksLikeSecret, MAX_TIMEOUT_SEC, SERVER_NAME_RE } from './validate.ts';

// ---------------------------------------------------------------------------------------------
// Report shapes

/** rejected: Codex refuses to load it. ignored: Codex loads the file but never reads it. risk: loads, but unsafe or broken. */
export type FindingKind = 'rejected' | 'ignored' | 'risk';

export interface Finding {
  kind: FindingKind;
  /** error: the file (or this server) does not work; warning: fix it; info: worth knowing. */
  severity: 'error' | 'warning' | 'info';
  /** Path inside the server table, such as ['tool_timeout_sec'] or ['env', 'API_KEY']; [] for the whole entry. */
  key: string[];
  /** Where Codex reports it, as Codex prints it: `mcp_servers.a.tool_timeout_sec`, or `mcp_servers.a` for rules about the entry. */
  codexPath: string;
  /** Codex's own wording, when the doctor knows it exactly (the entry-level rules). */
  codexMessage?: string;
  message: string;
  /** 1-based line in the pasted text, when known. */
  line?: number;
}

/** A corrected entry, produced by `generate()` from what could be salvaged. */
export interface CorrectedBlock {
  name: string;
  toml: string;
  /** Variables to export (placeholders only: the doctor never copies a secret into its output). */
  env: EnvLines | null;
  /** What differs from the pasted entry, one sentence each. */
  changes: string[];
  /** Valid keys of the pasted entry that the generator does not write: copy them by hand if needed. */
  notCarried: string[];
}

export interface ServerReport {
  name: string;
  /** Set when the entry sits under a table Codex does not read (such as [mcpServers]): the whole entry is ignored. */
  misplaced?: string;
  /** 1-based line where the entry starts, when known. */
  line?: number;
  transport: 'stdio' | 'http' | null;
  rejected: Finding[];
  ignored: Finding[];
  risks: Finding[];
  corrected: CorrectedBlock | null;
  /** Why there is no corrected block (the core's errors on the salvaged entry). */
  correctedProblems: string[];
}

export interface ParseProblem {
  message: string;
  line: number;
  column: number;
}

export interface DoctorReport {
  source: 'toml' | 'json';
  parseError: ParseProblem | null;
  /** Problems not tied to one server (mcp_servers of the wrong type, servers under a misspelled table). */
  file: Finding[];
  servers: ServerReport[];
  /**
   * TOML: the file is valid TOML and Codex accepts its [mcp_servers] part (keys outside it are not
   * checked, so this is not "Codex loads the whole file"). JSON: every server converted into a block.
   */
  loads: boolean;
  summary: string;
}

export interface DiagnoseOptions {
  /** Names of the variables exported in the shell that starts Codex; when given, references to others are flagged. */
  exportedEnv?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// The pinned Codex CLI's schema for [mcp_servers.NAME] (RawMcpServerConfig), as observed.

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const isNumber = (v: unknown): v is number | bigint => typeof v === 'number' || typeof v === 'bigint';

/** A wrong type: where (relative to the server) and what was expected. */
interface TypeProblem {
  at: string[];
  expected: string;
  got: unknown;
  /** Codex's message when it is not a plain type error. */
  codex?: string;
}

type Check = (v: unknown, at: string[]) => TypeProblem | null;

const describe = (v: unknown): string => {
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
const display = (v: unknown): string =>
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
const OAUTH_FIELDS: Record<string, Check> = {
  client_id: str,
  client_secret: str,
  callback_url: str,
  callback_port: port,
  token_endpoint_auth_method: oneOf(['client_secret_basic', 'client_secret_post']),
  authorization_server_issuer: str,
};
const APPROVAL = ['auto', 'prompt', 'writes', 'approve'] as const;
const TOOL_FIELDS: Record<string, Check> = { approval_mode: oneOf(APPROVAL), output_token_limit: nonZero };
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

/** Every key the pinned Codex reads in [mcp_servers.NAME]; anything else is ignored silently. */
const KEYS: Record<string, KeyRule> = {
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
const STDIO_ONLY = ['args', 'env', 'env_vars', 'cwd'] as const;
const HTTP_ONLY = ['url', 'bearer_token_env_var', 'http_headers', 'env_http_headers', 'http_headers_helper', 'oauth', 'oauth_resource', 'auth'] as const;

/** Keys the generator does not write; a corrected block leaves them out (and says so). */
const NOT_GENERATED = ['default_tools_approval_mode', 'tools', 'supports_parallel_tool_calls', 'tool_input_schema_max_bytes', 'environment_id', 'startup_readiness', 'auth', 'http_headers_helper', 'name'] as const;

/** Keys people write that Codex does not read, and what they meant. */
const MISTAKES: Record<string, string> = {
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
const URL_ALIASES = ['serverUrl', 'server_url', 'httpUrl', 'endpoint', 'uri', 'baseUrl'] as const;

/** Edit distance, for "did you mean" on typos of real keys; stops early (returning `limit`) once it must reach `limit`. */
function distance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  // One typed row, no Math.min over arrays: this runs for every unknown key of every server.
  const row = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      const sub = prev + (a[i - 1] === b[j - 1] ? 0 : 1);
      const del = tmp + 1;
      const ins = (row[j - 1] as number) + 1;
      const d = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      row[j] = d;
      if (d < rowMin) rowMin = d;
      prev = tmp;
    }
    if (rowMin >= limit) return limit;
  }
  return row[b.length] as number;
}

function suggestionFor(key: string, known: readonly string[]): string | undefined {
  const mistake = Object.hasOwn(MISTAKES, key) ? MISTAKES[key] : undefined;
  if (mistake) return mistake;
  const lower = key.toLowerCase().replace(/-/g, '_');
  const exact = known.find((k) => k === lower);
  if (exact) return exact;
  if (key.length < 4) return undefined;
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    // The distance is at least the difference in length: skip the O(n·m) table when it cannot win.
    if (Math.abs(lower.length - k.length) >= bestD) continue;
    const d = distance(lower, k, bestD);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Helpers for risks

const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|cookie)$|key|token|secret|auth|session|password/i;
const SECRET_ENV_KEY = /key|token|secret|password|passwd|pwd|credential|auth|cookie|session|private/i;
/** Whether a header value (by name or content) is a credential. */
const isCredentialHeader = (name: string, value: string): boolean => value !== '' && !placeholderVar(value.replace(/^(Bearer|Basic|Token)\s+/i, '')) && (CREDENTIAL_HEADER.test(name) || looksLikeSecret(value));
const isSecretEnv = (name: string, value: string): boolean => value.trim() !== '' && !hasPlaceholder(value) && (SECRET_ENV_KEY.test(name) || looksLikeSecret(value));

/** UPPER_SNAKE form of a name, for suggested variable names. */
function upperSnake(s: string): string {
  const u = s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
  return trimChar(u, '_');
}

/** `s` without leading and trailing `c` (a loop: `c+$` backtracks quadratically over a long run of c). */
function trimChar(s: string, c: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s[start] === c) start += 1;
  while (end > start && s[end - 1] === c) end -= 1;
  return s.slice(start, end);
}

/** The token of a `Bearer TOKEN` value (one line), else undefined; same as /^Bearer\s+(.+)$/i without its backtracking. */
function bearerToken(value: string): string | undefined {
  const v = value.trim();
  const m = /^Bearer\s+/i.exec(v);
  if (!m) return undefined;
  const token = v.slice(m[0].length);
  return token === '' || /[\n\r\u2028\u2029]/.test(token) ? undefined : token;
}

/** A server name Codex's CLI accepts, made from one it does not. */
export function saneServerName(name: string): string {
  const fixed = trimChar(name.trim().replace(/[^A-Za-z0-9_:@/.-]+/g, '-'), '-');
  return fixed === '' ? 'server' : fixed;
}

const codexJoin = (parts: readonly string[]): string => parts.join('.');

// ---------------------------------------------------------------------------------------------
// Checking one server table

interface Context {
  name: string;
  statements: TomlStatement[] | null;
  /** The table path the entry sits under (mcp_servers, or a misspelled one). */
  base: string[];
  exported: Set<string> | null;
}

class Findings {
  readonly rejected: Finding[] = [];
  readonly ignored: Finding[] = [];
  readonly risks: Finding[] = [];
  private readonly ctx: Context;
  constructor(ctx: Context) {
    this.ctx = ctx;
  }
  private make(kind: FindingKind, severity: Finding['severity'], key: string[], message: string, codexPath?: string, codexMessage?: string): Finding {
    const line = lineOf(this.ctx.statements, [...this.ctx.base, this.ctx.name, ...key]);
    const f: Finding = { kind, severity, key, codexPath: codexPath ?? codexJoin(['mcp_servers', this.ctx.name, ...key]), message };
    if (codexMessage !== undefined) f.codexMessage = codexMessage;
    if (line !== undefined) f.line = line;
    return f;
  }
  /**
   * Codex refuses this. With codexMessage, Codex reports it at the entry (`mcp_servers.NAME`), or
   * at the key itself when `atKey` (rules checked while the key is read).
   */
  reject(key: string[], message: string, codexMessage?: string, atKey = false): void {
    const path = codexMessage !== undefined && !atKey ? codexJoin(['mcp_servers', this.ctx.name]) : undefined;
    this.rejected.push(this.make('rejected', 'error', key, message, path, codexMessage));
  }
  /** A type error, which Codex reports at the value's own path. */
  typeError(p: TypeProblem): void {
    const where = `\`${p.at.join('.')}\``;
    const message = p.codex
      ? `${where} must be ${p.expected}; got ${describe(p.got)}.`
      : `${where} must be ${p.expected}, but it is ${describe(p.got)}.`;
    // Codex names array elements by the array (no index), and table values by their key.
    this.rejected.push(this.make('rejected', 'error', p.at, message, codexJoin(['mcp_servers', this.ctx.name, ...p.at])));
  }
  ignore(key: string[], message: string, severity: Finding['severity'] = 'warning'): void {
    this.ignored.push(this.make('ignored', severity, key, message));
  }
  risk(key: string[], message: string, severity: Finding['severity'] = 'warning'): void {
    this.risks.push(this.make('risk', severity, key, message));
  }
}

/**
 * Timeout rules: Codex turns seconds into a Duration, which fails for negative, NaN, infinite or
 * ≥ 2^64 s. It converts tool_timeout_sec while reading the key (the error names the key) and
 * startup_timeout_sec afterwards (the error names only the entry).
 */
function checkSeconds(key: string, v: number | bigint, out: Findings): void {
  const n = Number(v);
  const atKey = key === 'tool_timeout_sec';
  if (n < 0) {
    out.reject([key], `\`${key}\` is negative (${String(v)}): Codex refuses to load it. Use a positive number of seconds, or remove the key for Codex's default.`, 'cannot convert float seconds to Duration: value is negative', atKey);
  } else if (!Number.isFinite(n) || n >= 2 ** 64) {
    out.reject([key], `\`${key}\` (${String(v)}) is not a usable number of seconds: Codex refuses to load it. Use a number such as 60.`, 'cannot convert float seconds to Duration: value is either too big or NaN', atKey);
  } else if (n === 0) {
    out.risk([key], `\`${key} = 0\` makes ${key === 'startup_timeout_sec' ? 'every start of this server' : 'every tool call'} time out at once. Remove it for Codex's default, or use a number such as 60.`);
  } else if (n > MAX_TIMEOUT_SEC) {
    out.risk([key], `\`${key}\` is ${String(v)} seconds, more than a day: milliseconds written as seconds? Codex takes it as seconds.`, 'info');
  }
}

/** The variables a server reads from the environment Codex runs in. */
function referencedEnv(t: Table): { bearer?: string; headers: [string, string][]; passThrough: string[] } {
  const bearer = typeof t['bearer_token_env_var'] === 'string' ? t['bearer_token_env_var'] : undefined;
  const headers = isTable(t['env_http_headers']) ? Object.entries(t['env_http_headers']).filter((e): e is [string, string] => typeof e[1] === 'string') : [];
  const passThrough = Array.isArray(t['env_vars'])
    ? t['env_vars'].map((x) => (typeof x === 'string' ? x : isTable(x) && typeof x['name'] === 'string' ? x['name'] : undefined)).filter((x): x is string => x !== undefined)
    : [];
  return { ...(bearer !== undefined && { bearer }), headers, passThrough };
}

const MAX_VISIT_DEPTH = 32;

function checkRisks(t: Table, transport: 'stdio' | 'http' | null, out: Findings, ctx: Context): void {
  // Names: Codex loads any name from the file, but its own commands refuse names outside its rule.
  const nameProblem = checkServerName(ctx.name);
  if (nameProblem && SERVER_NAME_RE.test(ctx.name) === false) {
    out.risk([], `Codex loads this entry, but \`codex mcp add\`, \`remove\` and \`login\` refuse the name "${ctx.name}" (letters, digits, "-", "_", ":", "@", "/" and "." only), so you can only manage it by editing the file. The corrected block renames it.`);
  } else if (ctx.name.startsWith('-')) {
    out.risk([], `The name "${ctx.name}" starts with "-": \`codex mcp get/remove/login\` read it as an option. The corrected block renames it.`, 'info');
  }

  // Variables in values: Codex never expands them.
  const visit = (v: unknown, key: string[], depth = 0): void => {
    // Bounded: a value nested this deep is a type error Codex reports anyway, and recursing into
    // thousands of levels would overflow the stack.
    if (depth > MAX_VISIT_DEPTH) return;
    if (typeof v === 'string') {
      if (hasPlaceholder(v) && key[0] !== 'env_http_headers' && key[0] !== 'bearer_token_env_var') {
        out.risk(key, `\`${key.join('.')}\` holds "${v}": Codex passes it literally and never expands variables (no \${VAR}, $VAR or %VAR%). ${placeholderFix(key)}`);
      }
    } else if (Array.isArray(v)) {
      for (const x of v) visit(x, key, depth + 1);
    } else if (isTable(v)) {
      for (const [k, x] of Object.entries(v)) visit(x, [...key, k], depth + 1);
    }
  };
  for (const [k, v] of Object.entries(t)) if (k in KEYS || k === 'headers') visit(v, [k]);

  // Secrets in plaintext.
  for (const hk of ['http_headers', 'headers'] as const) {
    const headers = t[hk];
    if (!isTable(headers)) continue;
    for (const [h, v] of Object.entries(headers)) {
      if (typeof v === 'string' && isCredentialHeader(h, v)) {
        out.risk([hk, h], `Header ${h} holds a credential in plaintext: anyone who can read config.toml (backups, dotfile repos, screen shares) can use it. The corrected block reads it from an environment variable instead.`);
      }
    }
  }
  if (isTable(t['env'])) {
    for (const [k, v] of Object.entries(t['env'])) {
      if (typeof v === 'string' && isSecretEnv(k, v)) {
        out.risk(['env', k], `env.${k} looks like a secret written into config.toml in plaintext. The corrected block passes ${k} through from your shell (env_vars) instead, so the file only names it.`);
      }
    }
  }
  if (Array.isArray(t['args'])) {
    const args = t['args'].map((a) => (typeof a === 'string' ? a : ''));
    const { moved } = moveArgSecrets(args, (suffix) => suffix);
    const covered = new Set(moved.flatMap((m) => m.at));
    for (const m of moved) {
      out.risk(['args'], `The argument ${m.what} holds a credential: it sits in config.toml in plaintext and is visible in the process list. The corrected block moves it to a variable (env_vars).`);
    }
    args.forEach((a, i) => {
      if (!covered.has(i) && (secretOptionValue(a) !== undefined || looksLikeSecret(a))) {
        out.risk(['args'], `An argument looks like a credential (${a.slice(0, 4)}…): it sits in config.toml in plaintext and is visible in the process list. Prefer a variable the server reads (env_vars).`);
      }
    });
  }
  if (isTable(t['oauth']) && typeof t['oauth']['client_secret'] === 'string' && t['oauth']['client_secret'] !== '') {
    out.risk(['oauth', 'client_secret'], 'oauth.client_secret is stored in config.toml in plaintext. Keep it only if your provider requires a confidential client, and keep the file private (chmod 600). The corrected block leaves it out.');
  }
  if (typeof t['bearer_token'] === 'string' && t['bearer_token'] !== '' && !placeholderVar(t['bearer_token'])) {
    out.risk(['bearer_token'], 'An inline bearer token sits in the file in plaintext (and Codex refuses the key anyway). Rotate it if the file was ever shared.');
  }

  // The server address.
  if (transport === 'http' && typeof t['url'] === 'string') {
    const url = t['url'];
    const u = checkUrl(url.trim());
    if (u.error) out.risk(['url'], `Codex loads this entry but cannot connect: ${u.error}`, 'error');
    for (const w of u.warnings) out.risk(['url'], w);
    if (hasSecretQuery(url)) out.risk(['url'], 'The URL carries a credential in its query string: it is stored in plaintext and often ends up in server logs. Prefer a bearer token variable or an env-sourced header if the provider allows it.');
  }
  if (transport === 'stdio' && typeof t['command'] === 'string') {
    const cmd = t['command'];
    if (cmd.trim() === '') out.risk(['command'], 'The command is empty: Codex loads the entry, but the server can never start.', 'error');
    else if (/\s/.test(cmd.trim())) {
      out.risk(['command'], `The command "${cmd}" contains a space: Codex runs it as ONE program name (no shell splits it), so the server will not start. Put the program in command and each argument in args.`, 'error');
    }
  }
  if (typeof t['cwd'] === 'string') {
    const cwd = t['cwd'];
    if (cwd.startsWith('~')) out.risk(['cwd'], 'cwd starts with "~", which Codex does not expand: write the full path.');
    else if (cwd !== '' && !/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(cwd)) out.risk(['cwd'], 'cwd is relative: Codex resolves it against wherever it was started. Prefer a full path.', 'info');
  }

  // Variables the server reads.
  const refs = referencedEnv(t);
  if (refs.bearer !== undefined) {
    const r = checkEnvName(refs.bearer, 'bearer_token_env_var');
    if (r.error || r.warning) out.risk(['bearer_token_env_var'], `${r.error ?? r.warning ?? ''} Codex looks up a variable with exactly that name.`, r.error ? 'error' : 'warning');
  }
  for (const [h, v] of refs.headers) {
    const r = checkEnvName(v, `env_http_headers.${h}`);
    if (r.error || r.warning) out.risk(['env_http_headers', h], `${r.error ?? r.warning ?? ''} Codex looks up a variable with exactly that name, and leaves the header out when it is not set.`, r.error ? 'error' : 'warning');
  }
  if (ctx.exported) {
    const exported = ctx.exported;
    if (refs.bearer !== undefined && refs.bearer !== '' && !exported.has(refs.bearer)) {
      out.risk(['bearer_token_env_var'], `${refs.bearer} is not among the variables you listed as exported: with it unset or empty, this server fails to start.`);
    }
    for (const [h, v] of refs.headers) {
      if (v !== '' && !exported.has(v)) out.risk(['env_http_headers', h], `${v} is not among the variables you listed as exported: Codex then silently leaves header ${h} out, and the server answers with an authentication error.`);
    }
    for (const v of refs.passThrough) {
      if (!exported.has(v)) out.risk(['env_vars'], `${v} is not among the variables you listed as exported: the server will not see it.`);
    }
  }

  // Two credentials at once.
  const headerNames = [...Object.keys(isTable(t['http_headers']) ? t['http_headers'] : {}), ...Object.keys(isTable(t['env_http_headers']) ? t['env_http_headers'] : {})];
  if (refs.bearer !== undefined && headerNames.some((h) => h.toLowerCase() === 'authorization')) {
    out.risk(['bearer_token_env_var'], 'Both bearer_token_env_var and an Authorization header are set: the server receives two credentials. Keep one.');
  }

  if (t['enabled'] === false) out.risk(['enabled'], 'This server is disabled (enabled = false): Codex loads the entry but never starts it.', 'info');
  if (t['enabled'] === false && t['required'] === true) out.risk(['required'], 'required = true has no effect on a disabled server.', 'info');
  if (typeof t['startup_timeout_ms'] === 'number' && !('startup_timeout_sec' in t)) {
    out.risk(['startup_timeout_ms'], 'startup_timeout_ms is the old spelling; Codex still reads it, but startup_timeout_sec (in seconds) is the documented key. The corrected block converts it.', 'info');
  }
  if (t['auth'] === 'ema_auth' || t['auth'] === 'chatgpt') {
    out.risk(['auth'], `auth = ${display(t['auth'])} is an enterprise/managed setting with rules of its own that the doctor does not check.`, 'info');
  }
}

function placeholderFix(key: string[]): string {
  switch (key[0]) {
    case 'http_headers':
    case 'headers':
      return key[1]?.toLowerCase() === 'authorization'
        ? 'Use bearer_token_env_var = "VAR" for a Bearer token, or env_http_headers for another scheme (the corrected block does this).'
        : 'Use env_http_headers = { HEADER = "VAR" } instead (the corrected block does this).';
    case 'env':
      return 'List the variable in env_vars to pass it through from your shell (the corrected block does this).';
    case 'bearer_token':
      return 'Use bearer_token_env_var = "VAR".';
    default:
      return 'Write the actual value, or have the server read the variable itself (env_vars passes variables through).';
  }
}

/** Analyses one entry; `misplaced` names the wrong table it sits under, if any. */
function checkServer(t: unknown, ctx: Context, misplaced?: string): ServerReport {
  const out = new Findings(ctx);
  const line = lineOf(ctx.statements, [...ctx.base, ctx.name]);
  const report = (transport: ServerReport['transport'], salvaged: Table | null): ServerReport => {
    const r: ServerReport = { name: ctx.name, transport, rejected: out.rejected, ignored: out.ignored, risks: out.risks, corrected: null, correctedProblems: [] };
    if (line !== undefined) r.line = line;
    if (misplaced) r.misplaced = misplaced;
    if (salvaged) {
      const fixed = correct(ctx.name, salvaged, ctx.exported);
      r.corrected = fixed.corrected;
      r.correctedProblems = fixed.problems;
    } else r.correctedProblems = ['There is nothing to build a corrected entry from: it needs a command (local server) or a url (remote server).'];
    return r;
  };

  if (!isTable(t)) {
    if (misplaced) out.ignore([], `This is under [${misplaced}], which Codex does not read.`);
    else out.reject([], `mcp_servers.${ctx.name} must be a table ([mcp_servers.${ctx.name}] with keys under it), but it is ${describe(t)}.`, 'invalid type');
    return report(null, null);
  }

  const hasCommand = 'command' in t;
  const hasUrl = 'url' in t;
  const transport: 'stdio' | 'http' | null = hasCommand ? 'stdio' : hasUrl ? 'http' : null;

  if (misplaced) {
    out.ignore([], `This whole entry is ignored: it is under [${misplaced}.${ctx.name}], and Codex only reads [mcp_servers.${ctx.name}]. The corrected block puts it in the right place.`);
    checkRisks(t, transport, out, ctx);
    return report(transport, t);
  }

  // Types (Codex's first check, while reading the file), and keys it does not know.
  const known = Object.keys(KEYS);
  for (const [key, value] of Object.entries(t)) {
    const rule = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
    if (!rule) {
      const hint = suggestionFor(key, known);
      const what =
        key === 'type' || key === 'transport'
          ? `Codex ignores \`${key}\`: it picks the transport itself (url means streamable HTTP, command means a local stdio process).${value === 'sse' ? ' Codex has no SSE transport: point url at the server\'s streamable HTTP endpoint (often /mcp), or bridge with mcp-remote.' : ''}`
          : `Codex ignores \`${key}\`: it is not a key Codex reads.${hint ? ` ${Object.hasOwn(MISTAKES, key) ? `Use ${hint} instead.` : `Did you mean \`${hint}\`?`}` : ''}${key === 'headers' ? ' These headers are never sent.' : ''}`;
      out.ignore([key], what, key === 'type' || key === 'transport' ? 'info' : 'warning');
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

  // Entry-level rules (Codex's second check): one transport per entry.
  if (transport === null) {
    const alias = URL_ALIASES.find((a) => typeof t[a] === 'string');
    out.reject([], `This entry has neither \`command\` (a local server) nor \`url\` (a remote server), so Codex cannot tell how to reach it and refuses the file ("invalid transport").${alias ? ` It has \`${alias}\`: Codex calls that \`url\`.` : ''}`, 'invalid transport');
    if ('bearer_token' in t) out.reject(['bearer_token'], 'bearer_token (an inline token) is not accepted by Codex: put the token in an environment variable and name it in bearer_token_env_var.');
  } else {
    const codexTransport = transport === 'stdio' ? 'stdio' : 'streamable_http';
    const foreign: readonly string[] = transport === 'stdio' ? HTTP_ONLY : STDIO_ONLY;
    for (const key of foreign) {
      if (key in t) {
        const why = transport === 'stdio' ? 'a local (stdio) server, because it has `command`' : 'a remote (streamable HTTP) server, because it has `url`';
        out.reject([key], `\`${key}\` belongs to the other transport: this entry is ${why}, and Codex refuses to mix the two. Remove one side.`, `${key} is not supported for ${codexTransport}`);
      }
    }
    if ('bearer_token' in t) {
      out.reject(['bearer_token'], 'Codex no longer accepts an inline `bearer_token`: export the token in an environment variable and set `bearer_token_env_var` to its name. The corrected block does this.', `bearer_token is not supported for ${codexTransport}`);
    }
    if (transport === 'stdio' && 'scopes' in t) out.ignore(['scopes'], 'scopes only matter to `codex mcp login`, which works for remote (HTTP) servers only: Codex ignores them here.', 'info');
  }
  for (const key of ['startup_timeout_sec', 'tool_timeout_sec'] as const) {
    const v = t[key];
    if (isNumber(v)) checkSeconds(key, v, out);
  }
  if (Array.isArray(t['env_vars'])) {
    for (const item of t['env_vars']) {
      if (isTable(item) && typeof item['source'] === 'string' && item['source'] !== 'local' && item['source'] !== 'remote') {
        out.reject(['env_vars'], `env_vars source "${item['source']}" is not one Codex knows: use "local" or "remote".`, `unsupported env_vars source \`${item['source']}\`; expected \`local\` or \`remote\``);
      }
    }
  }
  if (transport === 'http') {
    const oauth = t['oauth'];
    if (isTable(oauth)) {
      const ema = t['auth'] === 'ema_auth';
      if ('client_secret' in oauth && !('client_id' in oauth)) out.reject(['oauth', 'client_secret'], 'oauth.client_secret needs oauth.client_id next to it: add the client id, or remove the secret.', 'oauth.client_secret requires oauth.client_id');
      if (oauth['client_secret'] === '') out.reject(['oauth', 'client_secret'], 'oauth.client_secret is empty: remove the key, or fill it in.', 'oauth.client_secret must not be empty');
      if ('token_endpoint_auth_method' in oauth && !ema) {
        if (!('client_secret' in oauth)) out.reject(['oauth', 'token_endpoint_auth_method'], 'oauth.token_endpoint_auth_method needs oauth.client_secret.', 'oauth.token_endpoint_auth_method requires oauth.client_secret');
        out.reject(['oauth', 'token_endpoint_auth_method'], 'oauth.token_endpoint_auth_method is only for enterprise-managed auth (auth = "ema_auth"): remove it.', 'oauth.token_endpoint_auth_method requires auth = "ema_auth"');
      }
      if ('authorization_server_issuer' in oauth && !ema) {
        out.reject(['oauth', 'authorization_server_issuer'], 'oauth.authorization_server_issuer is only for enterprise-managed auth (auth = "ema_auth"): remove it.', 'oauth.authorization_server_issuer requires auth = "ema_auth"');
      }
    }
    if (t['http_headers_helper'] === '') out.reject(['http_headers_helper'], 'http_headers_helper is empty: remove it or name the helper program.', 'http_headers_helper must not be empty');
  }

  checkRisks(t, transport, out, ctx);
  return report(transport, t);
}

// ---------------------------------------------------------------------------------------------
// The corrected block: salvage a ServerSpec, then let the core generate it.

interface Salvage {
  spec: ServerSpec;
  changes: string[];
  notCarried: string[];
}

const STDIO_SCORE_KEYS = ['command', 'args', 'env', 'env_vars', 'cwd'];
const HTTP_SCORE_KEYS = ['url', 'bearer_token', 'bearer_token_env_var', 'http_headers', 'env_http_headers', 'headers', 'oauth', 'oauth_resource', 'scopes', ...URL_ALIASES];

const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : undefined);
const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.map(asString).filter((x): x is string => x !== undefined) : typeof v === 'string' && v.trim() !== '' ? [v] : []);
const asBool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined);

function salvage(name: string, t: Table, exported: Set<string> | null): Salvage {
  const spec = emptySpec();
  const changes: string[] = [];
  const notCarried: string[] = [];
  const used = new Set<string>();

  let n = name.trim();
  if (checkServerName(n)) {
    const fixed = saneServerName(n);
    changes.push(`Renamed "${name}" to "${fixed}", a name \`codex mcp\` commands accept.`);
    n = fixed;
  }
  spec.name = n;
  const prefix = upperSnake(n).replace(/^(?=[0-9])/, 'MCP_') || 'MCP';
  const envVar = (suffix: string): string => {
    let v = `${prefix}_${suffix}`.replace(/__+/g, '_');
    for (let i = 2; used.has(v); i++) v = `${prefix}_${suffix}_${i}`;
    used.add(v);
    return v;
  };
  const exportLine = (varName: string, placeholder: string): void => {
    if (spec.envVarLines.some((l) => l.name === varName)) return;
    const line: EnvVarSpec = { name: varName, value: '', placeholder };
    spec.envVarLines.push(line);
  };

  // Which transport: the one with the stronger evidence; Codex itself lets `command` win a tie.
  const present = (keys: readonly string[]) => keys.filter((k) => k in t).length;
  const urlKey = typeof t['url'] === 'string' ? 'url' : URL_ALIASES.find((a) => typeof t[a] === 'string');
  const hasCommand = typeof t['command'] === 'string' || (Array.isArray(t['command']) && t['command'].length > 0);
  const transport: 'stdio' | 'http' | null = hasCommand && urlKey ? (present(HTTP_SCORE_KEYS) > present(STDIO_SCORE_KEYS) ? 'http' : 'stdio') : hasCommand ? 'stdio' : urlKey ? 'http' : null;
  if (transport === null) return { spec, changes, notCarried };
  spec.transport = transport;
  if (hasCommand && urlKey) {
    const dropped = (transport === 'stdio' ? HTTP_SCORE_KEYS : STDIO_SCORE_KEYS).filter((k) => k in t);
    changes.push(`Kept the ${transport === 'stdio' ? 'local (stdio)' : 'remote (HTTP)'} settings and dropped ${dropped.join(', ')}: Codex refuses an entry that mixes both transports.`);
  }

  if (transport === 'stdio') {
    let command = '';
    let args = asStrings(t['args']);
    if (typeof t['args'] === 'string' && /\s/.test(t['args'].trim())) {
      args = t['args'].trim().split(/\s+/);
      changes.push('args was one string; split it into one item per argument.');
    } else if (t['args'] !== undefined && !Array.isArray(t['args'])) changes.push('args was not an array; made it one.');
    if (Array.isArray(t['command'])) {
      const parts = asStrings(t['command']);
      command = parts[0] ?? '';
      args = [...parts.slice(1), ...args];
      changes.push('command was a list; the first item is the program, the rest became args.');
    } else command = (t['command'] as string).trim();
    if (/\s/.test(command) && !/^([A-Za-z]:\\|\/|\\\\)/.test(command)) {
      const original = command;
      const parts = command.split(/\s+/);
      command = parts[0] ?? '';
      args = [...parts.slice(1), ...args];
      changes.push(`Split the command "${original}" into the program (${command}) and its arguments: Codex runs command as one program name.`);
    }
    spec.command = command;
    // Credentials in args leave the file: each becomes a variable passed through from the shell.
    const fromArgs = moveArgSecrets(args, envVar);
    spec.args = fromArgs.args;
    for (const m of fromArgs.moved) {
      spec.envVars.push(m.varName);
      exportLine(m.varName, 'paste-the-value-here');
      changes.push(
        `Moved the credential in the argument ${m.what} out of the file: it is now the variable ${m.varName}, passed through from your shell (env_vars). The server must then read it from its environment: check its docs for the variable it reads and rename ${m.varName} to that, or put the argument back by hand, in plaintext.`,
      );
    }
    if (isTable(t['env'])) {
      const env: Pair[] = [];
      for (const [k, raw] of Object.entries(t['env'])) {
        const v = asString(raw);
        if (v === undefined) continue;
        const ref = placeholderVar(v);
        if ((ref || isSecretEnv(k, v)) && ENV_NAME_RE.test(k)) {
          spec.envVars.push(k);
          used.add(k);
          if (ref && ref === k) {
            changes.push(`env.${k} was "${v}", which Codex would pass literally: ${k} is now passed through from your shell (env_vars).`);
            if (exported && !exported.has(k)) exportLine(k, 'your-value');
          } else if (ref) {
            changes.push(`env.${k} was "${v}", which Codex would pass literally: ${k} is now passed through from your shell (env_vars); set it from ${ref}.`);
            exportLine(k, `value-of-${ref}`);
          } else {
            changes.push(`Moved the secret in env.${k} out of the file: ${k} is now passed through from your shell (env_vars). Export it with the value from your old file.`);
            exportLine(k, 'paste-the-value-here');
          }
        } else env.push({ name: k, value: v });
      }
      spec.env = env;
    }
    if (Array.isArray(t['env_vars'])) {
      for (const item of t['env_vars']) {
        const v = typeof item === 'string' ? item : isTable(item) && typeof item['name'] === 'string' ? item['name'] : undefined;
        if (v === undefined) continue;
        if (isTable(item) && item['source'] !== undefined && item['source'] !== 'local') notCarried.push(`env_vars source ${display(item['source'])} for ${v}`);
        if (!spec.envVars.includes(v)) spec.envVars.push(v);
        used.add(v);
      }
    }
    if (typeof t['cwd'] === 'string') spec.cwd = t['cwd'];
  } else {
    const stripped = stripSecretQuery(((urlKey ? t[urlKey] : '') as string).trim());
    spec.url = stripped.url;
    if (stripped.removed.length > 0) {
      changes.push(
        `Took ${stripped.removed.join(', ')} out of the URL query: a credential there sits in config.toml in plaintext. If the server accepts the key in a header, send it with bearer_token_env_var (Authorization: Bearer) or env_http_headers instead; otherwise put it back by hand, in plaintext.`,
      );
    }
    if (urlKey !== 'url') changes.push(`Renamed ${urlKey} to url.`);
    let bearer = typeof t['bearer_token_env_var'] === 'string' ? t['bearer_token_env_var'].trim() : '';
    if (bearer !== '' && !ENV_NAME_RE.test(bearer) && looksLikeSecret(bearer)) {
      const v = envVar('TOKEN');
      changes.push(`bearer_token_env_var held what looks like the token itself; it now names the variable ${v}. Export the token in ${v}.`);
      exportLine(v, 'paste-your-token-here');
      bearer = v;
    }
    if (bearer !== '') used.add(bearer);
    if (typeof t['bearer_token'] === 'string') {
      const ref = placeholderVar(t['bearer_token']);
      if (bearer !== '') changes.push('Dropped the inline bearer_token: bearer_token_env_var already names the variable holding the token.');
      else if (ref) {
        bearer = ref;
        changes.push(`bearer_token = "${t['bearer_token']}" became bearer_token_env_var = "${ref}".`);
      } else {
        bearer = envVar('TOKEN');
        changes.push(`The inline bearer_token became bearer_token_env_var = "${bearer}": export the token in ${bearer} (copy it from your old file) before starting Codex.`);
        exportLine(bearer, 'paste-your-token-here');
      }
    }
    const httpHeaders: Pair[] = [];
    const envHeaders: Pair[] = [];
    const taken = new Set<string>();
    for (const hk of ['http_headers', 'headers'] as const) {
      const headers = t[hk];
      if (!isTable(headers)) continue;
      if (hk === 'headers') changes.push('Renamed headers (which Codex ignores) to http_headers / env_http_headers.');
      for (const [h, raw] of Object.entries(headers)) {
        const v = asString(raw);
        if (v === undefined || taken.has(h.toLowerCase())) continue;
        taken.add(h.toLowerCase());
        const bearerMatch = bearerToken(v);
        const ref = placeholderVar(v);
        if (h.toLowerCase() === 'authorization' && bearerMatch) {
          const token = bearerMatch;
          const tokenRef = placeholderVar(token);
          if (bearer !== '') {
            changes.push(`Dropped the Authorization header: bearer_token_env_var (${bearer}) already sends a Bearer token.`);
          } else if (tokenRef) {
            bearer = tokenRef;
            used.add(tokenRef);
            changes.push(`Authorization: Bearer ${token} became bearer_token_env_var = "${tokenRef}" (Codex never expands \${...} in headers).`);
          } else {
            bearer = envVar('TOKEN');
            changes.push(`Moved the Bearer token out of the file: bearer_token_env_var = "${bearer}". Export the token (without "Bearer ") in ${bearer}.`);
            exportLine(bearer, 'paste-your-token-here');
          }
        } else if (ref) {
          envHeaders.push({ name: h, value: ref });
          used.add(ref);
          changes.push(`Header ${h} = "${v}" became env_http_headers (${h} from ${ref}): Codex never expands variables in header values.`);
        } else if (hasPlaceholder(v) || isCredentialHeader(h, v)) {
          const varName = envVar(upperSnake(h).replace(/^X_/, '') || 'HEADER');
          envHeaders.push({ name: h, value: varName });
          changes.push(
            hasPlaceholder(v)
              ? `Header ${h} = "${v}" became env_http_headers: ${varName} must hold the whole header value.`
              : `Moved the credential in header ${h} out of the file: env_http_headers reads it from ${varName}. Export it with the value from your old file.`,
          );
          exportLine(varName, 'paste-the-header-value-here');
        } else httpHeaders.push({ name: h, value: v });
      }
    }
    if (isTable(t['env_http_headers'])) {
      for (const [h, raw] of Object.entries(t['env_http_headers'])) {
        const v = asString(raw);
        if (v === undefined || taken.has(h.toLowerCase())) continue;
        taken.add(h.toLowerCase());
        envHeaders.push({ name: h, value: v.trim() });
        used.add(v.trim());
      }
    }
    spec.bearerTokenEnvVar = bearer;
    spec.httpHeaders = httpHeaders;
    spec.envHttpHeaders = envHeaders;
    const oauth = t['oauth'];
    if (isTable(oauth)) {
      if (typeof oauth['client_id'] === 'string') spec.oauthClientId = oauth['client_id'];
      for (const k of Object.keys(oauth)) if (k !== 'client_id') notCarried.push(`oauth.${k}`);
    }
    if (typeof t['oauth_resource'] === 'string') spec.oauthResource = t['oauth_resource'];
    if (t['scopes'] !== undefined) {
      spec.scopes = typeof t['scopes'] === 'string' ? t['scopes'].split(/[\s,]+/).filter(Boolean) : asStrings(t['scopes']);
      if (typeof t['scopes'] === 'string') changes.push('scopes was one string; made it a list.');
    }
    spec.auth = bearer !== '' ? 'bearer' : httpHeaders.length + envHeaders.length > 0 ? 'headers' : spec.oauthClientId !== '' || spec.scopes.length > 0 ? 'oauth' : 'none';
  }

  // Shared keys.
  for (const [key, field] of [
    ['startup_timeout_sec', 'startupTimeoutSec'],
    ['tool_timeout_sec', 'toolTimeoutSec'],
  ] as const) {
    let v = t[key];
    if (v === undefined && key === 'startup_timeout_sec' && isNumber(t['startup_timeout_ms'])) {
      v = Number(t['startup_timeout_ms']) / 1000;
      changes.push(`startup_timeout_ms became startup_timeout_sec = ${v}.`);
    }
    if (v === undefined) continue;
    const num = typeof v === 'string' ? Number.parseFloat(v) : isNumber(v) ? Number(v) : Number.NaN;
    const text = Number.isFinite(num) ? String(num) : display(v);
    const checked = checkTimeout(text, key);
    if (checked.value !== undefined) {
      spec[field] = text;
      if (typeof v === 'string') changes.push(`${key} was the string "${v}"; it is now the number ${text}.`);
    } else changes.push(`Removed ${key} = ${display(v)} (${num === 0 ? 'zero makes every attempt time out' : 'not a usable number of seconds'}): Codex's default applies.`);
  }
  const enabled = asBool(t['enabled']);
  if (enabled !== undefined) spec.enabled = enabled;
  const required = asBool(t['required']);
  if (required !== undefined) spec.required = required;
  spec.enabledTools = asStrings(t['enabled_tools']);
  spec.disabledTools = asStrings(t['disabled_tools']);

  for (const key of NOT_GENERATED) if (key in t && !(key === 'auth' && transport === 'stdio') && !(key === 'http_headers_helper' && transport === 'stdio')) notCarried.push(key);
  const ignoredKeys = Object.keys(t).filter((k) => !Object.hasOwn(KEYS, k) && k !== 'headers' && !(URL_ALIASES as readonly string[]).includes(k));
  if (ignoredKeys.length > 0) changes.push(`Left out ${ignoredKeys.join(', ')}, which Codex ignores.`);
  return { spec, changes, notCarried };
}

/** Builds the corrected block through the core; returns the core's errors when it cannot. */
function correct(name: string, t: Table, exported: Set<string> | null): { corrected: CorrectedBlock | null; problems: string[] } {
  const s = salvage(name, t, exported);
  if (s.spec.command === '' && s.spec.url === '') {
    return { corrected: null, problems: ['A corrected entry needs a command (local server) or a url (remote server), and this one has neither.'] };
  }
  const g = generate(s.spec);
  if (!g.outputs) return { corrected: null, problems: g.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message) };
  return {
    corrected: { name: g.outputs.name, toml: g.outputs.toml, env: g.outputs.env, changes: s.changes, notCarried: s.notCarried },
    problems: [],
  };
}

// ---------------------------------------------------------------------------------------------
// config.toml

/** Top-level tables people use for MCP servers that Codex never reads. */
const MISPLACED = ['mcpServers', 'mcp-servers', 'mcp_server', 'mcpservers', 'mcp_Servers', 'servers'] as const;

function tomlParseProblem(e: unknown): ParseProblem {
  if (e instanceof TomlError) {
    const first = (e.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
    return { message: first, line: e.line, column: e.column };
  }
  return { message: e instanceof Error ? e.message : String(e), line: 1, column: 1 };
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** smol-toml reads integers beyond 64 bits; Codex (and the TOML spec) refuse them. */
function outOfRangeInteger(doc: Table, statements: TomlStatement[] | null, text: string): ParseProblem | null {
  let found: { path: string[]; value: bigint } | null = null;
  // Depth-first in file order, with an explicit stack: dotted keys can nest tables thousands deep.
  // Paths are linked lists (key, parent), built into arrays only for the one value reported.
  type PathLink = { key: string; parent: PathLink | null } | null;
  const stack: [unknown, PathLink][] = [[doc, null]];
  for (let item = stack.pop(); item !== undefined && !found; item = stack.pop()) {
    const [v, link] = item;
    if (typeof v === 'bigint' && (v < I64_MIN || v > I64_MAX)) {
      const path: string[] = [];
      for (let l = link; l; l = l.parent) path.push(l.key);
      found = { path: path.reverse(), value: v };
    } else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], link]);
    else if (isTable(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] as string;
        stack.push([v[k], { key: k, parent: link }]);
      }
    }
  }
  if (!found) return null;
  const { path, value } = found as { path: string[]; value: bigint };
  const line = lineOf(statements, path) ?? 1;
  const lineText = text.split('\n')[line - 1] ?? '';
  const eq = lineText.indexOf('=');
  const digit = /[-+0-9]/.exec(lineText.slice(eq + 1));
  const column = eq >= 0 && digit ? eq + 1 + digit.index + 1 : 1;
  return { message: `integer ${String(value)} does not fit in 64 bits`, line, column };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Said whenever the file is not refused: the doctor checks the TOML syntax and [mcp_servers], nothing else. */
const NOT_CHECKED = 'Keys outside [mcp_servers] were not checked.';

function tomlSummary(report: Omit<DoctorReport, 'summary'>): string {
  if (report.parseError) {
    return `This is not valid TOML (line ${report.parseError.line}, column ${report.parseError.column}: ${report.parseError.message}). Codex refuses to load a file it cannot read: every \`codex\` command fails with "Error: failed to load bootstrap configuration".`;
  }
  const rejected = [...report.file, ...report.servers.flatMap((s) => s.rejected)].filter((f) => f.kind === 'rejected');
  const ignored = report.servers.reduce((n, s) => n + s.ignored.length, 0) + report.file.filter((f) => f.kind === 'ignored').length;
  const risks = report.servers.reduce((n, s) => n + s.risks.filter((r) => r.severity !== 'info').length, 0);
  if (rejected.length > 0) {
    const names = report.servers.filter((s) => s.rejected.length > 0).map((s) => s.name);
    return `Codex refuses to load this WHOLE file, not just the broken ${names.length === 1 ? 'server' : 'servers'}: ${plural(rejected.length, 'problem')}${names.length > 0 ? ` in ${names.map((n) => `"${n}"`).join(', ')}` : ''} ${rejected.length === 1 ? 'makes' : 'make'} every \`codex\` command and session fail with "Error: failed to load bootstrap configuration". Fix ${rejected.length === 1 ? 'it' : 'them'} (or use the corrected blocks) and every server loads again.`;
  }
  if (report.servers.length === 0) return `This file defines no MCP servers: Codex reads them only from [mcp_servers.NAME] tables. ${NOT_CHECKED}`;
  return `Codex accepts the [mcp_servers] part of this file (${plural(report.servers.length, 'server')}).${ignored > 0 ? ` ${plural(ignored, 'key')} ${ignored === 1 ? 'is' : 'are'} silently ignored.` : ''}${risks > 0 ? ` ${plural(risks, 'risk')} to look at.` : ''}${ignored + risks === 0 ? ' Nothing to fix there.' : ''} ${NOT_CHECKED}`;
}

/** A report for input the doctor itself failed on (a bug): never a crash in the page. */
function internalError(source: 'toml' | 'json', e: unknown): DoctorReport {
  const message = `The doctor failed on this input (${e instanceof Error ? e.message : 'unknown error'}), so nothing was checked. Please report it, with the input if you can share it.`;
  return { source, parseError: null, file: [{ kind: 'risk', severity: 'error', key: [], codexPath: '', message }], servers: [], loads: false, summary: message };
}

/** Diagnoses a pasted config.toml. Never throws. */
export function diagnoseConfig(text: string, options: DiagnoseOptions = {}): DoctorReport {
  try {
    return diagnoseToml(text, options);
  } catch (e) {
    return internalError('toml', e);
  }
}

function diagnoseToml(text: string, options: DiagnoseOptions): DoctorReport {
  const exported = options.exportedEnv ? new Set(options.exportedEnv.map((v) => v.trim()).filter(Boolean)) : null;
  const base = { source: 'toml' as const, file: [] as Finding[], servers: [] as ServerReport[] };
  let doc: Table;
  try {
    doc = parse(text, { integersAsBigInt: 'asNeeded' }) as Table;
  } catch (e) {
    const partial = { ...base, parseError: tomlParseProblem(e), loads: false };
    return { ...partial, summary: tomlSummary(partial) };
  }
  const statements = scanToml(text);
  const range = outOfRangeInteger(doc, statements, text);
  if (range) {
    const partial = { ...base, parseError: range, loads: false };
    return { ...partial, summary: tomlSummary(partial) };
  }

  const file: Finding[] = [];
  const servers: ServerReport[] = [];
  const root = doc['mcp_servers'];
  if (root !== undefined && !isTable(root)) {
    const f: Finding = {
      kind: 'rejected',
      severity: 'error',
      key: [],
      codexPath: 'mcp_servers',
      message: `mcp_servers must be a table of servers ([mcp_servers.NAME] sections), but it is ${describe(root)}.`,
    };
    const line = lineOf(statements, ['mcp_servers']);
    if (line !== undefined) f.line = line;
    file.push(f);
  } else if (isTable(root)) {
    for (const [name, entry] of Object.entries(root)) servers.push(checkServer(entry, { name, statements, base: ['mcp_servers'], exported }));
  }
  for (const wrong of MISPLACED) {
    const table = doc[wrong];
    if (!isTable(table)) continue;
    const entries = Object.entries(table).filter(([, v]) => isTable(v) && ('command' in v || 'url' in v || URL_ALIASES.some((a) => a in v)));
    if (entries.length === 0) continue;
    const f: Finding = {
      kind: 'ignored',
      severity: 'warning',
      key: [],
      codexPath: wrong,
      message: `[${wrong}] is not read by Codex, so ${entries.map(([n]) => `"${n}"`).join(', ')} ${entries.length === 1 ? 'is' : 'are'} silently ignored: Codex reads servers from [mcp_servers.NAME]. Corrected blocks are below.`,
    };
    const line = lineOf(statements, [wrong]);
    if (line !== undefined) f.line = line;
    file.push(f);
    for (const [name, entry] of entries) servers.push(checkServer(entry, { name, statements, base: [wrong], exported }, wrong));
  }
  const loads = !file.some((f) => f.kind === 'rejected') && !servers.some((s) => s.rejected.length > 0);
  const partial = { ...base, parseError: null, file, servers, loads };
  return { ...partial, summary: tomlSummary(partial) };
}

// ---------------------------------------------------------------------------------------------
// JSON from other clients (Claude Desktop, Cursor, VS Code, Windsurf, Cline, Gemini CLI...)

/** Blanks out // and /* *\/ comments and trailing commas (JSONC), keeping every offset. */
function stripJsonc(text: string): { text: string; changed: boolean } {
  let out = '';
  let changed = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') {
      const start = i;
      i += 1;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i += 1;
      out += text.slice(start, i);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') {
        out += ' ';
        i += 1;
      }
      changed = true;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      changed = true;
    } else if (c === ',') {
      let j = i + 1;
      // Look past whitespace and comments for a closing bracket.
      for (;;) {
        while (j < text.length && /\s/.test(text[j] as string)) j += 1;
        if (text.startsWith('//', j)) {
          while (j < text.length && text[j] !== '\n') j += 1;
        } else if (text.startsWith('/*', j)) {
          const end = text.indexOf('*/', j + 2);
          j = end < 0 ? text.length : end + 2;
        } else break;
      }
      if (text[j] === '}' || text[j] === ']') {
        out += ' ';
        changed = true;
      } else out += c;
      i += 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return { text: out, changed };
}

/**
 * Finds where a JSON text first goes wrong (offset), for an error position every browser agrees on.
 * A loop with an explicit stack of open brackets: recursion overflowed on arrays 10,000 deep.
 */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const stack: string[] = [];
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i += 1;
  };
  // `"key" :` after an opening brace or a comma inside an object.
  const key = (): boolean => {
    ws();
    if (text[i] !== '"' || !jsonString()) return false;
    ws();
    if (text[i] !== ':') return false;
    i += 1;
    return true;
  };
  const jsonString = (): boolean => {
    const end = jsonStringEnd(text, i);
    i = Math.abs(end);
    return end >= 0;
  };
  for (;;) {
    // A value starts here.
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      i += 1;
      ws();
      if (text[i] === (c === '{' ? '}' : ']')) i += 1;
      else {
        stack.push(c);
        if (c === '{' && !key()) return i;
        continue;
      }
    } else if (c === '"') {
      if (!jsonString()) return i;
    } else {
      const end = jsonScalarEnd(text, i);
      if (end < 0) return i;
      i = end;
    }
    // After a value: a comma (next value) or closing brackets.
    for (;;) {
      ws();
      const top = stack.at(-1);
      if (top === undefined) return i;
      if (text[i] === ',') {
        i += 1;
        if (top === '{' && !key()) return i;
        break;
      }
      if (text[i] !== (top === '{' ? '}' : ']')) return i;
      i += 1;
      stack.pop();
    }
  }
}

const JSON_NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** End offset of a number or literal at `i`, or -1. */
function jsonScalarEnd(text: string, i: number): number {
  const c = text[i];
  if (c !== undefined && /[-0-9]/.test(c)) {
    JSON_NUMBER.lastIndex = i;
    const m = JSON_NUMBER.exec(text);
    return m ? i + m[0].length : -1;
  }
  for (const lit of ['true', 'false', 'null']) if (text.startsWith(lit, i)) return i + lit.length;
  return -1;
}

/** Offset after the string starting at `i`; on an error, minus the offset where it goes wrong. */
function jsonStringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') return i + 1;
    if (c < ' ') return -i;
    if (c === '\\') {
      const e = text[i + 1] ?? '';
      if (e === 'u') {
        if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) return -(i + 1);
        i += 6;
      } else if ('"\\/bfnrt'.includes(e) && e !== '') i += 2;
      else return -(i + 1);
    } else i += 1;
  }
  return -text.length;
}

/** Offsets where each line starts, for line numbers by binary search (one scan per text). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset, given the text's line starts. */
function lineColumnAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

/** 1-based line and column of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  return lineColumnAt(lineStarts(text), offset);
}

/** Finds the line of each `"name"` in a JSON text, searching on from the previous hit so n servers cost one pass. */
function jsonLineFinder(text: string): (name: string) => number | undefined {
  const starts = lineStarts(text);
  let from = 0;
  return (name) => {
    const needle = JSON.stringify(name);
    let at = text.indexOf(needle, from);
    if (at < 0) at = text.indexOf(needle);
    if (at < 0) return undefined;
    from = at + needle.length;
    return lineColumnAt(starts, at).line;
  };
}

/** One server of another client, turned into Codex's keys; what has no Codex equivalent is reported. */
function fromClientJson(name: string, raw: Table, out: Findings): Table {
  const t: Table = {};
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'command':
      case 'args':
      case 'env':
      case 'cwd':
      case 'url':
      case 'env_vars':
      case 'http_headers':
      case 'env_http_headers':
      case 'bearer_token_env_var':
      case 'startup_timeout_sec':
      case 'tool_timeout_sec':
      case 'enabled_tools':
      case 'disabled_tools':
      case 'scopes':
      case 'required':
        t[key] = value;
        break;
      case 'serverUrl':
      case 'httpUrl':
        if (!('url' in raw)) t['url'] = value;
        break;
      case 'headers':
        t['http_headers'] = value;
        break;
      case 'type':
      case 'transport':
      case 'transportType':
        if (value === 'sse') {
          out.risk([key], `"${key}": "sse": Codex has no SSE transport, only streamable HTTP. Use the server's streamable HTTP endpoint (often ending in /mcp rather than /sse); the corrected block keeps the URL as given.`);
        } else if (typeof value === 'string' && !/^(stdio|http|streamable[-_]?http|streamableHttp|local|remote)$/i.test(value)) {
          out.ignore([key], `"${key}": "${value}" is not a transport Codex knows; it uses command (local) or url (streamable HTTP).`);
        }
        break;
      case 'disabled':
        if (typeof value === 'boolean') t['enabled'] = !value;
        break;
      case 'enabled':
        t['enabled'] = value;
        break;
      case 'timeout':
        out.ignore([key], `"timeout" means different things in different clients (seconds or milliseconds, startup or tool calls), so it was not converted: set startup_timeout_sec and tool_timeout_sec (seconds) in the block if you need them.`);
        break;
      case 'autoApprove':
      case 'alwaysAllow':
        out.ignore([key], `"${key}" has no equivalent the generator writes: Codex uses tools.TOOL.approval_mode = "approve" (or default_tools_approval_mode) in config.toml; add it by hand if you want it.`);
        break;
      case 'envFile':
        out.ignore([key], 'Codex has no env file option: export the variables in your shell and list them in env_vars.', 'warning');
        break;
      case 'oauth':
        if (isTable(value) && typeof (value['clientId'] ?? value['client_id']) === 'string') t['oauth'] = { client_id: value['clientId'] ?? value['client_id'] };
        else out.ignore([key], 'This oauth setting has no Codex equivalent the doctor can convert; run `codex mcp login NAME` after adding the server.');
        break;
      default: {
        const hint = suggestionFor(key, Object.keys(KEYS));
        out.ignore([key], `"${key}" has no Codex equivalent and was left out.${hint ? ` Codex's nearest key: ${Object.hasOwn(MISTAKES, key) ? hint : `\`${hint}\``}.` : ''}`, 'info');
      }
    }
  }
  void name;
  return t;
}

/** Where the servers are in a parsed JSON document, and how they were found. */
function findServers(root: unknown): { servers: Table; note?: string } | null {
  if (!isTable(root)) return null;
  if (isTable(root['mcpServers'])) return { servers: root['mcpServers'] };
  if (isTable(root['servers'])) return { servers: root['servers'] };
  if (isTable(root['mcp']) && isTable(root['mcp']['servers'])) return { servers: root['mcp']['servers'] };
  if (isTable(root['mcp_servers'])) return { servers: root['mcp_servers'] };
  if (typeof root['command'] === 'string' || typeof root['url'] === 'string' || typeof root['serverUrl'] === 'string' || typeof root['httpUrl'] === 'string') {
    return { servers: { server: root }, note: 'This is a single server without a name; it was called "server". Rename it in the block if you like.' };
  }
  return { servers: root };
}

function jsonSummary(report: Omit<DoctorReport, 'summary'>): string {
  if (report.parseError) return `This is not valid JSON (line ${report.parseError.line}, column ${report.parseError.column}): ${report.parseError.message}`;
  const total = report.servers.length;
  if (total === 0) return 'No servers found: paste the object that holds them, such as { "mcpServers": { "name": { "command": "…" } } }.';
  const converted = report.servers.filter((s) => s.corrected).length;
  return `Converted ${converted} of ${plural(total, 'server')} into Codex [mcp_servers.NAME] blocks. Paste them into ~/.codex/config.toml (the merge preview below shows the result first).${converted < total ? ' The others need a fix first (see below).' : ''}`;
}

/** Converts a JSON `mcpServers` block from another MCP client into Codex entries. Never throws. */
export function convertMcpServersJson(text: string, options: DiagnoseOptions = {}): DoctorReport {
  try {
    return convertJson(text, options);
  } catch (e) {
    return internalError('json', e);
  }
}

function convertJson(text: string, options: DiagnoseOptions): DoctorReport {
  const exported = options.exportedEnv ? new Set(options.exportedEnv.map((v) => v.trim()).filter(Boolean)) : null;
  const base = { source: 'json' as const, file: [] as Finding[], servers: [] as ServerReport[] };
  const clean = stripJsonc(text);
  let root: unknown;
  try {
    root = JSON.parse(clean.text);
  } catch (e) {
    const offset = jsonErrorOffset(clean.text);
    const where = lineColumn(clean.text, offset);
    const message = (e instanceof Error ? e.message : String(e)).replace(/\s*\(line \d+ column \d+\)|\s*at position \d+.*$|^JSON\.parse: /g, '');
    const partial = { ...base, parseError: { message, ...where }, loads: false };
    return { ...partial, summary: jsonSummary(partial) };
  }
  const found = findServers(root);
  const file: Finding[] = [];
  if (!found) {
    file.push({ kind: 'rejected', severity: 'error', key: [], codexPath: 'mcpServers', message: 'Expected a JSON object, such as { "mcpServers": { "name": { "command": "…" } } }.' });
    const partial = { ...base, parseError: null, file, loads: false };
    return { ...partial, summary: jsonSummary(partial) };
  }
  if (found.note) file.push({ kind: 'ignored', severity: 'info', key: [], codexPath: 'mcpServers', message: found.note });
  if (clean.changed) file.push({ kind: 'ignored', severity: 'info', key: [], codexPath: 'mcpServers', message: 'Comments and trailing commas were skipped (JSONC).' });

  const servers: ServerReport[] = [];
  const jsonLineOf = jsonLineFinder(text);
  for (const [name, raw] of Object.entries(found.servers)) {
    const ctx: Context = { name, statements: null, base: ['mcp_servers'], exported };
    const out = new Findings(ctx);
    const line = jsonLineOf(name);
    if (!isTable(raw)) {
      out.reject([], `"${name}" is ${describe(raw)}, not a server object with "command" or "url".`);
      const r: ServerReport = { name, transport: null, rejected: out.rejected, ignored: out.ignored, risks: out.risks, corrected: null, correctedProblems: ['Not a server object.'] };
      if (line !== undefined) r.line = line;
      servers.push(r);
      continue;
    }
    const table = fromClientJson(name, raw, out);
    // The converted entry goes through the same checks as a config.toml entry; findings then name
    // the keys as the JSON spells them.
    const checked = checkServer(table, ctx);
    const aliases: Record<string, string> = {};
    if ('headers' in raw && !('http_headers' in raw)) aliases['http_headers'] = 'headers';
    const urlFrom = ['serverUrl', 'httpUrl'].find((k) => k in raw && !('url' in raw));
    if (urlFrom) aliases['url'] = urlFrom;
    if ('disabled' in raw && !('enabled' in raw)) aliases['enabled'] = 'disabled';
    const jsonKey = (f: Finding): Finding => {
      const from = f.key[0] ?? '';
      const to = Object.hasOwn(aliases, from) ? aliases[from] : undefined;
      return to ? { ...f, key: [to, ...f.key.slice(1)], message: f.message.split(`\`${from}`).join(`\`${to}`) } : f;
    };
    const r: ServerReport = {
      ...checked,
      rejected: [...out.rejected, ...checked.rejected.map(jsonKey)],
      ignored: [...out.ignored, ...checked.ignored.map(jsonKey)],
      risks: [...out.risks, ...checked.risks.map(jsonKey)],
    };
    if (line !== undefined) {
      r.line = line;
      for (const f of [...r.rejected, ...r.ignored, ...r.risks]) f.line ??= line;
    }
    servers.push(r);
  }
  const partial = { ...base, parseError: null, file, servers, loads: servers.length > 0 && servers.every((s) => s.corrected !== null) };
  return { ...partial, summary: jsonSummary(partial) };
}
