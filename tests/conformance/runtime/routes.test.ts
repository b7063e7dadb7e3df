/**
 * The runtime oracle for every non-browser route: the generated env lines run in real shells, the
 * generated TOML (only `url` pointed at a loopback fake) or the config the complete command writes,
 * then a real `codex exec` session. The fake servers record what arrives: the exact headers (nothing
 * the page did not promise) or, for stdio, the exact environment.
 */
import { describe, expect, it } from 'vitest';
import { isStdio } from '../../../src/lib/generator/model.ts';
import { quotePosix } from '../../../src/lib/generator/shell/posix.ts';
import {
  availableShells,
  EXEC,
  MCP_PORT,
  prepareHome,
  retarget,
  runCases,
  runtimeSkip,
  shellArgv,
} from './harness.ts';
import {
  expectDelivered,
  matrixCase,
  runtimeMatrix,
  type MatrixCase,
  type Variant,
} from './matrix.ts';

const skip = runtimeSkip();
const shells = availableShells();
const { providers, variants } = runtimeMatrix();

interface RouteCase extends MatrixCase {
  route: string;
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
    const script = [exportsFor(v, shell), lines, EXEC].filter((s) => s !== '').join('\n');
    const argv = shellArgv(shell, bin, script);
    cases.push({
      ...matrixCase(v, { id: `${v.id} ${route}`, argv, home, prefix, timeoutMs: 90_000 }),
      route,
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
const { result, requests } = runCases({
  skip,
  section: 'routes',
  servers: [{ port: MCP_PORT }],
  cases: () => cases.map((c) => c.plan),
  concurrency: 3,
  minutes: 15,
  record: (run) => {
    const remote = cases.filter((c) => !isStdio(c.variant.outputs.entry));
    return {
      routes: cases.length,
      variants: variants.length,
      headerChecks: remote.reduce((n, c) => n + run.requests(c.prefix).length, 0),
      stdioEnvs: cases.length - remote.length,
      shells: Object.entries(shells)
        .filter(([, b]) => b)
        .map(([s]) => s),
    };
  },
});

describe.skipIf(skip !== null)('runtime: what reaches the server', () => {
  it('covers every provider and every non-browser auth mode', () => {
    const covered = new Set(variants.map((v) => `${v.provider}.${v.mode}`));
    for (const p of providers)
      for (const m of p.authModes)
        if (m.kind !== 'oauth') expect(covered, `${p.id}.${m.id}`).toContain(`${p.id}.${m.id}`);
  });

  for (const [i, c] of cases.entries()) {
    it(`${c.plan.id}`, () => {
      expectDelivered(c, result().cases[i]!, requests);
    });
  }
});
