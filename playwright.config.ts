import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from './tests/support/browser.ts';

const executablePath = findChromium();
if (!executablePath) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
const PORT = Number(process.env['E2E_PORT'] ?? 4329);

// E2E runs against the production build (npm run build first), served as static files with their _headers.
export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env['CI'],
  retries: process.env['CI'] ? 1 : 0,
  workers: 2,
  // axe over a whole page, and the tasks after it, take several times longer on the shared 2-core CI
  // machine (the conformance lane runs beside this one) than on a quiet one: Playwright's default
  // 30 s per test failed there on unchanged code. The timeout only stops a hang; no budget is in it.
  timeout: process.env['CI'] ? 90_000 : 30_000,
  reporter: process.env['CI']
    ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]]
    : [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    permissions: ['clipboard-read', 'clipboard-write'],
    trace: 'off',
  },
  webServer: {
    command: `node scripts/serve-dist.ts ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 30_000,
  },
});
