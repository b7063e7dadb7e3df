/** What the highlighter, its lazy runtime and the build-time table share: languages, tokens, the highlighter's shape. */

/** The languages the island shows. */
export type Lang = 'toml' | 'shellscript' | 'powershell';

/** One highlighted token: its text and the CSS custom properties that colour it per theme. */
export interface Token {
  content: string;
  style: Record<string, string>;
}

/** A loaded highlighter: tokenizes synchronously. */
export interface Highlighter {
  tokenize(code: string, lang: Lang): Token[][];
  /** Tokens already known for `code` (computed at build time), without tokenizing; hidden blocks use only these. */
  known?(code: string, lang: Lang): Token[][] | undefined;
}
