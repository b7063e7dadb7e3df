/**
 * Shared pieces of the runtime tests: the base environment every case gets, the shells that are
 * installed, how a case's home is prepared, and how its requests are picked out of the record.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { afterAll, beforeAll, expect } from 'vitest';
import type { FakeMcpOptions, RecordedRequest } from '../../support/fake-mcp.ts';
import { STDIO_CA_VARS, STDIO_PARENT_VARS } from '../../../src/lib/codex/index.ts';
import { netnsUnavailable, runInNetns } from '../../support/netns.ts';
import {
  caseOutput,
  type CaseResult,
  type Plan,
  type PlanCase,
  type RunnerResult,
} from './plan.ts';
import { recordRuntime } from './record.ts';
import { fakeProviderToml } from '../../support/fake-model.ts';
import { pwshToolPath } from '../../support/cache.ts';
import { BIN_DIR, CODEX_BIN_DIR, cleanupHomes, freshDir, ROOT } from '../../support/codex.ts';

/** Fixed loopback ports: the namespace is private, so they are always free. */
export const MODEL_PORT = 7100;
export const MCP_PORT = 7101;
export const OAUTH_PORT = 7102;

/** Headers any HTTP client sends, which no page promises or forbids. */
export const TRANSPORT_HEADERS = new Set([
  'host',
  'user-agent',
  'accept',
  'accept-encoding',
  'content-type',
  'content-length',
  'connection',
  'mcp-protocol-version',
  'mcp-session-id',
  'last-event-id',
]);

/** Parent variables every case's shell starts with: the usual login set, plus two that must not leak. */
export function baseEnv(home: string): Record<string, string> {
  // The codex under test (CODEX_RELEASE's, from the cache) first, so every `codex` a case runs is that release.
  const bins = CODEX_BIN_DIR === BIN_DIR ? BIN_DIR : `${CODEX_BIN_DIR}:${BIN_DIR}`;
  return {
    PATH: `${bins}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    HOME: home,
    CODEX_HOME: home,
    FAKE_KEY: 'fake-model-key',
    // The real user: fish resets USER from the password database, whatever the parent says.
    USER: userInfo().username,
    LOGNAME: userInfo().username,
    SHELL: '/bin/bash',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TERM: 'dumb',
    TZ: 'UTC',
    TMPDIR: join(home, 'tmp'),
    NO_COLOR: '1',
    RUST_BACKTRACE: '0',
    // Not on any allowlist and not named by the config: a stdio server must not see it.
    RUNTIME_CANARY: 'must-not-leak',
    // Named by the custom stdio preset's env_vars: a stdio server must see it.
    PASSED_THROUGH: 'from-parent',
  };
}

/** A fresh CODEX_HOME (also the case's working directory): `topLevel` keys, the fake provider, then `extraToml`. */
export function prepareHome(label: string, extraToml = '', topLevel = ''): string {
  const home = freshDir(label);
  mkdirSync(join(home, 'tmp'), { recursive: true });
  writeFileSync(
    join(home, 'config.toml'),
    topLevel + fakeProviderToml(MODEL_PORT) + extraToml,
    'utf8',
  );
  return home;
}

/** The shells installed here that the env lines are written for: bash always, fish and pwsh when present. */
export function availableShells(): { bash: string; fish: string | null; pwsh: string | null } {
  const fish =
    spawnSync('sh', ['-c', 'command -v fish'], { encoding: 'utf8' }).stdout.trim() || null;
  const pwshPath = join(pwshToolPath(), 'pwsh');
  return { bash: 'bash', fish, pwsh: existsSync(pwshPath) ? pwshPath : null };
}

/** argv that runs a script in a shell the way a person pasting it would. */
export function shellArgv(shell: 'bash' | 'fish' | 'pwsh', bin: string, script: string): string[] {
  if (shell === 'pwsh') return [bin, '-NoProfile', '-NonInteractive', '-Command', script];
  return [bin, '-c', script];
}

/** The fake stdio server: writes its environment and working directory to the file it is given. */
export const STDIO_SCRIPT = resolve(ROOT, 'tests/support/fake-stdio.ts');

/** The line that starts a session: MCP servers start, the fake model ends the turn. */
export const EXEC = 'codex exec --skip-git-repo-check hi';

/** The requests a fake server saw under one case's path prefix. */
export function requestsFor(all: readonly RecordedRequest[], prefix: string): RecordedRequest[] {
  return all.filter((r) => r.path.startsWith(prefix));
}

/** The headers of a request that are not plain transport headers. */
export function promisedPart(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !TRANSPORT_HEADERS.has(k)));
}

/** Points only `url` of a generated text at the fake server; the URL must appear exactly once. */
export function retarget(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`expected the URL ${from} exactly once in:\n${text}`);
  return parts.join(to);
}

// What a stdio server gets from the parent: the table's lists (src/lib/codex/environment.ts).
export { STDIO_CA_VARS } from '../../../src/lib/codex/index.ts';

/** The allowlisted part of a parent environment: what every stdio server sees from it. */
export function allowlisted(env: Record<string, string>): Record<string, string> {
  const names: string[] = [...STDIO_PARENT_VARS, ...STDIO_CA_VARS];
  return Object.fromEntries(names.filter((k) => k in env).map((k) => [k, env[k]!]));
}

/**
 * A local server's environment `seen`: exactly the allowlisted part of the parent `parent` plus the
 * variables the page promises (`promised`). Codex puts its own helper folders in front of PATH; the
 * person's PATH must follow unchanged.
 */
export function expectStdioEnv(
  seen: Record<string, string>,
  parent: Record<string, string>,
  promised: Record<string, string>,
): void {
  expect(seen['PATH']?.endsWith(`:${parent['PATH']}`), seen['PATH']).toBe(true);
  expect(seen).toEqual({ ...allowlisted(parent), ...promised, PATH: seen['PATH'] });
}

/** A remote server was started and listed its tools: `initialize` and `tools/list` reached it. */
export function expectListed(reqs: readonly RecordedRequest[], message: string): void {
  expect(
    reqs.map((q) => q.rpc),
    message,
  ).toEqual(expect.arrayContaining(['initialize', 'tools/list']));
}

const RUNNER = join(import.meta.dirname, 'runner.ts');

/**
 * Runs a file's sessions before its tests, in one private network namespace: the fake model on
 * MODEL_PORT and the file's fake servers beside it, at most `minutes` long. Returns a getter for
 * the runner's result, for the tests and `afterAll`. Runs nothing when `skip` names why it cannot.
 */
export function runSessions(
  skip: string | null,
  plan: () => Omit<Plan, 'modelPort'>,
  minutes: number,
): () => RunnerResult {
  let result: RunnerResult | undefined;
  beforeAll(
    async () => {
      if (skip) return;
      const full: Plan = { modelPort: MODEL_PORT, ...plan() };
      result = await runInNetns<RunnerResult>(RUNNER, full, minutes * 60_000);
    },
    (minutes + 1) * 60_000,
  );
  return () => {
    if (!result) throw new Error('the runtime sessions did not run (see the beforeAll error)');
    return result;
  };
}

/** Why the runtime tests cannot run on this machine (also logged), or null when they can. */
export function runtimeSkip(): string | null {
  const skip = netnsUnavailable();
  if (skip) console.log(skip);
  return skip;
}

/** A file's sessions, once run: the whole result, one case's output, the requests a fake saw. */
export interface CaseRun {
  result: () => RunnerResult;
  /** One case's output by id, stdout and stderr joined as `all`. */
  out: (id: string) => CaseResult & { all: string };
  /** The requests the fake server on `port` saw under `prefix` (every one for `''`). */
  requests: (prefix: string, port?: number) => RecordedRequest[];
}

/**
 * Runs a file's cases (runSessions) with `servers` beside the fake model, then, after its tests,
 * writes the file's counts (`record`) as runtime section `section` and removes the cases' homes.
 */
export function runCases(o: {
  skip: string | null;
  section: string;
  servers: FakeMcpOptions[];
  cases: () => PlanCase[];
  concurrency: number;
  minutes: number;
  record: (run: CaseRun) => Record<string, unknown>;
}): CaseRun {
  const result = runSessions(
    o.skip,
    () => ({ servers: o.servers, cases: o.cases(), concurrency: o.concurrency }),
    o.minutes,
  );
  const run: CaseRun = {
    result,
    out: (id) => caseOutput(result(), id),
    requests: (prefix, port = MCP_PORT) =>
      requestsFor(result().requests[String(port)] ?? [], prefix),
  };
  afterAll(() => {
    if (o.skip) return;
    recordRuntime(o.section, o.record(run));
    cleanupHomes();
  });
  return run;
}

/** A command as a reader types it: arguments with spaces or `!` in single quotes. */
export function commandLine(argv: readonly string[]): string {
  return argv.map((a) => (/[\s!]/.test(a) ? `'${a}'` : a)).join(' ');
}

/** One command run in `home` (also its working directory) with the base environment plus `env`. */
export function commandCase(
  id: string,
  home: string,
  argv: string[],
  env: Record<string, string> = {},
): PlanCase {
  return { id, argv, env: { ...baseEnv(home), ...env }, cwd: home, timeoutMs: 60_000 };
}
