/**
 * Issue 21's share-link journey (journeys.spec.ts, journey 6) on the sub-path build, as GitHub Pages
 * serves a project site: dist-subpath/ from `npm run build:subpath`, served under /codex-mcp/ only,
 * as tests/e2e/subpath.spec.ts serves it (subpath-support.ts). Every request of both pages stays
 * under the base path and succeeds, and the teammate's page is axe clean in light and dark.
 */
import { test, expect } from '@playwright/test';
import { shareJourney } from './journeys-support.ts';
import { BASE, serveSubpath } from './subpath-support.ts';

const site = serveSubpath();
const { guard } = site;

test.describe.configure({ timeout: 120_000 });

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
    site.url,
  );
  expect(new URL(teammate.url()).pathname).toBe(`${BASE}guides/omni/`);
  for (const check of checks) check();
});
