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
  AFTER_INTERACTION_BUDGET,
  AFTER_INTERACTION_CEILING,
  CRITICAL_JS_BUDGET,
  criticalBytes,
  firstInteractionChunks,
  guidePages,
  htmlPages,
  looksLikeHighlighter,
  looksLikeSearchUI,
} from '../support/budget.ts';

export { AFTER_INTERACTION_BUDGET, CRITICAL_JS_BUDGET };

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
      expect([...files].filter((f) => looksLikeHighlighter(f, DIST))).toEqual([]);
      expect([...files].filter(looksLikeSearchUI)).toEqual([]);
      expect(external + inline).toBeLessThanOrEqual(CRITICAL_JS_BUDGET);
    },
  );

  it.each(rows(guides))('%s shows coloured output in its HTML, by token kind', (_, file) => {
    const html = readFileSync(file, 'utf8');
    // The build rendered the preset's blocks from their tokens: coloured spans in the page itself.
    expect(html).toMatch(/data-output="toml"><code><span class="cmg-t-header">\[mcp_servers\./);
    // A preset still holding its example host shows no command (tests/build/placeholder-commands.test.ts).
    expect(html).toMatch(
      /data-output="(?:cli|verify)"><code><span class="cmg-t-program">codex<\/span> <span class="cmg-t-subcommand">mcp<\/span>/,
    );
    // No style attribute carries a colour: the kinds' colours live in one stylesheet, per theme.
    expect(html).not.toMatch(/--shiki-/);
  });

  it.each(rows(guides))(
    '%s loads at most 30 KB of gzipped JS on the first interaction, engine included',
    (_, file) => {
      const after = firstInteractionChunks(DIST, readFileSync(file, 'utf8'));
      console.log(
        `${relative(DIST, file)}: first interaction ${after.bytes} B gzipped in ${after.files.length} chunks`,
      );
      expect(after.files.some((f) => /\/engine\.[\w-]+\.js$/.test(f))).toBe(true);
      expect(after.files.filter((f) => looksLikeHighlighter(f, DIST))).toEqual([]);
      expect(after.bytes).toBeLessThanOrEqual(AFTER_INTERACTION_CEILING);
    },
  );
});
