/** Renders the results: docs/bench-results.md (Markdown), and a compact table for stdout. */
import type { KeystrokeProfile, LazyCheck, LatencyRun } from './browser.ts';
import type { KeystrokeTraceRun } from './keystroke-trace.ts';
import type { PageBytes } from './bytes.ts';
import type { CoreRun } from './core.ts';
import type { DoctorRun } from './doctor.ts';
import { CATEGORIES, LIGHTHOUSE_TARGETS, type PageLighthouse } from './lighthouse.ts';
import type { Machine } from './machine.ts';
import type { ScaleResult } from './scale.ts';
import { passes, valueOf, type Row } from './stats.ts';

export interface Results {
  machine: Machine;
  started: string;
  durationSeconds: number;
  rows: Row[];
  /** Pages measured as guides (those embedding GeneratorIsland), and any left out with --exclude. */
  guidePages: string[];
  excludedPages: string[];
  skipped: string[];
  errors: { step: string; message: string }[];
  bytes?: PageBytes[];
  baselineBytes?: PageBytes[];
  doctor?: DoctorRun;
  baselineLighthouse?: PageLighthouse[];
  lazy?: LazyCheck[];
  latency?: LatencyRun[];
  keystrokeTrace?: KeystrokeTraceRun[];
  latencyProfile?: KeystrokeProfile;
  core?: CoreRun[];
  lighthouse?: PageLighthouse[];
  scale?: ScaleResult;
}

const DECIMALS: Record<string, number> = { files: 0, B: 0, ms: 2, µs: 2, s: 1, pts: 0, '×': 2 };

export function fmt(value: number | undefined, unit: string): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  const d = DECIMALS[unit] ?? 2;
  return `${value.toFixed(d)}${unit === '×' ? '×' : ` ${unit}`}`;
}

function targetText(row: Row): string {
  if (!row.target) return '–';
  const op =
    row.target.kind === 'max'
      ? '≤'
      : row.target.kind === 'min' && row.target.value === 0
        ? '>'
        : '≥';
  const v =
    row.unit === 'B'
      ? `${row.target.value} B (${row.target.value / 1024} KB)`
      : fmt(row.target.value, row.unit);
  return `${row.compared} ${op} ${v}`;
}

/** Measured / target, or null where a ratio means nothing (no target, or a target of 0). */
export function ratio(row: Row): number | null {
  if (!row.target || row.target.value === 0) return null;
  const v = valueOf(row);
  return Number.isFinite(v) ? v / row.target.value : null;
}

/** Measured / baseline, or null without a baseline figure. */
export function baselineRatio(row: Row): number | null {
  if (row.baseline === undefined || row.baseline === 0) return null;
  const v = valueOf(row);
  return Number.isFinite(v) ? v / row.baseline : null;
}

function met(row: Row): boolean | null {
  if (!row.target) return null;
  // A "> 0" target is strict.
  if (row.target.kind === 'min' && row.target.value === 0) return valueOf(row) > 0;
  return passes(row);
}

function status(row: Row): string {
  const ok = met(row);
  return ok === null ? 'measured' : ok ? 'met' : 'MISSED';
}

/** "over by 2.4 ms (+30%)" / "short by 10 pts (−10%)" for a missed target. */
export function missedBy(row: Row): string {
  if (!row.target) return '';
  const v = valueOf(row);
  if (!Number.isFinite(v)) return `${row.metric}: not measured`;
  const t = row.target.value;
  const diff = Math.abs(v - t);
  const pct = t === 0 ? '' : ` (${v > t ? '+' : '−'}${((diff / t) * 100).toFixed(1)}%)`;
  const word = row.target.kind === 'max' ? 'over' : 'short';
  // A hair over shows its digits rather than "over by 0.00".
  const by =
    fmt(diff, row.unit) === fmt(0, row.unit)
      ? `${diff.toPrecision(2)} ${row.unit}`
      : fmt(diff, row.unit);
  const shown =
    fmt(v, row.unit) === fmt(t, row.unit) ? `${v.toPrecision(6)} ${row.unit}` : fmt(v, row.unit);
  return `${row.metric}: ${row.compared} ${shown} against ${targetText(row)}, ${word} by ${by}${pct}`;
}

function table(headers: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export function renderMarkdown(r: Results): string {
  const m = r.machine;
  const out: string[] = [];
  out.push('# Benchmark results', '');
  out.push(
    `Written by \`npm run bench\` (scripts/bench.ts) on ${r.started}; the run took ${r.durationSeconds.toFixed(0)} s. The JSON copy is bench/results.json.`,
    '',
  );
  out.push('## Machine', '');
  out.push(
    table(
      ['', ''],
      [
        ['CPU', m.cpuModel],
        ['Cores', String(m.cores)],
        ['Memory', `${m.memoryGiB.toFixed(1)} GiB`],
        ['OS', m.os],
        ['Node', m.node],
        ['Chromium', m.chromium],
        ['Lighthouse', m.lighthouse],
        [
          'Load average (1 min) at start / each step / end',
          `${m.loadStart.toFixed(2)} / ${m.loadSamples.map((l) => l.toFixed(2)).join(', ')} / ${m.loadEnd.toFixed(2)}`,
        ],
        ['Commit', m.commit],
        ['Date', m.date],
      ],
    ),
    '',
  );
  // The bench itself keeps about one to two cores busy; more than that means other work was running.
  if (Math.max(m.loadStart, ...m.loadSamples, m.loadEnd) > m.cores + 1) {
    out.push(
      `> **Note:** the load average went above the number of cores plus one during the run, so other work competed for the CPU: timings (latency, core, build) are pessimistic and noisier than on an idle machine. Bytes are unaffected; Lighthouse simulates its throttling but its CPU timings still come from this machine.`,
      '',
    );
  }

  out.push(
    `Guide pages (built pages that embed GeneratorIsland): ${r.guidePages.join(', ') || 'none'}.${r.excludedPages.length ? ` Left out with --exclude: ${r.excludedPages.join(', ')}.` : ''} dist/ is served locally by serveDist() with its _headers, behind gzip as a static host serves it.`,
    '',
  );
  out.push('## Summary', '');
  out.push(
    'Each row compares one statistic (named in the target column) with its target; the ratio is measured / target. For bytes and times lower is better (ratio ≤ 1 meets the target); for Lighthouse scores higher is better (ratio ≥ 1). "baseline" is the same statistic on a default Starlight site built from the same Astro and Starlight versions (bench/baseline/), and "vs baseline" is measured / baseline; – where the baseline has no such thing (it has no generator).',
    '',
  );
  out.push(
    table(
      [
        'Section',
        'Metric',
        'n',
        'median',
        'p95',
        'min',
        'max',
        'target',
        'ratio',
        'baseline',
        'vs baseline',
        'status',
      ],
      r.rows.map((row) => {
        const q = ratio(row);
        const b = baselineRatio(row);
        return [
          row.section,
          row.metric,
          String(row.n),
          fmt(row.median, row.unit),
          row.p95 === undefined ? '–' : fmt(row.p95, row.unit),
          fmt(row.min, row.unit),
          fmt(row.max, row.unit),
          targetText(row),
          q === null ? '–' : `${q.toFixed(2)}`,
          fmt(row.baseline, row.unit),
          b === null ? '–' : b.toFixed(2),
          status(row),
        ];
      }),
    ),
    '',
  );

  const missed = r.rows.filter((row) => met(row) === false);
  out.push('## Missed targets', '');
  if (missed.length === 0 && r.errors.length === 0) out.push('None: every target was met.', '');
  for (const row of missed) out.push(`- ${missedBy(row)}${row.note ? `. ${row.note}` : ''}`);
  for (const e of r.errors)
    out.push(`- **${e.step} did not complete:** ${e.message.split('\n')[0]}`);
  if (r.skipped.length > 0) out.push(`- Skipped on request: ${r.skipped.join(', ')}`);
  out.push('');

  out.push('## Details', '');
  if (r.bytes) {
    out.push('### 1. JavaScript before the first interaction, every page', '');
    out.push(
      "Two counts with the budget tests' own definitions (tests/support/budget.ts), gzip -9. Fetched: headless Chromium loads the page and lets it sit (network idle, two idle callbacks, 2 s) without interacting; every JavaScript response plus the document's inline scripts. Static: the import closure of every module script, modulepreload, island and renderer, plus the inline scripts. Nothing is excluded (search included). The highlighter is what a guide's island loads later, on the first interaction.",
      '',
    );
    const pageRow = (p: PageBytes) => [
      p.page,
      p.fetched === null ? '–' : `${p.fetched} B`,
      `${p.critical} B`,
      `${((Math.max(p.fetched ?? 0, p.critical) / (25 * 1024)) * 100).toFixed(0)}%`,
      p.highlighter === null ? '–' : `${p.highlighter} B`,
      p.fetchedFiles.length ? String(p.fetchedFiles.length) : '–',
    ];
    out.push(
      table(
        ['Page', 'fetched', 'static', 'of 25 KB', 'highlighter (lazy)', 'JS files fetched'],
        [
          ...r.bytes.map(pageRow),
          ...(r.baselineBytes ?? []).map((p) => pageRow({ ...p, page: `baseline ${p.page}` })),
        ],
      ),
      '',
    );
    const first = r.bytes.find((p) => p.highlighter !== null);
    if (first)
      out.push(
        `Files ${first.page} runs before any interaction: ${first.criticalFiles.map((f) => f.replace('/_astro/', '')).join(', ')}. Its highlighter: ${first.highlighterFiles.map((f) => f.replace('/_astro/', '')).join(', ')}.`,
        '',
      );
    const bl = r.baselineBytes?.find((p) => p.fetched !== null && p.fetched > p.critical);
    if (bl)
      out.push(
        `The baseline fetches more than its static count (${bl.fetched} B vs ${bl.critical} B on ${bl.page}): Starlight's default search loads its UI on idle, which only the browser count sees.`,
        '',
      );
  }
  if (r.lazy) {
    out.push('### 1b. Highlighted without the highlighter', '');
    out.push(
      'Headless Chromium, per guide page: load, scroll to the generator, wait 2 s without interacting; then focus "Server name" and type one character at once (the worst case: the highlighter loads on that focus) and time until the TOML block shows the new name inside a coloured token.',
      '',
    );
    out.push(
      table(
        [
          'Page',
          'highlighter requests while idle',
          'SSR output highlighted',
          'live output highlighted while idle',
          'requested after focus',
          'focus + keystroke → highlighted',
          'ok',
        ],
        r.lazy.map((c) => [
          c.page,
          String(c.requestedIdle.length),
          c.ssrHighlighted ? 'yes' : 'NO',
          c.liveHighlightedIdle ? 'yes' : 'NO',
          `${c.requestedOnFocus.length}${c.notRequested.length ? ` (missing: ${c.notRequested.join(', ')})` : ''}`,
          fmt(c.firstHighlightedMs, 'ms'),
          c.ok ? 'yes' : 'NO',
        ]),
      ),
      '',
    );
  }
  if (r.keystrokeTrace) {
    out.push("### 2. Keystrokes: main-thread CPU from Chromium's trace", '');
    out.push(
      "Headless Chromium, first island of each guide page, placeholders replaced, engine loaded (one warm-up character typed and shown). Real key events (Playwright `pressSequentially`, 60 ms apart) type into \"Server name\" under Chromium's tracing (`toplevel`, `devtools.timeline`). Attribution rule: a keystroke owns every renderer-main-thread task from the task that dispatched its `keydown` up to the next keystroke's: on an otherwise idle page that is its handlers, Preact's render, style, layout, paint and whatever they scheduled. CPU is each task's thread time (`tdur`), held to the target; wall is the same tasks' `dur`, which also holds time other processes took from the cores. The load average (1 min) is read before and after each page.",
      '',
    );
    out.push(
      table(
        [
          'Page',
          'provider',
          'keystrokes',
          'CPU p50',
          'CPU p95',
          'CPU max',
          'wall p50 / p95',
          'load avg',
          'self CPU per keystroke by trace event (mean; the rest of the CPU column is task time outside any named event)',
        ],
        r.keystrokeTrace.map((k) => [
          k.page,
          k.provider,
          String(k.cpu.n),
          fmt(k.cpu.median, 'ms'),
          fmt(k.cpu.p95, 'ms'),
          fmt(k.cpu.max, 'ms'),
          `${fmt(k.wall.median, 'ms')} / ${fmt(k.wall.p95, 'ms')}`,
          `${k.load[0].toFixed(2)} → ${k.load[1].toFixed(2)}`,
          k.inside
            .slice(0, 6)
            .map((i) => `${i.name} ${i.ms.toFixed(2)}`)
            .join(', '),
        ]),
      ),
      '',
    );
  }
  if (r.latency) {
    out.push('### 2b. Keystroke → updated output (wall clock)', '');
    out.push(
      'Headless Chromium (no CPU throttling), first island of each guide page, after hydration, scrolled into view and with highlighting active. All keystrokes run inside one `page.evaluate`: `input.value += \'x\'` on "Server name" and an `input` event, timed with `performance.now()` until a MutationObserver on the island sees the TOML block show the new name (Preact\'s render and the re-highlighting of every block included) and the microtask checkpoint has run. The field is focused first, as a reader\'s click or tab would, which makes the island load its generator engine; the first keystroke (engine download and first run included) is shown separately and not counted among the 200. Keystrokes start from a quiet point (after a frame and a task); warm-up keystrokes are not counted either. "+ layout" also forces style and layout; "next frame" waits for the next animation frame callback, which includes waiting for the display frame (~16.7 ms), so it is shown but not held to the target.',
      '',
    );
    out.push(
      table(
        [
          'Page',
          'provider',
          'first keystroke (engine loads)',
          'keystrokes (+warm-up)',
          'p50',
          'p95',
          'max',
          '+ layout p50 / p95',
          'next frame p50 / p95',
          'timeouts',
        ],
        r.latency.map((l) => [
          l.page,
          l.provider,
          fmt(l.firstKeystrokeMs, 'ms'),
          `${l.dom.n} (+${l.warmup})`,
          fmt(l.dom.median, 'ms'),
          fmt(l.dom.p95, 'ms'),
          fmt(l.dom.max, 'ms'),
          `${fmt(l.layout.median, 'ms')} / ${fmt(l.layout.p95, 'ms')}`,
          `${fmt(l.frame.median, 'ms')} / ${fmt(l.frame.p95, 'ms')}`,
          String(l.timeouts),
        ]),
      ),
      '',
    );
    const prof = r.latencyProfile;
    if (prof) {
      out.push(
        `Where the time goes (${prof.page}, the slowest p95; ${prof.keystrokes} keystrokes under V8's sampling profiler, main-thread self time by script, idle excluded): the chunks the first interaction loads (the engine; there is no runtime highlighter) take ${(prof.highlighterShare * 100).toFixed(0)}%. ` +
          prof.byScript
            .map((s) => `${s.script.replace('/_astro/', '')} ${(s.share * 100).toFixed(0)}%`)
            .join(', ') +
          '.',
        '',
      );
    }
  }
  if (r.core) {
    out.push('### 3. Generator core', '');
    out.push(
      "`generate(spec)` in Node (all outputs for one input): per spec, a warm-up batch, then timed batches; each batch's mean µs per call is one sample; the table gives the median, min and max over batches.",
      '',
    );
    out.push(
      table(
        ['Spec', 'median', 'min', 'max', 'batches × calls', 'output chars'],
        r.core.map((c) => [
          c.label,
          fmt(c.perCall.median, 'µs'),
          fmt(c.perCall.min, 'µs'),
          fmt(c.perCall.max, 'µs'),
          `${c.batches} × ${c.callsPerBatch}`,
          String(c.outputChars),
        ]),
      ),
      '',
    );
  }
  if (r.doctor) {
    const d = r.doctor;
    out.push('### 3b. Config doctor on 1 MB', '');
    out.push(
      `\`diagnoseConfig\` in Node on a generated ${d.bytes} B config.toml (${d.servers} servers, remote and stdio, env tables, headers, tool lists, some mistakes; ${d.problems} problems reported): median ${fmt(d.ms.median, 'ms')} over ${d.ms.n} calls [${fmt(d.ms.min, 'ms')}–${fmt(d.ms.max, 'ms')}], target ≤ 300 ms. One call is one synchronous task: on the page's main thread it would block input for that long unless the doctor runs in a worker.`,
      '',
    );
  }
  if (r.lighthouse) {
    out.push('### 4. Lighthouse', '');
    const lh = r.lighthouse[0];
    out.push(
      `Lighthouse ${lh?.lighthouseVersion ?? ''} with its default config (mobile: emulated Moto G Power, simulated slow 4G and 4× CPU slowdown), headless system Chromium; every host but 127.0.0.1 unresolvable. ${lh?.runs ?? 0} run(s) per page; scores are the median [min–max] of runs, metrics from the median-performance run. Benchmark index ${r.lighthouse.map((p) => p.benchmarkIndex?.toFixed(0) ?? '?').join(', ')}.`,
      '',
    );
    out.push(
      table(
        [
          'Page',
          ...CATEGORIES.map((c) => `${c} (≥ ${LIGHTHOUSE_TARGETS[c]})`),
          'FCP',
          'LCP',
          'TBT',
          'CLS',
          'SI',
        ],
        [
          ...r.lighthouse,
          ...(r.baselineLighthouse ?? []).map((p) => ({ ...p, page: `baseline ${p.page}` })),
        ].map((p) => [
          p.page,
          ...CATEGORIES.map((c) => {
            const s = p.scores[c];
            const range = s.min === s.max ? '' : ` [${s.min}–${s.max}]`;
            return `${s.median}${range}${s.median < LIGHTHOUSE_TARGETS[c] ? ' ✗' : ''}`;
          }),
          p.metrics['first-contentful-paint'] ?? '',
          p.metrics['largest-contentful-paint'] ?? '',
          p.metrics['total-blocking-time'] ?? '',
          p.metrics['cumulative-layout-shift'] ?? '',
          p.metrics['speed-index'] ?? '',
        ]),
      ),
      '',
    );
    const failing = r.lighthouse.flatMap((p) =>
      CATEGORIES.flatMap((c) => (p.failing[c] ? [{ page: p.page, c, audits: p.failing[c]! }] : [])),
    );
    if (failing.length > 0) {
      out.push('#### Audits behind scores below target', '');
      out.push(
        'For each page and category below target: the scored audits that lost points (id, title, value, audit score, weight in the category), then the unscored diagnostics Lighthouse flags (score < 0.9). From the run with the median score.',
        '',
      );
      for (const f of failing) {
        const page = r.lighthouse.find((p) => p.page === f.page)!;
        out.push(
          `- **${f.page}**, ${f.c} ${page.scores[f.c].median} (target ${LIGHTHOUSE_TARGETS[f.c]}, short by ${LIGHTHOUSE_TARGETS[f.c] - page.scores[f.c].median}):`,
        );
        const scored = f.audits.filter((a) => a.weight > 0);
        const diagnostics = f.audits.filter((a) => a.weight === 0);
        if (scored.length === 0) out.push('  - no scored audit failed outright');
        for (const a of scored)
          out.push(
            `  - \`${a.id}\`: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}; score ${a.score === null ? 'n/a' : a.score.toFixed(2)}, weight ${a.weight}`,
          );
        if (diagnostics.length > 0)
          out.push(
            `  - diagnostics: ${diagnostics.map((a) => `\`${a.id}\` ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`).join('; ')}`,
          );
        if (f.c === 'performance' && page.longTasks.length > 0) {
          out.push(
            `  - long tasks (simulated): ${page.longTasks.map((t) => `${t.durationMs.toFixed(0)} ms at ${t.startMs.toFixed(0)} ms in ${t.url}`).join('; ')}`,
          );
          out.push(
            `  - main-thread time by script: ${page.bootup.map((b) => `${b.url} ${b.totalMs.toFixed(0)} ms (scripting ${b.scriptingMs.toFixed(0)} ms)`).join('; ')}`,
          );
        }
      }
      out.push('');
    }
    const external = [...new Set(r.lighthouse.flatMap((p) => p.externalRequests))];
    out.push(
      external.length === 0
        ? 'Requests to any host but the local server, in every run: none.'
        : `Requests to other hosts (unresolvable here, but attempted): ${external.join(', ')}.`,
      '',
    );
    const warnings = [...new Set(r.lighthouse.flatMap((p) => p.warnings))];
    if (warnings.length > 0) out.push('Lighthouse warnings: ' + warnings.join(' / '), '');
  }
  if (r.scale) {
    const s = r.scale;
    out.push('### 5. Build-time scaling', '');
    out.push(
      `Method: ${s.method}. ${s.runs} run(s) per catalogue, interleaved. The synthetic copy adds ${s.synthetic.added} providers (the real ones with new ids, names and server names) and one guide page each, made from a real guide's MDX with its \`<Generator provider="…"/>\` pointed at the new provider. Measured only; never asserted.`,
      '',
    );
    out.push(
      table(
        ['Catalogue', 'providers', 'guide pages', 'pages', 'median', 'min', 'max'],
        [
          [
            'real',
            String(s.real.providers),
            String(s.real.guidePages),
            String(s.real.pages),
            fmt(s.real.seconds.median, 's'),
            fmt(s.real.seconds.min, 's'),
            fmt(s.real.seconds.max, 's'),
          ],
          [
            'synthetic',
            String(s.synthetic.providers),
            String(s.synthetic.guidePages),
            String(s.synthetic.pages),
            fmt(s.synthetic.seconds.median, 's'),
            fmt(s.synthetic.seconds.min, 's'),
            fmt(s.synthetic.seconds.max, 's'),
          ],
        ],
      ),
      '',
    );
    out.push(
      `Ratio ${s.ratio.toFixed(2)}× (target ≤ 5×) for ${(s.synthetic.guidePages / Math.max(1, s.real.guidePages)).toFixed(1)}× the guide pages.`,
      '',
    );
  }
  return out.join('\n');
}

/** A compact fixed-width table for the terminal. */
export function renderConsole(r: Results): string {
  const lines = r.rows.map((row) => {
    const q = ratio(row);
    const b = baselineRatio(row);
    return [
      row.metric.length > 64 ? row.metric.slice(0, 63) + '…' : row.metric,
      `${row.compared} ${fmt(valueOf(row), row.unit)}`,
      targetText(row),
      q === null ? '–' : q.toFixed(2),
      row.baseline === undefined
        ? '–'
        : `${fmt(row.baseline, row.unit)} (${b === null ? '–' : b.toFixed(2)})`,
      status(row),
    ];
  });
  const head = ['metric', 'measured', 'target', 'ratio', 'baseline (vs)', 'status'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmtLine = (l: string[]) => l.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [fmtLine(head), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmtLine)].join(
    '\n',
  );
}
