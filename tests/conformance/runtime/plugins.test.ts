/**
 * Plugins in real sessions. Every generated setup of the runtime matrix (remote: bearer variable,
 * env_http_headers, static headers, Basic built by the shell; local: env and env_vars) is written as
 * plugin files by src/lib/plugin (only `url` pointed at the fake), installed from a local
 * marketplace with the release's own `codex plugin` commands, then a `codex exec` session runs:
 * the fake server must get exactly the headers, the fake stdio server exactly the environment,
 * that the TOML route gets (routes.test.ts). Then a tool call through a plugin's server under
 * `codex exec`, with and without each approval setting (the generator's own settings carried into
 * the plugin files, a config.toml override, exec's flags): does `tools/call` reach the server, and
 * what does Codex say when it does not (src/lib/codex/plugins.ts PLUGIN_TOOL_CALLS).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLUGIN_COMMANDS, PLUGIN_TOOL_CALLS } from '../../../src/lib/codex/index.ts';
import { isStdio } from '../../../src/lib/generator/model.ts';
import { quotePosix } from '../../../src/lib/generator/shell/posix.ts';
import { generate, type Outputs } from '../../../src/lib/generator/generate.ts';
import type { ServerSpec } from '../../../src/lib/generator/model.ts';
import { withSettings } from '../../../src/lib/generator/settings.ts';
import { defaultForm, specFromForm } from '../../../src/lib/input/provider.ts';
import { emptySettings, type SettingsForm } from '../../../src/lib/input/settings-form.ts';
import { pluginNameFor, sourceOf } from '../../../src/lib/plugin/files.ts';
import { marketplace } from '../../../src/lib/plugin/marketplace.ts';
import { CODEX_RELEASE, RUNTIME_FACTS } from '../../support/codex.ts';
import {
  baseEnv,
  EXEC,
  expectListed,
  MCP_PORT,
  prepareHome,
  retarget,
  runCases,
  runtimeSkip,
} from './harness.ts';
import { expectDelivered, matrixCase, runtimeMatrix, type Variant } from './matrix.ts';
import type { PlanCase } from './plan.ts';

const skip = runtimeSkip();
const MARKET = 'team';
const { providers, variants } = runtimeMatrix();

/** Writes `files` under `root`. */
function writeFiles(root: string, files: readonly { path: string; text: string }[]): void {
  for (const f of files) {
    const path = join(root, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text, 'utf8');
  }
}

/** The bash lines that add the marketplace in `./mk` and install `plugin`; exit 7 when either fails. */
const installLines = (plugin: string): string =>
  [
    `codex ${PLUGIN_COMMANDS.marketplaceAdd.join(' ')} ./mk || exit 7`,
    `codex ${PLUGIN_COMMANDS.add.join(' ')} ${plugin}@${MARKET} || exit 7`,
  ].join('\n');

/** One session per variant: its plugin files, installed, then the variable lines and a session. */
function routeCase(v: Variant, n: number) {
  const prefix = `/p${n}/`;
  const url = `http://127.0.0.1:${MCP_PORT}${prefix}mcp`;
  const out = v.outputs;
  const plugin = pluginNameFor(out.name);
  const m = marketplace({
    name: MARKET,
    repo: '',
    plugins: [{ server: out.name, entry: out.entry, env: [], plugin }],
  });
  if (!m.files) throw new Error(`${v.id}: no plugin files: ${JSON.stringify(m.diagnostics)}`);
  const entry = out.entry;
  const files = m.files.map((f) =>
    !isStdio(entry) && f.path.endsWith('.mcp.json')
      ? { ...f, text: retarget(f.text, entry.url, url) }
      : f,
  );
  const home = prepareHome(`plugin-${v.id}`);
  writeFiles(join(home, 'mk'), files);
  const exports = [
    out.env?.posix ?? '',
    ...Object.entries(v.extraExports).map(([k, val]) => `export ${k}=${quotePosix(val)}`),
  ];
  const script = [...exports, installLines(plugin), EXEC].filter((s) => s !== '').join('\n');
  const argv = ['bash', '-c', script];
  return matrixCase(v, { id: `plugin ${v.id}`, argv, home, prefix, timeoutMs: 120_000 });
}

/** How the tool-call cases allow the call (or not). */
interface CallCase {
  id: keyof typeof PLUGIN_TOOL_CALLS.cases;
  /** The generator's approval settings: the plugin files (or TOML block) carry them. */
  settings?: Partial<SettingsForm>;
  /** Lines appended to config.toml before the session. */
  toml?: string;
  /** Options of `codex exec`. */
  flags?: string;
  /** True: the server is the generated `[mcp_servers.s]` block in config.toml, not a plugin (the comparison). */
  configToml?: boolean;
}

const CALLS: CallCase[] = [
  { id: 'plain' },
  { id: 'policyNever', flags: '-c approval_policy=never' },
  { id: 'policyOnRequest', flags: '-c approval_policy=on-request' },
  { id: 'defaultApprove', settings: { defaultApproval: 'approve' } },
  { id: 'toolApprove', settings: { toolApprovals: 'echo = approve' } },
  {
    id: 'pluginOverride',
    toml: `\n[plugins."p@${MARKET}".mcp_servers.s]\ndefault_tools_approval_mode = "approve"\n`,
  },
  { id: 'bypass', flags: '--dangerously-bypass-approvals-and-sandbox' },
  { id: 'configTomlPlain', configToml: true },
];

interface ToolCase {
  plan: PlanCase;
  call: CallCase;
  prefix: string;
}

const CUSTOM = providers.find((p) => p.id === 'custom');
const REMOTE = 'https://mcp.example.com/mcp';

/** The generator's outputs for a remote server `s`, with the case's settings applied as the page does. */
function generatedFor(call: CallCase): { outputs: Outputs; spec: ServerSpec } {
  if (!CUSTOM) throw new Error('no custom provider');
  const form = { ...defaultForm(CUSTOM, 'remote'), name: 's', params: { url: REMOTE } };
  const spec = specFromForm(CUSTOM, form);
  const settings = { ...emptySettings(), ...call.settings };
  const g = withSettings(generate(spec, CODEX_RELEASE), settings, {
    oauth: false,
    scope: spec.scope,
    platform: 'unix',
  });
  if (!g.outputs) throw new Error(`${call.id}: ${JSON.stringify(g.diagnostics)}`);
  return { outputs: g.outputs, spec };
}

/**
 * The generator's server `s` (only `url` pointed at the fake) as plugin `p` from src/lib/plugin, or
 * as its TOML block, and a session whose model calls `s`'s tool `echo`.
 */
function toolCase(call: CallCase, n: number): ToolCase {
  const prefix = `/t${n}/`;
  const url = `http://127.0.0.1:${MCP_PORT}${prefix}mcp`;
  const { outputs, spec } = generatedFor(call);
  const toml = call.configToml ? `\n${retarget(outputs.toml, REMOTE, url)}` : (call.toml ?? '');
  const home = prepareHome(`plugin-call-${call.id}`, toml);
  if (!call.configToml) {
    const m = marketplace({
      name: MARKET,
      repo: '',
      plugins: [{ ...sourceOf(outputs, spec), plugin: 'p' }],
    });
    if (!m.files) throw new Error(`no plugin files: ${JSON.stringify(m.diagnostics)}`);
    const files = m.files.map((f) =>
      f.path.endsWith('.mcp.json') ? { ...f, text: retarget(f.text, REMOTE, url) } : f,
    );
    writeFiles(join(home, 'mk'), files);
  }
  const exec = `codex exec --skip-git-repo-check ${call.flags ?? ''} 'call s echo'`;
  const script = [call.configToml ? '' : installLines('p'), exec].filter(Boolean).join('\n');
  return {
    plan: {
      id: `call ${call.id}`,
      argv: ['bash', '-c', script],
      env: baseEnv(home),
      cwd: home,
      timeoutMs: 120_000,
    },
    call,
    prefix,
  };
}

const routes = skip ? [] : variants.map(routeCase);
const calls = skip ? [] : CALLS.map(toolCase);
const { result, out, requests } = runCases({
  skip,
  section: 'plugins',
  servers: [{ port: MCP_PORT }],
  cases: () => [...routes.map((c) => c.plan), ...calls.map((c) => c.plan)],
  concurrency: 3,
  minutes: 15,
  record: (run) => ({
    routes: routes.length,
    headerChecks: routes.reduce((n, c) => n + run.requests(c.prefix).length, 0),
    stdioEnvs: routes.filter((c) => isStdio(c.variant.outputs.entry)).length,
    toolCalls: calls.length,
  }),
});

describe.skipIf(skip !== null)(`runtime ${CODEX_RELEASE}: a plugin's server in a session`, () => {
  for (const [i, c] of routes.entries()) {
    it(`${c.plan.id}: gets exactly what the TOML route gets`, () => {
      // Started in its home: without `cwd`, a plugin's local server starts in the plugin's copy.
      expectDelivered(c, result().cases[i]!, requests, true);
    });
  }
});

describe.skipIf(skip !== null)(`runtime ${CODEX_RELEASE}: a tool call under codex exec`, () => {
  const refusal = RUNTIME_FACTS.execToolApprovalMessage
    ? PLUGIN_TOOL_CALLS.refusal
    : PLUGIN_TOOL_CALLS.refusalBefore;
  for (const c of calls) {
    const reaches = PLUGIN_TOOL_CALLS.cases[c.call.id].reaches;
    it(`${c.plan.id}: ${reaches ? 'reaches the server' : `refused ("${refusal}")`}`, () => {
      const r = out(c.plan.id);
      expect(r.code, r.all).toBe(0);
      expect(r.all).toMatch(new RegExp(`^approval: ${PLUGIN_TOOL_CALLS.execApprovalPolicy}$`, 'm'));
      const reqs = requests(c.prefix);
      // The server was started and listed its tools in every case: the model could call it.
      expectListed(reqs, r.all);
      const rpcs = reqs.map((q) => q.rpc);
      expect(rpcs.filter((m) => m === 'tools/call').length, r.all).toBe(reaches ? 1 : 0);
      expect(r.all).toContain(`mcp: s/echo (${reaches ? 'completed' : 'failed'})`);
      expect(r.all.split('\n').includes(refusal), r.all).toBe(!reaches);
    });
  }
});
