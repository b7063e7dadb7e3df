/**
 * Turns a raw `ServerSpec` into the one `ServerEntry` every output is derived from, plus diagnostics.
 * Never throws: every problem becomes a `Diagnostic` naming its field and the fix.
 */
import { MCP_KEYS } from '../codex/keys.ts';
import { CODEX_NEWEST, type Release } from '../codex/releases.ts';
import { isPathWithSpaces } from './command-path.ts';
import { findCredentials } from '../safety/credentials.ts';
import type { Diagnostic, ServerEntry, ServerSpec, SharedEntry, StdioEntry } from './model.ts';
import {
  Collector,
  NOT_IN_FILE,
  pairsToRecord,
  tokenAsName,
  USE_VARIABLE,
  words,
} from './resolve-common.ts';
import { resolveHttp } from './resolve-http.ts';
import { visible } from '../safety/unsafe-chars.ts';
import {
  checkEnvName,
  checkServerName,
  checkText,
  checkTimeout,
  isLoopbackHost,
} from './validate.ts';

/** The result of resolving a spec: `entry` is null when any error remains. */
export interface Resolved {
  entry: ServerEntry | null;
  diagnostics: Diagnostic[];
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
  if (command === '')
    out.error('command', 'Command is required: enter the program to run, such as npx or uvx.');
  else if (checkText(command, 'Command')) out.error('command', checkText(command, 'Command'));
  // A command line the form refused already has its message at the field (command-line.ts).
  else if (
    /\s/.test(command) &&
    !isPathWithSpaces(command) &&
    !spec.inputNotes?.some((n) => n.field === 'command' && n.severity === 'error')
  ) {
    out.error(
      'command',
      `Command "${command}" contains a space: Codex runs it as one program name. Put the program in Command and each argument in Arguments.`,
    );
  }
  out.credential(
    'command',
    command,
    'Command',
    'Command is the program only; a credential belongs in "Environment for the server" (NAME=value).',
  );
  const entry: StdioEntry = { command };
  // An argument may span lines (a script for `-c`): every output shows the line break inside quotes.
  spec.args.forEach((a, i) =>
    out.error(`args.${i}`, checkText(a, `Argument #${i + 1}`, { allowNewline: true })),
  );
  argCredentials(spec.args, out);
  if (spec.args.length > 0) entry.args = [...spec.args];
  const env = pairsToRecord(spec.env, 'env', 'env', out);
  if (env) entry.env = env;
  const envVars = words(
    spec.envVars,
    'envVars',
    'Pass-through variable',
    out,
    (w) =>
      tokenAsName(w, 'Pass-through variable') ?? checkEnvName(w, 'Pass-through variable').error,
  );
  if (envVars) entry.env_vars = envVars;
  const cwd = spec.cwd.trim();
  if (cwd !== '') {
    out.error('cwd', checkText(cwd, 'Working directory'));
    out.credential('cwd', cwd, 'Working directory', USE_VARIABLE);
    if (cwd.startsWith('~'))
      out.warn(
        'cwd',
        'Working directory starts with "~", which Codex does not expand: write the full path.',
      );
    else if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(cwd))
      out.warn(
        'cwd',
        'Working directory is relative: Codex resolves it against wherever it was started. Prefer a full path.',
      );
    entry.cwd = cwd;
  }
  return entry;
}

function resolveShared(spec: ServerSpec, out: Collector): SharedEntry {
  const shared: SharedEntry = {};
  // A token pasted into a timeout field is refused as "not a number"; say also what it is and where it goes.
  const notHere =
    'This field takes a number of seconds; a credential belongs in the sign-in fields or an environment variable.';
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
  if (!spec.enabled && spec.required)
    out.warn(
      'required',
      'The server is both disabled and required: a disabled server is never started, so "required" has no effect.',
    );
  const enabledTools = words(spec.enabledTools, 'enabledTools', 'Allowed tool', out);
  if (enabledTools) shared.enabled_tools = enabledTools;
  const disabledTools = words(spec.disabledTools, 'disabledTools', 'Blocked tool', out);
  if (disabledTools) shared.disabled_tools = disabledTools;
  const blocked = new Set(disabledTools ?? []);
  const both = (enabledTools ?? []).filter((t) => blocked.has(t));
  if (both.length > 0)
    out.warn(
      'disabledTools',
      `Tools both allowed and blocked (${both.join(', ')}): Codex blocks them.`,
    );
  return shared;
}

// The Codex key each transport-specific field writes; which transport the key belongs to is the table's.
const FIELD_KEYS: Readonly<Record<string, (spec: ServerSpec) => boolean>> = {
  command: (s) => s.command.trim() !== '',
  args: (s) => s.args.length > 0,
  env: (s) => s.env.length > 0,
  env_vars: (s) => s.envVars.length > 0,
  cwd: (s) => s.cwd.trim() !== '',
  url: (s) => s.url.trim() !== '',
  bearer_token_env_var: (s) => s.bearerTokenEnvVar.trim() !== '',
  http_headers: (s) => s.httpHeaders.length > 0,
  env_http_headers: (s) => s.envHttpHeaders.length > 0,
  oauth: (s) => s.oauthClientId.trim() !== '',
  oauth_resource: (s) => s.oauthResource.trim() !== '',
  scopes: (s) => s.scopes.length > 0,
};
// The form's field for each of those keys.
const FIELD_OF: Readonly<Record<string, string>> = {
  env_vars: 'envVars',
  bearer_token_env_var: 'bearerTokenEnvVar',
  http_headers: 'httpHeaders',
  env_http_headers: 'envHttpHeaders',
  oauth: 'oauthClientId',
  oauth_resource: 'oauthResource',
};

/** Fields that belong to the other transport and must be empty, so transports are never mixed. */
function checkNotMixed(spec: ServerSpec, out: Collector): void {
  const kind = spec.transport === 'http' ? 'local (stdio) servers' : 'remote (HTTP) servers';
  for (const [key, isSet] of Object.entries(FIELD_KEYS)) {
    const transport = MCP_KEYS[key]?.transport;
    if (transport === spec.transport || transport === 'both' || !isSet(spec)) continue;
    const field = FIELD_OF[key] ?? key;
    out.error(
      field,
      `${field} is only for ${kind}, and Codex refuses to mix transports: clear it or switch the transport.`,
    );
  }
  if (
    spec.transport === 'stdio' &&
    (spec.auth === 'oauth' || spec.auth === 'bearer' || spec.auth === 'headers')
  ) {
    out.error(
      'auth',
      'Local (stdio) servers take credentials through env, not OAuth, bearer tokens or headers: choose "none" and set variables under env.',
    );
  }
}

/** Resolves a spec into the validated entry and its diagnostics, by the rules of `release`. */
export function resolveSpec(spec: ServerSpec, release: Release = CODEX_NEWEST): Resolved {
  const out = nameDiagnostics(spec, release);
  const fields = resolveFields(spec);
  out.list.push(...fields.diagnostics);
  return { entry: out.ok ? fields.entry : null, diagnostics: out.list };
}

/** The form's notes about how its text was read, then the server name's checks: resolveSpec's first diagnostics. */
export function nameDiagnostics(spec: ServerSpec, release: Release): Collector {
  const out = new Collector();
  for (const n of spec.inputNotes ?? [])
    (n.severity === 'error' ? out.error : out.warn).call(out, n.field, n.message);
  out.error('name', checkServerName(spec.name.trim(), release));
  out.credential(
    'name',
    spec.name.trim(),
    'Server name',
    `${NOT_IN_FILE} Use a short name such as "docs"; the credential belongs in the sign-in fields or an environment variable.`,
  );
  return out;
}

/**
 * Every field but the name, whatever the release: the entry (built even when a diagnostic is an
 * error) and the diagnostics that follow nameDiagnostics'.
 */
export function resolveFields(spec: ServerSpec): { entry: ServerEntry; diagnostics: Diagnostic[] } {
  const out = new Collector();
  checkNotMixed(spec, out);
  const transport = spec.transport === 'stdio' ? resolveStdio(spec, out) : resolveHttp(spec, out);
  const shared = resolveShared(spec, out);
  spec.envVarLines.forEach((line, i) => {
    out.env(`envVarLines.${i}.name`, line.name, 'Variable name');
    // The line shows the typed value, or the placeholder when none; either may span lines (a PEM key).
    const label = `${line.value === '' ? 'Placeholder' : 'Value'} of ${visible(line.name) || 'the variable'}`;
    out.error(
      `envVarLines.${i}.value`,
      checkText(line.value === '' ? line.placeholder : line.value, label, { allowNewline: true }),
    );
    if (line.basicAuthFrom) {
      out.env(`envVarLines.${i}.name`, line.basicAuthFrom.userVar, 'User variable');
      out.env(`envVarLines.${i}.name`, line.basicAuthFrom.secretVar, 'Secret variable');
    }
  });
  if (spec.auth === 'oauth' && spec.transport === 'http' && 'url' in transport) {
    try {
      const host = new URL(transport.url).hostname;
      if (new URL(transport.url).protocol === 'http:' && !isLoopbackHost(host)) {
        out.warn(
          'auth',
          'OAuth login expects an https:// server URL; over plain http the login is likely to fail.',
        );
      }
    } catch {
      // An unparsable URL already has its own error.
    }
  }
  return { entry: { ...transport, ...shared }, diagnostics: out.list };
}

/** The server name as Codex stores it (trimmed). */
export function serverName(spec: ServerSpec): string {
  return spec.name.trim();
}
