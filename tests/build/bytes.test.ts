/**
 * Byte budgets on the production build (run `npm run build` first). Bytes are deterministic, so
 * these are asserted on EVERY built page; tests/e2e/budget.spec.ts checks the same figure against
 * what a browser really fetches, and `npm run bench` reports latency and Lighthouse.
 * What is counted lives in tests/support/budget.ts, shared with both.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CRITICAL_JS_BUDGET,
  criticalBytes,
  guidePages,
  HIGHLIGHTER_BUDGET,
  highlighterChunks,
  htmlPages,
  looksLikeHighlighter,
  looksLikeSearchUI,
} from '../support/budget.ts';

export { CRITICAL_JS_BUDGET, HIGHLIGHTER_BUDGET };

const DIST = 'dist';
const pages = htmlPages(DIST);
const guides = guidePages(DIST);
const rows = (files: string[]) => files.map((f) => [relative(DIST, f), f]);

describe('byte budgets', () => {
  it('finds every page to measure', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(guides.length).toBeGreaterThanOrEqual(5);
  });

  it.each(rows(pages))(
    '%s runs at most 25 KB of gzipped JS before the first interaction, everything counted',
    (_, file) => {
      const { external, inline, files } = criticalBytes(DIST, readFileSync(file, 'utf8'));
      console.log(
        `${relative(DIST, file)}: critical JS ${external} B in ${files.size} files + ${inline} B inline = ${external + inline} B gzipped`,
      );
      // Neither the highlighter nor the search UI may be fetched before the reader asks for them.
      expect([...files].filter(looksLikeHighlighter)).toEqual([]);
      expect([...files].filter(looksLikeSearchUI)).toEqual([]);
      expect(external + inline).toBeLessThanOrEqual(CRITICAL_JS_BUDGET);
    },
  );

  it.each(rows(guides))('%s shows highlighted output without the highlighter', (_, file) => {
    const html = readFileSync(file, 'utf8');
    // The build highlighted the preset's blocks: coloured spans in the page itself, in both themes.
    expect(html).toMatch(
      /data-output="toml"><code><span style="--shiki-light:#[0-9A-Fa-f]{6};--shiki-dark:#[0-9A-Fa-f]{6};?">/,
    );
    // A preset still holding its example host shows no command (tests/build/placeholder-commands.test.ts).
    expect(html).toMatch(/data-output="(?:cli|verify)"><code><span style="--shiki-light:/);
  });

  it.each(rows(guides))('%s loads the highlighter lazily, within 55 KB gzipped', (_, file) => {
    const lazy = highlighterChunks(DIST, readFileSync(file, 'utf8'));
    console.log(
      `${relative(DIST, file)}: highlighter ${lazy.bytes} B gzipped in ${lazy.files.length} lazy chunks`,
    );
    expect(lazy.files.length).toBeGreaterThan(0);
    expect(lazy.bytes).toBeLessThanOrEqual(HIGHLIGHTER_BUDGET);
  });
});
