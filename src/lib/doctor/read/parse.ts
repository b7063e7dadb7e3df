/** Stage 1 for config.toml: parse it as Codex would (TOML syntax, 64-bit integers) and find its layout. */
import { parse, TomlError } from 'smol-toml';
import { lineOf, scanToml, type TomlStatement } from '../../config-file/toml-scan.ts';
import { isTable, type ParseProblem, type Table } from '../types.ts';

/** The parsed document and its statements (for line numbers), or the problem that stops Codex reading it. */
export function parseConfig(
  text: string,
): { doc: Table; statements: TomlStatement[] | null } | { problem: ParseProblem } {
  let doc: Table;
  try {
    doc = parse(text, { integersAsBigInt: 'asNeeded' }) as Table;
  } catch (e) {
    return { problem: tomlParseProblem(e) };
  }
  const statements = scanToml(text);
  const range = outOfRangeInteger(doc, statements, text);
  return range ? { problem: range } : { doc, statements };
}

function tomlParseProblem(e: unknown): ParseProblem {
  if (e instanceof TomlError) {
    const first = (e.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
    return { message: first, line: e.line, column: e.column };
  }
  return { message: e instanceof Error ? e.message : String(e), line: 1, column: 1 };
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** smol-toml reads integers beyond 64 bits; Codex (and the TOML spec) refuse them. */
function outOfRangeInteger(
  doc: Table,
  statements: TomlStatement[] | null,
  text: string,
): ParseProblem | null {
  // smol-toml returns a bigint only beyond 2^53, which takes at least 14 digits (hex), 16 (decimal),
  // 18 (octal) or 54 (binary): without such a run in the text there is nothing to look for.
  if (!hasLongDigitRun(text, 14)) return null;
  let found: { path: string[]; value: bigint } | null = null;
  // Depth-first in file order, with an explicit stack: dotted keys can nest tables thousands deep.
  // Paths are linked lists (key, parent), built into arrays only for the one value reported.
  type PathLink = { key: string; parent: PathLink | null } | null;
  const stack: [unknown, PathLink][] = [[doc, null]];
  for (let item = stack.pop(); item !== undefined && !found; item = stack.pop()) {
    const [v, link] = item;
    if (typeof v === 'bigint' && (v < I64_MIN || v > I64_MAX)) {
      const path: string[] = [];
      for (let l = link; l; l = l.parent) path.push(l.key);
      found = { path: path.reverse(), value: v };
    } else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], link]);
    else if (isTable(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] as string;
        stack.push([v[k], { key: k, parent: link }]);
      }
    }
  }
  if (!found) return null;
  const { path, value } = found as { path: string[]; value: bigint };
  const line = lineOf(statements, path) ?? 1;
  const lineText = text.split('\n')[line - 1] ?? '';
  const eq = lineText.indexOf('=');
  const digit = /[-+0-9]/.exec(lineText.slice(eq + 1));
  const column = eq >= 0 && digit ? eq + 1 + digit.index + 1 : 1;
  return { message: `integer ${String(value)} does not fit in 64 bits`, line, column };
}

/** True when `text` has `n` hex digits or underscores in a row (a loop: the regex {n} form retries from every position). */
function hasLongDigitRun(text: string, n: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const digit = (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) || c === 95;
    run = digit ? run + 1 : 0;
    if (run >= n) return true;
  }
  return false;
}
