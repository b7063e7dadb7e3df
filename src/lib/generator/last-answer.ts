/**
 * The last answer of a pure function, kept while its arguments' content is unchanged. A keystroke
 * changes one field, and a re-render none: without this, generate() would redo every check and
 * rendering of the other fields (40 headers and 80 tool names take ~200 µs of CPU).
 *
 * The arguments are compared by content, never by identity, with a copy taken when the answer was
 * computed: a caller that changes its objects afterwards cannot make a stale answer look current. Only plain data is kept (scalars, lists and plain objects
 * of those, a few levels deep); anything else (a class instance, a function, a cycle: a malformed
 * producer's spec) is computed afresh every time. One copy and one answer per function, so memory
 * stays bounded whatever is typed; an answer that throws is not kept.
 */
export function lastAnswer<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let kept: A | undefined;
  let last: R;
  return (...args: A): R => {
    if (kept && same(kept, args)) return last;
    kept = undefined;
    if (!plain(args, 0)) return fn(...args);
    last = fn(...args);
    kept = copied(args);
    return last;
  };
}

const isPlainObject = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** True when `v` is plain data: scalars, and lists and plain objects of them, at most 6 levels deep. */
function plain(v: unknown, depth: number): boolean {
  if (typeof v === 'function') return false;
  if (v === null || typeof v !== 'object') return true;
  if (depth > 5 || !(Array.isArray(v) || isPlainObject(v))) return false;
  for (const x of Object.values(v)) if (!plain(x, depth + 1)) return false;
  return true;
}

/** True when `b` has the content of `a`, a plain copy (so the walk follows `a`, which is finite). */
function same(a: unknown, b: unknown): boolean {
  if (a === null || typeof a !== 'object') return Object.is(a, b);
  if (b === null || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlainObject(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false;
  }
  return true;
}

/** A copy of plain data (lists, objects, scalars), each list and object new (an own `__proto__` key stays one). */
export function copied<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copied) as T;
  if (value === null || typeof value !== 'object') return value;
  // A spread keeps an own `__proto__` key an own key; setting an own key never reaches the prototype.
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const k in out) if (typeof out[k] === 'object') out[k] = copied(out[k]);
  return out as T;
}
