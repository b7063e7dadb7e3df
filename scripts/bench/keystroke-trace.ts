/**
 * Keystroke cost from Chromium's own trace: the renderer main thread's CPU time per keystroke
 * (script, style, layout, paint: every task the keystroke caused), beside the wall time of the same
 * tasks. CPU time is what the page costs; on this shared machine wall time also holds what other
 * processes took from the cores, so the target is held against CPU time and the load average of the
 * run is reported next to it.
 */
import { loadavg } from 'node:os';
import type { Browser, Page } from '@playwright/test';
import { costPerInput, traceMainThread } from '../../tests/support/main-thread.ts';
import { localContext } from './browser.ts';
import { summarize, type Row, type Summary } from './stats.ts';

export const KEYSTROKE_CPU_P95_TARGET_MS = 4;
const HYDRATED = '[data-generator][data-hydrated="true"]';

export interface KeystrokeTraceRun {
  page: string;
  provider: string;
  keystrokes: number;
  /** Main-thread CPU ms per keystroke. */
  cpu: Summary;
  /** Wall ms of the same tasks. */
  wall: Summary;
  /** Where the CPU time of the keystrokes went: trace event name → mean self CPU ms per keystroke. */
  inside: { name: string; ms: number }[];
  /** 1-minute load average before and after the run. */
  load: [number, number];
  finalName: string;
}

/**
 * Replaces the catalogue's example placeholders (YOUR-INSTANCE…) in the first island's text
 * fields, as a reader does: the generator refuses them, so until then the output never follows the
 * form (tests/e2e/fixtures.ts fillPlaceholders does the same with Playwright's fill).
 */
export async function fillPlaceholdersInPage(page: Page): Promise<number> {
  return page.evaluate((hydrated) => {
    const root = document.querySelector(hydrated)!;
    let filled = 0;
    for (const input of root.querySelectorAll<HTMLInputElement>('input[type="text"]')) {
      if (!/YOUR-[A-Z-]+/.test(input.value)) continue;
      input.value = input.value.replace(/YOUR-[A-Z-]+/g, 'acme');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      filled++;
    }
    return filled;
  }, HYDRATED);
}

/**
 * Types `keystrokes` characters, `delayMs` apart, into the first island's "Server name" field with
 * real key events (Playwright → CDP Input.dispatchKeyEvent), under Chromium's tracing, after the
 * engine has loaded and the output follows the form. Each keystroke owns the main-thread tasks from
 * its keydown's dispatch to the next keydown's (costPerInput in tests/support/main-thread.ts).
 */
export async function traceKeystrokes(
  browser: Browser,
  origin: string,
  path: string,
  keystrokes: number,
  delayMs = 60,
): Promise<KeystrokeTraceRun> {
  const context = await localContext(browser, origin);
  const page = await context.newPage();
  try {
    await page.goto(origin + path, { waitUntil: 'load' });
    await page.waitForSelector(HYDRATED, { timeout: 20_000 });
    const root = page.locator(HYDRATED).first();
    await root.scrollIntoViewIfNeeded();
    await fillPlaceholdersInPage(page);
    const field = root.getByLabel('Server name', { exact: true });
    const toml = root.locator('[data-output="toml"]').first();
    // Focus loads the engine; one warm-up character proves the output follows the field.
    await field.focus();
    await field.press('End');
    await field.pressSequentially('w');
    const warm = await field.inputValue();
    await toml.filter({ hasText: `[mcp_servers.${warm}]` }).waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    const load0 = loadavg()[0] ?? 0;
    const trace = await traceMainThread(browser, page, async () => {
      await field.pressSequentially('k'.repeat(keystrokes), { delay: delayMs });
      // Leave the last keystroke's frame time to land inside the trace.
      await page.waitForTimeout(delayMs);
    });
    const load1 = loadavg()[0] ?? 0;
    const finalName = await field.inputValue();
    if (!finalName.endsWith('k'.repeat(keystrokes)))
      throw new Error(`the field holds "${finalName}" after typing ${keystrokes} characters`);
    if (!((await toml.textContent()) ?? '').includes(`[mcp_servers.${finalName}]`))
      throw new Error('the TOML block does not show the typed name');
    const costs = costPerInput(trace, 'keydown');
    if (costs.length !== keystrokes)
      throw new Error(
        `the trace holds ${costs.length} keydown dispatches for ${keystrokes} keystrokes`,
      );
    const sums = new Map<string, number>();
    for (const c of costs) for (const [n, ms] of c.inside) sums.set(n, (sums.get(n) ?? 0) + ms);
    const inside = [...sums]
      .map(([name, ms]) => ({ name, ms: ms / costs.length }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10);
    const provider = (await root.getAttribute('data-generator')) ?? '';
    return {
      page: path,
      provider,
      keystrokes,
      cpu: summarize(costs.map((c) => c.cpuMs)),
      wall: summarize(costs.map((c) => c.wallMs)),
      inside,
      load: [load0, load1],
      finalName,
    };
  } finally {
    await context.close();
  }
}

export function keystrokeTraceRows(runs: readonly KeystrokeTraceRun[]): Row[] {
  return runs.map((r) => ({
    section: 'Keystroke latency',
    metric: `Main-thread CPU per keystroke (Chromium trace), ${r.page}`,
    unit: 'ms',
    n: r.cpu.n,
    median: r.cpu.median,
    p95: r.cpu.p95,
    min: r.cpu.min,
    max: r.cpu.max,
    compared: 'p95' as const,
    target: { kind: 'max' as const, value: KEYSTROKE_CPU_P95_TARGET_MS },
    note: `${r.provider}; wall of the same tasks p50 ${r.wall.median.toFixed(2)} / p95 ${r.wall.p95.toFixed(2)} ms; load average ${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)}; per keystroke ${r.inside
      .slice(0, 5)
      .map((i) => `${i.name} ${i.ms.toFixed(2)}`)
      .join(', ')} ms`,
  }));
}
