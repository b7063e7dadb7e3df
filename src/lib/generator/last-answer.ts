/**
 * The last answer of a pure function, kept until its input changes. A keystroke changes one field
 * of the form, and generate() would otherwise redo every other field's checks and rendering with
 * the same input (40 headers and 80 tool names take ~200 µs; a name keystroke needs none of it).
 *
 * Safe by construction:
 * - one input and one answer per instance, so memory stays bounded whatever is typed;
 * - the input is compared by content (`same`), never by identity, and kept as a copy (`copy`): a
 *   caller that changes its array afterwards cannot make a stale answer look current;
 * - the answer is computed from that copy alone, so it is exactly what `compute(input)` gives now;
 * - the objects of an answer (diagnostics, records, tokens) are frozen: code that tried to change
 *   one would throw rather than pass a changed answer to the next caller. Its lists are not (V8
 *   copies a frozen array through a slow path, ~100 times slower), and are never handed out:
 *   callers copy every list (and every diagnostic and record) they pass on.
 */
import type { EnvVarSpec } from './model.ts';

/** A function `compute` that answers from its last answer while `same` says the input is unchanged. */
export function lastAnswer<K, R>(
  copy: (key: K) => K,
  same: (a: K, b: K) => boolean,
  compute: (key: K) => R,
): (key: K) => R {
  let known = false;
  let lastKey: K;
  let last: R;
  return (key: K): R => {
    if (known && same(lastKey, key)) return last;
    const k = copy(key);
    const answer = deepFreeze(compute(k));
    lastKey = k;
    last = answer;
    known = true;
    return answer;
  };
}

/** Freezes the plain objects of `value` (itself, or those its lists and objects hold), not its lists. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (const v of value) deepFreeze(v);
    return value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}

/**
 * The same strings in the same order. Anything but a string (a malformed producer's object, which
 * could change behind an identical reference) never counts as the same.
 */
export function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const s = b[i];
    if (typeof s !== 'string' || a[i] !== s) return false;
  }
  return true;
}

/** A copy of a list of strings (the copy a remembered answer is computed from); anything else as is, for `compute` to refuse. */
export const copyStrings = (list: readonly string[]): string[] =>
  Array.isArray(list) ? list.slice() : (list as string[]);

/** A copy of variable lines (the copy a remembered answer is computed from); anything else as is. */
export function copyLines(lines: readonly EnvVarSpec[]): EnvVarSpec[] {
  if (!Array.isArray(lines)) return lines as EnvVarSpec[];
  return lines.map((l) => {
    if (l === null || typeof l !== 'object') return l;
    const copy: EnvVarSpec = { name: l.name, value: l.value, placeholder: l.placeholder };
    if (l.basicAuthFrom !== undefined)
      copy.basicAuthFrom = l.basicAuthFrom && {
        userVar: l.basicAuthFrom.userVar,
        secretVar: l.basicAuthFrom.secretVar,
      };
    if (l.optional !== undefined) copy.optional = l.optional;
    return copy;
  });
}

const isText = (v: unknown): v is string => typeof v === 'string';

/** The same variable lines (every field any renderer or check reads); anything but strings never counts as the same. */
export function sameLines(a: readonly EnvVarSpec[], b: readonly EnvVarSpec[]): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) {
    const l = b[i];
    const k = a[i];
    if (l === null || typeof l !== 'object' || k === null || typeof k !== 'object') return false;
    if (!isText(l.name) || !isText(l.value) || !isText(l.placeholder)) return false;
    if (l.name !== k.name || l.value !== k.value || l.placeholder !== k.placeholder) return false;
    if (typeof l.optional === 'object' || l.optional !== k.optional) return false;
    const from = l.basicAuthFrom;
    const kept = k.basicAuthFrom;
    if (from === undefined || kept === undefined) {
      if (from !== kept) return false;
      continue;
    }
    if (from === null || typeof from !== 'object' || kept === null || typeof kept !== 'object')
      return false;
    if (!isText(from.userVar) || !isText(from.secretVar)) return false;
    if (from.userVar !== kept.userVar || from.secretVar !== kept.secretVar) return false;
  }
  return true;
}

/** A copy of a value made of scalars (strings, numbers, booleans), lists of them, and plain objects of those. */
export type Snapshot =
  | { kind: 'scalar'; value: unknown }
  | { kind: 'list'; value: readonly unknown[] }
  | { kind: 'table'; keys: readonly string[]; values: readonly unknown[] };

const isScalar = (v: unknown): boolean =>
  v === null || (typeof v !== 'object' && typeof v !== 'function');

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function scalarList(v: unknown): v is readonly unknown[] {
  return Array.isArray(v) && v.every(isScalar);
}

/**
 * A copy of `value` that `sameAsSnapshot` can compare a later value with, or undefined for any
 * other shape (class instances, functions, deeper nesting), which is then never remembered.
 */
export function snapshot(value: unknown): Snapshot | undefined {
  if (isScalar(value)) return { kind: 'scalar', value };
  if (Array.isArray(value))
    return scalarList(value) ? { kind: 'list', value: value.slice() } : undefined;
  if (typeof value !== 'object' || value === null || !isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  const values: unknown[] = [];
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (isScalar(v)) values.push(v);
    else if (scalarList(v)) values.push(v.slice());
    else return undefined;
  }
  return { kind: 'table', keys, values };
}

/** True when `value` has exactly the content `snap` was taken from (NaN never counts as the same). */
export function sameAsSnapshot(snap: Snapshot, value: unknown): boolean {
  if (snap.kind === 'scalar') return snap.value === value;
  if (snap.kind === 'list') return scalarList(value) && sameScalars(snap.value, value);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !isPlainObject(value))
    return false;
  const keys = Object.keys(value);
  if (!sameStringsExactly(snap.keys, keys)) return false;
  for (let i = 0; i < keys.length; i++) {
    const v = (value as Record<string, unknown>)[keys[i]!];
    const kept = snap.values[i];
    if (Array.isArray(kept)) {
      if (!scalarList(v) || !sameScalars(kept, v)) return false;
    } else if (!isScalar(v) || kept !== v) return false;
  }
  return true;
}

function sameScalars(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const sameStringsExactly = (a: readonly string[], b: readonly string[]): boolean =>
  sameScalars(a, b);
