/**
 * The conformance check for one valid spec: the generated `codex mcp add` command, run by bash
 * against the real CLI, and the generated TOML block, loaded by the real CLI, must both give the
 * intended `[mcp_servers.NAME]` table, written in Codex's own key names by the test (never derived
 * from the code under test).
 */
import { stringify } from 'smol-toml';
import { expect } from 'vitest';
import { addSettableKeys, nameRefusal, proposeName } from '../../src/lib/codex/index.ts';
import { generate, type Outputs } from '../../src/lib/generator/generate.ts';
import { emptySpec, type ServerSpec } from '../../src/lib/generator/model.ts';
import {
  bash,
  CODEX_RELEASE,
  freshDir,
  getJson,
  mustSucceed,
  posixSh,
  readToml,
  RELEASE_FACTS,
  serverTable,
  writeConfig,
} from './codex.ts';

/**
 * One `[mcp_servers.NAME]` table as Codex reads it (keys: src/lib/codex/keys.ts, proven per release).
 * Deliberately independent of src/lib/generator/model.ts, so a wrong key name there cannot leak into the expectations.
 */
export interface CodexServerTable {
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  env_vars?: string[];
  cwd?: string;
  url?: string;
  bearer_token_env_var?: string;
  http_headers?: Record<string, string>;
  env_http_headers?: Record<string, string>;
  scopes?: string[];
  oauth_resource?: string;
  oauth?: { client_id: string };
  startup_timeout_sec?: number;
  tool_timeout_sec?: number;
  enabled?: boolean;
  required?: boolean;
  enabled_tools?: string[];
  disabled_tools?: string[];
}

export type Mode = 'full' | 'partial' | 'toml-only';

/** Keys `codex mcp add` of the release under test has a flag for (`codex mcp add --help`): everything else is TOML-only. */
export const CLI_SETTABLE: ReadonlySet<string> = addSettableKeys(CODEX_RELEASE);

/** The keys of a table the command cannot carry, sorted. */
export function unsettableKeys(table: CodexServerTable): string[] {
  return Object.keys(table)
    .filter((k) => !CLI_SETTABLE.has(k))
    .sort();
}

/** The mode a page must declare for a table, from first principles (used for the random cases). */
export function expectedMode(table: CodexServerTable, spec: ServerSpec): Mode {
  if (spec.scope === 'project') return 'toml-only';
  const headerNames = [
    ...Object.keys(table.http_headers ?? {}),
    ...Object.keys(table.env_http_headers ?? {}),
  ];
  // Credentials in headers cannot be carried by the command: by auth mode, or an Authorization header under any mode.
  const authInHeaders =
    spec.auth === 'headers' || headerNames.some((h) => /^(proxy-)?authorization$/i.test(h));
  if (authInHeaders && headerNames.length > 0) return 'toml-only';
  return unsettableKeys(table).length > 0 ? 'partial' : 'full';
}

function omit(table: CodexServerTable, keys: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...table };
  for (const k of keys) delete copy[k];
  return copy;
}

function pick(table: CodexServerTable, keys: readonly string[]): Record<string, unknown> {
  const source: Record<string, unknown> = { ...table };
  return Object.fromEntries(keys.filter((k) => k in source).map((k) => [k, source[k]]));
}

/**
 * What `codex mcp get NAME --json` prints for a table: Codex's JSON projection, with its defaults
 * (`enabled` true, empty `args`/`env_vars`, null for everything unset). It omits `required`,
 * `scopes`, `oauth` and `oauth_resource`; those are compared through the parsed TOML instead.
 * The HTTP transport has exactly the fields the release under test reports (`http_headers_helper`
 * only from the release that reads it).
 */
export function expectedGetJson(name: string, t: Readonly<Record<string, unknown>>): unknown {
  const v = (key: string): unknown => t[key] ?? null;
  const http: Record<string, unknown> = { type: 'streamable_http', url: t['url'] };
  for (const key of RELEASE_FACTS.getJsonHttpTransport)
    if (key !== 'type' && key !== 'url') http[key] = v(key);
  const transport =
    t['command'] !== undefined
      ? {
          type: 'stdio',
          command: t['command'],
          args: t['args'] ?? [],
          env: v('env'),
          env_vars: t['env_vars'] ?? [],
          cwd: v('cwd'),
        }
      : http;
  return {
    name,
    enabled: t['enabled'] ?? true,
    disabled_reason: null,
    transport,
    enabled_tools: v('enabled_tools'),
    disabled_tools: v('disabled_tools'),
    startup_timeout_sec: v('startup_timeout_sec'),
    tool_timeout_sec: v('tool_timeout_sec'),
  };
}

// `codex mcp add --oauth-client-id` also writes `oauth.callback_url`, a loopback redirect URL Codex
// derives from the server URL alone (deterministic: same URL, same value, whatever the name; e.g.
// http://127.0.0.1/callback/9biCUt7SMRWF). No flag asks for it and `get --json` does not report it;
// the TOML route without it loads the same server, so the generator rightly never writes it. Exactly
// that one key is left out of the comparison (after checking it has that loopback form).
const CALLBACK_URL_RE = /^http:\/\/127\.0\.0\.1(:\d+)?\/callback\/[A-Za-z0-9_-]+$/;
function withoutCallbackUrl(table: Record<string, unknown>): Record<string, unknown> {
  const oauth = table['oauth'];
  if (typeof oauth !== 'object' || oauth === null) return table;
  // Releases before the callback URL change write only client_id; later ones always add the URL.
  expect('callback_url' in oauth, `codex ${CODEX_RELEASE} writes oauth.callback_url`).toBe(
    RELEASE_FACTS.addWritesCallbackUrl,
  );
  if (!('callback_url' in oauth)) return table;
  const { callback_url: callbackUrl, ...rest } = oauth as Record<string, unknown>;
  expect(callbackUrl, 'oauth.callback_url written by codex mcp add').toMatch(CALLBACK_URL_RE);
  return { ...table, oauth: rest };
}

/** Options for one check; the hand-written cases turn on the slower extras. */
export interface CheckOptions {
  /** The mode the page must declare, stated by hand; computed with `expectedMode` when absent. */
  mode?: Mode;
  /** Also run the page's `codex mcp get NAME --json` verification line through bash. */
  verifyLine?: boolean;
  /** For project scope, also load the TOML block from a trusted project's .codex/config.toml. */
  projectLayer?: boolean;
  /** Also paste the command into plain `sh` (dash): the quoting must not depend on bash. */
  alsoSh?: boolean;
}

/** How many codex/bash processes a check ran, for the summary. */
export interface CheckReport {
  mode: Mode;
  processes: number;
}

/** Builds a spec from the fields a case sets (everything else is the form's empty default). */
export function specOf(fields: Partial<ServerSpec>): ServerSpec {
  return { ...emptySpec(), ...fields };
}

/** Generates outputs for the release under test for a spec that must be valid, failing with its diagnostics otherwise. */
export function outputsOf(spec: ServerSpec): Outputs {
  const g = generate(spec, CODEX_RELEASE);
  const errors = g.diagnostics.filter((d) => d.severity === 'error');
  expect(errors, 'a valid spec must have no error diagnostics').toEqual([]);
  expect(g.outputs, 'a valid spec must have outputs').not.toBeNull();
  return g.outputs as Outputs;
}

/**
 * A name the release under test refuses (before 0.152.0, `a.b`): the generator gives no outputs and
 * proposes a name that release accepts; Codex agrees, refusing the newest release's command word for
 * word. Returns the spec under the proposed name, whose outputs are then checked like any other.
 */
async function refusedName(spec: ServerSpec): Promise<ServerSpec> {
  const name = spec.name.trim();
  const g = generate(spec, CODEX_RELEASE);
  expect(
    g.outputs,
    `codex ${CODEX_RELEASE}: no outputs for the name ${JSON.stringify(name)}`,
  ).toBeNull();
  const proposal = proposeName(name, RELEASE_FACTS.nameRule);
  const message = g.diagnostics.find((d) => d.field === 'name' && d.severity === 'error')?.message;
  expect(message, 'the name field proposes a name the release accepts').toContain(
    `for example "${proposal}"`,
  );
  const newest = generate(spec).outputs?.cli.posix;
  if (newest) {
    const r = await bash(newest, freshDir('refused-name'));
    expect(r.code, `codex ${CODEX_RELEASE} refuses the name ${JSON.stringify(name)}`).not.toBe(0);
    expect(r.stderr).toContain(nameRefusal(name, RELEASE_FACTS.nameRule));
  }
  return { ...spec, name: proposal };
}

/** Runs every route for one valid spec against the real CLI and compares them with `intended`. */
export async function checkConformance(
  asked: ServerSpec,
  intended: CodexServerTable,
  options: CheckOptions = {},
): Promise<CheckReport> {
  let processes = 0;
  let spec = asked;
  if (!RELEASE_FACTS.nameRule.pattern.test(asked.name.trim())) {
    spec = await refusedName(asked);
    processes += 1;
  }
  const out = outputsOf(spec);
  const name = out.name;

  // The core's own entry is the intended table (its key names are Codex's).
  expect(JSON.parse(JSON.stringify(out.entry)), 'outputs.entry').toEqual(intended);

  // The page declares the right route, and lists exactly the keys the flags cannot carry.
  const mode = options.mode ?? expectedMode(intended, spec);
  expect(out.cli.mode, 'outputs.cli.mode').toBe(mode);
  expect([...out.cli.missing].sort(), 'outputs.cli.missing').toEqual(unsettableKeys(intended));
  if (mode === 'toml-only') {
    expect(out.cli.argv, 'no command is offered on the TOML-only route').toBeNull();
    expect(out.cli.posix).toBeNull();
    expect(out.cli.powershell).toBeNull();
    expect(out.cli.reason).not.toBe('');
  } else {
    expect(out.cli.argv, 'a command is offered').not.toBeNull();
    expect(out.cli.missing.length > 0, 'partial iff something is missing').toBe(mode === 'partial');
  }
  const fullJson = expectedGetJson(name, { ...intended });

  // TOML route: the block alone, as the whole config.toml of a fresh CODEX_HOME.
  const tomlHome = freshDir(`toml-${name}`);
  const tomlFile = writeConfig(tomlHome, out.toml);
  const tomlDoc = readToml(tomlFile);
  expect(Object.keys(tomlDoc), 'the block defines nothing but mcp_servers').toEqual([
    'mcp_servers',
  ]);
  expect(
    Object.keys(tomlDoc['mcp_servers'] as object),
    'the block defines exactly one server, under its exact name',
  ).toEqual([name]);
  expect(serverTable(tomlFile, name), 'TOML route: parsed [mcp_servers.NAME]').toEqual(intended);
  const tomlJson = await getJson(name, tomlHome);
  processes += 1;
  expect(tomlJson, 'TOML route: codex mcp get --json').toEqual(fullJson);

  if (options.verifyLine) {
    const line = out.verify.split('\n').find((l) => l.startsWith('codex mcp get '));
    expect(line, 'verification commands include codex mcp get').toBeDefined();
    const r = mustSucceed(`verify line ${line}`, await bash(line as string, tomlHome));
    processes += 1;
    expect(JSON.parse(r.stdout), 'the page verification line reads the same server').toEqual(
      tomlJson,
    );
  }

  if (options.projectLayer && spec.scope === 'project') {
    // Project scope: the same block in a trusted project's .codex/config.toml, read from inside it.
    const project = freshDir(`project-${name}`);
    writeConfig(`${project}/.codex`, out.toml);
    const home = freshDir(`trust-${name}`);
    writeConfig(home, stringify({ projects: { [project]: { trust_level: 'trusted' } } }));
    const projectJson = await getJson(name, home, project);
    processes += 1;
    expect(projectJson, 'project route: codex mcp get --json inside the trusted project').toEqual(
      fullJson,
    );
  }

  if (out.cli.argv === null || out.cli.posix === null) return { mode, processes };

  // CLI route: the bash/zsh command exactly as the page prints it, pasted into bash.
  const cliHome = freshDir(`cli-${name}`);
  mustSucceed(`bash -c ${JSON.stringify(out.cli.posix)}`, await bash(out.cli.posix, cliHome));
  processes += 1;
  const cliFile = `${cliHome}/config.toml`;
  const rawCliTable = serverTable(cliFile, name);
  expect(rawCliTable, 'codex mcp add wrote the server under its exact name').toBeDefined();
  const cliTable = withoutCallbackUrl(rawCliTable as Record<string, unknown>);
  // Partial: the command drops exactly the keys the page lists, nothing else. Full: drops nothing.
  const carried = omit(intended, out.cli.missing);
  expect(cliTable, 'CLI route: parsed [mcp_servers.NAME] written by codex mcp add').toEqual(
    carried,
  );
  const cliJson = await getJson(name, cliHome);
  processes += 1;
  expect(cliJson, 'CLI route: codex mcp get --json').toEqual(expectedGetJson(name, carried));

  if (options.alsoSh) {
    const shHome = freshDir(`sh-${name}`);
    mustSucceed(`sh -c ${JSON.stringify(out.cli.posix)}`, await posixSh(out.cli.posix, shHome));
    processes += 1;
    expect(
      serverTable(`${shHome}/config.toml`, name),
      'the same command pasted into sh writes the same table',
    ).toEqual(rawCliTable);
  }

  if (mode === 'full') {
    expect(cliJson, 'CLI route and TOML route agree').toEqual(tomlJson);
  } else {
    // Finish the partial route as the page tells people to: add the listed keys to the table the
    // command wrote. The result must load exactly like the TOML route.
    const doc = readToml(cliFile);
    const servers = doc['mcp_servers'] as Record<string, Record<string, unknown>>;
    servers[name] = { ...servers[name], ...pick(intended, out.cli.missing) };
    writeConfig(cliHome, stringify(doc));
    expect(
      withoutCallbackUrl(serverTable(cliFile, name) ?? {}),
      'completed CLI route: parsed table',
    ).toEqual(intended);
    const completedJson = await getJson(name, cliHome);
    processes += 1;
    expect(completedJson, 'completed CLI route and TOML route agree').toEqual(tomlJson);
  }
  return { mode, processes };
}
