/**
 * Static analysis of the production build's JavaScript: which files a page runs before the first
 * interaction (module scripts, island components and renderers, and everything they import
 * statically), and which load later through dynamic import(). Bytes are gzip -9, deterministic.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT =
  /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`]([^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;
// Vite's preload helper lists a dynamic import's chunk and its deps as strings: "_astro/x.js".
const PRELOAD_DEPS = /["'](?:\.\/|\/_astro\/|_astro\/)([\w.-]+\.js)["']/g;

/** gzip -9 size of a file in bytes. */
export function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function resolveChunk(from: string, spec: string): string {
  const name = spec.split('/').pop()!;
  return from.startsWith('/_astro/') || spec.startsWith('/_astro/') || spec.startsWith('./')
    ? `/_astro/${name}`
    : spec;
}

/** The entry scripts of a built page: module scripts plus each island's component and renderer. */
export function pageEntries(html: string): string[] {
  const entries = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) entries.add(m[1]!);
  for (const m of html.matchAll(/<astro-island[^>]*?component-url="([^"]+)"/g)) entries.add(m[1]!);
  for (const m of html.matchAll(/<astro-island[^>]*?renderer-url="([^"]+)"/g)) entries.add(m[1]!);
  return [...entries];
}

/** Follows static imports from the entries: the JS a page runs before any interaction. */
export function staticClosure(dist: string, entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const url = queue.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const code = readFileSync(join(dist, url), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(resolveChunk(url, m[1]!));
  }
  return seen;
}

/** Chunks reachable only through dynamic import() from a set of already-loaded files. */
export function dynamicClosure(
  dist: string,
  loaded: ReadonlySet<string>,
  only?: RegExp,
): Set<string> {
  const dynamicEntries: string[] = [];
  for (const url of loaded) {
    const code = readFileSync(join(dist, url), 'utf8');
    for (const m of code.matchAll(DYNAMIC_IMPORT)) dynamicEntries.push(resolveChunk(url, m[1]!));
  }
  const filtered = only ? dynamicEntries.filter((u) => only.test(u)) : dynamicEntries;
  const closure = staticClosure(dist, filtered);
  // Also follow the preload dependency lists Vite writes for those imports.
  for (const url of loaded) {
    const code = readFileSync(join(dist, url), 'utf8');
    for (const m of code.matchAll(PRELOAD_DEPS)) {
      const chunk = `/_astro/${m[1]!}`;
      if (!only || only.test(chunk)) for (const c of staticClosure(dist, [chunk])) closure.add(c);
    }
  }
  for (const u of loaded) closure.delete(u);
  return closure;
}

/** Total gzip bytes of a set of built files. */
export function totalGzip(dist: string, files: Iterable<string>): number {
  let sum = 0;
  for (const f of files) sum += gzipSize(join(dist, f));
  return sum;
}
