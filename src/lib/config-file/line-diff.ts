/**
 * A line diff for the merge preview: which lines a merge adds and removes. A merge changes a few
 * regions of a file (one per server), so the diff works region by region: common leading and
 * trailing lines are matched first; lines found exactly once on each side anchor the middle (the
 * "patience" idea, so unchanged server headers split a long file into small regions); a small
 * region goes through a longest-common-subsequence table. An unchanged line is never reported as
 * removed and added while an anchor or the table can match it, and the work is bounded, so a huge
 * file cannot freeze the page.
 */

/** One line of a diff. */
export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** A region with at most this many cells goes through the LCS table. */
const MAX_CELLS = 250_000;
/** Total line visits allowed for anchoring; beyond it, a region left is shown as removed-then-added. */
const MAX_WORK = 20_000_000;

/** The lines of `before` and `after` (split on \n; a \r stays with its line), as a diff. Never throws. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const b = after === '' ? [] : after.replace(/\n$/, '').split('\n');
  const out: DiffLine[] = [];
  let work = 0;
  // Regions still to diff, in order (a stack: the next region is on top); explicit, not recursive.
  const stack: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  for (let r = stack.pop(); r !== undefined; r = stack.pop()) {
    let [a0, a1, b0, b1] = r;
    while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) {
      out.push({ kind: 'same', text: a[a0] as string });
      a0 += 1;
      b0 += 1;
    }
    let tail = 0;
    while (a1 > a0 && b1 > b0 && a[a1 - 1] === b[b1 - 1]) {
      a1 -= 1;
      b1 -= 1;
      tail += 1;
    }
    const lenA = a1 - a0;
    const lenB = b1 - b0;
    work += lenA + lenB;
    const anchors =
      lenA === 0 || lenB === 0 || lenA * lenB <= MAX_CELLS || work > MAX_WORK
        ? []
        : uniqueAnchors(a, a0, a1, b, b0, b1);
    if (anchors.length === 0) {
      // A loop, not push(...): a spread of 100,000 lines overflows the stack.
      for (const l of table(a.slice(a0, a1), b.slice(b0, b1))) out.push(l);
      for (let i = 0; i < tail; i++) out.push({ kind: 'same', text: a[a1 + i] as string });
      continue;
    }
    // The trailing matched lines, then the regions between anchors, last first (a stack).
    const after: [number, number, number, number][] = [];
    let pa = a0;
    let pb = b0;
    for (const [ia, ib] of anchors) {
      after.push([pa, ia, pb, ib], [ia, ia + 1, ib, ib + 1]);
      pa = ia + 1;
      pb = ib + 1;
    }
    after.push([pa, a1 + tail, pb, b1 + tail]);
    for (let i = after.length - 1; i >= 0; i--)
      stack.push(after[i] as [number, number, number, number]);
  }
  return out;
}

/**
 * Lines that occur exactly once in a[a0..a1) and once in b[b0..b1), kept in an order both sides
 * agree on (a longest increasing subsequence, O(n log n)): the pairs of indexes, in order.
 */
function uniqueAnchors(
  a: readonly string[],
  a0: number,
  a1: number,
  b: readonly string[],
  b0: number,
  b1: number,
): [number, number][] {
  // count: -1 once seen twice; index of the single occurrence otherwise.
  const inA = new Map<string, number>();
  for (let i = a0; i < a1; i++) {
    const t = a[i] as string;
    inA.set(t, inA.has(t) ? -1 : i);
  }
  const inB = new Map<string, number>();
  for (let j = b0; j < b1; j++) {
    const t = b[j] as string;
    if (inA.has(t) && (inA.get(t) as number) >= 0) inB.set(t, inB.has(t) ? -1 : j);
  }
  // Pairs in the order of a; keep the longest run increasing in b.
  const pairs: [number, number][] = [];
  for (let i = a0; i < a1; i++) {
    const j = inB.get(a[i] as string);
    if (j !== undefined && j >= 0 && inA.get(a[i] as string) === i) pairs.push([i, j]);
  }
  if (pairs.length === 0) return [];
  const tails: number[] = []; // tails[k]: index in pairs of the smallest end of a run of length k+1
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let p = 0; p < pairs.length; p++) {
    const j = (pairs[p] as [number, number])[1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[tails[mid] as number] as [number, number])[1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[p] = tails[lo - 1] as number;
    tails[lo] = p;
  }
  const run: [number, number][] = [];
  for (let p = tails.at(-1) as number; p >= 0; p = prev[p] as number)
    run.push(pairs[p] as [number, number]);
  return run.reverse();
}

/** A region aligned by a longest common subsequence when small enough; else removed, then added. */
function table(a: string[], b: string[]): DiffLine[] {
  const removed = (t: string): DiffLine => ({ kind: 'removed', text: t });
  const added = (t: string): DiffLine => ({ kind: 'added', text: t });
  if (a.length === 0 || b.length === 0 || a.length * b.length > MAX_CELLS)
    return [...a.map(removed), ...b.map(added)];
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..], in one flat array.
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * w + j + 1] as number) + 1
          : Math.max(lcs[(i + 1) * w + j] as number, lcs[i * w + j + 1] as number);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] as string });
      i += 1;
      j += 1;
    } else if ((lcs[(i + 1) * w + j] as number) >= (lcs[i * w + j + 1] as number))
      out.push(removed(a[i++] as string));
    else out.push(added(b[j++] as string));
  }
  return [...out, ...a.slice(i).map(removed), ...b.slice(j).map(added)];
}
