/**
 * What a placeholder value is, in one place: the generator's header checks, the credential detector
 * (credentials.ts) and the config doctor all ask this module. Two kinds:
 * - a variable reference (`${VAR}`, `${env:VAR}`, `$VAR`, `%VAR%`), which Codex never expands: it
 *   sends or passes the text literally;
 * - a stand-in a reader must replace (`<YOUR_TOKEN>`, `your-api-key`, `{key}`, `YOUR_API_KEY`, `***`).
 */

/** The name of the variable when a value is only a reference to one: `${VAR}`, `${env:VAR}`, `$VAR` or `%VAR%`. */
export function variableReference(value: string): string | undefined {
  const m =
    /^\s*(?:\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)|%([A-Za-z_][A-Za-z0-9_]*)%)\s*$/.exec(
      value,
    );
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** True when a value mentions a variable anywhere (`${...}`, `$VAR`, `%VAR%`), which Codex never expands. */
export function mentionsVariable(value: string): boolean {
  // `${...}` by indexOf: the regex \$\{[^}]*\} rescans to the end from every "${" (quadratic).
  const open = value.indexOf('${');
  if (open >= 0 && value.indexOf('}', open + 2) >= 0) return true;
  return /\$[A-Za-z_]|%[A-Za-z_][A-Za-z0-9_]*%/.test(value);
}

/** A header value without its leading auth scheme (`Bearer `, `Basic `, `Token `), for the checks above. */
export function withoutAuthScheme(value: string): string {
  return value.replace(/^\s*(Bearer|Basic|Token)\s+/i, '');
}

// Words a stand-in starts with, then a separator or a capital: `your-api-key`, `yourApiKey`,
// `your token here`, `paste_token_here` (not `yourself`, `enterprise`).
const STAND_IN_START =
  /^([Yy]our|YOUR)([-_ ]|[A-Z])|^([Ii]nsert|[Ee]nter|[Rr]eplace|[Pp]aste)[-_ ]/;

/**
 * Values that stand for a credential rather than being one: a variable reference, `<token>`,
 * `{key}`, `YOUR_API_KEY`, `your-api-key`, `changeme`, `***`, `xxx` (and the empty value).
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  const first = v[0]!;
  const last = v[v.length - 1]!;
  if (first === '$' || (first === '%' && last === '%')) return true;
  if ((first === '<' && last === '>') || (first === '{' && last === '}')) return true;
  if (/^[A-Z_][A-Z0-9_]*$/.test(v) || STAND_IN_START.test(v)) return true;
  return /^(x+|\*+|\.+|-+|changeme|change-me|replace-me|replace_me|todo)$/i.test(v);
}
