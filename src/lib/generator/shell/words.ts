/**
 * A command line as tokens: each argv word quoted by its shell's quoter, with its kind from where it
 * stands (the program, `mcp add`, a flag, `--`, the program it starts) and whether it was quoted.
 */
import { argvIsSafe, NOT_SHOWN } from '../guard.ts';
import { tok, wordsOf, type Token, type TokenKind } from '../tokens.ts';

function kindOf(argv: readonly string[], i: number, quoted: boolean): TokenKind {
  const word = argv[i]!;
  if (i === 0 || argv[i - 1] === '--') return 'program';
  if (argv[0] === 'codex' && (i === 1 || (i === 2 && argv[1] === 'mcp'))) return 'subcommand';
  // PowerShell quotes `--` (shell/powershell.ts): quoted or not, it ends the flags.
  if (word === '--') return 'operator';
  if (quoted) return 'string';
  return word.startsWith('-') ? 'flag' : 'plain';
}

/** The argv as one command line's tokens, each word quoted by `quote`. */
export function wordTokens(argv: readonly string[], quote: (word: string) => string): Token[] {
  return wordsOf(
    argv.map((word, i) => {
      const text = quote(word);
      return tok(kindOf(argv, i, text !== word), text);
    }),
  );
}

/** The argv as one command line's tokens, quoted by `quote` (a comment instead when a word holds a refused character). */
export function argvTokens(argv: readonly string[], quote: (word: string) => string): Token[] {
  return argvIsSafe(argv) ? wordTokens(argv, quote) : [tok('comment', NOT_SHOWN)];
}
