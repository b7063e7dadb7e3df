/**
 * The static server behind `npm start` and the e2e suite: it applies the build's `_headers` (so
 * tests see the production header policy) and serves a sub-path build only under its base path.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist } from '../../support/serve.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'serve-dist-'));
  mkdirSync(join(dir, 'guides', 'nekt'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), 'home');
  writeFileSync(join(dir, 'guides', 'nekt', 'index.html'), 'nekt');
  writeFileSync(join(dir, '404.html'), 'not here');
  writeFileSync(
    join(dir, '_headers'),
    "/*\n  Content-Security-Policy: default-src 'self'\n  X-Frame-Options: DENY\n",
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string) => fetch(url, { redirect: 'manual' });

describe.each(['/', '/codex-mcp/'])('serveDist with base %s', (base) => {
  it('serves pages under the base with the _headers of the build', async () => {
    const { server, url } = await serveDist(dir, 0, base);
    try {
      expect(url.endsWith(base === '/' ? String(new URL(url).port) : '/codex-mcp')).toBe(true);
      const page = await get(`${url}/guides/nekt/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe('nekt');
      expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      const missing = await get(`${url}/guides/none/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe('not here');
      expect(missing.headers.get('x-frame-options')).toBe('DENY');
      expect((await get(`${url}/%E0%A4%A/`)).status).toBe(400);
    } finally {
      server.close();
    }
  });
});

describe('serveDist under a sub-path', () => {
  it('answers 404 outside the base path and sends / and the bare base to the base path', async () => {
    const { server, url } = await serveDist(dir, 0, 'codex-mcp');
    const origin = new URL(url).origin;
    try {
      expect((await get(`${origin}/guides/nekt/`)).status).toBe(404);
      for (const path of ['/', '/codex-mcp']) {
        const r = await get(`${origin}${path}`);
        expect(r.status).toBe(301);
        expect(r.headers.get('location')).toBe('/codex-mcp/');
      }
      expect(await (await get(`${origin}/codex-mcp/`)).text()).toBe('home');
    } finally {
      server.close();
    }
  });
});
