/**
 * The runtime oracle's inside half: started by tests/support/netns.ts in a private network namespace,
 * it reads a plan (JSON on stdin), starts the fake model provider and fake MCP servers on fixed
 * loopback ports (the namespace is empty, so they are free), runs every case's process, and prints
 * what the processes printed and what the fake servers received (JSON on stdout).
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { startFakeMcp, type FakeMcp, type RecordedRequest } from '../../support/fake-mcp.ts';
import { startFakeModel } from '../../support/fake-model.ts';
import type { Plan, PlanCase, CaseResult, RunnerResult } from './plan.ts';
import { readStdin } from './stdin.ts';

/** Runs one case in its own process group; stops it once its output matches `stopWhen`, or at the time limit. */
function runCase(c: PlanCase): Promise<CaseResult> {
  return new Promise((done) => {
    const started = Date.now();
    const [file, ...args] = c.argv;
    const child = spawn(file ?? 'false', args, {
      env: c.env,
      cwd: c.cwd,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let stopped = false;
    let stopTimer: NodeJS.Timeout | undefined;
    const kill = (): void => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const check = (): void => {
      if (c.stopWhen && !stopTimer && new RegExp(c.stopWhen).test(stdout + stderr)) {
        stopped = true;
        // A moment more, so whatever Codex prints right after (e.g. the next prompt) is recorded too.
        stopTimer = setTimeout(kill, c.stopDelayMs ?? 1500);
      }
    };
    child.stdout.setEncoding('utf8').on('data', (x: string) => ((stdout += x), check()));
    child.stderr.setEncoding('utf8').on('data', (x: string) => ((stderr += x), check()));
    const limit = setTimeout(() => ((stopped = true), kill()), c.timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      if (stopTimer) clearTimeout(stopTimer);
      done({ id: c.id, code, signal, stdout, stderr, ms: Date.now() - started, stopped });
    });
    child.stdin.on('error', () => undefined);
    if (c.stdin !== undefined) child.stdin.write(c.stdin);
    if (!c.keepStdinOpen) child.stdin.end();
  });
}

/** The cases running now, with their start times. */
const running = new Map<PlanCase, number>();

/** True when no running case is still waiting for its files (`awaitFiles`). */
function filesReady(): boolean {
  for (const [c, started] of running) {
    const w = c.awaitFiles;
    if (!w || Date.now() - started > w.maxMs) continue;
    const re = new RegExp(w.pattern);
    if (readdirSync(w.dir).filter((f) => re.test(f)).length < w.count) return false;
  }
  return true;
}

async function main(): Promise<void> {
  const plan = JSON.parse(await readStdin()) as Plan;
  const model = await startFakeModel(plan.modelPort, filesReady);
  const servers: FakeMcp[] = [];
  for (const s of plan.servers) servers.push(await startFakeMcp(s));
  const results: CaseResult[] = new Array<CaseResult>(plan.cases.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < plan.cases.length) {
      const i = next++;
      const c = plan.cases[i]!;
      running.set(c, Date.now());
      results[i] = await runCase(c);
      running.delete(c);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, plan.concurrency) }, worker));
  const requests: Record<string, RecordedRequest[]> = {};
  plan.servers.forEach((s, i) => (requests[String(s.port)] = servers[i]!.requests));
  const out: RunnerResult = { cases: results, requests, modelRequests: model.requests };
  await Promise.all([model.close(), ...servers.map((s) => s.close())]);
  process.stdout.write(JSON.stringify(out));
}

await main();
