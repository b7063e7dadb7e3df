/**
 * Inside half of lookalike.test.ts, started in a private network namespace: for each case it listens
 * on two loopback addresses (plain TCP, so a TLS ClientHello counts as a connection), gives Codex one
 * server whose URL names both, runs `codex mcp list` (which connects to a URL server to fill its Auth
 * column) and reports which listener Codex really reached.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { readStdin } from './stdin.ts';

export interface HostCase {
  id: string;
  url: string;
  /** `host:port` pairs to listen on. */
  listen: string[];
}
export interface HostPlan {
  codex: string;
  home: string;
  env: Record<string, string>;
  cases: HostCase[];
}
export interface HostResult {
  id: string;
  /** Listeners Codex opened a connection to, each once. */
  reached: string[];
  output: string;
}

function listen(hostPort: string, reached: Set<string>): Promise<Server> {
  const i = hostPort.lastIndexOf(':');
  const server = createServer((socket) => {
    reached.add(hostPort);
    socket.on('error', () => undefined);
    socket.destroy();
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(Number(hostPort.slice(i + 1)), hostPort.slice(0, i), () => done(server));
  });
}

function list(plan: HostPlan, home: string): Promise<string> {
  return new Promise((done) => {
    const child = spawn(plan.codex, ['mcp', 'list'], {
      env: { ...plan.env, HOME: home, CODEX_HOME: home },
      cwd: home,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (x: string) => (output += x));
    child.stderr.setEncoding('utf8').on('data', (x: string) => (output += x));
    const limit = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', () => (clearTimeout(limit), done(output)));
  });
}

async function run(plan: HostPlan, c: HostCase): Promise<HostResult> {
  const reached = new Set<string>();
  const servers = await Promise.all(c.listen.map((hp) => listen(hp, reached)));
  const home = join(plan.home, c.id);
  mkdirSync(join(home, 'tmp'), { recursive: true });
  writeFileSync(join(home, 'config.toml'), `[mcp_servers.x]\nurl = ${JSON.stringify(c.url)}\n`);
  const output = await list(plan, home);
  await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  return { id: c.id, reached: [...reached].sort(), output };
}

const plan = JSON.parse(await readStdin()) as HostPlan;
const results: HostResult[] = [];
// Four at a time: each case has its own ports, so what a listener saw belongs to one case.
for (let i = 0; i < plan.cases.length; i += 4)
  results.push(...(await Promise.all(plan.cases.slice(i, i + 4).map((c) => run(plan, c)))));
process.stdout.write(JSON.stringify(results));
