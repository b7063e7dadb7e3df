/**
 * A strict Content-Security-Policy for every built page, computed from what the build emitted:
 * each inline <script> and <style> gets its sha256 hash (so no 'unsafe-inline' for scripts), the
 * policy goes in a <meta> placed before any script, and the union goes into dist/_headers for
 * static hosts that read it (Netlify, Cloudflare Pages). Astro's own `security.csp` does not hash
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

/** The policy text for a set of hashes. `frame-ancestors` only works as a header, so it is added there. */
export function policy(scripts: readonly string[], styles: readonly string[]): string {
  return [
    "default-src 'self'",
    // Pagefind (site search) compiles WebAssembly; 'wasm-unsafe-eval' allows that and nothing else.
    `script-src 'self' 'wasm-unsafe-eval' ${scripts.join(' ')}`.trim(),
    `style-src 'self' ${styles.join(' ')}`.trim(),
    // Starlight writes style="" attributes (icon sizes, code block colours); attributes cannot run code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
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
        for (const file of files) {
          const html = await readFile(file, 'utf8');
          const { scripts, styles } = inlineHashes(html);
          scripts.forEach((s) => allScripts.add(s));
          styles.forEach((s) => allStyles.add(s));
          const meta = `<meta http-equiv="content-security-policy" content="${policy(scripts, styles)}">`;
          // A meta policy governs only what follows it, so it goes first in <head>, after the charset.
          const withMeta = /<meta charset="[^"]*"\s*\/?>/i.test(html)
            ? html.replace(/<meta charset="[^"]*"\s*\/?>/i, (m) => `${m}${meta}`)
            : html.replace(/<head>/i, `<head>${meta}`);
          await writeFile(file, withMeta);
        }
        const headerPolicy = `${policy([...allScripts].sort(), [...allStyles].sort())}; frame-ancestors 'none'`;
        const headers = [
          '/*',
          `  Content-Security-Policy: ${headerPolicy}`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: no-referrer',
          '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
          '',
        ].join('\n');
        await writeFile(join(root, '_headers'), headers);
        logger.info(`CSP added to ${files.length} pages (${allScripts.size} inline script hashes); wrote _headers`);
      },
    },
  };
}
