/**
 * A line diff for the merge preview: which lines a merge adds and removes. Common leading and
 * trailing lines are matched first (a merge changes one region per server), and only the middle
 * goes through a longest-common-subsequence table, bounded so that a huge file cannot freeze the page.
 */

/** One line of a diff. */
export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Above this many cells the middle is shown as removed-then-added rather than aligned. */
const MAX_CELLS = 2_000_000;

/** The lines of `before` and `after` (split on \n; a \r stays with its line), as a diff. Never throws. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const b = after === '' ? [] : after.replace(/\n$/, '').split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const same = (lines: string[]): DiffLine[] => lines.map((text) => ({ kind: 'same', text }));
  return [
    ...same(a.slice(0, start)),
    ...middle(a.slice(start, endA), b.slice(start, endB)),
    ...same(a.slice(endA)),
  ];
}

/** The differing middle: aligned by a longest common subsequence when small enough. */
function middle(a: string[], b: string[]): DiffLine[] {
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
