/**
 * Quoting for PowerShell 7.3+ (`$PSNativeCommandArgumentPassing = 'Standard'`, the default there),
 * where a single-quoted string reaches a native program verbatim.
 */
import { argvIsSafe } from '../guard.ts';
import { textOf, tok, type Token } from '../tokens.ts';
import { argvTokens } from './words.ts';

// Bare words PowerShell passes through unchanged: no `$ @ ( ) { } , ; & | < > # ' "` or backtick.
const SAFE_WORD = /^[A-Za-z0-9_.\/:=+-]+$/;
// PowerShell treats the typographic single quotes as quote characters too, so they are doubled as well.
const SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;

/** Quotes one word for PowerShell: bare when safe, otherwise single-quoted with quotes doubled. */
export function quotePowerShell(word: string): string {
  // `--` bare is PowerShell's end-of-parameters token and can be swallowed by the npm `codex.ps1` shim;
  // a bare word starting with `-` that holds `.` or `:` is split in two (PowerShell/PowerShell#6291).
  if (SAFE_WORD.test(word) && word !== '--' && !/^-.*[.:]/.test(word)) return word;
  return `'${word.replace(SINGLE_QUOTES, (q) => q + q)}'`;
}

/**
 * Joins argv into one PowerShell command line. PowerShell 7 drops an argument that is exactly `--%`
 * (its stop-parsing token) however it is quoted, so no command line can carry one: the result is then
 * a comment that says so (harmless when pasted) rather than a command that silently loses it; so is
 * a command with a word holding a refused character (guard.ts).
 */
export function powershellCommandTokens(argv: readonly string[]): Token[] {
  if (argvIsSafe(argv) && argv.includes('--%')) {
    return [
      tok(
        'comment',
        '# PowerShell drops an argument that is exactly "--%" (its stop-parsing token) however it is quoted: use the TOML block instead.',
      ),
    ];
  }
  return argvTokens(argv, quotePowerShell);
}

/** Joins argv into one PowerShell command line: the text of its tokens. */
export const powershellCommand = (argv: readonly string[]): string =>
  textOf(powershellCommandTokens(argv));

/** A PowerShell single-quoted string literal for any value (used for `$env:X = '...'`). */
export function powershellString(value: string): string {
  return `'${value.replace(SINGLE_QUOTES, (q) => q + q)}'`;
}
