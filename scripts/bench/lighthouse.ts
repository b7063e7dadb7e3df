/**
 * Measurement 4: Lighthouse (its default config: mobile emulation, simulated throttling) on every
 * built page (and the baseline Starlight site's), driving the system Chromium that chrome-launcher starts. The median of a few
 * runs per page; for a score below its target, the audits that cost points.
 * Chromium's resolver maps every host but 127.0.0.1 to nothing, so only the local server is reached.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from '../../tests/support/browser.ts';
import { LOCAL_ONLY_ARGS } from './browser.ts';
import { range, summarize, type Row, type Summary } from './stats.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export const LIGHTHOUSE_TARGETS: Record<Category, number> = {
  performance: 100,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};

export interface FailingAudit {
  id: string;
  title: string;
  score: number | null;
  displayValue?: string;
  /** 0 for a diagnostic that does not count in the score itself. */
  weight: number;
}

export interface PageLighthouse {
  page: string;
  runs: number;
  scores: Record<Category, Summary>;
  /** From the median performance run: the metrics Lighthouse scores. */
  metrics: Record<string, string>;
  /** Per category below target: audits that lost points (from the run with the median score). */
  failing: Partial<Record<Category, FailingAudit[]>>;
  /** From the median performance run: the main thread's long tasks (simulated 4× slowdown) and scripting time per script. */
  longTasks: { url: string; startMs: number; durationMs: number }[];
  bootup: { url: string; scriptingMs: number; totalMs: number }[];
  warnings: string[];
  /** Requests Lighthouse saw to anything but the local server (expected: none; they could not resolve anyway). */
  externalRequests: string[];
  benchmarkIndex: number | null;
  lighthouseVersion: string;
}

interface LaunchedChrome {
  port: number;
  kill(): void;
}

/** chrome-launcher comes with lighthouse; resolve it from there rather than relying on hoisting. */
async function launchChrome(): Promise<LaunchedChrome> {
  const chromePath = findChromium();
  if (!chromePath) throw new Error(NO_BROWSER_MESSAGE);
  const fromLighthouse = createRequire(import.meta.resolve('lighthouse'));
  const launcher = (await import(
    pathToFileURL(fromLighthouse.resolve('chrome-launcher')).href
  )) as {
    launch(options: {
      chromePath: string;
      chromeFlags: string[];
      logLevel?: string;
    }): Promise<LaunchedChrome>;
  };
  return launcher.launch({
    chromePath,
    chromeFlags: [...CHROMIUM_ARGS, ...LOCAL_ONLY_ARGS, '--headless=new'],
    logLevel: 'silent',
  });
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

const score100 = (lhr: Lhr, c: Category): number =>
  Math.round((lhr.categories[c]?.score ?? 0) * 100);

function failingAudits(lhr: Lhr, c: Category): FailingAudit[] {
  const category = lhr.categories[c];
  if (!category) return [];
  const out: FailingAudit[] = [];
  for (const ref of category.auditRefs) {
    const audit = lhr.audits[ref.id];
    if (
      !audit ||
      audit.score === null ||
      audit.scoreDisplayMode === 'notApplicable' ||
      audit.scoreDisplayMode === 'informative' ||
      audit.scoreDisplayMode === 'manual'
    )
      continue;
    // Weighted audits that lost points; for performance also diagnostics/insights Lighthouse flags (score < 0.9).
    if ((ref.weight > 0 && audit.score < 1) || (ref.weight === 0 && audit.score < 0.9)) {
      out.push({
        id: audit.id,
        title: audit.title,
        score: audit.score,
        weight: ref.weight,
        ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      });
    }
  }
  return out.sort((a, b) => b.weight - a.weight || (a.score ?? 0) - (b.score ?? 0));
}

const shortUrl = (url: unknown, origin: string): string =>
  String(url ?? '').replace(origin, '') || '(page)';

interface DetailItems {
  items?: Record<string, unknown>[];
}

function items(lhr: Lhr, audit: string): Record<string, unknown>[] {
  return ((lhr.audits[audit]?.details as DetailItems | undefined)?.items ?? []).filter(
    (i) => typeof i === 'object' && i !== null,
  );
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
  'interactive',
];

export async function measureLighthouse(
  origin: string,
  paths: readonly string[],
  runs: number,
  log: (s: string) => void,
): Promise<PageLighthouse[]> {
  const chrome = await launchChrome();
  const results: PageLighthouse[] = [];
  try {
    for (const path of paths) {
      const lhrs: Lhr[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = Date.now();
        const result = await lighthouse(origin + path, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
        lhrs.push(result.lhr);
        log(
          `  lighthouse ${path} run ${i + 1}/${runs}: ${CATEGORIES.map((c) => score100(result.lhr, c)).join('/')} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
        );
      }
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, summarize(lhrs.map((l) => score100(l, c)))]),
      ) as Record<Category, Summary>;
      // The run whose performance score is the median represents the page.
      const byPerf = [...lhrs].sort(
        (a, b) => score100(a, 'performance') - score100(b, 'performance'),
      );
      const median = byPerf[Math.floor((byPerf.length - 1) / 2)]!;
      const failing: Partial<Record<Category, FailingAudit[]>> = {};
      for (const c of CATEGORIES) {
        if (scores[c].median < LIGHTHOUSE_TARGETS[c]) {
          const rep = [...lhrs].sort((a, b) => score100(a, c) - score100(b, c))[
            Math.floor((lhrs.length - 1) / 2)
          ]!;
          failing[c] = failingAudits(rep, c);
        }
      }
      results.push({
        page: path,
        runs,
        scores,
        metrics: Object.fromEntries(
          METRICS.map((m) => [m, median.audits[m]?.displayValue ?? 'n/a']),
        ),
        failing,
        longTasks: items(median, 'long-tasks')
          .map((i) => ({
            url: shortUrl(i['url'], origin),
            startMs: Number(i['startTime'] ?? 0),
            durationMs: Number(i['duration'] ?? 0),
          }))
          .slice(0, 8),
        bootup: items(median, 'bootup-time')
          .map((i) => ({
            url: shortUrl(i['url'], origin),
            scriptingMs: Number(i['scripting'] ?? 0),
            totalMs: Number(i['total'] ?? 0),
          }))
          .sort((a, b) => b.totalMs - a.totalMs)
          .slice(0, 6),
        warnings: [...new Set(lhrs.flatMap((l) => l.runWarnings.map(String)))],
        externalRequests: [
          ...new Set(
            lhrs.flatMap((l) => items(l, 'network-requests').map((i) => String(i['url'] ?? ''))),
          ),
        ].filter(
          (u) =>
            u !== '' &&
            !u.startsWith(origin) &&
            !/^(data|blob|about|chrome|chrome-extension):/.test(u),
        ),
        benchmarkIndex: median.environment.benchmarkIndex ?? null,
        lighthouseVersion: median.lighthouseVersion,
      });
    }
  } finally {
    chrome.kill();
  }
  return results;
}

/** One row per category: the worst page's median score against the target, and the baseline site's worst. */
export function lighthouseRows(
  pages: readonly PageLighthouse[],
  baseline: readonly PageLighthouse[] = [],
): Row[] {
  return CATEGORIES.map((c) => {
    const base =
      baseline.length > 0 ? { baseline: Math.min(...baseline.map((p) => p.scores[c].median)) } : {};
    const medians = pages.map((p) => p.scores[c].median);
    const s = range(medians);
    const worst = pages.filter((p) => p.scores[c].median === s.min).map((p) => p.page);
    return {
      section: 'Lighthouse (mobile)',
      metric: `${c} score, median of runs per page`,
      unit: 'pts',
      ...s,
      compared: 'min' as const,
      target: { kind: 'min' as const, value: LIGHTHOUSE_TARGETS[c] },
      ...base,
      note: `${pages.length} pages; worst: ${worst.join(', ')}`,
    };
  });
}
