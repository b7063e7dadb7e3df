// The one test command (`npm test`): setup (browser and shells), format, type-check, unit,
// conformance (real Codex CLI), build, build checks, e2e.
// Every step runs even when an earlier one fails, so one run shows everything that is red.
// Two lanes run side by side after setup: the conformance suites spend most of their time waiting on
// Codex sessions and loopback fakes, so they overlap well with the processor-bound lane (format →
// e2e). Each step's output goes to .test-steps/<step>.log and is printed whole when the step
// ends, so the log reads step by step. TEST_SERIAL=1 runs every step one after another instead.
// Usage: npm test [-- step …] (only the named steps, in lane order).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const STEPS = {
  // Finds or installs a browser, fish, zsh and PowerShell first, so a fresh machine needs no other step.
  // Through npx: Node 24 from node_modules runs the .ts file even when the system Node is older.
  setup: ['npx', ['node', 'scripts/setup.ts']],
  // The formatter keeps the style (.prettierrc.json); `npm run format` fixes what this finds.
  format: ['npx', ['prettier', '--check', '.']],
  'type-check': ['npx', ['astro', 'check']],
  unit: ['npx', ['vitest', 'run', '--project', 'unit']],
  conformance: ['npx', ['vitest', 'run', '--project', 'conformance']],
  // The oldest supported release: the generator's commands and blocks, every fact of the release
  // table, the doctor's verdicts, the plugin facts and team kits, and the runtime suite (real sessions, held to that release's facts
  // and recorded messages).
  'conformance-oldest': [
    'node',
    [
      'scripts/test-versions.mjs',
      '--oldest',
      '--file',
      'tests/conformance/codex-cli.test.ts',
      '--file',
      'tests/conformance/release-facts.test.ts',
      '--file',
      'tests/conformance/doctor.test.ts',
      '--file',
      'tests/conformance/runtime/',
      '--file',
      'tests/conformance/plugin.test.ts',
      '--file',
      'tests/conformance/team-kit.test.ts',
      '--file',
      'tests/conformance/doctor-plugin.test.ts',
      '--file',
      'tests/conformance/plugin-config.test.ts',
    ],
  ],
  build: ['npx', ['astro', 'build']],
  // The same site under a sub-path, as GitHub Pages serves a project site (build check and e2e smoke).
  'build-subpath': ['npm', ['run', 'build:subpath']],
  'build-checks': ['npx', ['vitest', 'run', '--project', 'build']],
  e2e: ['npx', ['playwright', 'test']],
};
// What must have passed before a step can mean anything.
const NEEDS = {
  'build-checks': ['build', 'build-subpath'],
  e2e: ['build', 'build-subpath', 'setup'],
};
const FIRST = ['setup'];
// e2e is the longest step (about 13 min under CI load); unit follows the conformance suites, which
// take about as long together as the steps before e2e plus e2e itself once they run four files at once.
const LANES = [
  ['format', 'type-check', 'build', 'build-subpath', 'build-checks', 'e2e'],
  ['conformance', 'conformance-oldest', 'unit'],
];

const only = process.argv.slice(2);
for (const name of only) if (!(name in STEPS)) throw new Error(`no step "${name}"`);
const wanted = (name) => only.length === 0 || only.includes(name);
// Not under test-results/: Playwright empties that folder when e2e starts.
const LOGS = '.test-steps';
mkdirSync(LOGS, { recursive: true });
/** name → { ok, note } once a step has ended (or been skipped). */
const results = new Map();

/** Runs one step with its output in its own log, then prints that log whole. */
function run(name) {
  const unmet = (NEEDS[name] ?? []).filter((n) => results.has(n) && !results.get(n).ok);
  if (unmet.length > 0) {
    results.set(name, { ok: false, note: `skipped: ${unmet.join(', ')} failed` });
    return Promise.resolve();
  }
  const [cmd, args] = STEPS[name];
  const file = join(LOGS, `${name}.log`);
  const log = createWriteStream(file);
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(cmd, args, { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('close', (code) => {
      log.end(() => {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(`\n=== ${name}: ${cmd} ${args.join(' ')} (${seconds} s)`);
        process.stdout.write(readFileSync(file));
        results.set(name, { ok: code === 0, note: `${seconds} s` });
        done();
      });
    });
  });
}

/** Runs a lane's steps one after another. */
async function lane(names) {
  for (const name of names) if (wanted(name)) await run(name);
}

const started = Date.now();
await lane(FIRST);
if (process.env['TEST_SERIAL'] === '1') await lane(LANES.flat());
else await Promise.all(LANES.map(lane));
const order = [...FIRST, ...LANES.flat()].filter((n) => results.has(n));
const passed = order.filter((n) => results.get(n).ok).length;
const failed = order.length - passed;
console.log(`\n=== summary (${((Date.now() - started) / 60_000).toFixed(1)} min in all)`);
for (const n of order)
  console.log(`${results.get(n).ok ? 'PASS' : 'FAIL'}  ${n}  (${results.get(n).note})`);
console.log(`steps: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
