/**
 * JSON and JSONC text from other clients: comments and trailing commas blanked out (offsets kept),
 * the first error's position, and line numbers. Loops only: deep nesting never overflows the stack.
 */
import type { ParseProblem } from '../types.ts';

/** Blanks out // and /* *\/ comments and trailing commas (JSONC), keeping every offset. */
export function stripJsonc(text: string): { text: string; changed: boolean } {
  let out = '';
  let changed = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') {
      const start = i;
      i += 1;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i += 1;
      out += text.slice(start, i);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') {
        out += ' ';
        i += 1;
      }
      changed = true;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      changed = true;
    } else if (c === ',') {
      let j = i + 1;
      // Look past whitespace and comments for a closing bracket.
      for (;;) {
        while (j < text.length && /\s/.test(text[j] as string)) j += 1;
        if (text.startsWith('//', j)) {
          while (j < text.length && text[j] !== '\n') j += 1;
        } else if (text.startsWith('/*', j)) {
          const end = text.indexOf('*/', j + 2);
          j = end < 0 ? text.length : end + 2;
        } else break;
      }
      if (text[j] === '}' || text[j] === ']') {
        out += ' ';
        changed = true;
      } else out += c;
      i += 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return { text: out, changed };
}

/**
 * Finds where a JSON text first goes wrong (offset), for an error position every browser agrees on.
 * A loop with an explicit stack of open brackets: recursion overflowed on arrays 10,000 deep.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stack: string[] = [];
  const ws = (): void => {
    while (
      i < text.length &&
      (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')
    )
      i += 1;
  };
  // `"key" :` after an opening brace or a comma inside an object.
  const key = (): boolean => {
    ws();
    if (text[i] !== '"' || !jsonString()) return false;
    ws();
    if (text[i] !== ':') return false;
    i += 1;
    return true;
  };
  const jsonString = (): boolean => {
    const end = jsonStringEnd(text, i);
    i = Math.abs(end);
    return end >= 0;
  };
  for (;;) {
    // A value starts here.
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      i += 1;
      ws();
      if (text[i] === (c === '{' ? '}' : ']')) i += 1;
      else {
        stack.push(c);
        if (c === '{' && !key()) return i;
        continue;
      }
    } else if (c === '"') {
      if (!jsonString()) return i;
    } else {
      const end = jsonScalarEnd(text, i);
      if (end < 0) return i;
      i = end;
    }
    // After a value: a comma (next value) or closing brackets.
    for (;;) {
      ws();
      const top = stack.at(-1);
      if (top === undefined) return i;
      if (text[i] === ',') {
        i += 1;
        if (top === '{' && !key()) return i;
        break;
      }
      if (text[i] !== (top === '{' ? '}' : ']')) return i;
      i += 1;
      stack.pop();
    }
  }
}

const JSON_NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** End offset of a number or literal at `i`, or -1. */
function jsonScalarEnd(text: string, i: number): number {
  const c = text[i];
  if (c !== undefined && /[-0-9]/.test(c)) {
    JSON_NUMBER.lastIndex = i;
    const m = JSON_NUMBER.exec(text);
    return m ? i + m[0].length : -1;
  }
  for (const lit of ['true', 'false', 'null']) if (text.startsWith(lit, i)) return i + lit.length;
  return -1;
}

/** Offset after the string starting at `i`; on an error, minus the offset where it goes wrong. */
function jsonStringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') return i + 1;
    if (c < ' ') return -i;
    if (c === '\\') {
      const e = text[i + 1] ?? '';
      if (e === 'u') {
        if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) return -(i + 1);
        i += 6;
      } else if ('"\\/bfnrt'.includes(e) && e !== '') i += 2;
      else return -(i + 1);
    } else i += 1;
  }
  return -text.length;
}

/** Offsets where each line starts, for line numbers by binary search (one scan per text). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset, given the text's line starts. */
function lineColumnAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return lineColumnAt(lineStarts(text), offset);
}

/** Finds the line of each `"name"` in a JSON text, searching on from the previous hit so n servers cost one pass. */
export function jsonLineFinder(text: string): (name: string) => number | undefined {
  const starts = lineStarts(text);
  let from = 0;
  return (name) => {
    const needle = JSON.stringify(name);
    let at = text.indexOf(needle, from);
    if (at < 0) at = text.indexOf(needle);
    if (at < 0) return undefined;
    from = at + needle.length;
    return lineColumnAt(starts, at).line;
  };
}

/** JSON with comments and trailing commas allowed: the document, or where and why it is not JSON. */
export function parseJsonc(
  text: string,
): { root: unknown; clean: { text: string; changed: boolean } } | { parseError: ParseProblem } {
  const clean = stripJsonc(text);
  try {
    return { root: JSON.parse(clean.text) as unknown, clean };
  } catch (e) {
    const where = lineColumn(clean.text, jsonErrorOffset(clean.text));
    const message = (e instanceof Error ? e.message : String(e)).replace(
      /\s*\(line \d+ column \d+\)|\s*at position \d+.*$|^JSON\.parse: /g,
      '',
    );
    return { parseError: { message, ...where } };
  }
}
