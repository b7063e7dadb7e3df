/** Which format a pasted text is in, by its first characters (small: the page loads it without the doctor). */

/**
 * True when `text` is JSON rather than TOML: it opens with `{` or a `//` or `/*` comment, none of
 * which a TOML document can start with (Claude Desktop, Cursor, VS Code and Gemini CLI files all do).
 */
export function looksLikeJson(text: string): boolean {
  return /^\uFEFF?\s*(?:\{|\/\/|\/\*)/.test(text);
}
