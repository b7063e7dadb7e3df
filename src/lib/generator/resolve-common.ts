/**
 * What every part of resolve.ts shares: the diagnostics collector, and the checks of name/value
 * lists and word lists, each returning messages that name the field and the fix.
 */
import { findCredential, isCredentialHeaderName } from '../safety/credentials.ts';
import type { Diagnostic, Pair } from './model.ts';
import { visible } from '../safety/unsafe-chars.ts';
import { checkEnvName, checkHeaderName, checkHeaderValue, checkText } from './validate.ts';

/** Collects diagnostics; `ok` while no error was added. */
export class Collector {
  readonly list: Diagnostic[] = [];
  /** Adds an error at `field` when there is a message. */
  error(field: string, message: string | undefined): void {
    if (message) this.list.push({ field, severity: 'error', message });
  }
  /** Adds a warning at `field` when there is a message. */
  warn(field: string, message: string | undefined): void {
    if (message) this.list.push({ field, severity: 'warning', message });
  }
  /** Checks a variable NAME typed at `field`. */
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
export function tokenAsName(value: string, label: string): string | undefined {
  const hit = findCredential(value);
  if (!hit) return undefined;
  return `${label} looks like a token, not a variable name (${hit.reason}): export the token in your shell and enter only the variable's name (for example MY_TOKEN) here.`;
}

// Where a credential goes instead, for the warnings of resolve*.ts.
export const NOT_IN_FILE = 'It would be written into config.toml in plaintext.';
export const USE_VARIABLE = `${NOT_IN_FILE} Keep credentials in the sign-in fields or in environment variables, and enter only names here.`;

/** Checks one pair's value by its kind. */
function checkPairValue(
  pair: Pair,
  at: string,
  kind: 'header' | 'env-header' | 'env',
  shown: string,
  out: Collector,
): void {
  const name = pair.name.trim();
  if (kind === 'env-header')
    out.env(`${at}.value`, pair.value.trim(), `Variable for header ${shown}`);
  else if (kind === 'header')
    out.error(`${at}.value`, checkHeaderValue(pair.value, name || '(unnamed)'));
  // An environment value may span lines (a PEM key): every output shows the line break inside quotes.
  else out.error(`${at}.value`, checkText(pair.value, `Value of ${shown}`, { allowNewline: true }));
  // A credential-named header gets its own plaintext warning (resolve-http.ts); this catches one hiding in a setting.
  if (kind === 'header' && !isCredentialHeaderName(name)) {
    out.credential(
      at,
      pair.value,
      `Header ${shown}`,
      `${NOT_IN_FILE} Send credentials from an environment variable instead.`,
    );
  }
}

/** Validates a list of name/value pairs into a record; `kind` decides how values are checked. */
export function pairsToRecord(
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
    if (kind !== 'env')
      out.credential(
        `${at}.name`,
        name,
        `Header name ${name}`,
        "Enter the header's name here, such as X-Api-Key.",
      );
    // Header names are case-insensitive; env names are not.
    const key = kind === 'env' ? name : name.toLowerCase();
    const shown = visible(name) || '(unnamed)';
    if (name !== '' && seen.has(key))
      out.error(`${at}.name`, `"${shown}" appears twice: keep one row.`);
    seen.add(key);
    checkPairValue(pair, at, kind, shown, out);
    record[name] = kind === 'env-header' ? pair.value.trim() : pair.value;
  });
  // A plain object (not null-prototype) keeps serializers and deep-equal happy.
  return pairs.length > 0 ? { ...record } : undefined;
}

/** Validates a list of simple words (tool names, scopes, env var names). */
export function words(
  list: string[],
  field: string,
  label: string,
  out: Collector,
  check?: (w: string, i: number) => string | undefined,
): string[] | undefined {
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
