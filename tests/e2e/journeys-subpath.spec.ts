/**
 * Issue 21's share-link journey (journeys.spec.ts, journey 6) on the sub-path build, as GitHub Pages
 * serves a project site: dist-subpath/ from `npm run build:subpath`, served under /codex-mcp/ only,
 * as tests/e2e/subpath.spec.ts serves it. Every request of both pages stays under the base path and
 * succeeds, and the teammate's page is axe clean in light and dark.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { test, expect, type Page } from '@playwright/test';
import { serveDist } from '../support/serve.ts';
import { shareJourney } from './journeys-support.ts';

const DIR = 'dist-subpath';
const BASE = '/codex-mcp/';
let server: Server | undefined;
let site = '';

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  expect(existsSync(`${DIR}/index.html`), `${DIR}/ is missing: run npm run build:subpath`).toBe(
    true,
  );
  const served = await serveDist(DIR, 0, BASE);
  server = served.server;
  site = served.url; // http://127.0.0.1:PORT/codex-mcp
});

test.afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** Records requests outside the base path, failed responses and page errors; the returned check asserts none. */
function guard(page: Page): () => void {
  const outside: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${site}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))
      outside.push(url);
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
}

test('6 under /codex-mcp/: the teammate opens the link and gets the same outputs but the key', async ({
  page,
  context,
}) => {
  const checks = [guard(page)];
  const teammate = await shareJourney(
    page,
    async () => {
      const p = await context.newPage();
      checks.push(guard(p));
      return p;
    },
    site,
  );
  expect(new URL(teammate.url()).pathname).toBe(`${BASE}guides/omni/`);
  for (const check of checks) check();
});
