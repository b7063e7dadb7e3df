/**
 * Credentials written into a server's arguments or URL query. The doctor flags them as risks, and
 * the corrected block never repeats them: an argument becomes a variable passed through from the
 * shell (env_vars), a query parameter is taken out of the URL. Every scan here is linear.
 */
import {
  findCredentials,
  isCredentialHeaderName,
  isCredentialName,
  looksLikeSecret,
} from '../../safety/credentials.ts';
import {
  mentionsVariable as hasPlaceholder,
  variableReference,
  withoutAuthScheme,
} from '../../safety/placeholders.ts';

const SECRET_ENV_KEY =
  /key|token|secret|password|passwd|pwd|credential|auth|cookie|session|private/i;
/**
 * Whether a value holds a credential by its content. An ordinary URL is an address, not a
 * credential, however many digits its path has (`/v1/a1b2c3d4e5f6…/mcp`): only a password in it
 * (`user:pass@`) or a credential query parameter counts.
 */
export function secretByContent(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S*$/.test(value.trim())) return looksLikeSecret(value);
  return (
    hasSecretQuery(value.trim()) ||
    findCredentials(value.trim()).some((h) => h.kind === 'userinfo' || h.kind === 'parameter')
  );
}
/** Whether a header value (by name or content) is a credential; a variable reference is not (Codex sends it literally). */
export const isCredentialHeader = (name: string, value: string): boolean =>
  value !== '' &&
  !variableReference(withoutAuthScheme(value)) &&
  (isCredentialHeaderName(name) || secretByContent(value));
/** Whether an env value (by name or content) is a literal secret. */
export const isSecretEnv = (name: string, value: string): boolean =>
  value.trim() !== '' &&
  !hasPlaceholder(value) &&
  (SECRET_ENV_KEY.test(name) || secretByContent(value));

/** True when `arg` alone is an option whose name says it holds a credential: `--api-key`, `-token` (not `--token-file`). */
export function isSecretOption(arg: string): boolean {
  return /^--?[A-Za-z_-]+$/.test(arg) && isCredentialName(arg);
}

/** `--name=value` where the name says it is a credential: the value, else undefined. */
export function secretOptionValue(arg: string): string | undefined {
  const eq = arg.indexOf('=');
  if (eq < 0 || eq === arg.length - 1) return undefined;
  if (!isSecretOption(arg.slice(0, eq))) return undefined;
  const value = arg.slice(eq + 1);
  // A value spanning lines is not an option value (the old regex's (.+)$ refused it too).
  return /[\n\r\u2028\u2029]/.test(value) ? undefined : value;
}

/** A bare argument that is a token itself (not a path, package, URL or option). */
function isBareSecret(arg: string): boolean {
  return !arg.startsWith('-') && !/[/@.:\\\s]/.test(arg) && looksLikeSecret(arg);
}

/** The part of an option name a variable is named after: `--api-key` → `API_KEY`. */
function optionSuffix(option: string): string {
  const word = option
    .replace(/^-+/, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
  return word === '' ? 'TOKEN' : word;
}

export interface MovedArg {
  /** The argument as the reader knows it, without its value: `--token=…`, `--api-key …`. */
  what: string;
  varName: string;
  /** Indexes in the original args of the argument(s) taken out. */
  at: number[];
}

/**
 * Takes credentials out of `args`: `--token=VALUE`, `--api-key VALUE` and bare tokens. `newVar`
 * names the variable for each (from a suffix such as TOKEN). Values that already mention a
 * variable are left alone: the doctor reports those separately (Codex does not expand them).
 */
export function moveArgSecrets(
  args: readonly string[],
  newVar: (suffix: string) => string,
): { args: string[]; moved: MovedArg[] } {
  const kept: string[] = [];
  const moved: MovedArg[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = secretOptionValue(arg);
    const next = args[i + 1];
    if (value !== undefined && !hasPlaceholder(value)) {
      const option = arg.slice(0, arg.indexOf('='));
      moved.push({ what: `${option}=…`, varName: newVar(optionSuffix(option)), at: [i] });
    } else if (
      isSecretOption(arg) &&
      next !== undefined &&
      next !== '' &&
      !next.startsWith('-') &&
      !hasPlaceholder(next)
    ) {
      moved.push({ what: `${arg} …`, varName: newVar(optionSuffix(arg)), at: [i, i + 1] });
      i += 1;
    } else if (isBareSecret(arg)) {
      moved.push({ what: `${arg.slice(0, 4)}…`, varName: newVar('TOKEN'), at: [i] });
    } else kept.push(arg);
  }
  return { args: kept, moved };
}

/** Splits a URL into what precedes its query, the query's parameters, and its fragment. */
function splitQuery(url: string): { head: string; params: string[]; fragment: string } | null {
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const q = beforeHash.indexOf('?');
  if (q < 0) return null;
  return {
    head: beforeHash.slice(0, q),
    params: beforeHash.slice(q + 1).split('&'),
    fragment: hash < 0 ? '' : url.slice(hash),
  };
}

/** True when a query parameter carries a literal credential (`api_key=…`, `token=…`). */
function isSecretParam(param: string): boolean {
  const eq = param.indexOf('=');
  if (eq <= 0 || eq === param.length - 1) return false;
  // Query parameters carry the same credentials headers do (`auth=`, `session=`, `api_key=`): one rule.
  return isCredentialHeaderName(param.slice(0, eq)) && !hasPlaceholder(param.slice(eq + 1));
}

/** True when the URL's query carries a credential. */
export function hasSecretQuery(url: string): boolean {
  return splitQuery(url)?.params.some(isSecretParam) ?? false;
}

/** The URL without its credential query parameters, and the names of those removed. */
export function stripSecretQuery(url: string): { url: string; removed: string[] } {
  const parts = splitQuery(url);
  if (!parts) return { url, removed: [] };
  const removed = parts.params.filter(isSecretParam).map((p) => p.slice(0, p.indexOf('=')));
  if (removed.length === 0) return { url, removed };
  const rest = parts.params.filter((p) => !isSecretParam(p));
  return {
    url: `${parts.head}${rest.length > 0 ? `?${rest.join('&')}` : ''}${parts.fragment}`,
    removed,
  };
}
