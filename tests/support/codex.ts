/**
 * Running the pinned real Codex CLI (node_modules/.bin/codex, 0.169.0) against throwaway
 * CODEX_HOME directories. Every call goes through one small pool, because each `codex` process
 * costs 40-60 ms of CPU and the test machines have two cores.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { parse } from 'smol-toml';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN_DIR = join(ROOT, 'node_modules', '.bin');
export const CODEX = join(BIN_DIR, 'codex');

/** At most this many codex/bash processes at once (override with CONFORMANCE_CONCURRENCY). */
export const CONCURRENCY = Math.max(1, Number(process.env['CONFORMANCE_CONCURRENCY'] ?? 3) || 3);

// Under node_modules/.cache rather than /tmp: Codex warns about helper binaries under temp dirs.
const CACHE = join(ROOT, 'node_modules', '.cache', 'conformance');
mkdirSync(CACHE, { recursive: true });
const RUN_DIR = mkdtempSync(join(CACHE, `run-${process.pid}-`));

/** Deletes this run's throwaway homes (kept when CONFORMANCE_KEEP=1, for debugging). */
export function cleanupHomes(): void {
  if (process.env['CONFORMANCE_KEEP'] !== '1') rmSync(RUN_DIR, { recursive: true, force: true });
}

let homeCounter = 0;
/** A fresh, empty directory to use as CODEX_HOME (or as a project directory). */
export function freshDir(label: string): string {
  homeCounter += 1;
  const dir = join(RUN_DIR, `${String(homeCounter).padStart(5, '0')}-${label.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A counting semaphore: `limit(fn)` runs fn when one of the slots is free. */
export function limiter(slots: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active >= slots) await new Promise<void>((r) => queue.push(r));
    active += 1;
    try {
      return await fn();
    } finally {
      active -= 1;
      queue.shift()?.();
    }
  };
}

const limit = limiter(CONCURRENCY);

/** Maps items through fn with at most `slots` in flight, keeping order. */
export async function pool<T, R>(items: readonly T[], slots: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(slots, items.length) }, worker));
  return results;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment every process gets: the pinned codex first on PATH, a private CODEX_HOME. */
function envFor(codexHome: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CODEX_HOME: codexHome, PATH: `${BIN_DIR}${delimiter}${process.env['PATH'] ?? ''}` };
  // Nothing in these tests may reach a real account or a real server.
  delete env['OPENAI_API_KEY'];
  delete env['CODEX_API_KEY'];
  env['NO_COLOR'] = '1';
  env['RUST_BACKTRACE'] = '0';
  return env;
}

function run(file: string, args: readonly string[], codexHome: string, cwd: string): Promise<RunResult> {
  return limit(
    () =>
      new Promise<RunResult>((done) => {
        execFile(file, args, { env: envFor(codexHome), cwd, timeout: 30_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          done({ code, stdout, stderr });
        });
      }),
  );
}

/** Runs `codex ARGS` directly (no shell), with the given CODEX_HOME. */
export function codex(args: readonly string[], codexHome: string, cwd: string = codexHome): Promise<RunResult> {
  return run(CODEX, args, codexHome, cwd);
}

/** Runs a command line through `bash -c`, exactly as a person would paste it. */
export function bash(commandLine: string, codexHome: string, cwd: string = codexHome): Promise<RunResult> {
  return run('bash', ['-c', commandLine], codexHome, cwd);
}

/** Runs a command line through a plain POSIX `sh -c` (dash on Debian/Ubuntu), for shells other than bash. */
export function posixSh(commandLine: string, codexHome: string, cwd: string = codexHome): Promise<RunResult> {
  return run('sh', ['-c', commandLine], codexHome, cwd);
}

/** Throws with the whole transcript when a process failed. */
export function mustSucceed(what: string, r: RunResult): RunResult {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  return r;
}

/** `codex mcp get NAME --json`, parsed. */
export async function getJson(name: string, codexHome: string, cwd?: string): Promise<unknown> {
  const r = mustSucceed(`codex mcp get ${JSON.stringify(name)} --json`, await codex(['mcp', 'get', name, '--json'], codexHome, cwd));
  return JSON.parse(r.stdout) as unknown;
}

/** The parsed `$CODEX_HOME/config.toml` (or any other config file). */
export function readToml(path: string): Record<string, unknown> {
  return parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** `[mcp_servers.NAME]` of a config file, parsed; undefined when absent. */
export function serverTable(configFile: string, name: string): Record<string, unknown> | undefined {
  const servers = readToml(configFile)['mcp_servers'] as Record<string, Record<string, unknown>> | undefined;
  return servers?.[name];
}

/** Writes a config.toml into a CODEX_HOME (or project .codex dir), creating it. */
export function writeConfig(dir: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'config.toml');
  writeFileSync(file, text, 'utf8');
  return file;
}
