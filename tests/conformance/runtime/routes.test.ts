/**
 * The runtime oracle for every non-browser route: the generated env lines run in real shells, the
 * generated TOML (only `url` pointed at a loopback fake) or the config the complete command writes,
 * then a real `codex exec` session. The fake servers record what arrives: the exact headers (nothing
 * the page did not promise) or, for stdio, the exact environment.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStdio } from '../../../src/lib/generator/model.ts';
import { quotePosix } from '../../../src/lib/generator/shell/posix.ts';
import { cleanupHomes, ROOT } from '../../support/codex.ts';
import { NODE, netnsUnavailable } from '../../support/netns.ts';
import {
  allowlisted,
  availableShells,
  baseEnv,
  EXEC,
  MCP_PORT,
  prepareHome,
  promisedPart,
  requestsFor,
  retarget,
  runSessions,
  shellArgv,
} from './harness.ts';
import { buildMatrix, loadProviders, STDIO_RECORD, type Variant } from './matrix.ts';
import type { PlanCase } from './plan.ts';
import { recordRuntime } from './record.ts';

const skip = netnsUnavailable();
if (skip) console.log(skip);

const STDIO_SCRIPT = resolve(ROOT, 'tests/support/fake-stdio.ts');
const STDIO_RECORD_PATTERN = `^${STDIO_RECORD.replace(/\./g, '\\.')}$`;
const shells = availableShells();
const variants = buildMatrix(loadProviders(), NODE, STDIO_SCRIPT);

interface RouteCase {
  plan: PlanCase;
  variant: Variant;
  route: string;
  prefix: string;
  home: string;
  env: Record<string, string>;
}

function exportsFor(v: Variant, shell: 'bash' | 'fish' | 'pwsh'): string {
  const generated = v.outputs.env
    ? shell === 'bash'
      ? v.outputs.env.posix
      : shell === 'fish'
        ? v.outputs.env.fish
        : v.outputs.env.powershell
    : '';
  const extra = Object.entries(v.extraExports).map(([k, val]) =>
    shell === 'bash'
      ? `export ${k}=${quotePosix(val)}`
      : shell === 'fish'
        ? `set -gx ${k} '${val}'`
        : `$env:${k} = '${val}'`,
  );
  return [generated, ...extra].join('\n');
}

function makeCases(): RouteCase[] {
  const cases: RouteCase[] = [];
  const add = (
    v: Variant,
    route: string,
    shell: 'bash' | 'fish' | 'pwsh',
    bin: string,
    body: (url: string) => { toml: string; lines: string },
  ): void => {
    const n = cases.length;
    const prefix = `/c${n}/`;
    const url = `http://127.0.0.1:${MCP_PORT}${prefix}mcp`;
    const { toml, lines } = body(url);
    const home = prepareHome(`${v.id}-${route}`, toml);
    const env = baseEnv(home);
    const script = [exportsFor(v, shell), lines, EXEC].filter((s) => s !== '').join('\n');
    cases.push({
      plan: {
        id: `${v.id} ${route}`,
        argv: shellArgv(shell, bin, script),
        env,
        cwd: home,
        timeoutMs: 90_000,
        // A local server's record must exist before the one-word turn ends the session.
        ...(isStdio(v.outputs.entry) && {
          awaitFiles: { dir: home, pattern: STDIO_RECORD_PATTERN, count: 1, maxMs: 30_000 },
        }),
      },
      variant: v,
      route,
      prefix,
      home,
      env,
    });
  };
  for (const v of variants) {
    const entry = v.outputs.entry;
    const remoteUrl = isStdio(entry) ? null : entry.url;
    const tomlRoute = (url: string): { toml: string; lines: string } => ({
      toml: '\n' + (remoteUrl ? retarget(v.outputs.toml, remoteUrl, url) : v.outputs.toml),
      lines: '',
    });
    add(v, 'toml/bash', 'bash', shells.bash, tomlRoute);
    if (shells.fish) add(v, 'toml/fish', 'fish', shells.fish, tomlRoute);
    if (shells.pwsh) add(v, 'toml/pwsh', 'pwsh', shells.pwsh, tomlRoute);
    if (v.outputs.cli.mode === 'full' && v.outputs.cli.posix) {
      const posix = v.outputs.cli.posix;
      add(v, 'command/bash', 'bash', shells.bash, (url) => ({
        toml: '',
        lines: remoteUrl ? retarget(posix, remoteUrl, url) : posix,
      }));
      const ps = v.outputs.cli.powershell;
      if (shells.pwsh && ps)
        add(v, 'command/pwsh', 'pwsh', shells.pwsh, (url) => ({
          toml: '',
          lines: remoteUrl ? retarget(ps, remoteUrl, url) : ps,
        }));
    }
  }
  return cases;
}

const cases = skip ? [] : makeCases();
const result = runSessions(
  skip,
  () => ({
    servers: [{ port: MCP_PORT }],
    cases: cases.map((c) => c.plan),
    concurrency: 3,
  }),
  15,
);

afterAll(() => {
  if (skip) return;
  const remote = cases.filter((c) => !isStdio(c.variant.outputs.entry));
  recordRuntime('routes', {
    routes: cases.length,
    variants: variants.length,
    headerChecks: remote.reduce(
      (n, c) => n + requestsFor(result().requests[String(MCP_PORT)] ?? [], c.prefix).length,
      0,
    ),
    stdioEnvs: cases.length - remote.length,
    shells: Object.entries(shells)
      .filter(([, b]) => b)
      .map(([s]) => s),
  });
  cleanupHomes();
});

describe.skipIf(skip !== null)('runtime: what reaches the server', () => {
  it('covers every provider and every non-browser auth mode', () => {
    const covered = new Set(variants.map((v) => `${v.provider}.${v.mode}`));
    for (const p of loadProviders())
      for (const m of p.authModes)
        if (m.kind !== 'oauth') expect(covered, `${p.id}.${m.id}`).toContain(`${p.id}.${m.id}`);
  });

  for (const [i, c] of cases.entries()) {
    it(`${c.plan.id}`, () => {
      const r = result().cases[i]!;
      const transcript = `--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
      expect(r.code, transcript).toBe(0);
      if (isStdio(c.variant.outputs.entry)) {
        const file = join(c.home, STDIO_RECORD);
        expect(existsSync(file), `the stdio server never started\n${transcript}`).toBe(true);
        const seen = (JSON.parse(readFileSync(file, 'utf8')) as { env: Record<string, string> })
          .env;
        // Codex puts its own helper folders in front of PATH; the person's PATH must follow unchanged.
        expect(seen['PATH']?.endsWith(`:${c.env['PATH']}`), seen['PATH']).toBe(true);
        const expected = { ...allowlisted(c.env), ...c.variant.serverEnv, PATH: seen['PATH'] };
        expect(seen).toEqual(expected);
        return;
      }
      const reqs = requestsFor(result().requests[String(MCP_PORT)] ?? [], c.prefix);
      expect(
        reqs.map((q) => q.rpc),
        transcript,
      ).toEqual(expect.arrayContaining(['initialize', 'tools/list']));
      for (const q of reqs)
        expect(promisedPart(q.headers), `${q.method} ${q.rpc ?? ''}`).toEqual(c.variant.headers);
    });
  }
});
