/** Small statistics and the result row every measurement reports. */

/** Summary of a sample: the order statistics the results table shows. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** The q-quantile (0..1) of a sample, linear interpolation between closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** The summary without p95, for rows where a 95th percentile means nothing (few pages, deterministic bytes). */
export function range(values: readonly number[]): Omit<Summary, 'p95'> {
  const { p95: _, ...rest } = summarize(values);
  return rest;
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    median: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    min: values.length ? Math.min(...values) : Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

/**
 * One line of the results table. `value` is the statistic compared with the target (named by
 * `compared`): lower is better for `max` targets (bytes, times), higher for `min` targets (scores).
 */
export interface Row {
  section: string;
  metric: string;
  unit: string;
  n: number;
  median: number;
  min: number;
  max: number;
  p95?: number;
  compared: 'median' | 'p95' | 'max' | 'min' | 'value';
  target: { kind: 'max' | 'min'; value: number } | null;
  /** The same statistic on a default Starlight site built from the same versions, when it has one. */
  baseline?: number;
  note?: string;
}

export function valueOf(row: Row): number {
  switch (row.compared) {
    case 'median':
      return row.median;
    case 'p95':
      return row.p95 ?? Number.NaN;
    case 'max':
      return row.max;
    case 'min':
      return row.min;
    case 'value':
      return row.median;
  }
}

/** Measured / target (for both kinds; a score of 88 against 98 is 0.90). */
export function ratioOf(row: Row): number | null {
  if (!row.target || !Number.isFinite(valueOf(row))) return null;
  return valueOf(row) / row.target.value;
}

/** True when the target is met, null when there is no target or no measurement. */
export function passes(row: Row): boolean | null {
  if (!row.target) return null;
  const v = valueOf(row);
  if (!Number.isFinite(v)) return false;
  return row.target.kind === 'max' ? v <= row.target.value : v >= row.target.value;
}
