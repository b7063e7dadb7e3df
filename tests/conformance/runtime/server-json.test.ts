/**
 * The runtime oracle for server.json conversions: every usable choice of every corpus file (and one
 * synthetic file with the header shapes the corpus lacks), as the import box and the prefilled
 * generator give it (required values, every value, optional variables left unset) and as the
 * authors' README section gives it, run by a real `codex exec` session. The reader's variable lines
 * run in bash with the placeholders replaced. Remotes point only `url` at the loopback fake and must
 * receive exactly the headers the server.json declares, with the reader's values; packages keep their
 * whole generated table (command, args, env_vars), with fake runners (`npx`, `uvx`, `docker`, `dnx`)
 * first on PATH, and the server must see exactly the allowlist plus the variables the page exports.
 * Several cases share one session (each server name and variable once), so the file stays quick.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStdio } from '../../../src/lib/generator/model.ts';
import { listChoices, parseServerJson } from '../../../src/lib/server-json/index.ts';
import { NODE } from '../../support/netns.ts';
import {
  baseEnv,
  EXEC,
  expectListed,
  expectStdioEnv,
  MCP_PORT,
  prepareHome,
  promisedPart,
  retarget,
  runCases,
  runtimeSkip,
  shellArgv,
  STDIO_SCRIPT,
} from './harness.ts';
import type { PlanCase } from './plan.ts';
import {
  buildCases,
  corpusFiles,
  customProvider,
  promisedHeaders,
  promisedServerEnv,
  readShimRecords,
  SHIM_RECORD,
  writeRunnerShims,
  type SjCase,
} from './server-json-cases.ts';

const skip = runtimeSkip();

/** At most this many servers in one session: enough to batch, few enough to read a failure. */
const PER_SESSION = 8;

interface Placed {
  c: SjCase;
  /** Remote: the path prefix its requests arrive under. */
  prefix: string;
  session: number;
}

interface Session {
  plan: PlanCase;
  home: string;
  env: Record<string, string>;
  placed: Placed[];
}

/** Packs cases into sessions: within one, every server name and every exported variable is used once. */
function pack(cases: readonly SjCase[]): SjCase[][] {
  const groups: { cases: SjCase[]; names: Set<string>; vars: Set<string> }[] = [];
  for (const c of cases) {
    const vars = [...Object.keys(c.exported), ...c.skipped];
    let g = groups.find(
      (x) =>
        x.cases.length < PER_SESSION && !x.names.has(c.name) && !vars.some((v) => x.vars.has(v)),
    );
    if (!g) groups.push((g = { cases: [], names: new Set(), vars: new Set() }));
    g.cases.push(c);
    g.names.add(c.name);
    for (const v of vars) g.vars.add(v);
  }
  return groups.map((g) => g.cases);
}

function makeSessions(all: readonly SjCase[]): Session[] {
  let n = 0;
  return pack(all).map((group, s) => {
    const placed: Placed[] = group.map((c) => ({ c, prefix: `/sj${n++}/`, session: s }));
    const toml: string[] = [];
    const lines: string[] = [];
    for (const { c, prefix } of placed) {
      lines.push(c.exportScript);
      const entry = c.outputs.entry;
      const url = `http://127.0.0.1:${MCP_PORT}${prefix}mcp`;
      const remote = isStdio(entry) ? null : entry.url;
      if (c.route === 'command') lines.push(retarget(c.outputs.cli.posix!, remote!, url));
      else toml.push(remote ? retarget(c.outputs.toml, remote, url) : c.outputs.toml);
    }
    const stdio = placed.filter((p) => isStdio(p.c.outputs.entry)).length;
    return session(`session ${s}`, toml.join('\n'), lines, placed, stdio);
  });
}

/**
 * One `codex exec` session: a home with the TOML blocks and the fake runners, then the reader's
 * lines in bash. The fake model answers once the session's `stdio` servers have started.
 */
function session(
  id: string,
  toml: string,
  lines: readonly string[],
  placed: Placed[],
  stdio: number,
): Session {
  const home = prepareHome(id.replace(/ /g, '-'), '\n' + toml);
  const shims = join(home, 'runners');
  writeRunnerShims(shims, NODE, STDIO_SCRIPT);
  const base = baseEnv(home);
  // The fake runners come first, so `npx` & co. are the fake server, whatever is installed here.
  const env = { ...base, PATH: `${shims}:${base['PATH']}` };
  const script = [...lines, EXEC].join('\n');
  return {
    plan: {
      id,
      argv: shellArgv('bash', 'bash', script),
      env,
      cwd: home,
      timeoutMs: 120_000,
      awaitFiles: { dir: home, pattern: SHIM_RECORD.source, count: stdio, maxMs: 30_000 },
    },
    home,
    env,
    placed,
  };
}

/**
 * The page says Codex cannot read an argument from a variable (so a secret argument sits in
 * config.toml): a stdio server's args reach it as written, with no shell or template expansion.
 */
const PROBE_ARGS = [
  '$SJ_PROBE',
  '${SJ_PROBE}',
  '{SJ_PROBE}',
  '%SJ_PROBE%',
  '~',
  '$(echo expanded)',
];
const probeSession = (): Session =>
  session(
    'argument probe',
    `[mcp_servers.arg-probe]\ncommand = "npx"\nargs = ${JSON.stringify(PROBE_ARGS)}\n`,
    ['export SJ_PROBE=expanded'],
    [],
    1,
  );

const provider = customProvider();
const cases = skip ? [] : buildCases(provider);
const sessions = skip ? [] : [...makeSessions(cases), probeSession()];
const placed = sessions.flatMap((s) => s.placed);
const counts = {
  remoteBlocks: 0,
  requestsChecked: 0,
  headersChecked: 0,
  stdioEnvs: 0,
  unlistedWithheld: 0,
  optionalLeftUnset: 0,
};
const { result, requests } = runCases({
  skip,
  section: 'server-json',
  servers: [{ port: MCP_PORT }],
  cases: () => sessions.map((s) => s.plan),
  concurrency: 2,
  minutes: 10,
  record: () => ({ cases: cases.length, sessions: sessions.length - 1, ...counts }),
});

function transcript(s: Session): string {
  const r = result().cases[sessions.indexOf(s)]!;
  return `--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

function checkRemote(p: Placed, s: Session): void {
  const reqs = requests(p.prefix);
  expectListed(reqs, transcript(s));
  const want = promisedHeaders(p.c);
  // What the page promises is what the server.json declares: every header it names, no other, with its fixed value.
  expect(Object.keys(want).sort(), 'promised vs declared header names').toEqual(
    Object.keys(p.c.declared).sort(),
  );
  for (const [h, v] of Object.entries(p.c.declared))
    if (v !== null) expect(want[h], `declared value of ${h}`).toBe(v);
  for (const q of reqs) expect(promisedPart(q.headers), `${q.method} ${q.rpc ?? ''}`).toEqual(want);
  counts.remoteBlocks += 1;
  counts.optionalLeftUnset += p.c.skipped.length;
  counts.requestsChecked += reqs.length;
  counts.headersChecked += reqs.length * Object.keys(want).length;
}

function checkStdio(p: Placed, s: Session): void {
  const entry = p.c.outputs.entry;
  if (!isStdio(entry)) return;
  const runner = entry.command;
  const seen = readShimRecords(s.home).filter(
    (r) => r.runner === runner && JSON.stringify(r.argv) === JSON.stringify(entry.args ?? []),
  );
  expect(
    seen.length,
    `the fake ${runner} never started with ${JSON.stringify(entry.args)}\n${transcript(s)}`,
  ).toBeGreaterThanOrEqual(1);
  for (const { env } of seen) {
    expectStdioEnv(env, s.env, promisedServerEnv(p.c));
    // What the page promises is what the server.json declares: every variable it needs arrives, with the reader's value.
    for (const [name, fixed] of Object.entries(p.c.declaredEnv))
      expect(env[name], `${name} is declared by the server.json`).toBe(fixed ?? p.c.exported[name]);
    for (const name of p.c.unlisted)
      expect(env, `${name} is set in the shell but not in env_vars`).not.toHaveProperty(name);
    for (const name of p.c.skipped)
      expect(env, `${name} is optional and was left unset`).not.toHaveProperty(name);
  }
  counts.stdioEnvs += 1;
  counts.unlistedWithheld += seen.length > 0 ? p.c.unlisted.length : 0;
  counts.optionalLeftUnset += p.c.skipped.length;
}

describe.skipIf(skip !== null)('runtime: server.json conversions, as Codex runs them', () => {
  it('covers every usable choice of the corpus, every remote also by its command where that is complete', () => {
    const usable = corpusFiles().flatMap((path) => {
      const server = parseServerJson(readFileSync(path, 'utf8')).server;
      return server
        ? listChoices(server)
            .filter((c) => c.supported)
            .map((c) => `${basename(path)} ${c.id}`)
        : [];
    });
    expect(usable.length).toBeGreaterThanOrEqual(30);
    expect([...new Set(cases.map((c) => `${c.file} ${c.choiceId}`))].sort()).toEqual(usable.sort());
    for (const c of cases)
      if (c.route === 'toml' && !isStdio(c.outputs.entry) && c.outputs.cli.mode === 'full')
        expect(cases.map((x) => x.id)).toContain(`${c.id} command`);
  });

  it('a stdio server gets its arguments as written: Codex expands no variable in them', () => {
    const s = sessions[sessions.length - 1]!;
    expect(result().cases[sessions.length - 1]!.code, transcript(s)).toBe(0);
    const seen = readShimRecords(s.home);
    expect(
      seen.map((r) => r.argv),
      transcript(s),
    ).toEqual([PROBE_ARGS]);
    expect(seen[0]!.env, 'SJ_PROBE is not in env_vars').not.toHaveProperty('SJ_PROBE');
  });

  for (const p of placed) {
    it(p.c.id, () => {
      const s = sessions[p.session]!;
      expect(result().cases[p.session]!.code, transcript(s)).toBe(0);
      expect(p.c.outputs.toml, 'the prefilled link carries the whole conversion').toBe(
        p.c.directToml,
      );
      // The notes say the config file never holds a secret: neither the block nor the command does.
      for (const secret of p.c.secrets)
        expect(p.c.outputs.toml + (p.c.outputs.cli.posix ?? '')).not.toContain(secret);
      if (isStdio(p.c.outputs.entry)) checkStdio(p, s);
      else checkRemote(p, s);
    });
  }
});
