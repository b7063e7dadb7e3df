/**
 * The output guard: whatever produced a spec (the form, a share link, a server.json, the doctor's
 * conversion, the settings), no output carries a refused character (safety/unsafe-chars.ts) or an
 * environment variable name that is not a POSIX name. Field checks (validate.ts, resolve*.ts) say
 * the same thing earlier and more precisely; this is the last look at the resolved entry, by its
 * shape rather than by field, so a key or a producer added later cannot slip past it. The renderers
 * keep the same rules for callers that use them directly (env.ts, shell/*, toml.ts).
 */
import { unsafeChar, visible, type UnsafeOptions } from '../safety/unsafe-chars.ts';
import type { Diagnostic, EnvVarSpec, ServerEntry } from './model.ts';

/** A POSIX environment variable name: the only names an `export` line, fish or PowerShell can carry as-is. */
export const POSIX_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

// Values that may span lines (every shell's quoting shows the break inside quotes), and header values,
// which only reach the TOML file, where a tab is legal.
const MULTILINE = new Set(['args', 'env']);
const TAB = new Set(['http_headers']);
// Keys whose strings (or record keys/values) name environment variables.
const NAMES = new Set(['env_vars', 'bearer_token_env_var']);

/** Why `value` cannot be written into an output (with `options` exceptions), or undefined. */
export function refusedInOutput(value: string, options: UnsafeOptions = {}): string | undefined {
  const bad = unsafeChar(value, options);
  return bad ? `holds ${bad.label}` : undefined;
}

// POSIX names a shell keeps for itself: setting one is ignored or refused (`_` holds the last argument in
// bash and zsh and is read-only in fish; the others are read-only in bash, zsh or fish). Found by the
// cross-surface test with a server.json variable named `_`.
const SHELL_NAMES = new Set([
  '_',
  'status',
  'pipestatus',
  'argv',
  'version',
  'history',
  'fish_pid',
  'hostname',
  'PPID',
  'UID',
  'EUID',
  'SHELLOPTS',
  'BASHOPTS',
  'BASH_VERSINFO',
  'BASHPID',
  'SHLVL',
  'PWD',
]);

/** Why `name` cannot be written as a variable name in an output, or undefined. */
export function refusedName(name: string): string | undefined {
  if (SHELL_NAMES.has(name)) return `"${name}" is a name the shells keep for themselves`;
  return POSIX_NAME_RE.test(name)
    ? undefined
    : `"${visible(name)}" is not a variable name (letters, digits and "_", not starting with a digit)`;
}

/** The spec field an entry key comes from: `env_vars.0` → `envVars.0`, `oauth.client_id` → `oauthClientId`. */
function fieldOf(path: string): string {
  if (path === 'oauth') return 'oauthClientId';
  return path.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Every string of the entry with the rule it must meet: [path, value, kind]. */
function* strings(entry: ServerEntry): Generator<[string, string, 'name' | UnsafeOptions]> {
  for (const [key, value] of Object.entries(entry)) {
    const options: UnsafeOptions = MULTILINE.has(key)
      ? { allowNewline: true }
      : TAB.has(key)
        ? { allowTab: true }
        : {};
    const kind = NAMES.has(key) ? 'name' : options;
    if (typeof value === 'string') yield [key, value, kind];
    else if (Array.isArray(value))
      for (const [i, v] of value.entries()) yield [`${key}.${i}`, String(v), kind];
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        // A record's keys are names (variables of `env`, header names); env_http_headers' values name variables.
        yield [`${key}`, k, key === 'env' ? 'name' : {}];
        if (typeof v === 'string') yield [key, v, key === 'env_http_headers' ? 'name' : options];
      }
  }
}

const problem = (field: string, what: string, why: string): Diagnostic => ({
  field,
  severity: 'error',
  message: `${what} ${why}, which no copied command or config file may carry: nothing is shown until it is fixed.`,
});

/** One error per variable line whose name is not a POSIX name or whose shown value holds a refused character. */
export function guardLines(lines: readonly EnvVarSpec[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  lines.forEach((line, i) => {
    for (const n of [line.name, line.basicAuthFrom?.userVar, line.basicAuthFrom?.secretVar]) {
      const why = n === undefined ? undefined : refusedName(n);
      if (why) out.push(problem(`envVarLines.${i}.name`, 'Variable name', why));
    }
    const shown = line.value !== '' ? line.value : line.placeholder;
    const why = refusedInOutput(shown, { allowNewline: true });
    if (why) out.push(problem(`envVarLines.${i}.value`, `The value of ${visible(line.name)}`, why));
  });
  return out;
}

/**
 * What stops the outputs of this entry and its exported variables from being shown: one error per
 * string that holds a refused character or a variable name that is not a POSIX name. Empty when
 * every output is safe to copy.
 */
export function guardOutputs(
  name: string,
  entry: ServerEntry,
  lines: readonly EnvVarSpec[],
): Diagnostic[] {
  return [...guardName(name), ...guardEntry(entry, lines)];
}

/** guardOutputs' error for the server name, if any. */
export function guardName(name: string): Diagnostic[] {
  const bad = refusedInOutput(name);
  return bad ? [problem('name', 'Server name', bad)] : [];
}

/** guardOutputs' errors for the entry and the variable lines. */
export function guardEntry(entry: ServerEntry, lines: readonly EnvVarSpec[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [path, value, kind] of strings(entry)) {
    const why = kind === 'name' ? refusedName(value) : refusedInOutput(value, kind);
    if (!why) continue;
    const [key, index] = path.split('.');
    const what =
      index === undefined ? `The ${key} setting` : `Item #${Number(index) + 1} of ${key}`;
    out.push(problem(fieldOf(path), what, why));
  }
  return [...out, ...guardLines(lines)];
}

/** What a shell renderer returns instead of a command holding a refused character: a harmless comment. */
export const NOT_SHOWN =
  '# Not shown: an argument holds a character no copied command may carry (its field says which).';

/** True when no word of a command line holds a refused character (a line feed is quoted by every shell). */
export function argvIsSafe(argv: readonly string[]): boolean {
  return argv.every((w) => !refusedInOutput(w, { allowNewline: true }));
}
