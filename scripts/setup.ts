/**
 * `npm test`'s first step (also `node scripts/setup.ts` alone): finds or installs what the suites
 * need besides node_modules (see scripts/provision.ts) and prints one line per thing. Exits 1 only
 * when no browser can be had, with the line that names the fix. Quick and idempotent once set up.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from '../tests/support/browser.ts';
import { pwshToolPath, PWSH_VERSION } from '../tests/support/cache.ts';
import { provision, type Machine } from './provision.ts';

const machine: Machine = {
  findChromium,
  which(program) {
    const r = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
    return r.status === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : null;
  },
  exists: existsSync,
  isRoot: process.getuid?.() === 0,
  isDebian: existsSync('/etc/debian_version'),
  run(command, args) {
    console.log(`setup: ${command} ${args.join(' ')}`);
    // Long downloads get a bound: a machine without network must fail over, not hang.
    const r = spawnSync(command, args, {
      stdio: 'inherit',
      timeout: 15 * 60_000,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return r.status === 0;
  },
  log: (line) => console.log(line),
};

const { ok } = provision(machine, { version: PWSH_VERSION, toolPath: pwshToolPath() });
process.exit(ok ? 0 : 1);
