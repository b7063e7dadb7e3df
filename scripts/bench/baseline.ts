/**
 * The baseline: a default Starlight site (bench/baseline/, the starter template's shape) built in a
 * temporary folder under bench-results/tmp/ (git-ignored), inside the repository so it resolves
 * this repository's node_modules: exactly the same Astro and Starlight versions. (A symlinked
 * node_modules elsewhere breaks Astro's style compilation.) Every byte and Lighthouse figure is reported side by side with it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface Baseline {
  /** The built site. */
  dist: string;
  /** Build wall time. */
  seconds: number;
  /** Removes the temporary folder. */
  remove(): void;
}

/** Copies the fixture to a temporary folder and builds it with `astro build`. */
export function buildBaseline(root: string): Baseline {
  const parent = join(root, 'bench-results/tmp');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'starlight-baseline-'));
  cpSync(join(root, 'bench/baseline'), dir, { recursive: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`baseline build failed:\n${(r.stdout + r.stderr).slice(-2000)}`);
  }
  return {
    dist: join(dir, 'dist'),
    seconds: (performance.now() - t0) / 1000,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
