/**
 * A strict Content-Security-Policy for every built page, computed from what the build emitted:
 * each inline <script> and <style> gets its sha256 hash (so no 'unsafe-inline' for scripts), the
 * policy goes in a <meta> placed before any script, and the union goes into dist/_headers for
 * static hosts that read it (Netlify, Cloudflare Pages), with the same headers as nginx and Caddy
 * snippets for servers configured by hand (docs/deploy.md). Astro's own `security.csp` does not hash
 * Starlight's `is:inline` scripts (withastro/astro#16664), hence this integration.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

/** The sha256 CSP source for an inline element's exact text. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Hash sources for every inline script and style in one HTML document. */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const m of html.matchAll(INLINE_SCRIPT)) scripts.add(hashSource(m[1] ?? ''));
  for (const m of html.matchAll(INLINE_STYLE)) styles.add(hashSource(m[1] ?? ''));
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

/** What the built site needs beyond 'self' and hashes, found in the build output (see `needsOf`). */
export interface Needs {
  /** Some page has a `style="…"` attribute. */
  styleAttributes: boolean;
  /** The build ships WebAssembly (Pagefind's search). */
  wasm: boolean;
}

/**
 * What the build output needs, measured rather than assumed. In the current build both are true:
 * - style attributes: Starlight's table of contents (`style="--depth: 1"`), icons (`--sl-icon-size`),
 *   language select (`--sl-select-width`) and Expressive Code's per-token colours (`--0:#D6DEEB;--1:…`),
 *   about 1,200 attributes in 42 distinct values. 'unsafe-hashes' with a hash per value would be
 *   narrower; it is not used because its browser support is uneven, and a miss silently drops styles.
 *   (Styles set from script through element.style, as Pagefind's UI does, are
 *   CSSOM and need nothing.) A style attribute cannot run code.
 * - wasm: Pagefind loads its index reader with WebAssembly.instantiate (`pagefind/wasm.*.pagefind`);
 *   'wasm-unsafe-eval' allows compiling WebAssembly and nothing else (no eval of JavaScript). The
 *   output blocks are coloured by their own tokens (classes), which needs neither.
 */
export function needsOf(htmlPages: readonly string[], files: readonly string[]): Needs {
  return {
    styleAttributes: htmlPages.some((html) => /<[a-z][^>]*\sstyle=/i.test(html)),
    wasm: files.some((f) => f.endsWith('.wasm') || /(^|[\\/])wasm\.[^\\/]*\.pagefind$/.test(f)),
  };
}

/** The policy text for a set of hashes. `frame-ancestors` only works as a header, so it is added there. */
export function policy(
  scripts: readonly string[],
  styles: readonly string[],
  needs: Needs = { styleAttributes: true, wasm: true },
): string {
  return [
    "default-src 'self'",
    `script-src 'self'${needs.wasm ? " 'wasm-unsafe-eval'" : ''} ${scripts.join(' ')}`.trim(),
    `style-src 'self' ${styles.join(' ')}`.trim(),
    ...(needs.styleAttributes ? ["style-src-attr 'unsafe-inline'"] : []),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The response headers every page gets, in order: one list, written out as `_headers` (Netlify,
 * Cloudflare Pages), an nginx snippet and a Caddy snippet, so every host applies the same policy.
 * A meta CSP cannot carry frame-ancestors, so clickjacking protection lives only here: frame-ancestors
 * and X-Frame-Options (for browsers without CSP 2) both forbid framing.
 */
export function siteHeaders(headerPolicy: string): [name: string, value: string][] {
  return [
    ['Content-Security-Policy', headerPolicy],
    ['X-Frame-Options', 'DENY'],
    // Two years, subdomains included: the recommended value for HSTS preload. Browsers ignore it over plain http.
    ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
    // No window this site opens (or that opens it) keeps a handle on it.
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ];
}

// The snippets quote each value in double quotes; no value may hold one, a backslash or a line break,
// nor what nginx (`$var`) or Caddy (`{placeholder}`) would expand inside quotes.
function quotable(headers: [string, string][]): [string, string][] {
  for (const [name, value] of headers)
    if (/["\\\r\n${}]/.test(value)) throw new Error(`${name} cannot be quoted for nginx or Caddy`);
  return headers;
}

/** dist/_headers, read by Netlify and Cloudflare Pages. */
export function headersFile(headerPolicy: string): string {
  return ['/*', ...siteHeaders(headerPolicy).map(([k, v]) => `  ${k}: ${v}`), ''].join('\n');
}

/** dist/nginx-headers.conf: `include` it in the `server` block (and in any `location` that has its own `add_header`). */
export function nginxSnippet(headerPolicy: string): string {
  return [
    '# Generated by src/integrations/csp.ts with this build; the same headers as _headers.',
    ...quotable(siteHeaders(headerPolicy)).map(([k, v]) => `add_header ${k} "${v}" always;`),
    '',
  ].join('\n');
}

/** dist/caddy-headers.caddy: `import` it inside the site block of a Caddyfile. */
export function caddySnippet(headerPolicy: string): string {
  return [
    '# Generated by src/integrations/csp.ts with this build; the same headers as _headers.',
    'header {',
    ...quotable(siteHeaders(headerPolicy)).map(([k, v]) => `\t${k} "${v}"`),
    '}',
    '',
  ].join('\n');
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

/** Adds the CSP meta to every page and writes dist/_headers. */
export default function csp(): AstroIntegration {
  return {
    name: 'codex-mcp:csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const allScripts = new Set<string>();
        const allStyles = new Set<string>();
        const files = await htmlFiles(root);
        const pages = await Promise.all(files.map((file) => readFile(file, 'utf8')));
        const all = (await readdir(root, { recursive: true })).map(String);
        const needs = needsOf(pages, all);
        for (const [i, file] of files.entries()) {
          const html = pages[i]!;
          const { scripts, styles } = inlineHashes(html);
          scripts.forEach((s) => allScripts.add(s));
          styles.forEach((s) => allStyles.add(s));
          const meta = `<meta http-equiv="content-security-policy" content="${policy(scripts, styles, needs)}">`;
          // A meta policy governs only what follows it, so it goes first in <head>, after the charset.
          const withMeta = /<meta charset="[^"]*"\s*\/?>/i.test(html)
            ? html.replace(/<meta charset="[^"]*"\s*\/?>/i, (m) => `${m}${meta}`)
            : html.replace(/<head>/i, `<head>${meta}`);
          await writeFile(file, withMeta);
        }
        const headerPolicy = `${policy([...allScripts].sort(), [...allStyles].sort(), needs)}; frame-ancestors 'none'`;
        await writeFile(join(root, '_headers'), headersFile(headerPolicy));
        await writeFile(join(root, 'nginx-headers.conf'), nginxSnippet(headerPolicy));
        await writeFile(join(root, 'caddy-headers.caddy'), caddySnippet(headerPolicy));
        logger.info(
          `CSP added to ${files.length} pages (${allScripts.size} inline script hashes; style attributes ${needs.styleAttributes ? 'allowed' : 'refused'}; WebAssembly ${needs.wasm ? 'allowed' : 'refused'}); wrote _headers, nginx-headers.conf, caddy-headers.caddy`,
        );
      },
    },
  };
}
