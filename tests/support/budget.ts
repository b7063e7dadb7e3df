/**
 * The byte budgets and what they count, shared by the budget test (tests/build/bytes.test.ts, which
 * asserts them) and the benchmark (scripts/bench.ts, which reports them). One definition, two users.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { dynamicClosure, pageEntries, staticClosure, totalGzip } from './bundle.ts';

/** JavaScript a guide page runs before the first interaction (search excluded: it loads on demand). */
export const CRITICAL_JS_BUDGET = 25 * 1024;
/** The lazily loaded syntax highlighter. */
export const HIGHLIGHTER_BUDGET = 55 * 1024;

/** Starlight's search: the Search component's script; Pagefind itself only loads when search opens. */
const isSearch = (file: string): boolean => /\/Search\.astro_|pagefind/.test(file);

const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** Every built page (`index.html` files) under `dist`. */
export function htmlPages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Every guide page: those that embed the generator island. */
export function guidePages(dist: string): string[] {
  return htmlPages(dist).filter((file) => readFileSync(file, 'utf8').includes('GeneratorIsland'));
}

/** Critical JS of one page: the static import closure of its module scripts and islands, plus its inline scripts. */
export function criticalBytes(dist: string, html: string): { external: number; inline: number; files: Set<string> } {
  // Search is excluded by the budget's definition: its button script and the Pagefind UI it loads on demand.
  const files = new Set([...staticClosure(dist, pageEntries(html))].filter((f) => !isSearch(f)));
  const inline = [...html.matchAll(INLINE_SCRIPT)]
    .map((m) => m[1] ?? '')
    .filter((code) => !code.includes('data-open-modal'))
    .join('\n');
  return { external: totalGzip(dist, files), inline: gzipSync(inline, { level: 9 }).length, files };
}

/** True for a chunk that belongs to the highlighter by name; none may be on the critical path. */
export const looksLikeHighlighter = (file: string): boolean => /primitive|engine|shellscript|toml|github-(light|dark)/i.test(file);

/**
 * The highlighter: what the island loads later through dynamic import(), not already on the critical path.
 */
export function highlighterChunks(dist: string, html: string): { files: string[]; bytes: number } {
  const { files: critical } = criticalBytes(dist, html);
  const island = pageEntries(html).filter((u) => u.includes('GeneratorIsland'));
  const lazy = [...dynamicClosure(dist, staticClosure(dist, island))].filter((f) => !critical.has(f));
  // The generator engine and the share-link codec also load lazily (on first interaction, or for a
  // share link); they and everything they import are not the highlighter.
  const other = staticClosure(dist, lazy.filter((f) => /\/(engine|share)\.[\w-]+\.js$/.test(f)));
  const files = lazy.filter((f) => !other.has(f)).sort();
  return { files, bytes: totalGzip(dist, files) };
}
