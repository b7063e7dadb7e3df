/** What the numbers were measured on. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { findChromium } from '../../tests/support/browser.ts';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  lighthouse: string;
  loadStart: number;
  loadEnd: number;
  /** The 1-minute load average at the start of each step: the bench itself adds about 1-2. */
  loadSamples: number[];
  commit: string;
  date: string;
}

function run(cmd: string, args: string[], cwd?: string): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...(cwd ? { cwd } : {}) });
  return r.status === 0 ? r.stdout.trim() : '';
}

export function describeMachine(root: string): Machine {
  const list = cpus();
  // os.cpus() may report a generic model name in VMs; /proc/cpuinfo says the same, but keep the longer one.
  let model = list[0]?.model.trim() ?? 'unknown';
  try {
    const fromProc = readFileSync('/proc/cpuinfo', 'utf8')
      .match(/^model name\s*:\s*(.+)$/m)?.[1]
      ?.trim();
    if (fromProc && fromProc.length > model.length) model = fromProc;
  } catch {
    // Not Linux.
  }
  const chromiumPath = findChromium();
  let lighthouse = 'not installed';
  try {
    lighthouse = (
      JSON.parse(readFileSync(new URL(import.meta.resolve('lighthouse/package.json')), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    // Reported as not installed.
  }
  const commit = run('git', ['rev-parse', '--short', 'HEAD'], root);
  const dirty = run('git', ['status', '--porcelain'], root) !== '';
  return {
    cpuModel: model,
    cores: list.length,
    memoryGiB: totalmem() / 1024 ** 3,
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: chromiumPath
      ? `${run(chromiumPath, ['--version']) || 'unknown version'} (${chromiumPath})`
      : 'not found',
    lighthouse,
    loadStart: loadavg()[0] ?? 0,
    loadEnd: loadavg()[0] ?? 0,
    loadSamples: [],
    commit: commit ? `${commit}${dirty ? ' + uncommitted changes' : ''}` : 'unknown',
    date: new Date().toISOString(),
  };
}
