// `npm run test:versions`: the conformance project (generator, release facts, doctor, server.json,
// shells and the runtime suite in tests/conformance/runtime/) against every probed Codex release
// (src/lib/codex/releases.ts), each installed on demand into the cache (tests/support/cache.ts).
// Prints a table release × suite file → passed/total, writes it to test-results/versions.md (and,
// after a whole-window run, into docs/releases.md), and exits non-zero when any release fails any test.
// Usage: npm run test:versions [-- 0.140.0 0.171.0 … | --oldest | --boundaries] [--file tests/conformance/x.test.ts …]
//        [--jobs N]
// (default: every probed release, every conformance file; `--boundaries`: the oldest and the newest
// release plus both sides of every change in src/lib/codex/changes.ts)
// CONFORMANCE_CONCURRENCY defaults to 1 here: the machine is shared and runs are long. `--jobs N`
// runs N releases at once (each one's output then goes to test-results/versions-<release>.log):
// most of a release's time is spent waiting on Codex sessions, not on the processor.
import { spawn, spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { CHANGES } from '../src/lib/codex/changes.ts';
import {
  CODEX_NEWEST,
  CODEX_OLDEST,
  compareReleases,
  isRelease,
  PROBED_RELEASES,
} from '../src/lib/codex/releases.ts';
import { codexReleaseDir } from '../tests/support/cache.ts';
import { writeBlock } from './docs-figures.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'test-results');
mkdirSync(OUT, { recursive: true });

// `--oldest` is the oldest supported release alone (the extra step of `npm test`).
const argv = process.argv.slice(2);
const valuesOf = (flag) => argv.flatMap((a, i) => (argv[i - 1] === flag ? [a] : []));
const fileFilters = valuesOf('--file');
const jobs = Math.max(1, Number(valuesOf('--jobs').at(-1) ?? 1) || 1);
// Both sides of every change, plus the two ends of the window: where a range moved by one would show.
const BOUNDARIES = [
  CODEX_OLDEST,
  ...Object.values(CHANGES).flatMap((c) => [c.lastWithout, c.since]),
  CODEX_NEWEST,
];
const asked = argv
  .filter(
    (a, i) => !['--file', '--jobs'].includes(a) && !['--file', '--jobs'].includes(argv[i - 1]),
  )
  .flatMap((a) => (a === '--oldest' ? [CODEX_OLDEST] : a === '--boundaries' ? BOUNDARIES : [a]));
for (const r of asked)
  if (!isRelease(r)) throw new Error(`not an exact release: ${r} (for example 0.160.0)`);
const releases =
  asked.length > 0 ? [...new Set(asked)].sort(compareReleases) : [...PROBED_RELEASES];

/** Installs a release into the cache unless it is there or pinned; false when npm fails. */
function install(release) {
  if (release === CODEX_NEWEST) return true;
  const dir = codexReleaseDir(release);
  if (existsSync(join(dir, 'node_modules', '.bin', 'codex'))) return true;
  console.log(`installing @openai/codex@${release} into ${dir}`);
  const staging = `${dir}.installing-${process.pid}`;
  const r = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      staging,
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `@openai/codex@${release}`,
    ],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    return false;
  }
  renameSync(staging, dir);
  return true;
}

/** Runs vitest to its end; its output goes to the terminal, or to `log` when one is given. */
function vitest(args, env, log) {
  return new Promise((done) => {
    const out = log ? createWriteStream(log) : 'inherit';
    const child = spawn('npx', args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr])
      if (out === 'inherit') stream.pipe(stream === child.stdout ? process.stdout : process.stderr);
      else stream.pipe(out, { end: false });
    child.on('close', () => (out === 'inherit' ? done() : out.end(done)));
  });
}

/** Runs the conformance project for one release; per test file: passed, failed, skipped. */
async function runRelease(release) {
  const json = join(OUT, `versions-${release}.json`);
  rmSync(json, { force: true });
  const started = Date.now();
  const env = {
    ...process.env,
    CODEX_RELEASE: release,
    CONFORMANCE_CONCURRENCY: process.env.CONFORMANCE_CONCURRENCY ?? '1',
  };
  const args = [
    'vitest',
    'run',
    '--project',
    'conformance',
    '--reporter=dot',
    '--reporter=json',
    `--outputFile.json=${json}`,
    ...fileFilters,
  ];
  await vitest(args, env, jobs > 1 ? join(OUT, `versions-${release}.log`) : undefined);
  const seconds = (Date.now() - started) / 1000;
  if (!existsSync(json)) return { seconds, files: {}, error: 'vitest wrote no report' };
  const report = JSON.parse(readFileSync(json, 'utf8'));
  const files = {};
  for (const file of report.testResults ?? []) {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'passed') count.passed++;
      else if (t.status === 'failed') count.failed++;
      else count.skipped++;
    }
    // A file that failed to load has no assertions but a failed status.
    if (file.status === 'failed' && count.failed === 0) count.failed = 1;
    files[file.name.slice(ROOT.length + 1)] = count;
  }
  return { seconds, files };
}

// Installs first (one at a time: npm's cache is shared), then runs `jobs` releases at once.
const installed = new Map(releases.map((r) => [r, install(r)]));
const results = new Map();
const queue = [...releases];
async function worker() {
  for (let release = queue.shift(); release; release = queue.shift()) {
    console.log(`\n=== codex-cli ${release}`);
    const r = installed.get(release)
      ? await runRelease(release)
      : { seconds: 0, files: {}, error: 'install failed' };
    results.set(release, r);
    if (jobs > 1) console.log(`=== codex-cli ${release}: done in ${r.seconds.toFixed(0)} s`);
  }
}
await Promise.all(Array.from({ length: Math.min(jobs, releases.length) }, worker));

// The table: one row per release, one column per test file seen in any run.
const suites = [...new Set([...results.values()].flatMap((r) => Object.keys(r.files)))].sort();
const cell = (c) =>
  c === undefined
    ? 'not run'
    : `${c.failed === 0 ? 'passed' : 'FAILED'} ${c.passed}/${c.passed + c.failed}${c.skipped ? ` (+${c.skipped} skipped)` : ''}`;
// Named by their path under tests/conformance (`runtime/server-json` and `server-json` are two suites).
const header = [
  'release',
  ...suites.map((s) => s.replace(/^tests\/conformance\//, '').replace(/\.test\.ts$/, '')),
  'time',
];
const ordered = releases.map((release) => [release, results.get(release)]);
const rows = ordered.map(([release, r]) => [
  release + (release === CODEX_NEWEST ? ' (pinned)' : ''),
  ...suites.map((s) => (r.error ? r.error : cell(r.files[s]))),
  `${r.seconds.toFixed(0)} s`,
]);
const table = [header, header.map(() => '---'), ...rows]
  .map((row) => `| ${row.join(' | ')} |`)
  .join('\n');
const failed = ordered.filter(
  ([, r]) =>
    r.error ||
    Object.values(r.files).some((c) => c.failed > 0) ||
    Object.keys(r.files).length === 0,
);
const summary = `releases: ${results.size - failed.length} passed, ${failed.length} failed${failed.length ? ` (${failed.map(([v]) => v).join(', ')})` : ''}`;
writeFileSync(join(OUT, 'versions.md'), `${table}\n\n${summary}\n`);
// A whole-window run (every probed release, every file) is the figure docs/releases.md shows.
const whole = asked.length === 0 && fileFilters.length === 0;
if (whole)
  await writeBlock(
    join(ROOT, 'docs', 'releases.md'),
    'versions',
    `Written by \`npm run test:versions\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (--jobs ${jobs}).\n\n${table}\n\n${summary}`,
  );
console.log(
  `\n${table}\n\n${summary}\n(written to test-results/versions.md${whole ? ' and docs/releases.md' : ''})`,
);
process.exit(failed.length === 0 ? 0 : 1);
