/**
 * Windows paths in basic strings. In TOML, `"C:\Users\me"` is a basic string where `\U` starts an
 * escape, so Codex refuses the whole file (tests/conformance/doctor.test.ts records its words).
 * This stage finds the strings on the lines the parser stops at and rewrites them as literal
 * strings (`'C:\Users\me'`), which keep every backslash, so the rest of the file can be checked.
 */
import { parse, TomlError } from 'smol-toml';
import type { ParseProblem } from '../types.ts';

/** The messages smol-toml gives for a backslash that starts no valid escape. */
const ESCAPE_ERROR = /escape/i;

/** True when a parse problem is a backslash escape that TOML does not have. */
export function isEscapeProblem(problem: ParseProblem): boolean {
  return ESCAPE_ERROR.test(problem.message);
}

/** A basic string on one line: where it starts and ends (quotes included) and its raw content. */
interface BasicString {
  start: number;
  end: number;
  raw: string;
}

/** The single-line basic strings of a line (outside literal strings and comments); null on a multi-line string. */
function basicStrings(line: string): BasicString[] | null {
  const found: BasicString[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '#') break;
    if (c === "'") {
      if (line.startsWith("'''", i)) return null;
      const close = line.indexOf("'", i + 1);
      if (close < 0) return null;
      i = close;
    } else if (c === '"') {
      if (line.startsWith('"""', i)) return null;
      let j = i + 1;
      while (j < line.length && line[j] !== '"') j += line[j] === '\\' ? 2 : 1;
      if (j >= line.length) return null;
      found.push({ start: i, end: j + 1, raw: line.slice(i + 1, j) });
      i = j;
    }
  }
  return found;
}

/** True when a basic string's raw content holds a backslash that is not a TOML 1.0 escape. */
function hasBadEscape(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '\\') continue;
    const next = raw[i + 1] ?? '';
    if (next === 'u' || next === 'U') {
      const digits = next === 'u' ? 4 : 8;
      if (!new RegExp(`^[0-9A-Fa-f]{${digits}}`).test(raw.slice(i + 2))) return true;
      i += 1 + digits;
    } else if ('btnfr"\\'.includes(next) && next !== '') i += 1;
    else return true;
  }
  return false;
}

/** The string written so that every backslash stays: a literal string, or doubled backslashes when it holds a quote. */
function literal(raw: string): string | null {
  if (!raw.includes("'")) return `'${raw}'`;
  // A `\"` inside would mean the author did escape something: not a path to rewrite blindly.
  if (raw.includes('\\"')) return null;
  return `"${raw.replace(/\\/g, '\\\\')}"`;
}

/** One line with its strings that hold bad escapes rewritten; null when nothing could be rewritten. */
function repairLine(line: string): string | null {
  const strings = basicStrings(line);
  if (!strings) return null;
  let out = '';
  let at = 0;
  let changed = false;
  for (const s of strings) {
    if (!hasBadEscape(s.raw)) continue;
    const fixed = literal(s.raw);
    if (fixed === null) continue;
    out += line.slice(at, s.start) + fixed;
    at = s.end;
    changed = true;
  }
  return changed ? out + line.slice(at) : null;
}

/** The repaired text and the 1-based lines rewritten, or null when the escape problems could not all be fixed. */
export interface BackslashRepair {
  text: string;
  lines: number[];
}

/** At most this many lines are rewritten, and at most this many characters parsed in all: each line costs one parse of the whole file. */
const MAX_REPAIRS = 64;
const MAX_PARSED = 16_000_000;

/**
 * Rewrites, line by line where the parser stops, the basic strings holding single backslashes,
 * until the file parses or the problem is another one. Only those strings change: every other
 * byte of the file stays. Null when the file still does not parse (or for another reason).
 */
export function repairBackslashes(text: string, first: ParseProblem): BackslashRepair | null {
  const lines = text.split('\n');
  const repaired: number[] = [];
  let problem: ParseProblem | null = first;
  const limit = Math.min(
    MAX_REPAIRS,
    Math.max(1, Math.floor(MAX_PARSED / Math.max(1, text.length))),
  );
  while (problem && isEscapeProblem(problem) && repaired.length < limit) {
    const index = problem.line - 1;
    const fixed = repairLine(lines[index] ?? '');
    if (fixed === null || repaired.includes(problem.line)) return null;
    lines[index] = fixed;
    repaired.push(problem.line);
    problem = parseProblem(lines.join('\n'));
  }
  if (problem && isEscapeProblem(problem) && repaired.length >= limit)
    return repairAllAtOnce(lines, repaired);
  return problem === null && repaired.length > 0
    ? { text: lines.join('\n'), lines: repaired }
    : null;
}

/** Too many lines to repair one parse at a time: every line with a bad escape at once, then one parse. */
function repairAllAtOnce(lines: string[], already: number[]): BackslashRepair | null {
  const repaired = new Set(already);
  for (let i = 0; i < lines.length; i++) {
    const fixed = repairLine(lines[i] as string);
    if (fixed === null) continue;
    lines[i] = fixed;
    repaired.add(i + 1);
  }
  const text = lines.join('\n');
  return parseProblem(text) === null ? { text, lines: [...repaired].sort((a, b) => a - b) } : null;
}

/** The first parse problem of `text`, or null when it parses. */
function parseProblem(text: string): ParseProblem | null {
  try {
    parse(text);
    return null;
  } catch (e) {
    if (e instanceof TomlError) return { message: e.message, line: e.line, column: e.column };
    return { message: String(e), line: 1, column: 1 };
  }
}

/** Codex's own words for the escape the parser stopped at (1-based `column` of `line`), for the two forms the conformance suite records. */
export function codexEscapeMessage(line: string, column: number): string | undefined {
  // Both parsers point past the backslash: at the bad letter, or at the first non-hex digit of \u / \U.
  const bs = line.lastIndexOf('\\', column - 2);
  if (bs < 0 || column - 1 - bs > 9) return undefined;
  const c = line[bs + 1] ?? '';
  if (c === 'u' || c === 'U')
    return 'too few unicode value digits, expected unicode hexadecimal value';
  if (bs + 1 === column - 1 && /[A-Za-z ]/.test(c) && !'btnfrexuU'.includes(c))
    return 'missing escaped value, expected `b`, `e`, `f`, `n`, `r`, `\\`, `"`, `x`, `u`, `U`';
  return undefined;
}
