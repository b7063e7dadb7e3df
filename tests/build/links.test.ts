/**
 * Site hygiene on the production build: every internal link and asset reference in every page
 * points at a file the build produced (zero broken internal links).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = 'dist';
const pages = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.html'))
  .map((e) => join(e.parentPath, e.name));

/** True when a site path resolves to a built file (directory paths resolve to their index.html). */
function resolves(path: string): boolean {
  const file = join(DIST, decodeURIComponent(path));
  if (!existsSync(file)) return false;
  return statSync(file).isDirectory() ? existsSync(join(file, 'index.html')) : true;
}

describe('internal links', () => {
  it('finds pages to check', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
  });

  it.each(pages.map((p) => [relative(DIST, p).split(sep).join('/'), p]))(
    '%s has no broken internal link',
    (_, file) => {
      const html = readFileSync(file, 'utf8');
      const broken: string[] = [];
      let checked = 0;
      for (const m of html.matchAll(/\s(?:href|src)="([^"#?]*)(?:[#?][^"]*)?"/g)) {
        const target = m[1]!;
        if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//'))
          continue;
        // Relative links resolve against the page's own directory.
        const base = '/' + relative(DIST, file).split(sep).slice(0, -1).join('/');
        const path = target.startsWith('/') ? target : new URL(target, `http://x${base}/`).pathname;
        checked++;
        if (!resolves(path)) broken.push(target);
      }
      expect(broken).toEqual([]);
      expect(checked).toBeGreaterThan(0);
    },
  );
});
