// The one test command (`npm test`): setup (browser and shells), type-check, unit, conformance
// (real Codex CLI), build, build checks, e2e.
// Every step runs even when an earlier one fails, so one run shows everything that is red.
import { spawnSync } from 'node:child_process';

const steps = [
  // Finds or installs a browser, fish, zsh and PowerShell first, so a fresh machine needs no other step.
  // Through npx: Node 24 from node_modules runs the .ts file even when the system Node is older.
  ['setup', 'npx', ['node', 'scripts/setup.ts']],
  // The formatter keeps the style (.prettierrc.json); `npm run format` fixes what this finds.
  ['format', 'npx', ['prettier', '--check', '.']],
  ['type-check', 'npx', ['astro', 'check']],
  ['unit', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['conformance', 'npx', ['vitest', 'run', '--project', 'conformance']],
  // The oldest supported release: the generator's commands and blocks, every fact of the release
  // table, the doctor's verdicts, and the runtime suite (real sessions, held to that release's facts
  // and recorded messages).
  [
    'conformance-oldest',
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
    ],
  ],
  ['build', 'npx', ['astro', 'build']],
  // The same site under a sub-path, as GitHub Pages serves a project site (build check and e2e smoke).
  ['build-subpath', 'npm', ['run', 'build:subpath']],
  ['build-checks', 'npx', ['vitest', 'run', '--project', 'build']],
  ['e2e', 'npx', ['playwright', 'test']],
];
const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const summary = [];
for (const [name, cmd, args] of steps) {
  if (only.length > 0 && !only.includes(name)) continue;
  // e2e and the build checks need the build; skip it (as failed) when the build did not succeed.
  if (
    (name === 'e2e' || name === 'build-checks') &&
    summary.some(([n, ok]) => (n === 'build' || n === 'build-subpath') && !ok)
  ) {
    summary.push([name, false, 'skipped: build failed']);
    failed++;
    continue;
  }
  // Without a browser (setup said how to get one) the e2e step cannot start.
  if (name === 'e2e' && summary.some(([n, ok]) => n === 'setup' && !ok)) {
    summary.push([name, false, 'skipped: no browser, see the setup step']);
    failed++;
    continue;
  }
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  summary.push([name, ok, `${((Date.now() - started) / 1000).toFixed(1)} s`]);
  if (ok) passed++;
  else failed++;
}
console.log('\n=== summary');
for (const [name, ok, note] of summary) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}  (${note})`);
console.log(`steps: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
