/** Quoting for POSIX shells (bash, zsh, dash): the argv a shell reads back is exactly the argv given. */
import { argvIsSafe, NOT_SHOWN } from '../guard.ts';

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

/** Joins argv into one bash/zsh command line (a comment instead when a word holds a refused character). */
export function posixCommand(argv: readonly string[]): string {
  if (!argvIsSafe(argv)) return NOT_SHOWN;
  return argv.map(quotePosix).join(' ');
}
