/** Variable references in config values, which Codex never expands. */

/** A value that is only a variable reference: `${VAR}`, `${env:VAR}`, `$VAR` or `%VAR%`. */
export function placeholderVar(value: string): string | undefined {
  const m = /^\s*(?:\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)|%([A-Za-z_][A-Za-z0-9_]*)%)\s*$/.exec(value);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** True when a value mentions a variable anywhere (`${...}`, `$VAR`, `%VAR%`), which Codex never expands. */
export function hasPlaceholder(value: string): boolean {
  // `${...}` by indexOf: the regex \$\{[^}]*\} rescans to the end from every "${" (quadratic).
  const open = value.indexOf('${');
  if (open >= 0 && value.indexOf('}', open + 2) >= 0) return true;
  return /\$[A-Za-z_]|%[A-Za-z_][A-Za-z0-9_]*%/.test(value);
}
