/**
 * The shapes passed between a runtime test (outside the network namespace) and the runner inside it.
 */
import type { FakeMcpOptions, RecordedRequest } from '../../support/fake-mcp.ts';

/** One process to run: argv, full environment, working directory, limits. */
export interface PlanCase {
  id: string;
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  timeoutMs: number;
  /** Text written to stdin; stdin is then closed unless keepStdinOpen. */
  stdin?: string;
  keepStdinOpen?: boolean;
  /** A regular expression: once stdout+stderr match it, the process group is killed (after stopDelayMs). */
  stopWhen?: string | undefined;
  stopDelayMs?: number;
  /**
   * While this case runs, the fake model holds its answer (at most `maxMs` from the case's start)
   * until `count` files named like `pattern` (a regular expression) exist in `dir`: the records the
   * fake stdio servers write when they start. A real model takes seconds to answer, and since
   * 0.147.0 a session does not wait for servers that are not `required`, so an instant answer can
   * end the session before a slow server has started on a loaded machine.
   */
  awaitFiles?: { dir: string; pattern: string; count: number; maxMs: number };
}

/** Everything the runner starts and runs. */
export interface Plan {
  modelPort: number;
  servers: FakeMcpOptions[];
  cases: PlanCase[];
  concurrency: number;
}

/** What one process did. */
export interface CaseResult {
  id: string;
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** True when the runner killed it (stopWhen or the time limit). */
  stopped: boolean;
}

/** The runner's answer: per-case output, and every request each fake server saw (keyed by port). */
export interface RunnerResult {
  cases: CaseResult[];
  requests: Record<string, RecordedRequest[]>;
  modelRequests: number;
}

/** One case's output by id, with stdout and stderr joined as `all` (what a reader sees in a terminal). */
export function caseOutput(result: RunnerResult, id: string): CaseResult & { all: string } {
  const r = result.cases.find((c) => c.id === id);
  if (!r) throw new Error(`no case ${id} in the runner's result`);
  return { ...r, all: `${r.stdout}\n${r.stderr}` };
}
