/**
 * The base path the site is built for (`BASE_PATH`, Astro's `base`): `/` on its own domain,
 * `/codex-mcp/` on GitHub Pages. Every site path a page or an island writes goes through `withBase`.
 */

/** `base` with exactly one trailing slash: `/`, `/codex-mcp/`. */
export function normalBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The base path of this build (Vite replaces `import.meta.env.BASE_URL` at build time; `/` in tests). */
export const BASE: string = normalBase(import.meta.env?.BASE_URL ?? '/');

/**
 * A root-relative site path (`/guides/nekt/`, `/og.png`) under `base`. Anything else (a full URL,
 * `//host`, `#id`, a relative path) is returned as is, and so is a path already under `base`.
 */
export function withBase(path: string, base: string = BASE): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  const b = normalBase(base);
  if (b === '/' || path === b.slice(0, -1) || path.startsWith(b)) return path;
  return b.slice(0, -1) + path;
}
