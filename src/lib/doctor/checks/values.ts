/** Values in config files: variable references (which Codex never expands), names, loose types. */
import { CODEX_NEWEST, factsFor, type Release } from '../../codex/index.ts';

import { proposeName } from '../../codex/facts.ts';
import { mentionsVariable, variableReference } from '../../safety/placeholders.ts';

/** A value that is only a variable reference (placeholders.ts, shared with the generator). */
export const placeholderVar = variableReference;
/** True when a value mentions a variable anywhere (placeholders.ts, shared with the generator). */
export const hasPlaceholder = mentionsVariable;

/** UPPER_SNAKE form of a name, for suggested variable names. */
export function upperSnake(s: string): string {
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
export function bearerToken(value: string): string | undefined {
  const v = value.trim();
  const m = /^Bearer\s+/i.exec(v);
  if (!m) return undefined;
  const token = v.slice(m[0].length);
  return token === '' || /[\n\r\u2028\u2029]/.test(token) ? undefined : token;
}

/** A server name the CLI of `release` accepts, made from one it does not (the generator's proposal). */
export const saneServerName = (name: string, release: Release = CODEX_NEWEST): string =>
  proposeName(name, factsFor(release).nameRule);

/** A scalar as text (numbers and booleans too); undefined for tables and arrays. */
export const asString = (v: unknown): string | undefined =>
  typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint'
      ? String(v)
      : undefined;
/** The strings of an array (scalars converted), or a lone non-empty string as a list. */
export const asStrings = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map(asString).filter((x): x is string => x !== undefined)
    : typeof v === 'string' && v.trim() !== ''
      ? [v]
      : [];
/** A boolean, or the strings "true" / "false". */
export const asBool = (v: unknown): boolean | undefined =>
  typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined;
