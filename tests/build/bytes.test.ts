/**
 * Byte budgets on the production build (run `npm run build` first). Bytes are deterministic, so
 * these are asserted; latency and Lighthouse are reported by `npm run bench` instead.
 * What is counted lives in tests/support/budget.ts, shared with the benchmark.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRITICAL_JS_BUDGET, criticalBytes, guidePages, HIGHLIGHTER_BUDGET, highlighterChunks, looksLikeHighlighter } from '../support/budget.ts';

export { CRITICAL_JS_BUDGET, HIGHLIGHTER_BUDGET };

const DIST = 'dist';

/** Every guide page: those that embed the generator island. */
const guides = guidePages(DIST);

describe('byte budgets', () => {
  it('finds the guide pages to measure', () => {
    expect(guides.length).toBeGreaterThanOrEqual(5);
  });

  it.each(guides.map((g) => [relative(DIST, g), g]))('%s runs at most 25 KB of gzipped JS before the first interaction', (_, file) => {
    const { external, inline } = criticalBytes(DIST, readFileSync(file, 'utf8'));
    console.log(`${relative(DIST, file)}: critical JS ${external} B external + ${inline} B inline = ${external + inline} B gzipped`);
    expect(external + inline).toBeLessThanOrEqual(CRITICAL_JS_BUDGET);
  });

  it.each(guides.map((g) => [relative(DIST, g), g]))('%s loads the highlighter lazily, within 55 KB gzipped', (_, file) => {
    const html = readFileSync(file, 'utf8');
    const { files } = criticalBytes(DIST, html);
    const lazy = highlighterChunks(DIST, html);
    // The highlighter must not be on the critical path at all...
    expect([...files].some(looksLikeHighlighter)).toBe(false);
    // ...and what loads later stays within its own budget.
    console.log(`${relative(DIST, file)}: highlighter ${lazy.bytes} B gzipped in ${lazy.files.length} lazy chunks`);
    expect(lazy.files.length).toBeGreaterThan(0);
    expect(lazy.bytes).toBeLessThanOrEqual(HIGHLIGHTER_BUDGET);
  });
});
