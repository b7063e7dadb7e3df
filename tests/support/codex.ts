/**
 * Running the real Codex CLI against throwaway CODEX_HOME directories: the pinned release
 * (node_modules/.bin/codex), or the release named by CODEX_RELEASE, installed on demand into the
 * cache (`codexReleaseDir`). Every call goes through one small pool, and starts the release's native
 * binary the way its npm launcher does (`launcherShim`): the launcher is a Node script, and starting
 * Node cost 90-150 ms of CPU per call against the binary's ~10 ms, most of the suites' CPU time.
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { parse } from 'smol-toml';
import {
  CODEX_NEWEST,
  configRefusalPattern,
  factsFor,
  isRelease,
  runtimeFactsFor,
  type CodexFacts,
  type Release,
} from '../../src/lib/codex/index.ts';
import { codexReleaseDir } from './cache.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN_DIR = join(ROOT, 'node_modules', '.bin');

/** The release under test: `CODEX_RELEASE` (env), else the pinned devDependency. */
export const CODEX_RELEASE: Release = releaseFromEnv(process.env['CODEX_RELEASE']);

function releaseFromEnv(value: string | undefined): Release {
  if (value === undefined || value.trim() === '') return CODEX_NEWEST;
  if (!isRelease(value.trim()))
    throw new Error(
      `CODEX_RELEASE=${JSON.stringify(value)} is not an exact release such as 0.160.0`,
    );
  return value.trim() as Release;
}

/**
 * The `codex` binary of a release: the pinned one in node_modules, any other from the cache,
 * installed there first when missing (into a temporary folder renamed into place, so parallel
 * test files never see half an install).
 */
export function codexBinary(release: Release): string {
  if (release === CODEX_NEWEST) return join(BIN_DIR, 'codex');
  const dir = codexReleaseDir(release);
  const bin = join(dir, 'node_modules', '.bin', 'codex');
  if (existsSync(bin)) return bin;
  const staging = `${dir}.installing-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  execFileSync(
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
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  try {
    renameSync(staging, dir);
  } catch {
    // Another process finished first: keep its install.
    rmSync(staging, { recursive: true, force: true });
  }
  return bin;
}

/** The native binary an npm install of Codex runs on this machine (Linux x64, the musl build). */
const NATIVE_TARGET = 'x86_64-unknown-linux-musl';

/**
 * A `codex` that does what the npm launcher (`@openai/codex/bin/codex.js`, every release of the
 * window) does on Linux x64 when npm installed it: it adds `CODEX_MANAGED_BY_NPM=1` and
 * `CODEX_MANAGED_PACKAGE_ROOT=<the package's real path>` to the environment and runs the native
 * binary with the same arguments. (Newer launchers also drop a `CODEX_MANAGED_BY_*` of another
 * package manager from the parent's environment; the suites' environments have none, see
 * `MANAGED_BY`.) A /bin/sh script does that in ~1 ms instead of Node's 90-150 ms.
 * tests/conformance/launcher.test.ts proves, for the release under test, that the shim hands the
 * binary the same argv and environment as the real launcher, and that both give the same results.
 * `launcher` is the release's `node_modules/.bin/codex`; the shim goes into `shimDir`.
 */
export function launcherShim(launcher: string, shimDir: string): string {
  const packageRoot = realpathSync(join(dirname(realpathSync(launcher)), '..'));
  const native = join(
    dirname(packageRoot),
    'codex-linux-x64',
    'vendor',
    NATIVE_TARGET,
    'bin',
    'codex',
  );
  const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  const script = [
    '#!/bin/sh',
    '# Written by tests/support/codex.ts: what the npm launcher of this release does, without Node.',
    `export CODEX_MANAGED_BY_NPM=1 CODEX_MANAGED_PACKAGE_ROOT=${quote(packageRoot)}`,
    `exec ${quote(native)} "$@"`,
    '',
  ].join('\n');
  const shim = join(shimDir, 'codex');
  if (existsSync(shim) && readFileSync(shim, 'utf8') === script) return shim;
  mkdirSync(shimDir, { recursive: true });
  // Written beside and renamed into place: parallel test files never run half a script.
  const staging = `${shim}.${process.pid}`;
  writeFileSync(staging, script);
  chmodSync(staging, 0o755);
  renameSync(staging, shim);
  return shim;
}

/** Variables the launchers set or drop by package manager: no test environment inherits them. */
export const MANAGED_BY = [
  'CODEX_MANAGED_BY_NPM',
  'CODEX_MANAGED_BY_BUN',
  'CODEX_MANAGED_BY_PNPM',
  'CODEX_MANAGED_BY_VITE_PLUS',
  'CODEX_MANAGED_PACKAGE_ROOT',
];
for (const name of MANAGED_BY) delete process.env[name];

/** The release's own npm launcher (what `npm install @openai/codex` puts on PATH). */
export const CODEX_LAUNCHER = codexBinary(CODEX_RELEASE);
/** The codex under test: the launcher's shim (see `launcherShim`). */
export const CODEX = launcherShim(
  CODEX_LAUNCHER,
  join(ROOT, 'node_modules', '.cache', 'conformance', `codex-${CODEX_RELEASE}`),
);
/** The folder holding the codex under test; first on PATH for commands run through a shell. */
export const CODEX_BIN_DIR = dirname(CODEX);
/** What this release does (name rule, messages, flags, keys), from src/lib/codex. */
export const RELEASE_FACTS: CodexFacts = factsFor(CODEX_RELEASE);
/** What this release does in a real session (the runtime suite's side of the table). */
export const RUNTIME_FACTS = runtimeFactsFor(CODEX_RELEASE);
/** The first line `codex mcp get` of this release prints when it refuses a config.toml (its own wording). */
export const CONFIG_REFUSED: RegExp = configRefusalPattern('get', CODEX_RELEASE);

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
  const dir = join(
    RUN_DIR,
    `${String(homeCounter).padStart(5, '0')}-${label.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40)}`,
  );
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
export async function pool<T, R>(
  items: readonly T[],
  slots: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
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

/** The environment every process gets: the codex under test first on PATH, a private CODEX_HOME. */
function envFor(codexHome: string): NodeJS.ProcessEnv {
  const path = [CODEX_BIN_DIR, BIN_DIR, process.env['PATH'] ?? ''].join(delimiter);
  const env: NodeJS.ProcessEnv = { ...process.env, CODEX_HOME: codexHome, PATH: path };
  // Nothing in these tests may reach a real account or a real server.
  delete env['OPENAI_API_KEY'];
  delete env['CODEX_API_KEY'];
  env['NO_COLOR'] = '1';
  env['RUST_BACKTRACE'] = '0';
  return env;
}

function run(
  file: string,
  args: readonly string[],
  codexHome: string,
  cwd: string,
): Promise<RunResult> {
  return limit(
    () =>
      new Promise<RunResult>((done) => {
        execFile(
          file,
          args,
          { env: envFor(codexHome), cwd, timeout: 30_000, maxBuffer: 16 << 20 },
          (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
            done({ code, stdout, stderr });
          },
        );
      }),
  );
}

/** Runs `codex ARGS` directly (no shell), with the given CODEX_HOME. */
export function codex(
  args: readonly string[],
  codexHome: string,
  cwd: string = codexHome,
): Promise<RunResult> {
  return run(CODEX, args, codexHome, cwd);
}

/** Runs a command line through `bash -c`, exactly as a person would paste it. */
export function bash(
  commandLine: string,
  codexHome: string,
  cwd: string = codexHome,
): Promise<RunResult> {
  return run('bash', ['-c', commandLine], codexHome, cwd);
}

/** Runs a command line through a plain POSIX `sh -c` (dash on Debian/Ubuntu), for shells other than bash. */
export function posixSh(
  commandLine: string,
  codexHome: string,
  cwd: string = codexHome,
): Promise<RunResult> {
  return run('sh', ['-c', commandLine], codexHome, cwd);
}

/** Throws with the whole transcript when a process failed. */
export function mustSucceed(what: string, r: RunResult): RunResult {
  if (r.code !== 0)
    throw new Error(`${what} exited ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  return r;
}

/** `codex mcp get NAME --json`, parsed. */
export async function getJson(name: string, codexHome: string, cwd?: string): Promise<unknown> {
  const r = mustSucceed(
    `codex mcp get ${JSON.stringify(name)} --json`,
    await codex(['mcp', 'get', name, '--json'], codexHome, cwd),
  );
  return JSON.parse(r.stdout) as unknown;
}

/** The parsed `$CODEX_HOME/config.toml` (or any other config file). */
export function readToml(path: string): Record<string, unknown> {
  return parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** `[mcp_servers.NAME]` of a config file, parsed; undefined when absent. */
export function serverTable(configFile: string, name: string): Record<string, unknown> | undefined {
  const servers = readToml(configFile)['mcp_servers'] as
    Record<string, Record<string, unknown>> | undefined;
  return servers?.[name];
}

/** Writes a config.toml into a CODEX_HOME (or project .codex dir), creating it. */
export function writeConfig(dir: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'config.toml');
  writeFileSync(file, text, 'utf8');
  return file;
}
