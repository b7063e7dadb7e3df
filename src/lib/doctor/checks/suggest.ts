/** "Did you mean": known mistakes and typos of the keys Codex reads. */
import { MISTAKES } from '../schema.ts';

let ROW = new Uint32Array(64);

/** Edit distance, for "did you mean" on typos of real keys; stops early (returning `limit`) once it must reach `limit`. */
function distance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  // One typed row, reused across calls, no Math.min over arrays: this runs for every unknown key of
  // every server, and a fresh row per call was garbage for the collector.
  if (ROW.length < b.length + 1) ROW = new Uint32Array(b.length + 1);
  const row = ROW;
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      const sub = prev + (a[i - 1] === b[j - 1] ? 0 : 1);
      const del = tmp + 1;
      const ins = (row[j - 1] as number) + 1;
      const d = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      row[j] = d;
      if (d < rowMin) rowMin = d;
      prev = tmp;
    }
    if (rowMin >= limit) return limit;
  }
  return row[b.length] as number;
}

/** The key someone probably meant: a known mistake, a different spelling, or a real key within two edits. */
export function suggestionFor(key: string, known: readonly string[]): string | undefined {
  const mistake = Object.hasOwn(MISTAKES, key) ? MISTAKES[key] : undefined;
  if (mistake) return mistake;
  const lower = key.toLowerCase().replace(/-/g, '_');
  const exact = known.find((k) => k === lower);
  if (exact) return exact;
  if (key.length < 4) return undefined;
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    // The distance is at least the difference in length: skip the O(n·m) table when it cannot win.
    if (Math.abs(lower.length - k.length) >= bestD) continue;
    const d = distance(lower, k, bestD);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}
