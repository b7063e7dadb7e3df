/**
 * Deploy anywhere (issue 21): the production build (dist/, base `/`) and a sub-path build as GitHub
 * Pages serves one (dist-subpath/, `BASE_PATH=/codex-mcp/`, made by `npm run build:subpath`) each
 * hold only links under their base that resolve to a built file, a sitemap of every page, a link
 * card (OpenGraph title, description, one image) on every page, and the nginx and Caddy snippets
 * with exactly the headers of `_headers`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHeadersFile } from '../support/serve.ts';

const BUILDS = [
  { dir: 'dist', base: '/' },
  { dir: 'dist-subpath', base: '/codex-mcp/' },
];

const meta = (html: string, key: string): string | undefined =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

describe.each(BUILDS)('$dir (base $base)', ({ dir, base }) => {
  const built = existsSync(join(dir, 'index.html'));
  it('was built', () => {
    expect(
      built,
      `${dir}/ is missing: run ${dir === 'dist' ? 'npx astro build' : 'npm run build:subpath'}`,
    ).toBe(true);
  });
  if (!built) return;

  const pages = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
  const html = (page: string) => readFileSync(join(dir, page), 'utf8');
  /** The site path of a built page: `guides/nekt/index.html` → `${base}guides/nekt/`. */
  const sitePath = (page: string) =>
    base + page.replace(/index\.html$/, '').replace(/\.html$/, '/');
  const resolves = (path: string) => {
    const file = join(dir, decodeURIComponent(path.slice(base.length - 1)));
    if (!existsSync(file)) return false;
    return statSync(file).isDirectory() ? existsSync(join(file, 'index.html')) : true;
  };
  const site = meta(html('index.html'), 'og:url')!;

  it('knows its own address: the home page’s og:url ends with the base path', () => {
    expect(new URL(site).pathname).toBe(base);
  });

  it.each(pages)('%s: every internal href/src is under the base path and resolves', (page) => {
    const wrong: string[] = [];
    let checked = 0;
    for (const m of html(page).matchAll(/\s(?:href|src)="([^"#?]*)(?:[#?][^"]*)?"/g)) {
      const target = m[1]!;
      if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue;
      checked++;
      const path = target.startsWith('/')
        ? target
        : new URL(target, `http://x${sitePath(page)}`).pathname;
      if (!path.startsWith(base) || !resolves(path)) wrong.push(target);
    }
    expect(wrong, 'links outside the base path or to no built file').toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it.each(pages)('%s: a link card (og:title, og:description, og:url, og:image)', (page) => {
    const text = html(page);
    const title = meta(text, 'og:title');
    expect(title?.trim()).toBeTruthy();
    expect(meta(text, 'og:description')).toBe(meta(text, 'description'));
    expect(meta(text, 'og:description')!.length).toBeGreaterThan(20);
    expect(meta(text, 'og:url')).toBe(new URL(sitePath(page).slice(base.length), site).href);
    expect(meta(text, 'og:image')).toBe(new URL('og.png', site).href);
    expect(meta(text, 'twitter:card')).toBe('summary_large_image');
  });

  it('one site image, a 1200×630 PNG under 150 KB', () => {
    const png = readFileSync(join(dir, 'og.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(png.length).toBeLessThan(150 * 1024);
  });

  it('a sitemap of every page but the 404, each at the site’s address, linked from every page', () => {
    const index = readFileSync(join(dir, 'sitemap-index.xml'), 'utf8');
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(maps).toEqual([new URL('sitemap-0.xml', site).href]);
    const locs = [
      ...readFileSync(join(dir, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g),
    ]
      .map((m) => m[1]!)
      .sort();
    const expected = pages
      .filter((p) => p !== '404.html')
      .map((p) => new URL(sitePath(p).slice(base.length), site).href)
      .sort();
    expect(locs).toEqual(expected);
    for (const page of pages)
      expect(html(page)).toContain(`<link rel="sitemap" href="${base}sitemap-index.xml"/>`);
  });

  it('nginx and Caddy snippets carry exactly the headers of _headers', () => {
    const rules = parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8'));
    expect(rules.map((r) => r.pattern)).toEqual(['/*']);
    const headers = rules[0]!.headers;
    expect(headers.map(([k]) => k)).toContain('Content-Security-Policy');
    const nginx = [
      ...readFileSync(join(dir, 'nginx-headers.conf'), 'utf8').matchAll(
        /^add_header (\S+) "([^"]*)" always;$/gm,
      ),
    ].map((m) => [m[1], m[2]]);
    const caddy = [
      ...readFileSync(join(dir, 'caddy-headers.caddy'), 'utf8').matchAll(/^\t(\S+) "([^"]*)"$/gm),
    ].map((m) => [m[1], m[2]]);
    expect(nginx).toEqual(headers);
    expect(caddy).toEqual(headers);
    // Cloudflare Pages reads at most 100 rules and 2,000 characters per header line.
    const lines = readFileSync(join(dir, '_headers'), 'utf8').split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(2000);
  });
});
