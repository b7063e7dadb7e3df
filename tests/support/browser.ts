/**
 * Finds a Chromium for Playwright without downloading one (this environment cannot):
 * an explicit env var, then Playwright's own install, then the system's.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The flags every launch needs here: root in a container, and a closed network that refuses Chromium's phone-home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The path of a usable Chromium, or null. */
export function findChromium(): string | null {
  const fromEnv =
    process.env['CHROMIUM_PATH'] ?? process.env['PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright throws when its browsers were never downloaded; fall through to the system.
  }
  return SYSTEM_PATHS.find((p) => existsSync(p)) ?? null;
}

/** One line that says how to get a browser. */
export const NO_BROWSER_MESSAGE =
  'No Chromium found for the e2e tests: run `apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chrome/Chromium binary.';
