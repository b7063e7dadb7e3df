/**
 * Byte budgets on the production build (run `npm run build` first). Bytes are deterministic, so
 * these are asserted; latency and Lighthouse are reported by `npm run bench` instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dynamicClosure, pageEntries, staticClosure, totalGzip } from '../support/bundle.ts';

const DIST = 'dist';
/** JavaScript a guide page runs before the first interaction (search excluded: it loads on demand). */
export const CRITICAL_JS_BUDGET = 25 * 1024;
/** The lazily loaded syntax highlighter. */
export const HIGHLIGHTER_BUDGET = 55 * 1024;

/** Starlight's search: the Search component's script; Pagefind itself only loads when search opens. */
const isSearch = (file: string): boolean => /\/Search\.astro_|pagefind/.test(file);

const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

function htmlPages(): string[] {
  return readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => join(e.parentPath, e.name));
}

/** Every guide page: those that embed the generator island. */
const guides = htmlPages().filter((file) => readFileSync(file, 'utf8').includes('GeneratorIsland'));

/** Critical JS of one page: the static import closure of its module scripts and islands, plus its inline scripts. */
export function criticalBytes(html: string): { external: number; inline: number; files: Set<string> } {
  // Search is excluded by the budget's definition: its button script and the Pagefind UI it loads on demand.
  const files = new Set([...staticClosure(DIST, pageEntries(html))].filter((f) => !isSearch(f)));
  const inline = [...html.matchAll(INLINE_SCRIPT)]
    .map((m) => m[1] ?? '')
    .filter((code) => !code.includes('data-open-modal'))
    .join('\n');
  return { external: totalGzip(DIST, files), inline: gzipSync(inline, { level: 9 }).length, files };
}

describe('byte budgets', () => {
  it('finds the guide pages to measure', () => {
    expect(guides.length).toBeGreaterThanOrEqual(5);
  });

  it.each(guides.map((g) => [relative(DIST, g), g]))('%s runs at most 25 KB of gzipped JS before the first interaction', (_, file) => {
    const { external, inline } = criticalBytes(readFileSync(file, 'utf8'));
    console.log(`${relative(DIST, file)}: critical JS ${external} B external + ${inline} B inline = ${external + inline} B gzipped`);
    expect(external + inline).toBeLessThanOrEqual(CRITICAL_JS_BUDGET);
  });

  it.each(guides.map((g) => [relative(DIST, g), g]))('%s loads the highlighter lazily, within 55 KB gzipped', (_, file) => {
    const html = readFileSync(file, 'utf8');
    const { files } = criticalBytes(html);
    const island = pageEntries(html).filter((u) => u.includes('GeneratorIsland'));
    // The share-link codec also loads lazily (on a share link or "Copy link"); it is not the highlighter.
    const lazy = [...dynamicClosure(DIST, staticClosure(DIST, island))].filter((f) => !files.has(f) && !/\/share\./.test(f));
    // The highlighter must not be on the critical path at all...
    expect([...files].some((f) => /primitive|engine|shellscript|toml|github-(light|dark)/i.test(f))).toBe(false);
    // ...and what loads later stays within its own budget.
    const bytes = totalGzip(DIST, lazy);
    console.log(`${relative(DIST, file)}: highlighter ${bytes} B gzipped in ${lazy.length} lazy chunks`);
    expect(lazy.length).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(HIGHLIGHTER_BUDGET);
  });
});
