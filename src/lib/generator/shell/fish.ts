/**
 * Quoting for fish (3.x): the argv fish reads back is exactly the argv given. fish is not a POSIX
 * shell: inside its single quotes `\\` and `\'` are escapes, so POSIX quoting (`'\''`, a bare
 * trailing `\`) breaks out of the quotes there; it needs its own quoter.
 */
import { textOf, type Token } from '../tokens.ts';
import { argvTokens } from './words.ts';

// Bare words that mean the same to every fish 3.x: no `$ * ? ~ { } ( ) [ ] # ; & | < > ' " \` or
// space, and also no `%` (`%self` expands to fish's PID), `^` (a redirection before fish 3.3, and a
// deprecation warning later), `!` or backtick (harmless in fish 3.6, kept quoted to stay plain).
const SAFE_WORD = /^[A-Za-z0-9_+,./:=@-]+$/;

/** A fish single-quoted string for any value: `\` and `'` escaped with a backslash, nothing else special. */
export function fishString(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** Quotes one word for fish: bare when safe, otherwise a fish single-quoted string. */
export function quoteFish(word: string): string {
  return SAFE_WORD.test(word) ? word : fishString(word);
}

/** One fish command line as tokens (a comment instead when a word holds a refused character). */
export const fishCommandTokens = (argv: readonly string[]): Token[] => argvTokens(argv, quoteFish);

/** Joins argv into one fish command line: the text of its tokens. */
export const fishCommand = (argv: readonly string[]): string => textOf(fishCommandTokens(argv));
