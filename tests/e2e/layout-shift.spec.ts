/**
 * No layout shift while a page loads (issue 24: Lighthouse 100 on every page). Lighthouse's mobile
 * run caught what this guards: `content-visibility: auto` on guide prose left blocks already in the
 * window unrendered for the first frames, and their appearing shifted the page (CLS 0.16 on the Omni
 * guide, 0.10 on the team kit). Every built page, at Lighthouse's phone size, loaded without input;
 * the layout-shift entries Chromium reports, summed, must stay at 0.01 or less (Lighthouse measured
 * 0 on every page after the fix). Not asserted yet, and open (docs/performance.md): on a wide window
 * (1280 × 800) the guides' first frame sometimes shows Starlight's "On this page" column where the
 * page's main column goes, and it moves right a moment later (0.41, in about half the loads).
 */
import { builtPages } from '../support/budget.ts';
import { expect, test } from './fixtures.ts';

const PAGES = builtPages('dist');
const SIZES = { phone: { width: 412, height: 823 } };

for (const { path } of PAGES)
  for (const [size, viewport] of Object.entries(SIZES))
    test(`${path} (${size}): no layout shift while it loads`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.addInitScript(() => {
        const w = window as unknown as { shifts: { value: number; at: number }[] };
        w.shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as {
            value: number;
            startTime: number;
            hadRecentInput: boolean;
          }[])
            if (!e.hadRecentInput) w.shifts.push({ value: e.value, at: Math.round(e.startTime) });
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(path, { waitUntil: 'load' });
      // The islands hydrate on idle (the generator) or when seen (the team kit): give them time.
      await page.waitForTimeout(1500);
      const shifts = await page.evaluate(
        () => (window as unknown as { shifts: { value: number; at: number }[] }).shifts,
      );
      const total = shifts.reduce((sum, s) => sum + s.value, 0);
      expect(total, JSON.stringify(shifts)).toBeLessThanOrEqual(0.01);
    });
