/** Tokens of JSON that JSON.stringify wrote (a plugin's files), kept apart from tokens.ts, which every guide loads first. */
import { tok, type Token } from './tokens.ts';

// JSON.stringify's output, piece by piece: a string, punctuation, whitespace, or a bare literal.
const KEY_COLON = /\s*:/y;
const JSON_PIECE = /"(?:[^"\\]|\\.)*"|[{}[\],:]|\s+|[^\s"{}[\],:]+/g;

/**
 * The tokens of a JSON text that JSON.stringify wrote (the plugin's files): keys, strings, literals
 * and punctuation. Their concatenation is exactly `text` (anything unmatched stays a plain token).
 */
export function jsonTokens(text: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(JSON_PIECE)) {
    if (m.index > last) out.push(tok('plain', text.slice(last, m.index)));
    const piece = m[0];
    KEY_COLON.lastIndex = m.index + piece.length;
    const after = KEY_COLON.test(text);
    const kind = piece.startsWith('"')
      ? after
        ? 'key'
        : 'string'
      : /^[{}[\],:]$/.test(piece)
        ? 'operator'
        : /^\s/.test(piece)
          ? 'plain'
          : 'literal';
    out.push(tok(kind, piece));
    last = m.index + piece.length;
  }
  if (last < text.length) out.push(tok('plain', text.slice(last)));
  return out;
}
