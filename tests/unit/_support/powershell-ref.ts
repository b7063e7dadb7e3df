/**
 * A small, deliberately strict reference reader for the PowerShell command lines the generator emits
 * (no pwsh on this machine). Written from PowerShell's tokenizer rules, not from src/lib:
 *
 * - Single-quoted strings open with any of the five single-quote characters PowerShell recognises
 *   (' U+2018 U+2019 U+201A U+201B). Inside, a quote character followed by another quote character is
 *   one literal character (the second one, as the tokenizer's ScanStringLiteral appends it); a quote
 *   character followed by anything else closes the string. Nothing else is special: no `$`, no backtick.
 * - A bare word is accepted only when PowerShell passes it to a native program verbatim. It throws
 *   (rather than guessing) for anything else:
 *   - characters outside ASCII letters, digits and `_ . / : = + - \ % ^ !`, plus `@` and `#` when not first
 *     (`$` expands, `@` first splats, `#` first starts a comment, `( ) { } , ; & | < > '"` and backtick are
 *     syntax, `* ? [ ]` are globbed on Unix, `~` first expands to home on Unix, Unicode dashes and quotes are
 *     operators/quotes to PowerShell);
 *   - `--` (end of parameters: swallowed when the npm `codex.ps1` shim forwards arguments) and `--%`
 *     (stop-parsing token);
 *   - a word starting with `-` that contains `.` or `:`: PowerShell splits it into two arguments
 *     (`-foo.bar` -> `-foo`, `.bar`: PowerShell issues #6291, #15541, #17050; `-foo:bar` after `--` or when
 *     forwarded through a script: #17399, #6360; `-F:` merges with the next argument: #15276).
 */

const SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);
const BARE_CHARS = /^[A-Za-z0-9_./:=+\-\\%^!@#]+$/;

/** Why a bare word is unsafe in PowerShell, or undefined when it is passed verbatim. */
export function bareWordProblem(word: string): string | undefined {
  if (!BARE_CHARS.test(word)) return 'has characters PowerShell interprets';
  if (word.startsWith('@')) return 'starts with @ (splatting)';
  if (word.startsWith('#')) return 'starts with # (comment)';
  if (word === '--') return 'is the end-of-parameters token';
  if (word.startsWith('--%')) return 'is the stop-parsing token';
  if (word.startsWith('-') && /[.:]/.test(word)) return 'starts with - and contains . or : (split in two by PowerShell)';
  return undefined;
}

/** Reads a PowerShell command line into the argument list a native program receives. Throws on anything unsafe. */
export function parsePowerShell(line: string): string[] {
  const words: string[] = [];
  const chars = [...line];
  let i = 0;
  const isSpace = (c: string | undefined) => c === ' ';
  while (i < chars.length) {
    while (isSpace(chars[i])) i++;
    if (i >= chars.length) break;
    const c = chars[i]!;
    if (SINGLE_QUOTES.has(c)) {
      i++;
      let value = '';
      for (;;) {
        if (i >= chars.length) throw new Error(`unterminated single-quoted string in ${JSON.stringify(line)}`);
        const d = chars[i]!;
        if (SINGLE_QUOTES.has(d)) {
          if (!SINGLE_QUOTES.has(chars[i + 1] ?? '')) {
            i++;
            break;
          }
          value += chars[i + 1];
          i += 2;
          continue;
        }
        value += d;
        i++;
      }
      if (i < chars.length && !isSpace(chars[i])) throw new Error(`text glued to a quoted string in ${JSON.stringify(line)}`);
      words.push(value);
    } else {
      let word = '';
      while (i < chars.length && !isSpace(chars[i])) word += chars[i++];
      const problem = bareWordProblem(word);
      if (problem) throw new Error(`bare word ${JSON.stringify(word)} ${problem}`);
      words.push(word);
    }
  }
  return words;
}

/** Reads one PowerShell single-quoted literal (the whole input must be exactly one). */
export function parsePowerShellString(literal: string): string {
  if (!SINGLE_QUOTES.has([...literal][0] ?? '')) throw new Error(`not a single-quoted literal: ${JSON.stringify(literal)}`);
  const words = parsePowerShell(literal);
  if (words.length !== 1) throw new Error(`expected one literal in ${JSON.stringify(literal)}`);
  return words[0]!;
}
