/**
 * Shared by the sub-path specs (subpath.spec.ts, journeys-subpath.spec.ts): the build in
 * dist-subpath/ (`npm run build:subpath`, BASE_PATH=/codex-mcp/) served with its _headers under
 * /codex-mcp/ only, as GitHub Pages serves a project site, for the whole file; and a guard that
 * every request a page makes stays under the base path and succeeds.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { test, expect, type Page } from '@playwright/test';
import { serveDist } from '../support/serve.ts';

const DIR = 'dist-subpath';
export const BASE = '/codex-mcp/';

/** The served sub-path site: its URL once the file's `beforeAll` has run, and the request guard. */
export interface SubpathSite {
  /** http://127.0.0.1:PORT/codex-mcp (no trailing slash). */
  readonly url: string;
  /**
   * Records every request, failed response and page error of `page`; the returned check asserts
   * every request stayed under the base path, none failed and nothing threw.
   */
  guard(page: Page): () => void;
}

/** Serves dist-subpath/ under BASE for the calling spec file (its `beforeAll`/`afterAll`). */
export function serveSubpath(): SubpathSite {
  let server: Server | undefined;
  let url = '';
  test.beforeAll(async () => {
    expect(existsSync(`${DIR}/index.html`), `${DIR}/ is missing: run npm run build:subpath`).toBe(
      true,
    );
    const served = await serveDist(DIR, 0, BASE);
    server = served.server;
    url = served.url;
  });
  test.afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));
  return {
    get url() {
      return url;
    },
    guard(page: Page): () => void {
      const outside: string[] = [];
      const failed: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => {
        const u = r.url();
        if (!u.startsWith(`${url}/`) && !u.startsWith('data:') && !u.startsWith('blob:'))
          outside.push(u);
      });
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      page.on('pageerror', (e) => errors.push(e.message));
      return () => {
        expect(outside, 'requests outside the base path').toEqual([]);
        expect(failed, 'failed requests').toEqual([]);
        expect(errors, 'uncaught page errors').toEqual([]);
      };
    },
  };
}
