/**
 * A tiny static server for the production build in dist/, used by Playwright and the bench.
 * It applies the headers in dist/_headers (as static hosts do), so the header-delivered CSP is tested too.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Parses a Netlify/Cloudflare-style `_headers` file: a path pattern line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): { pattern: string; headers: [string, string][] }[] {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const i = line.indexOf(':');
      if (i > 0 && rules.length > 0)
        rules[rules.length - 1]!.headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}

function matches(pattern: string, path: string): boolean {
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  return pattern === path;
}

/**
 * Starts serving `root` on 127.0.0.1:`port` (0 picks a free port) under the site's base path
 * (`/` or `/REPO/`, as the build was made with BASE_PATH); resolves with the server and the site's URL.
 * Paths outside the base path are 404, as on GitHub Pages; `/` redirects to the base.
 */
export async function serveDist(
  root: string,
  port = 0,
  sitePath = '/',
): Promise<{ server: Server; url: string }> {
  const base = resolve(root);
  const prefix = sitePath.replace(/^\/*/, '/').replace(/\/*$/, '/');
  let rules: ReturnType<typeof parseHeadersFile> = [];
  try {
    rules = parseHeadersFile(await readFile(join(base, '_headers'), 'utf8'));
  } catch {
    rules = [];
  }
  const server = createServer(async (req, res) => {
    const requested = new URL(req.url ?? '/', 'http://x').pathname;
    // Like GitHub Pages: the site's root and the base path without its slash lead to the base path.
    if (prefix !== '/' && (requested === '/' || `${requested}/` === prefix)) {
      res.writeHead(301, { location: prefix }).end();
      return;
    }
    // Outside the base path nothing is served: the 404 page below.
    let path = '/\0outside';
    if (requested.startsWith(prefix))
      try {
        path = decodeURIComponent('/' + requested.slice(prefix.length));
      } catch {
        res.writeHead(400).end();
        return;
      }
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    } catch {
      // Not found as is; try the 404 page below.
    }
    let status = 200;
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      status = 404;
      file = join(base, '404.html');
      body = await readFile(file).catch(() => Buffer.from('Not found'));
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    };
    for (const rule of rules)
      if (matches(rule.pattern, path))
        for (const [k, v] of rule.headers) headers[k.toLowerCase()] = v;
    res.writeHead(status, headers).end(body);
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://127.0.0.1:${actual}${prefix === '/' ? '' : prefix.slice(0, -1)}` };
}
