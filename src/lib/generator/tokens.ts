/**
 * Highlighting by construction: the renderers that write each output block emit its pieces with
 * their kind, and the block's text is exactly their concatenation (`textOf`). The page colours each
 * kind (src/components/generator/generator.css); no highlighter ever guesses at the text.
 */

/** What a piece of an output is; a small closed set, one colour each per theme. */
export const TOKEN_KINDS = [
  'program',
  'subcommand',
  'flag',
  'string',
  'variable',
  'operator',
  'header',
  'key',
  'literal',
  'comment',
  'plain',
] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** One piece of an output block. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

/** A token; empty texts are allowed while building and dropped by `textOf`'s callers as they like. */
export const tok = (kind: TokenKind, text: string): Token => ({ kind, text });

/** The text a block shows and copies: its tokens, concatenated. */
export function textOf(tokens: readonly Token[]): string {
  // A loop, not map + join: no intermediate array on every keystroke.
  let text = '';
  for (const t of tokens) text += t.text;
  return text;
}

/** Lines of tokens joined by newline tokens, ending with one (as every block's text does). */
export function linesOf(lines: readonly (readonly Token[])[]): Token[] {
  const out: Token[] = [];
  // Loops, not spreads: a line may hold ~100k tokens (a spread of that many overflows the stack).
  for (const line of lines) {
    for (const t of line) out.push(t);
    out.push(tok('plain', '\n'));
  }
  return out;
}

/** Words of tokens joined by single spaces. */
export function wordsOf(words: readonly Token[]): Token[] {
  const out: Token[] = [];
  words.forEach((w, i) => {
    if (i > 0) out.push(tok('plain', ' '));
    out.push(w);
  });
  return out;
}

/** A whole line turned into a comment (`# ` in front), as one comment token. */
export const commentedOut = (line: readonly Token[]): Token[] => [
  tok('comment', `# ${textOf(line)}`),
];

/** The tokens with trailing whitespace removed: `textOf(trimEndTokens(t)) === textOf(t).trimEnd()`. */
export function trimEndTokens(tokens: readonly Token[]): Token[] {
  const out = [...tokens];
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const text = last.text.trimEnd();
    if (text !== '') {
      out[out.length - 1] = { kind: last.kind, text };
      break;
    }
    out.pop();
  }
  return out;
}
