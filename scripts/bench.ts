/**
 * The performance benchmark (`npm run bench`): measures the production build against issue 14's
 * targets, side by side with a default Starlight site built from the same versions (bench/baseline/),
 * and writes docs/bench-results.md (Markdown) and bench/results.json, plus a compact table on stdout.
 *
 *   1. JS before the first interaction on every page (static count, and what Chromium fetches while
 *      idle), the lazy highlighter's bytes; untouched guides show highlighted output without it;
 *   2. keystrokes in headless Chromium: main-thread CPU per keystroke from Chromium's trace (the
 *      target), and keystroke → updated output on the wall clock beside it;
 *   3. the generator core, `generate(spec)`, in Node (provider presets, 10/20 and 40/80 headers/tools);
 *   4. the config doctor, `diagnoseConfig`, on a generated 1 MB config.toml, in Node;
 *   5. Lighthouse (mobile) on every page, and on the baseline's pages;
 *   6. build time with the real catalogue and with 100 synthetic providers.
 *
 * Targets are reported, never asserted: the exit code is 0 whenever every step ran, even when a
 * target is missed (bytes are asserted by the budget test instead). Options:
 *   --skip-build          measure the existing dist/ instead of running `astro build` first
 *   --only=a,b            run only some steps: bytes, latency, core, doctor, lighthouse, scale
 *   --no-baseline         skip building and measuring the baseline Starlight site
 *   --keystrokes=N        keystrokes per guide page (200)
 *   --lighthouse-runs=N   Lighthouse runs per page, median taken (3)
 *   --scale-runs=N        builds per catalogue for the scaling step (2)
 *   --synthetic=N         synthetic providers for the scaling step (100)
 *   --exclude=/a/,/b/     leave out guide pages whose URL starts with one of these (e.g. a local scratch page)
 *
 * dist/ is served by serveDist() (with its _headers) behind gzip, as a static host serves it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { guidePages, htmlPages } from '../tests/support/budget.ts';
import {
  checkLazyHighlighter,
  latencyRows,
  launchChromium,
  lazyRows,
  measureKeystrokes,
  profileKeystrokes,
  type LazyCheck,
  type LatencyRun,
} from './bench/browser.ts';
import {
  keystrokeTraceRows,
  traceKeystrokes,
  type KeystrokeTraceRun,
} from './bench/keystroke-trace.ts';
import { buildBaseline, type Baseline } from './bench/baseline.ts';
import {
  bytesRows,
  measureFetched,
  staticBytes,
  urlPathOf,
  type PageBytes,
} from './bench/bytes.ts';
import { doctorRows, measureDoctor } from './bench/doctor.ts';
import { coreRows, measureCore } from './bench/core.ts';
import { lighthouseRows, measureLighthouse } from './bench/lighthouse.ts';
import { describeMachine } from './bench/machine.ts';
import { renderConsole, renderMarkdown, type Results } from './bench/report.ts';
import { measureScale, scaleRows } from './bench/scale.ts';
import { serveDistCompressed } from './bench/serve.ts';

const STEPS = ['bytes', 'latency', 'core', 'doctor', 'lighthouse', 'scale'] as const;
type Step = (typeof STEPS)[number];

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'bench');

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const n = arg ? Number(arg.split('=')[1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

const log = (s: string) => console.log(s);

async function main(): Promise<void> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22)
    throw new Error(
      `Node ${process.version} is too old for Astro: run \`npm run bench\` (it uses the project's Node 24).`,
    );
  const onlyArg = process.argv.find((a) => a.startsWith('--only='));
  const only = onlyArg ? (onlyArg.slice('--only='.length).split(',') as Step[]) : [...STEPS];
  for (const s of only)
    if (!STEPS.includes(s)) throw new Error(`unknown step "${s}"; steps: ${STEPS.join(', ')}`);
  const keystrokes = option('keystrokes', 200);
  const lighthouseRuns = option('lighthouse-runs', 3);
  const scaleRuns = option('scale-runs', 2);
  const synthetic = option('synthetic', 100);

  const started = new Date();
  const t0 = performance.now();
  const machine = describeMachine(ROOT);
  const results: Results = {
    machine,
    started: started.toISOString(),
    durationSeconds: 0,
    rows: [],
    guidePages: [],
    excludedPages: [],
    skipped: STEPS.filter((s) => !only.includes(s)),
    errors: [],
  };
  const step = async (name: string, f: () => Promise<void> | void) => {
    const s0 = performance.now();
    results.machine.loadSamples.push(loadavg()[0] ?? 0);
    log(`\n== ${name}`);
    try {
      await f();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      console.error(`   ${name} failed: ${message}`);
      results.errors.push({ step: name, message });
    }
    log(`   (${((performance.now() - s0) / 1000).toFixed(1)} s)`);
  };
  /** One page of a browser step: a failure is recorded and the other pages still run. */
  const perPage = async <T>(name: string, f: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await f();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      console.error(`   ${name} failed: ${message.split('\n')[0]}`);
      results.errors.push({ step: name, message });
      return undefined;
    }
  };

  if (!process.argv.includes('--skip-build')) {
    await step('build (astro build → dist/)', () => {
      const r = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      if (r.status !== 0)
        throw new Error(`astro build failed:\n${(r.stdout + r.stderr).slice(-3000)}`);
    });
    if (results.errors.length > 0) {
      finish(results, t0);
      process.exitCode = 1;
      return;
    }
  }

  const excludeArg = process.argv.find((a) => a.startsWith('--exclude='));
  const exclude = excludeArg
    ? excludeArg.slice('--exclude='.length).split(',').filter(Boolean)
    : [];
  const discovered = guidePages(DIST);
  const guides = discovered.filter(
    (g) => !exclude.some((prefix) => urlPathOf(DIST, g).startsWith(prefix)),
  );
  const guidePaths = guides.map((g) => urlPathOf(DIST, g));
  results.guidePages = guidePaths;
  results.excludedPages = discovered
    .map((g) => urlPathOf(DIST, g))
    .filter((p) => !guidePaths.includes(p));
  log(
    `guide pages (pages embedding GeneratorIsland): ${guidePaths.join(', ') || 'none'}${results.excludedPages.length ? `; excluded: ${results.excludedPages.join(', ')}` : ''}`,
  );
  if (guides.length === 0)
    results.errors.push({
      step: 'discover guide pages',
      message: 'no page in dist/ embeds GeneratorIsland',
    });

  // The baseline: a default Starlight site from the same versions, for the bytes and Lighthouse figures.
  let baseline: Baseline | undefined;
  if (
    !process.argv.includes('--no-baseline') &&
    (only.includes('bytes') || only.includes('lighthouse'))
  ) {
    await step('baseline (default Starlight site, same versions)', () => {
      baseline = buildBaseline(ROOT);
      log(`   built in ${baseline.seconds.toFixed(1)} s`);
    });
  }
  const allPaths = htmlPages(DIST).map((f) => urlPathOf(DIST, f));
  const { url, close } = await serveDistCompressed(DIST);
  const base = baseline ? await serveDistCompressed(baseline.dist) : undefined;
  try {
    const bytes = staticBytes(DIST);
    const baseBytes: PageBytes[] = baseline ? staticBytes(baseline.dist) : [];
    if (only.includes('bytes') || only.includes('latency')) {
      const browser = await launchChromium();
      try {
        if (only.includes('bytes')) {
          await step(
            'JS before the first interaction (static count, and Chromium idle on every page)',
            async () => {
              await measureFetched(browser, url, bytes);
              if (base) await measureFetched(browser, base.url, baseBytes);
              for (const p of bytes)
                log(
                  `   ${p.page}: fetched ${p.fetched} B, static ${p.critical} B${p.highlighter === null ? '' : `, highlighter ${p.highlighter} B`}`,
                );
              for (const p of baseBytes)
                log(`   baseline ${p.page}: fetched ${p.fetched} B, static ${p.critical} B`);
              results.bytes = bytes;
              results.baselineBytes = baseBytes;
              results.rows.push(...bytesRows(bytes, baseBytes));
            },
          );
          await step('highlighter only after interaction (Chromium)', async () => {
            const checks: LazyCheck[] = [];
            for (const p of bytes.filter((b) => guidePaths.includes(b.page))) {
              const c = await perPage(`highlighter check ${p.page}`, () =>
                checkLazyHighlighter(browser, url, p.page, p.highlighterFiles),
              );
              if (!c) continue;
              log(
                `   ${p.page}: idle requests ${c.requestedIdle.length}, SSR highlighted ${c.ssrHighlighted}, first edit highlighted in ${c.firstHighlightedMs.toFixed(0)} ms, ok=${c.ok}`,
              );
              checks.push(c);
            }
            results.lazy = checks;
            results.rows.push(...lazyRows(checks));
          });
        }
        if (only.includes('latency')) {
          await step(`keystroke latency (${keystrokes} keystrokes per guide page)`, async () => {
            const runs: LatencyRun[] = [];
            for (const path of guidePaths) {
              const r = await perPage(`keystroke latency ${path}`, () =>
                measureKeystrokes(browser, url, path, keystrokes, 10),
              );
              if (!r) continue;
              log(
                `   ${path}: p50 ${r.dom.median.toFixed(2)} ms, p95 ${r.dom.p95.toFixed(2)} ms, max ${r.dom.max.toFixed(2)} ms`,
              );
              runs.push(r);
            }
            results.latency = runs;
            const traced: KeystrokeTraceRun[] = [];
            for (const path of guidePaths) {
              const r = await perPage(`keystroke trace ${path}`, () =>
                traceKeystrokes(browser, url, path, keystrokes),
              );
              if (!r) continue;
              log(
                `   ${path}: main-thread CPU per keystroke p50 ${r.cpu.median.toFixed(2)} ms, p95 ${r.cpu.p95.toFixed(2)} ms (wall p50 ${r.wall.median.toFixed(2)}, p95 ${r.wall.p95.toFixed(2)}; load ${r.load[0].toFixed(2)})`,
              );
              traced.push(r);
            }
            results.keystrokeTrace = traced;
            results.rows.push(...keystrokeTraceRows(traced));
            results.rows.push(...latencyRows(runs));
            // Where the time goes, on the page with the slowest p95.
            const worst = [...runs].sort((a, b) => b.dom.p95 - a.dom.p95)[0];
            const files = bytes.find((p) => p.page === worst?.page)?.highlighterFiles ?? [];
            if (worst) {
              const prof = await perPage(`keystroke profile ${worst.page}`, () =>
                profileKeystrokes(browser, url, worst.page, keystrokes, files),
              );
              if (prof) {
                results.latencyProfile = prof;
                log(
                  `   profile ${prof.page}: first-interaction chunks (engine) ${(prof.highlighterShare * 100).toFixed(0)}% of main-thread self time`,
                );
              }
            }
          });
        }
      } finally {
        await browser.close();
      }
    }
    if (only.includes('core')) {
      await step('generator core (Node)', () => {
        const runs = measureCore(join(ROOT, 'content/providers'), 20, 2000);
        for (const r of runs) log(`   ${r.label}: median ${r.perCall.median.toFixed(2)} µs`);
        results.core = runs;
        results.rows.push(...coreRows(runs));
      });
    }
    if (only.includes('doctor')) {
      await step('config doctor on a 1 MB config (Node)', () => {
        const r = measureDoctor(3);
        log(`   ${r.bytes} B, ${r.servers} servers: median ${r.ms.median.toFixed(0)} ms`);
        results.doctor = r;
        results.rows.push(...doctorRows(r));
      });
    }
    if (only.includes('lighthouse')) {
      await step(
        `Lighthouse (${lighthouseRuns} run(s) per page, every page and the baseline)`,
        async () => {
          const pages = await measureLighthouse(url, allPaths, lighthouseRuns, log);
          const basePages =
            base && baseline
              ? await measureLighthouse(
                  base.url,
                  htmlPages(baseline.dist).map((f) => urlPathOf(baseline!.dist, f)),
                  lighthouseRuns,
                  (s) => log(`  baseline${s}`),
                )
              : [];
          results.lighthouse = pages;
          results.baselineLighthouse = basePages;
          results.rows.push(...lighthouseRows(pages, basePages));
        },
      );
    }
  } finally {
    close();
    base?.close();
    baseline?.remove();
  }
  if (only.includes('scale')) {
    await step(`build scaling (real vs +${synthetic} providers, ${scaleRuns} run(s) each)`, () => {
      const s = measureScale(ROOT, synthetic, scaleRuns, log);
      results.scale = s;
      results.rows.push(...scaleRows(s));
    });
  }
  finish(results, t0);
  if (results.errors.length > 0) process.exitCode = 1;
}

function finish(results: Results, t0: number): void {
  results.machine.loadEnd = loadavg()[0] ?? 0;
  results.durationSeconds = (performance.now() - t0) / 1000;
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(ROOT, 'docs', 'bench-results.md'), renderMarkdown(results) + '\n');
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  log('\n' + renderConsole(results));
  for (const e of results.errors) console.error(`\n${e.step} did not complete: ${e.message}`);
  log(
    `\nWrote docs/bench-results.md and bench/results.json (${results.durationSeconds.toFixed(0)} s).`,
  );
}

await main();
