/**
 * Runs a Node script inside a private network namespace (`unshare -n`, loopback up), so the fake
 * servers and every `codex` it starts can reach 127.0.0.1 and nothing else. The script reads a JSON
 * plan on stdin and prints a JSON result on stdout.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN_DIR } from './codex.ts';

/** The pinned Node (24) that runs the runner and the fake stdio server. */
export const NODE = join(BIN_DIR, 'node');

/** Null when `unshare -n` works here; otherwise one line saying why the runtime suite is skipped. */
export function netnsUnavailable(): string | null {
  const r = spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (r.error) return `runtime suite skipped: unshare could not run (${r.error.message})`;
  if (r.status !== 0)
    return `runtime suite skipped: "unshare -n" is not permitted here (${r.stderr.trim().split('\n')[0] ?? ''})`;
  return null;
}

/** Runs `node SCRIPT` in a fresh network namespace with `plan` as JSON on stdin; resolves to its parsed stdout. */
export function runInNetns<T>(script: string, plan: unknown, timeoutMs: number): Promise<T> {
  return new Promise<T>((done, fail) => {
    const child = spawn(
      'unshare',
      ['-n', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', NODE, script],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0)
        return fail(new Error(`runtime runner exited ${code}\n${stderr.slice(-4000)}`));
      try {
        done(JSON.parse(stdout) as T);
      } catch {
        fail(
          new Error(
            `runtime runner printed no JSON\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`,
          ),
        );
      }
    });
    child.stdin.end(JSON.stringify(plan));
  });
}
