/**
 * Turns a raw `ServerSpec` into the one `ServerEntry` every output is derived from, plus diagnostics.
 * Never throws: every problem becomes a `Diagnostic` naming its field and the fix.
 */
import { CODEX_NEWEST, type Release } from './codex/releases.ts';
import { isPathWithSpaces } from './command-path.ts';
import { findCredential, findCredentials } from './credentials.ts';
import type { Diagnostic, HttpEntry, Pair, ServerEntry, ServerSpec, SharedEntry, StdioEntry } from './model.ts';
import {
  checkEnvName,
  checkHeaderName,
  checkHeaderValue,
  checkServerName,
  checkText,
  checkTimeout,
  checkUrl,
  isLoopbackHost,
} from './validate.ts';
import { visible } from './unsafe-chars.ts';

/** The result of resolving a spec: `entry` is null when any error remains. */
export interface Resolved {
  entry: ServerEntry | null;
  diagnostics: Diagnostic[];
}

class Collector {
  readonly list: Diagnostic[] = [];
  error(field: string, message: string | undefined): void {
    if (message) this.list.push({ field, severity: 'error', message });
  }
  warn(field: string, message: string | undefined): void {
    if (message) this.list.push({ field, severity: 'warning', message });
  }
  env(field: string, value: string, label: string): void {
    // A credential here would be written into config.toml as a "name": refuse it, saying where it goes.
    const secret = tokenAsName(value, label);
    if (secret) return this.error(field, secret);
    const r = checkEnvName(value, label);
    this.error(field, r.error);
    this.warn(field, r.warning);
  }
  /** Warns when a field that is not for secrets holds a credential, saying where it belongs instead. */
  credential(field: string, value: string, label: string, where: string): void {
    const hit = findCredential(value);
    if (hit) this.warn(field, `${label} looks like a credential: ${hit.reason}. ${where}`);
  }
  get ok(): boolean {
    return !this.list.some((d) => d.severity === 'error');
  }
}

/** The error for a credential typed where a variable NAME belongs, or undefined. */
function tokenAsName(value: string, label: string): string | undefined {
  const hit = findCredential(value);
  if (!hit) return undefined;
  return `${label} looks like a token, not a variable name (${hit.reason}): export the token in your shell and enter only the variable's name (for example MY_TOKEN) here.`;
}

// Where a credential goes instead, for the warnings below.
const NOT_IN_FILE = 'It would be written into config.toml in plaintext.';
const USE_VARIABLE = `${NOT_IN_FILE} Keep credentials in the sign-in fields or in environment variables, and enter only names here.`;

/** Validates a list of name/value pairs into a record; `kind` decides how values are checked. */
function pairsToRecord(
  pairs: Pair[],
  field: string,
  kind: 'header' | 'env-header' | 'env',
  out: Collector,
): Record<string, string> | undefined {
  const record: Record<string, string> = Object.create(null);
  const seen = new Set<string>();
  pairs.forEach((pair, i) => {
    const at = `${field}.${i}`;
    const name = pair.name.trim();
    if (kind === 'env') out.env(`${at}.name`, name, 'Variable name');
    else out.error(`${at}.name`, checkHeaderName(name));
    if (kind !== 'env') out.credential(`${at}.name`, name, `Header name ${name}`, 'Enter the header\'s name here, such as X-Api-Key.');
    // Header names are case-insensitive; env names are not.
    const key = kind === 'env' ? name : name.toLowerCase();
    const shown = visible(name) || '(unnamed)';
    if (name !== '' && seen.has(key)) out.error(`${at}.name`, `"${shown}" appears twice: keep one row.`);
    seen.add(key);
    if (kind === 'env-header') out.env(`${at}.value`, pair.value.trim(), `Variable for header ${shown}`);
    else if (kind === 'header') out.error(`${at}.value`, checkHeaderValue(pair.value, name || '(unnamed)'));
    // An environment value may span lines (a PEM key): every output shows the line break inside quotes.
    else out.error(`${at}.value`, checkText(pair.value, `Value of ${shown}`, { allowNewline: true }));
    // A credential-named header gets its own plaintext warning in resolveHttp; this catches one hiding in a setting.
    if (kind === 'header' && !CREDENTIAL_HEADER_RE.test(name)) {
      out.credential(at, pair.value, `Header ${shown}`, `${NOT_IN_FILE} Send credentials from an environment variable instead.`);
    }
    record[name] = kind === 'env-header' ? pair.value.trim() : pair.value;
  });
  // A plain object (not null-prototype) keeps serializers and deep-equal happy.
  return pairs.length > 0 ? { ...record } : undefined;
}

// Header names whose value is a credential by definition.
const CREDENTIAL_HEADER_RE = /^(authorization|proxy-authorization)$|key|token|secret/i;

/** Validates a list of simple words (tool names, scopes, env var names). */
function words(list: string[], field: string, label: string, out: Collector, check?: (w: string, i: number) => string | undefined): string[] | undefined {
  const result: string[] = [];
  list.forEach((raw, i) => {
    const w = raw.trim();
    if (w === '') {
      out.error(`${field}.${i}`, `${label} #${i + 1} is empty: remove it or enter a value.`);
      return;
    }
    out.error(`${field}.${i}`, check?.(w, i) ?? checkText(w, `${label} #${i + 1}`));
    out.credential(`${field}.${i}`, w, `${label} #${i + 1}`, USE_VARIABLE);
    result.push(w);
  });
  return result.length > 0 ? result : undefined;
}

/** Warns about a credential in a URL's query or path; a password in its user info already has checkUrl's warning. */
function urlCredential(url: string, label: string, field: string, out: Collector): void {
  const hit = findCredentials(url).find((h) => h.kind !== 'userinfo');
  if (hit) out.warn(field, `${label} carries a credential: ${hit.reason}. Codex keeps the URL in config.toml in plaintext: send the credential in a header from an environment variable, or with a bearer token variable, if the server accepts one.`);
}

/**
 * Checks one OAuth scope. The login command is one block for every shell, so a scope may not hold a
 * character that is special inside single quotes in one of them: `'` (all), `\` (fish), typographic
 * single quotes (PowerShell). OAuth scope tokens (RFC 6749 section 3.3) are ASCII without `"` or `\` anyway.
 */
function checkScope(w: string, i: number): string | undefined {
  const label = `Scope #${i + 1}`;
  const bad = checkText(w, label);
  if (bad) return bad;
  if (/[\s,]/.test(w)) return `${label} "${w}" contains a space or comma: enter one scope per entry.`;
  const quote = /['\\\u2018-\u201b]/.exec(w);
  if (quote) {
    return `${label} "${w}" contains ${quote[0]}, which the login command cannot carry the same way in bash, zsh, fish and PowerShell: enter the scope as your provider documents it, without quotes or backslashes.`;
  }
  return undefined;
}

function resolveHttp(spec: ServerSpec, out: Collector): HttpEntry {
  const url = spec.url.trim();
  const u = checkUrl(url);
  out.error('url', u.error);
  u.warnings.forEach((w) => out.warn('url', w));
  urlCredential(url, 'URL', 'url', out);
  const entry: HttpEntry = { url };

  const bearer = spec.bearerTokenEnvVar.trim();
  if (bearer !== '') {
    out.env('bearerTokenEnvVar', bearer, 'Bearer token variable');
    entry.bearer_token_env_var = bearer;
  } else if (spec.auth === 'bearer') {
    out.error('bearerTokenEnvVar', 'Bearer token variable is required for token authentication: enter the name of the variable holding the token.');
  }

  const headers = pairsToRecord(spec.httpHeaders, 'httpHeaders', 'header', out);
  if (headers) entry.http_headers = headers;
  const envHeaders = pairsToRecord(spec.envHttpHeaders, 'envHttpHeaders', 'env-header', out);
  if (envHeaders) entry.env_http_headers = envHeaders;
  if (headers && envHeaders) {
    for (const name of Object.keys(envHeaders)) {
      if (Object.keys(headers).some((h) => h.toLowerCase() === name.toLowerCase())) {
        out.error('envHttpHeaders', `Header ${name} is set both as a literal and from a variable: keep one.`);
      }
    }
  }
  const sendsAuthorization = [...Object.keys(headers ?? {}), ...Object.keys(envHeaders ?? {})].some((h) => h.toLowerCase() === 'authorization');
  if (bearer !== '' && sendsAuthorization) {
    out.warn('bearerTokenEnvVar', 'Both a bearer token variable and an Authorization header are set: the server receives two credentials. Keep one.');
  }
  if (spec.auth === 'headers' && !headers && !envHeaders) {
    out.error('httpHeaders', 'Header authentication needs at least one header: add the header your provider expects.');
  }
  if (headers) {
    const credential = Object.keys(headers).find((h) => CREDENTIAL_HEADER_RE.test(h));
    if (credential) {
      out.warn('httpHeaders', `Header ${credential} is written into config.toml in plaintext: anyone who can read the file can use it. An env-sourced header keeps it out of the file.`);
    }
    for (const [name, value] of Object.entries(headers)) {
      if (value.includes('${') || /^\$[A-Za-z_]/.test(value.replace(/^(Bearer|Basic)\s+/i, ''))) {
        out.warn(`httpHeaders`, `Header ${name} holds "${value}": Codex sends it literally and never expands variables. Use an env-sourced header instead.`);
      }
    }
  }

  if (spec.scopes.length > 0) {
    const scopes = words(spec.scopes, 'scopes', 'Scope', out, checkScope);
    if (scopes) entry.scopes = scopes;
  }
  const resource = spec.oauthResource.trim();
  if (resource !== '') {
    const r = checkUrl(resource, 'OAuth resource');
    out.error('oauthResource', r.error);
    urlCredential(resource, 'OAuth resource', 'oauthResource', out);
    entry.oauth_resource = resource;
  }
  const clientId = spec.oauthClientId.trim();
  if (clientId !== '') {
    out.credential('oauthClientId', clientId, 'OAuth client ID', 'A client ID is public, so if that is what this is, keep it; a client secret or token does not go in this field.');
    out.error('oauthClientId', checkText(clientId, 'OAuth client ID') ?? (/\s/.test(clientId) ? 'OAuth client ID contains spaces: paste it exactly as your provider shows it.' : undefined));
    entry.oauth = { client_id: clientId };
  }
  if (spec.auth !== 'oauth' && (clientId !== '' || spec.scopes.length > 0)) {
    out.warn('auth', 'OAuth settings are filled in but the authentication is not OAuth: they are written but only used by `codex mcp login`.');
  }
  return entry;
}

/** One warning per argument holding a credential, including the value after a `--token` argument. */
function argCredentials(args: string[], out: Collector): void {
  const starts: number[] = [];
  let at = 0;
  for (const a of args) {
    starts.push(at);
    at += a.length + 1;
  }
  const warned = new Set<number>();
  for (const hit of findCredentials(args.join('\n'))) {
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > hit.index) i--;
    if (warned.has(i)) continue;
    warned.add(i);
    out.warn(
      `args.${i}`,
      `Argument #${i + 1} looks like a credential: ${hit.reason}. config.toml would hold it in plaintext, and the process list shows it to other users of the machine. If the server can read it from a variable, put it under "Environment for the server" (NAME=value) or pass it through from your shell instead.`,
    );
  }
}

function resolveStdio(spec: ServerSpec, out: Collector): StdioEntry {
  const command = spec.command.trim();
  if (command === '') out.error('command', 'Command is required: enter the program to run, such as npx or uvx.');
  else if (checkText(command, 'Command')) out.error('command', checkText(command, 'Command'));
  // A command line the form refused already has its message at the field (command-line.ts).
  else if (/\s/.test(command) && !isPathWithSpaces(command) && !spec.inputNotes?.some((n) => n.field === 'command' && n.severity === 'error')) {
    out.error('command', `Command "${command}" contains a space: Codex runs it as one program name. Put the program in Command and each argument in Arguments.`);
  }
  out.credential('command', command, 'Command', 'Command is the program only; a credential belongs in "Environment for the server" (NAME=value).');
  const entry: StdioEntry = { command };
  // An argument may span lines (a script for `-c`): every output shows the line break inside quotes.
  spec.args.forEach((a, i) => out.error(`args.${i}`, checkText(a, `Argument #${i + 1}`, { allowNewline: true })));
  argCredentials(spec.args, out);
  if (spec.args.length > 0) entry.args = [...spec.args];
  const env = pairsToRecord(spec.env, 'env', 'env', out);
  if (env) entry.env = env;
  const envVars = words(spec.envVars, 'envVars', 'Pass-through variable', out, (w) => tokenAsName(w, 'Pass-through variable') ?? checkEnvName(w, 'Pass-through variable').error);
  if (envVars) entry.env_vars = envVars;
  const cwd = spec.cwd.trim();
  if (cwd !== '') {
    out.error('cwd', checkText(cwd, 'Working directory'));
    out.credential('cwd', cwd, 'Working directory', USE_VARIABLE);
    if (cwd.startsWith('~')) out.warn('cwd', 'Working directory starts with "~", which Codex does not expand: write the full path.');
    else if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(cwd)) out.warn('cwd', 'Working directory is relative: Codex resolves it against wherever it was started. Prefer a full path.');
    entry.cwd = cwd;
  }
  return entry;
}

function resolveShared(spec: ServerSpec, out: Collector): SharedEntry {
  const shared: SharedEntry = {};
  // A token pasted into a timeout field is refused as "not a number"; say also what it is and where it goes.
  const notHere = 'This field takes a number of seconds; a credential belongs in the sign-in fields or an environment variable.';
  out.credential('startupTimeoutSec', spec.startupTimeoutSec.trim(), 'Startup timeout', notHere);
  out.credential('toolTimeoutSec', spec.toolTimeoutSec.trim(), 'Tool timeout', notHere);
  const startup = checkTimeout(spec.startupTimeoutSec, 'Startup timeout');
  out.error('startupTimeoutSec', startup.error);
  if (startup.value !== undefined) shared.startup_timeout_sec = startup.value;
  const tool = checkTimeout(spec.toolTimeoutSec, 'Tool timeout');
  out.error('toolTimeoutSec', tool.error);
  if (tool.value !== undefined) shared.tool_timeout_sec = tool.value;
  if (!spec.enabled) shared.enabled = false;
  if (spec.required) shared.required = true;
  if (!spec.enabled && spec.required) out.warn('required', 'The server is both disabled and required: a disabled server is never started, so "required" has no effect.');
  const enabledTools = words(spec.enabledTools, 'enabledTools', 'Allowed tool', out);
  if (enabledTools) shared.enabled_tools = enabledTools;
  const disabledTools = words(spec.disabledTools, 'disabledTools', 'Blocked tool', out);
  if (disabledTools) shared.disabled_tools = disabledTools;
  const blocked = new Set(disabledTools ?? []);
  const both = (enabledTools ?? []).filter((t) => blocked.has(t));
  if (both.length > 0) out.warn('disabledTools', `Tools both allowed and blocked (${both.join(', ')}): Codex blocks them.`);
  return shared;
}

/** Fields that belong to the other transport and must be empty, so transports are never mixed. */
function checkNotMixed(spec: ServerSpec, out: Collector): void {
  const stdioSet: [string, boolean][] = [
    ['command', spec.command.trim() !== ''],
    ['args', spec.args.length > 0],
    ['env', spec.env.length > 0],
    ['envVars', spec.envVars.length > 0],
    ['cwd', spec.cwd.trim() !== ''],
  ];
  const httpSet: [string, boolean][] = [
    ['url', spec.url.trim() !== ''],
    ['bearerTokenEnvVar', spec.bearerTokenEnvVar.trim() !== ''],
    ['httpHeaders', spec.httpHeaders.length > 0],
    ['envHttpHeaders', spec.envHttpHeaders.length > 0],
    ['oauthClientId', spec.oauthClientId.trim() !== ''],
    ['oauthResource', spec.oauthResource.trim() !== ''],
    ['scopes', spec.scopes.length > 0],
  ];
  const foreign = spec.transport === 'http' ? stdioSet : httpSet;
  const kind = spec.transport === 'http' ? 'local (stdio) servers' : 'remote (HTTP) servers';
  for (const [field, set] of foreign) {
    if (set) out.error(field, `${field} is only for ${kind}, and Codex refuses to mix transports: clear it or switch the transport.`);
  }
  if (spec.transport === 'stdio' && (spec.auth === 'oauth' || spec.auth === 'bearer' || spec.auth === 'headers')) {
    out.error('auth', 'Local (stdio) servers take credentials through env, not OAuth, bearer tokens or headers: choose "none" and set variables under env.');
  }
}

/** Resolves a spec into the validated entry and its diagnostics, by the rules of `release`. */
export function resolveSpec(spec: ServerSpec, release: Release = CODEX_NEWEST): Resolved {
  const out = new Collector();
  for (const n of spec.inputNotes ?? []) (n.severity === 'error' ? out.error : out.warn).call(out, n.field, n.message);
  out.error('name', checkServerName(spec.name.trim(), release));
  out.credential('name', spec.name.trim(), 'Server name', `${NOT_IN_FILE} Use a short name such as "docs"; the credential belongs in the sign-in fields or an environment variable.`);
  checkNotMixed(spec, out);
  const transport = spec.transport === 'stdio' ? resolveStdio(spec, out) : resolveHttp(spec, out);
  const shared = resolveShared(spec, out);
  spec.envVarLines.forEach((line, i) => {
    out.env(`envVarLines.${i}.name`, line.name, 'Variable name');
    // The line shows the typed value, or the placeholder when none; either may span lines (a PEM key).
    const label = `${line.value === '' ? 'Placeholder' : 'Value'} of ${visible(line.name) || 'the variable'}`;
    out.error(`envVarLines.${i}.value`, checkText(line.value === '' ? line.placeholder : line.value, label, { allowNewline: true }));
    if (line.basicAuthFrom) {
      out.env(`envVarLines.${i}.name`, line.basicAuthFrom.userVar, 'User variable');
      out.env(`envVarLines.${i}.name`, line.basicAuthFrom.secretVar, 'Secret variable');
    }
  });
  if (spec.auth === 'oauth' && spec.transport === 'http' && 'url' in transport) {
    try {
      const host = new URL(transport.url).hostname;
      if (new URL(transport.url).protocol === 'http:' && !isLoopbackHost(host)) {
        out.warn('auth', 'OAuth login expects an https:// server URL; over plain http the login is likely to fail.');
      }
    } catch {
      // An unparsable URL already has its own error.
    }
  }
  const entry: ServerEntry = { ...transport, ...shared };
  return { entry: out.ok ? entry : null, diagnostics: out.list };
}

/** The server name as Codex stores it (trimmed). */
export function serverName(spec: ServerSpec): string {
  return spec.name.trim();
}
