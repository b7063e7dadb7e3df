/** Quoting for POSIX shells (bash, zsh, dash): the argv a shell reads back is exactly the argv given. */
import { textOf, type Token } from '../tokens.ts';
import { argvTokens } from './words.ts';

// Words made only of these characters mean the same to every POSIX shell when left bare.
// `=` and `~` are left out of the first character: zsh expands `=cmd`, every shell expands `~user`.
const SAFE_WORD = /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/;

/** Quotes one word for bash/zsh: bare when safe, otherwise single-quoted with `'\''` for each quote. */
export function quotePosix(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  // Interactive bash treats a line starting with `^` as history quick-substitution (`^old^new`), even
  // inside quotes, so a `^` right after a newline gets an empty '' in front of it.
  return `'${word.replace(/'/g, `'\\''`).replace(/\n\^/g, `\n''^`)}'`;
}

/** One bash/zsh command line as tokens (a comment instead when a word holds a refused character). */
export const posixCommandTokens = (argv: readonly string[]): Token[] =>
  argvTokens(argv, quotePosix);

/** Joins argv into one bash/zsh command line: the text of its tokens. */
export const posixCommand = (argv: readonly string[]): string => textOf(posixCommandTokens(argv));
