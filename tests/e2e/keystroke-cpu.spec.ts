/**
 * Keystrokes on every guide cost the main thread little, measured from Chromium's own trace
 * (tests/support/main-thread.ts): 40 real key presses, 60 ms apart, into "Server name" after the
 * engine has loaded; each keystroke owns the main-thread tasks from its keydown's dispatch to the
 * next keydown's (handlers, render, style, layout, paint). Issue 24's target is p95 ≤ 4 ms of CPU
 * per keystroke; `npm run bench` reports it against that target. This test holds a ceiling of
 * 20 ms, five times the target: on this shared 2-core machine CPU time still grows with the load
 * (cache and core contention; p95 measured 11–15 ms at load average 15–21), and the ceiling is
 * there to catch a gross regression (a render gone quadratic, a keystroke doing twice its work),
 * not to claim the target.
 */
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { summarize } from '../../scripts/bench/stats.ts';
import { costPerInput, traceMainThread } from '../support/main-thread.ts';
import { expect, fillPlaceholders, openGuide, test } from './fixtures.ts';

const CEILING_MS = 20;
const KEYSTROKES = 40;
const GUIDES = readdirSync('content/providers')
  .filter((f) => f.endsWith('.json'))
  .map((f) => `/guides/${f.replace(/\.json$/, '')}/`);

test.describe.configure({ timeout: 120_000 });

for (const path of GUIDES) {
  test(`keystrokes on ${path}: main-thread CPU p95 ≤ ${CEILING_MS} ms`, async ({
    browser,
    page,
  }, info) => {
    await openGuide(page, path);
    const root = page.locator('[data-generator][data-hydrated="true"]').first();
    await root.scrollIntoViewIfNeeded();
    // The catalogue's YOUR-… examples are errors: the output follows the form once they are replaced.
    await fillPlaceholders(root);
    const field = root.getByLabel('Server name', { exact: true });
    const toml = root.locator('[data-output="toml"]').first();
    await field.press('End');
    await field.pressSequentially('w');
    await expect(toml).toContainText(`[mcp_servers.${await field.inputValue()}]`);
    await page.waitForTimeout(300);
    const load = loadavg()[0]!;
    const trace = await traceMainThread(browser, page, async () => {
      await field.pressSequentially('k'.repeat(KEYSTROKES), { delay: 60 });
      await page.waitForTimeout(60);
    });
    const name = await field.inputValue();
    await expect(toml).toContainText(`[mcp_servers.${name}]`);
    const costs = costPerInput(trace, 'keydown');
    expect(costs).toHaveLength(KEYSTROKES);
    const cpu = summarize(costs.map((c) => c.cpuMs));
    const wall = summarize(costs.map((c) => c.wallMs));
    const figure = `CPU p50 ${cpu.median.toFixed(2)} ms, p95 ${cpu.p95.toFixed(2)} ms; wall p50 ${wall.median.toFixed(2)} ms, p95 ${wall.p95.toFixed(2)} ms; load average ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
    info.annotations.push({ type: 'keystroke cost', description: figure });
    console.log(`${path}: ${figure}`);
    expect(cpu.p95, figure).toBeLessThanOrEqual(CEILING_MS);
  });
}
